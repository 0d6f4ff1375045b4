// The reading options as JSON (accord_profile_from_file's and Python's options): one strict
// reader in the core, so the C shim only marshals (docs/formats.md; issue 15).
#include "accord/detail/safety.hpp"
#include "accord/error.hpp"
#include "accord/io/read.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {

read_options read_options_from_json(std::string_view format, std::string_view options_json) {
    read_options opt;
    opt.format = parse_format(format.empty() ? std::string_view("auto") : format);
    if (options_json.empty()) return opt;
    const nlohmann::json j = detail::parse_json(options_json, "options");
    if (!j.is_object()) throw error(errc::invalid, "options must be a JSON object");
    auto strings = [](const nlohmann::json& v, const std::string& key) {
        if (!v.is_array()) throw error(errc::invalid, "option '" + key + "' must be a list of strings");
        std::vector<std::string> out;
        for (const auto& x : v) {
            if (!x.is_string()) throw error(errc::invalid, "option '" + key + "' must be a list of strings");
            out.push_back(x.get<std::string>());
        }
        return out;
    };
    auto string = [](const nlohmann::json& v, const std::string& key) {
        if (!v.is_string()) throw error(errc::invalid, "option '" + key + "' must be a string");
        return v.get<std::string>();
    };
    auto& c = opt.csv;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& k = it.key();
        const auto& v = it.value();
        if (k == "lenient") {
            if (!v.is_boolean()) throw error(errc::invalid, "option 'lenient' must be a boolean");
            opt.lenient = v.get<bool>();
        } else if (k == "header") {
            if (!v.is_boolean()) throw error(errc::invalid, "option 'header' must be a boolean");
            c.header = v.get<bool>();
        } else if (k == "layout") {
            const auto s = string(v, k);
            if (s == "rank-columns")
                c.layout = csv_options::layout_t::rank_columns;
            else if (s == "candidate-columns")
                c.layout = csv_options::layout_t::candidate_columns;
            else if (s == "ranking-cell")
                c.layout = csv_options::layout_t::ranking_cell;
            else if (s == "score-columns")
                c.layout = csv_options::layout_t::score_columns;
            else if (s == "auto")
                c.layout = csv_options::layout_t::auto_detect;
            else
                throw error(errc::invalid, "option 'layout' must be auto, rank-columns, candidate-columns, "
                                           "ranking-cell or score-columns");
        } else if (k == "skipped_labels")
            c.skipped_labels = strings(v, k);
        else if (k == "overvote_labels")
            c.overvote_labels = strings(v, k);
        else if (k == "write_in_labels")
            c.write_in_labels = strings(v, k);
        else if (k == "skip_columns")
            c.skip_columns = strings(v, k);
        else if (k == "candidates")
            c.candidates = strings(v, k);
        else if (k == "overvote_delimiter")
            c.overvote_delimiter = string(v, k);
        else if (k == "unit_column")
            c.unit_column = string(v, k);
        else if (k == "weight_column")
            c.weight_column = string(v, k);
        else if (k == "count_column")
            c.count_column = string(v, k);
        else if (k == "write_in_name")
            c.write_in_name = string(v, k);
        else if (k == "ranking_delimiter")
            c.ranking_delimiter = string(v, k);
        else if (k == "encoding")
            c.encoding = string(v, k);
        else if (k == "score_range")
            c.score_range = string(v, k);
        else if (k == "contest")
            opt.contest = string(v, k);
        else if (k == "detect_columns") {
            if (!v.is_boolean()) throw error(errc::invalid, "option 'detect_columns' must be a boolean");
            c.detect_columns = v.get<bool>();
        } else if (k == "delimiter") {
            const auto s = string(v, k);
            if (s.size() != 1) throw error(errc::invalid, "option 'delimiter' must be one character");
            c.delimiter = s[0];
        } else if (k == "sheet")
            opt.xlsx.sheet = string(v, k);
        else if (k == "xlsx_max_bytes" || k == "xlsx_max_cells") {
            if (!v.is_number_unsigned() || v.get<std::uint64_t>() == 0)
                throw error(errc::invalid, "option '" + k + "' must be a whole number > 0");
            (k == "xlsx_max_bytes" ? opt.xlsx.max_bytes : opt.xlsx.max_cells) = v.get<std::uint64_t>();
        } else
            throw error(errc::invalid, "unknown reading option '" + k + "'");
    }
    return opt;
}

} // namespace v0
} // namespace accord
