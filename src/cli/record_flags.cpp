// The invocation JSON of a count's inputs, so `--record` on run and decide describes exactly what
// was read: the same fields src/governance/process.cpp reads back to recount (docs/governance.md).
#include "common.hpp"

namespace accord::cli {

nlohmann::ordered_json ballots_invocation(const input_flags& f) {
    if (f.candidate_columns && f.rank_columns)
        throw usage_error("--candidate-columns and --rank-columns exclude each other");
    nlohmann::ordered_json read = {{"format", f.format}, {"lenient", f.lenient}, {"header", !f.no_header}};
    if (!f.unit_column.empty()) read["unit_column"] = f.unit_column;
    if (!f.weight_column.empty()) read["weight_column"] = f.weight_column;
    if (!f.count_column.empty()) read["count_column"] = f.count_column;
    if (!f.skip_columns.empty()) read["skip_columns"] = f.skip_columns;
    if (!f.skipped_labels.empty()) read["skipped_labels"] = f.skipped_labels;
    if (!f.overvote_labels.empty()) read["overvote_labels"] = f.overvote_labels;
    if (!f.write_in_labels.empty()) read["write_in_labels"] = f.write_in_labels;
    if (!f.overvote_delimiter.empty()) read["overvote_delimiter"] = f.overvote_delimiter;
    if (f.candidate_columns) read["layout"] = "candidate-columns";
    if (f.rank_columns) read["layout"] = "rank-columns";
    if (f.score_columns) read["layout"] = "score-columns";
    if (!f.score_range.empty()) read["score_range"] = f.score_range;
    return {{"file", f.file}, {"read", read}};
}

nlohmann::ordered_json org_invocation(const std::string& path, const org_flags& f) {
    return {{"file", path},
            {"within", f.within},
            {"unallocated", f.unallocated},
            {"min_population", f.min_population}};
}

} // namespace accord::cli
