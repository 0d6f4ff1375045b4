// Shared CLI helpers.
#include "common.hpp"

namespace accord::cli {

void add_input_flags(CLI::App& app, input_flags& f) {
    app.add_option("FILE", f.file, "Ballot file")->required();
    app.add_option("--format", f.format, "auto|soc|soi|toc|toi|cat|blt|csv|debian|cdf")
        ->capture_default_str();
    app.add_flag("--lenient", f.lenient, "Skip malformed ballot lines (each is reported on stderr)");
    auto* csv = app.add_option_group("CSV", "Reading CSV cast-vote records");
    csv->add_option("--skipped-label", f.skipped_labels, "Cell text meaning a skipped rank (repeatable)");
    csv->add_option("--overvote-label", f.overvote_labels, "Cell text meaning an overvote (repeatable)");
    csv->add_option("--write-in-label", f.write_in_labels, "Cell text meaning an undeclared write-in");
    csv->add_option("--overvote-delimiter", f.overvote_delimiter, "Separator of several candidates in one cell");
    csv->add_option("--skip-column", f.skip_columns, "Column that holds neither ranks nor candidates");
    csv->add_option("--unit-column", f.unit_column, "Column naming each ballot's unit");
    csv->add_option("--weight-column", f.weight_column, "Column holding an exact weight per row");
    csv->add_option("--count-column", f.count_column, "Column holding a multiplicity per row");
    csv->add_flag("--candidate-columns", f.candidate_columns, "Columns are candidates, cells are rank numbers");
    csv->add_flag("--rank-columns", f.rank_columns, "Columns are ranks, cells are candidate names");
    csv->add_flag("--no-header", f.no_header, "The first row is a ballot, not a header");
}

profile load(const input_flags& f, read_report* report) {
    read_options opt;
    opt.format = parse_format(f.format);
    opt.lenient = f.lenient;
    auto& c = opt.csv;
    if (!f.skipped_labels.empty()) c.skipped_labels = f.skipped_labels;
    if (!f.overvote_labels.empty()) c.overvote_labels = f.overvote_labels;
    if (!f.write_in_labels.empty()) c.write_in_labels = f.write_in_labels;
    c.overvote_delimiter = f.overvote_delimiter;
    c.skip_columns = f.skip_columns;
    c.unit_column = f.unit_column;
    c.weight_column = f.weight_column;
    c.count_column = f.count_column;
    c.header = !f.no_header;
    if (f.candidate_columns && f.rank_columns)
        throw usage_error("--candidate-columns and --rank-columns exclude each other");
    if (f.candidate_columns) c.layout = csv_options::layout_t::candidate_columns;
    if (f.rank_columns) c.layout = csv_options::layout_t::rank_columns;
    read_report local;
    read_report& rep = report ? *report : local;
    profile p = read_profile(f.file, opt, &rep);
    for (const auto& s : rep.skipped)
        std::cerr << "accord: warning: " << f.file << ':' << s.line << ": skipped ballot: " << s.reason << '\n';
    return p;
}

} // namespace accord::cli
