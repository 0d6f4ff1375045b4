// Format dispatch, detection and file loading for every reader.
#include "accord/io/read.hpp"

#include "formats.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace accord {
inline namespace v0 {

const char* format_name(file_format f) noexcept {
    switch (f) {
    case file_format::auto_detect:
        return "auto";
    case file_format::soc:
        return "soc";
    case file_format::soi:
        return "soi";
    case file_format::toc:
        return "toc";
    case file_format::toi:
        return "toi";
    case file_format::cat:
        return "cat";
    case file_format::blt:
        return "blt";
    case file_format::csv:
        return "csv";
    case file_format::debian:
        return "debian";
    case file_format::cdf_json:
        return "cdf";
    case file_format::xlsx:
        return "xlsx";
    }
    return "auto";
}

file_format parse_format(std::string_view name) {
    for (auto f : {file_format::auto_detect, file_format::soc, file_format::soi, file_format::toc,
                   file_format::toi, file_format::cat, file_format::blt, file_format::csv,
                   file_format::debian, file_format::cdf_json, file_format::xlsx})
        if (name == format_name(f)) return f;
    if (name == "hil") return file_format::blt;
    if (name == "json" || name == "cdf-json") return file_format::cdf_json;
    throw error(errc::invalid,
                "unknown format '" + std::string(name) +
                    "' (expected auto, soc, soi, toc, toi, cat, blt, csv, debian, cdf or xlsx)");
}

namespace {
std::string lower_extension(std::string_view name) {
    auto dot = name.rfind('.');
    auto slash = name.find_last_of("/\\");
    if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
    std::string ext(name.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}
} // namespace

file_format detect_format(std::string_view name, std::string_view head) {
    const std::string ext = lower_extension(name);
    if (ext == "soc") return file_format::soc;
    if (ext == "soi") return file_format::soi;
    if (ext == "toc") return file_format::toc;
    if (ext == "toi") return file_format::toi;
    if (ext == "cat") return file_format::cat;
    if (ext == "blt" || ext == "hil") return file_format::blt;
    if (ext == "csv") return file_format::csv;
    if (ext == "debian_votes") return file_format::debian;
    if (ext == "json") return file_format::cdf_json;
    if (ext == "xlsx") return file_format::xlsx;
    if (ext == "xls" || ext == "xlsm" || ext == "xlsb" || ext == "ods")
        throw error(errc::unsupported, "." + ext + " workbooks are not read; save the sheet as .xlsx or CSV",
                    source_location{std::string(name), 0, 0});
    // A zip container (PK\3\4) is taken for a workbook.
    if (head.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return file_format::xlsx;
    // By content: Debian tally sheets have "V: " lines; PrefLib 2022 starts with "# FILE NAME";
    // BLT starts with two integers.
    std::string_view h = head.substr(0, 4096);
    if (h.find("\nV: ") != std::string_view::npos || h.rfind("V: ", 0) == 0) return file_format::debian;
    if (h.rfind("# FILE NAME", 0) == 0 || h.find("# DATA TYPE:") != std::string_view::npos) {
        for (auto f :
             {file_format::soc, file_format::soi, file_format::toc, file_format::toi, file_format::cat})
            if (h.find(std::string("# DATA TYPE: ") + format_name(f)) != std::string_view::npos) return f;
        return file_format::toi;
    }
    std::size_t i = 0;
    while (i < h.size() && (h[i] == ' ' || h[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < h.size() && std::isdigit(static_cast<unsigned char>(h[j]))) ++j;
    if (j > i && j < h.size() && (h[j] == ' ' || h[j] == '\t')) return file_format::blt;
    if (h.find(',') != std::string_view::npos) return file_format::csv;
    throw error(errc::parse, "cannot tell the format of this file; pass a format explicitly",
                source_location{std::string(name), 1, 1});
}

profile read_profile_text(std::string_view text, std::string_view name, const read_options& opt,
                          read_report* report) {
    read_report local;
    read_report& rep = report ? *report : local;
    rep = read_report{};
    if (text.size() >= 3 && static_cast<unsigned char>(text[0]) == 0xEF &&
        static_cast<unsigned char>(text[1]) == 0xBB && static_cast<unsigned char>(text[2]) == 0xBF)
        text.remove_prefix(3); // UTF-8 byte-order mark
    file_format f = opt.format == file_format::auto_detect ? detect_format(name, text) : opt.format;
    rep.format = f;
    if (f != file_format::xlsx && !opt.xlsx.sheet.empty())
        throw error(errc::invalid,
                    std::string("a sheet name applies only to .xlsx workbooks, not to format '") +
                        format_name(f) + "'");
    if (f != file_format::xlsx && (opt.xlsx.max_bytes != xlsx_read_options{}.max_bytes ||
                                   opt.xlsx.max_cells != xlsx_read_options{}.max_cells))
        throw error(errc::invalid,
                    std::string("the .xlsx size limits apply only to .xlsx workbooks, not to format '") +
                        format_name(f) + "'");
    profile p;
    switch (f) {
    case file_format::soc:
    case file_format::soi:
    case file_format::toc:
    case file_format::toi:
    case file_format::cat:
        p = detail::read_preflib(text, name, f, opt, rep);
        break;
    case file_format::blt:
        p = detail::read_blt(text, name, opt, rep);
        break;
    case file_format::csv:
        p = detail::read_csv(text, name, opt, rep);
        break;
    case file_format::debian:
        p = detail::read_debian(text, name, opt, rep);
        break;
    case file_format::cdf_json:
        p = detail::read_cdf_json(text, name, opt, rep);
        break;
    case file_format::xlsx:
        p = detail::read_xlsx(text, name, opt, rep);
        break;
    case file_format::auto_detect:
        throw error(errc::invalid, "no format");
    }
    p.source_format = format_name(f);
    return p;
}

profile read_profile(const std::filesystem::path& path, const read_options& opt, read_report* report) {
    // On Linux a directory opens as a stream whose end is at 2^63-1: refuse it by name first.
    if (std::error_code dir_ec; std::filesystem::is_directory(path, dir_ec))
        throw error(errc::io, "is a directory, not a ballot file", source_location{path.string(), 0, 0});
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        std::error_code ec;
        const bool exists = std::filesystem::exists(path, ec);
        throw error(errc::io, exists ? "cannot open the file for reading" : "no such file",
                    source_location{path.string(), 0, 0});
    }
    std::string text;
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size < 0)
        throw error(errc::io, "cannot read the file (is it a directory?)",
                    source_location{path.string(), 0, 0});
    text.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (!in) throw error(errc::io, "cannot read the file", source_location{path.string(), 0, 0});
    return read_profile_text(text, path.string(), opt, report);
}

void write_profile(std::ostream& out, const profile& p, file_format f) {
    switch (f) {
    case file_format::soc:
    case file_format::soi:
    case file_format::toc:
    case file_format::toi:
    case file_format::cat:
        detail::write_preflib(out, p, f);
        return;
    case file_format::blt:
        detail::write_blt(out, p);
        return;
    case file_format::csv:
        detail::write_csv(out, p);
        return;
    case file_format::debian:
        detail::write_debian(out, p);
        return;
    default:
        break;
    }
    throw error(errc::unsupported, std::string("cannot write format '") + format_name(f) + "'");
}

} // namespace v0
} // namespace accord
