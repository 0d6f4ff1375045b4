// Format dispatch, detection and file loading for every reader: all of it read from the one table
// of formats (src/io/formats.hpp).
#include "accord/io/read.hpp"

#include "formats.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>

namespace accord {
inline namespace v0 {

namespace {
/// Whether a space-separated list holds `word`.
bool listed(std::string_view list, std::string_view word) {
    while (!list.empty()) {
        const auto space = list.find(' ');
        if (list.substr(0, space) == word) return true;
        if (space == std::string_view::npos) break;
        list.remove_prefix(space + 1);
    }
    return false;
}

const format_info* find_format(file_format f) noexcept {
    for (const auto& e : detail::k_formats)
        if (e.id == f) return &e;
    return nullptr;
}
} // namespace

std::span<const format_info> format_table() { return detail::k_formats; }

std::string format_names(std::string_view sep, std::string_view last, bool writable_only) {
    std::vector<const char*> names;
    for (const auto& e : detail::k_formats)
        if (!writable_only || e.write) names.push_back(e.name);
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += i + 1 == names.size() ? last : sep;
        out += names[i];
    }
    return out;
}

const char* format_name(file_format f) noexcept {
    const auto* e = find_format(f);
    return e ? e->name : "auto";
}

file_format parse_format(std::string_view name) {
    if (name == "auto") return file_format::auto_detect;
    for (const auto& e : detail::k_formats)
        if (name == e.name || listed(e.aliases, name)) return e.id;
    throw error(errc::invalid, "unknown format '" + std::string(name) + "' (expected auto, " +
                                   format_names(", ", " or ") + ")");
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

namespace detail {
// A zip container (PK\3\4) is taken for a workbook.
file_format sniff_xlsx(std::string_view h) {
    return h.substr(0, 4) == std::string_view("PK\x03\x04", 4) ? file_format::xlsx : file_format::auto_detect;
}
// Debian tally sheets have "V: " lines.
file_format sniff_debian(std::string_view h) {
    return h.find("\nV: ") != std::string_view::npos || h.rfind("V: ", 0) == 0 ? file_format::debian
                                                                               : file_format::auto_detect;
}
// PrefLib 2022 starts with "# FILE NAME" and names its DATA TYPE (toi when it does not).
file_format sniff_preflib(std::string_view h) {
    if (h.rfind("# FILE NAME", 0) != 0 && h.find("# DATA TYPE:") == std::string_view::npos)
        return file_format::auto_detect;
    for (auto f : {file_format::soc, file_format::soi, file_format::toc, file_format::toi, file_format::cat})
        if (h.find(std::string("# DATA TYPE: ") + format_name(f)) != std::string_view::npos) return f;
    return file_format::toi;
}
// BLT starts with two integers.
file_format sniff_blt(std::string_view h) {
    std::size_t i = 0;
    while (i < h.size() && (h[i] == ' ' || h[i] == '\t')) ++i;
    std::size_t j = i;
    while (j < h.size() && std::isdigit(static_cast<unsigned char>(h[j]))) ++j;
    return j > i && j < h.size() && (h[j] == ' ' || h[j] == '\t') ? file_format::blt
                                                                  : file_format::auto_detect;
}
// Pabulib opens with a line holding only META (pabutools also takes it in any case).
file_format sniff_pabulib(std::string_view h) {
    std::size_t i = 0;
    while (i < h.size() && (h[i] == ' ' || h[i] == '\t')) ++i;
    if (h.size() < i + 4) return file_format::auto_detect;
    std::string w(h.substr(i, 4));
    for (auto& c : w) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    std::size_t j = i + 4;
    while (j < h.size() && (h[j] == ' ' || h[j] == '\t' || h[j] == ';')) ++j;
    return w == "META" && (j == h.size() || h[j] == '\r' || h[j] == '\n') ? file_format::pabulib
                                                                          : file_format::auto_detect;
}
file_format sniff_csv(std::string_view h) {
    return h.find(',') != std::string_view::npos ? file_format::csv : file_format::auto_detect;
}
} // namespace detail

file_format detect_format(std::string_view name, std::string_view head) {
    const std::string ext = lower_extension(name);
    if (!ext.empty())
        for (const auto& e : detail::k_formats)
            if (listed(e.extensions, ext)) return e.id;
    if (ext == "xls" || ext == "xlsm" || ext == "xlsb" || ext == "ods")
        throw error(errc::unsupported, "." + ext + " workbooks are not read; save the sheet as .xlsx or CSV",
                    source_location{std::string(name), 0, 0});
    // By content, in the table's sniffing order, over the first 4 KiB (the whole head for a zip).
    std::vector<const format_info*> sniffers;
    for (const auto& e : detail::k_formats)
        if (e.sniff) sniffers.push_back(&e);
    std::stable_sort(sniffers.begin(), sniffers.end(), [](const format_info* a, const format_info* b) {
        return a->sniff_rank < b->sniff_rank;
    });
    const std::string_view h = head.substr(0, 4096);
    for (const auto* e : sniffers)
        if (const auto f = e->sniff(h); f != file_format::auto_detect) return f;
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
    const auto* e = find_format(f);
    if (!e) throw error(errc::invalid, "no format");
    profile p = e->read(text, name, f, opt, rep);
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
    in.seekg(0, std::ios::end);
    const auto size = in.tellg();
    if (size < 0)
        throw error(errc::io, "cannot read the file (is it a directory?)",
                    source_location{path.string(), 0, 0});
    // Not a std::string: resizing one writes zeros over every byte before the read overwrites
    // them. (Mapped memory with transparent huge pages was tried: 4 ms instead of 22 for 48 MB
    // most of the time, but on a virtual machine a fresh huge page can cost far more to clear,
    // and one read took 600 ms. The CLI maps large files instead: src/cli/common.cpp.)
    const auto n = static_cast<std::size_t>(size);
    const std::unique_ptr<char[]> text(new char[n ? n : 1]);
    in.seekg(0);
    in.read(text.get(), static_cast<std::streamsize>(n));
    if (!in) throw error(errc::io, "cannot read the file", source_location{path.string(), 0, 0});
    return read_profile_text(std::string_view(text.get(), n), path.string(), opt, report);
}

void write_profile(std::ostream& out, const profile& p, file_format f) {
    // Only a Pabulib file records a participatory budget: another format would drop it.
    if (f != file_format::pabulib && (p.budget || !p.costs.empty()))
        throw error(errc::unsupported, std::string("cannot write this profile as ") + format_name(f) +
                                           ": its budget and project costs would be lost (write pabulib)");
    if (const auto* e = find_format(f); e && e->write) return e->write(out, p, f);
    throw error(errc::unsupported, std::string("cannot write format '") + format_name(f) + "'");
}

} // namespace v0
} // namespace accord
