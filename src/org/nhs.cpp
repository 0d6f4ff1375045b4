// NHS England's practice files as published: the practice -> PCN -> sub-ICB/CCG -> ICB/STP ->
// region mapping (gp-reg-pat-prac-map) joined with the list sizes (gp-reg-pat-prac-all) on the
// practice code, into the practice CSV the organisation reader takes.
#include "accord/organisation.hpp"

#include "accord/detail/safety.hpp"

#include "csv_rows.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace accord {
inline namespace v0 {

namespace {

[[noreturn]] void fail(std::string_view file, std::size_t line, const std::string& msg) {
    detail::csv_fail(file, line, msg);
}

struct table {
    std::vector<std::string> header;
    std::vector<std::pair<std::size_t, std::vector<std::string>>> rows;
    std::size_t column(std::string_view name) const {
        for (std::size_t i = 0; i < header.size(); ++i)
            if (header[i] == name) return i;
        return SIZE_MAX;
    }
};

table read_table(std::string_view text, std::string_view file) {
    table t;
    detail::for_each_csv_row(text, file, [&](std::size_t ln, std::vector<std::string> f) {
        if (t.header.empty()) {
            t.header = std::move(f);
            return;
        }
        if (f.size() != t.header.size())
            fail(file, ln,
                 std::to_string(f.size()) + " fields; the header has " + std::to_string(t.header.size()));
        t.rows.emplace_back(ln, std::move(f));
    });
    if (t.header.empty()) fail(file, 1, "empty file; expected a header row");
    return t;
}

std::size_t need(const table& t, std::string_view file, std::string_view name, std::string_view what) {
    const auto c = t.column(name);
    if (c == SIZE_MAX)
        fail(file, 1,
             "no column " + std::string(name) + " in the header; is this NHS England's " + std::string(what) +
                 " file?");
    return c;
}

// NHS England writes EXTRACT_DATE as 01Oct2025 in some publications and 2025-04-01 in others.
std::string iso_date(const std::string& s, std::string_view file, std::size_t ln) {
    auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i)
            if (s[i] < '0' || s[i] > '9') return false;
        return true;
    };
    if (s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(0, 4) && digits(5, 2) && digits(8, 2))
        return s;
    static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (s.size() == 9 && digits(0, 2) && digits(5, 4))
        for (int m = 0; m < 12; ++m)
            if (s.compare(2, 3, months[m]) == 0) {
                const char mm[3] = {static_cast<char>('0' + (m + 1) / 10),
                                    static_cast<char>('0' + (m + 1) % 10), 0};
                return s.substr(5, 4) + "-" + mm + "-" + s.substr(0, 2);
            }
    fail(file, ln, "EXTRACT_DATE '" + s + "' is not a date (expected 01Oct2025 or 2025-10-01)");
}

std::string one_extract_date(const table& t, std::string_view file, std::string_view what) {
    const auto c = need(t, file, "EXTRACT_DATE", what);
    std::string date;
    for (const auto& [ln, f] : t.rows) {
        if (date.empty())
            date = f[c];
        else if (f[c] != date)
            fail(file, ln,
                 "EXTRACT_DATE '" + f[c] + "' differs from the first row's '" + date +
                     "'; one file must be one publication");
    }
    if (t.rows.empty()) fail(file, 1, "no practices after the header");
    return iso_date(date, file, t.rows.front().first);
}

void put_field(std::string& out, const std::string& f) {
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
        out += f;
        return;
    }
    out += '"';
    for (char c : f) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        std::error_code ec;
        throw error(errc::io,
                    std::filesystem::exists(p, ec) ? "cannot open the file for reading" : "no such file",
                    source_location{p.string(), 0, 0});
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

std::string join_nhs_practice_files_text(std::string_view map_text, std::string_view map_name,
                                         std::string_view sizes_text, std::string_view sizes_name,
                                         nhs_join_report* report) {
    nhs_join_report rep;
    const table map = read_table(map_text, map_name);
    const table sizes = read_table(sizes_text, sizes_name);
    constexpr std::string_view map_what = "practice mapping (gp-reg-pat-prac-map)";
    constexpr std::string_view size_what = "list-size (gp-reg-pat-prac-all)";

    // The two shapes differ only in the middle levels: sub-ICB and ICB since July 2022, CCG and
    // STP before.
    const bool icb_era = map.column("SUB_ICB_LOCATION_CODE") != SIZE_MAX;
    const bool ccg_era = map.column("CCG_CODE") != SIZE_MAX;
    if (icb_era == ccg_era)
        fail(map_name, 1,
             icb_era ? "both SUB_ICB_LOCATION_CODE and CCG_CODE columns; expected one shape"
                     : "no SUB_ICB_LOCATION_CODE (2022-07 on) or CCG_CODE (before) column; is this "
                       "NHS England's practice mapping (gp-reg-pat-prac-map) file?");
    rep.shape = icb_era ? "2025" : "2022";
    struct out_col {
        const char* out;
        const char* in;
    };
    const std::vector<out_col> cols = icb_era
                                          ? std::vector<out_col>{{"practice_code", "PRACTICE_CODE"},
                                                                 {"practice_name", "PRACTICE_NAME"},
                                                                 {"practice_postcode", "PRACTICE_POSTCODE"},
                                                                 {"pcn_code", "PCN_CODE"},
                                                                 {"pcn_name", "PCN_NAME"},
                                                                 {"sub_icb_code", "SUB_ICB_LOCATION_CODE"},
                                                                 {"sub_icb_name", "SUB_ICB_LOCATION_NAME"},
                                                                 {"icb_code", "ICB_CODE"},
                                                                 {"icb_name", "ICB_NAME"},
                                                                 {"region_code", "COMM_REGION_CODE"},
                                                                 {"region_name", "COMM_REGION_NAME"}}
                                          : std::vector<out_col>{{"practice_code", "PRACTICE_CODE"},
                                                                 {"practice_name", "PRACTICE_NAME"},
                                                                 {"practice_postcode", "PRACTICE_POSTCODE"},
                                                                 {"pcn_code", "PCN_CODE"},
                                                                 {"pcn_name", "PCN_NAME"},
                                                                 {"ccg_code", "CCG_CODE"},
                                                                 {"ccg_name", "CCG_NAME"},
                                                                 {"stp_code", "STP_CODE"},
                                                                 {"stp_name", "STP_NAME"},
                                                                 {"region_code", "COMM_REGION_CODE"},
                                                                 {"region_name", "COMM_REGION_NAME"}};
    std::vector<std::size_t> in_cols;
    in_cols.reserve(cols.size());
    for (const auto& c : cols) in_cols.push_back(need(map, map_name, c.in, map_what));
    rep.mapping_extract_date = one_extract_date(map, map_name, map_what);
    rep.list_size_extract_date = one_extract_date(sizes, sizes_name, size_what);

    // List sizes: the rows for all sexes and all ages (the only rows of gp-reg-pat-prac-all; a
    // breakdown file has none, and is refused below for want of them).
    const auto s_code = need(sizes, sizes_name, "CODE", size_what);
    const auto s_n = need(sizes, sizes_name, "NUMBER_OF_PATIENTS", size_what);
    const auto s_sex = sizes.column("SEX"), s_age = sizes.column("AGE");
    struct size_row {
        std::uint64_t patients;
        std::size_t line;
        bool used = false;
    };
    std::unordered_map<std::string, size_row> size_of;
    std::vector<const std::string*> size_order;
    for (const auto& [ln, f] : sizes.rows) {
        if ((s_sex != SIZE_MAX && f[s_sex] != "ALL") || (s_age != SIZE_MAX && f[s_age] != "ALL")) continue;
        const std::string& code = f[s_code];
        if (code.empty()) fail(sizes_name, ln, "empty CODE");
        const std::string& n = f[s_n];
        std::uint64_t v = 0;
        auto [p, ec] = std::from_chars(n.data(), n.data() + n.size(), v);
        if (n.empty() || ec != std::errc() || p != n.data() + n.size())
            fail(sizes_name, ln,
                 "NUMBER_OF_PATIENTS '" + n + "' of practice " + code + " is not a whole number");
        auto [it, fresh] = size_of.emplace(code, size_row{v, ln});
        if (!fresh)
            fail(sizes_name, ln,
                 "practice " + code + " has a second list size (first on line " +
                     std::to_string(it->second.line) + ")");
        size_order.push_back(&it->first);
    }
    if (size_of.empty())
        fail(sizes_name, 1,
             "no row with SEX=ALL and AGE=ALL; expected NHS England's gp-reg-pat-prac-all file");

    std::string out;
    out.reserve(map_text.size() / 2 + 64 * map.rows.size());
    for (const auto& c : cols) {
        out += c.out;
        out += ',';
    }
    out += "registered_patients,mapping_extract_date,list_size_extract_date\r\n";
    std::unordered_map<std::string, std::size_t> seen;
    std::vector<std::string> missing;
    std::size_t first_missing_line = 0;
    for (const auto& [ln, f] : map.rows) {
        const std::string& code = f[in_cols[0]];
        if (code.empty()) fail(map_name, ln, "empty PRACTICE_CODE");
        if (auto [it, fresh] = seen.emplace(code, ln); !fresh)
            fail(map_name, ln,
                 "practice " + code + " appears twice (first on line " + std::to_string(it->second) + ")");
        auto s = size_of.find(code);
        if (s == size_of.end()) {
            if (missing.empty()) first_missing_line = ln;
            missing.push_back(code);
            continue;
        }
        s->second.used = true;
        for (auto c : in_cols) {
            put_field(out, f[c]);
            out += ',';
        }
        out += std::to_string(s->second.patients);
        out += ',';
        out += rep.mapping_extract_date;
        out += ',';
        out += rep.list_size_extract_date;
        out += "\r\n";
        ++rep.practices;
        rep.registered_patients += s->second.patients;
    }
    if (!missing.empty()) {
        // A voting unit without a population cannot be weighed; dropping it would be silent.
        std::string list;
        for (std::size_t i = 0; i < missing.size() && i < 20; ++i) list += (i ? ", " : "") + missing[i];
        if (missing.size() > 20) list += ", ...";
        fail(map_name, first_missing_line,
             std::to_string(missing.size()) + " practice(s) of the mapping have no list size in " +
                 std::string(sizes_name) + ": " + list +
                 " (use list sizes from the same or a later publication)");
    }
    for (const std::string* code : size_order)
        if (!size_of.at(*code).used) rep.not_in_mapping.push_back(*code);
    if (report) *report = std::move(rep);
    return out;
}

std::string join_nhs_practice_files(const std::filesystem::path& map_path,
                                    const std::filesystem::path& sizes_path, nhs_join_report* report) {
    return join_nhs_practice_files_text(slurp(map_path), map_path.string(), slurp(sizes_path),
                                        sizes_path.string(), report);
}

std::string to_json(const nhs_join_report& r) {
    nlohmann::ordered_json j;
    j["shape"] = r.shape;
    j["mapping_extract_date"] = r.mapping_extract_date;
    j["list_size_extract_date"] = r.list_size_extract_date;
    j["practices"] = r.practices;
    j["registered_patients"] = r.registered_patients;
    j["list_size_practices_not_in_mapping"] = r.not_in_mapping;
    return j.dump();
}

void check_nhs_join_options_json(std::string_view json_text) {
    if (json_text.empty()) return;
    const auto j = detail::parse_json(json_text, "options");
    if (!j.is_object()) throw error(errc::invalid, "options must be a JSON object");
    if (!j.empty())
        throw error(errc::invalid,
                    "unknown option '" + j.begin().key().substr(0, 40) + "' (there are none yet)");
}

organisation read_nhs_organisation(const std::filesystem::path& map_path,
                                   const std::filesystem::path& sizes_path, const org_csv_options& opt,
                                   nhs_join_report* report) {
    nhs_join_report rep;
    const std::string joined = join_nhs_practice_files(map_path, sizes_path, &rep);
    organisation org = read_organisation_text(joined, map_path.string(), opt);
    org.set_provenance("mapping_extract_date", rep.mapping_extract_date);
    org.set_provenance("list_size_extract_date", rep.list_size_extract_date);
    std::string codes;
    for (const auto& c : rep.not_in_mapping) codes += (codes.empty() ? "" : ",") + c;
    org.set_provenance("list_size_practices_not_in_mapping", codes);
    if (report) *report = std::move(rep);
    return org;
}

} // namespace v0
} // namespace accord
