// Shared CLI helpers.
#include "common.hpp"

#include "accord/detail/safety.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <limits>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <unistd.h>

#if defined(__linux__)
#  include <csignal>
#  include <cstring>
#  include <fcntl.h>
#  include <sys/mman.h>
#  include <sys/stat.h>
#endif

namespace accord::cli {

namespace {
#if defined(__linux__)
// A large ballot file is mapped, not copied: the CLI owns its process, so it can catch the
// SIGBUS that touching a mapped file raises when another program shrinks the file meanwhile,
// and report it as an error. (The library copies the file: a host program's signals are not
// its own.) Mapping saves the copy and the page faults of a 48 MB buffer: about a fifth of
// reading and counting a 1,000,000-row cast-vote record.
char g_mapped_path[1024];

extern "C" void on_mapped_file_shrunk(int) {
    static const char before[] = "accord: error: ";
    static const char after[] = ": the file shrank while it was being read\n";
    (void)!::write(2, before, sizeof before - 1);
    (void)!::write(2, g_mapped_path, ::strnlen(g_mapped_path, sizeof g_mapped_path));
    (void)!::write(2, after, sizeof after - 1);
    ::_exit(1);
}

/// The profile of a regular file of at least 1 MiB, read from a private read-only mapping;
/// nullopt when the file is not one or cannot be mapped (then it is read as usual).
std::optional<profile> read_mapped(const std::string& path, const read_options& opt, read_report* rep) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < (1 << 20)) {
        ::close(fd);
        return std::nullopt;
    }
    const auto n = static_cast<std::size_t>(st.st_size);
    void* m = ::mmap(nullptr, n, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
    ::close(fd);
    if (m == MAP_FAILED) return std::nullopt;
    std::snprintf(g_mapped_path, sizeof g_mapped_path, "%s", path.c_str());
    struct sigaction sa {
    }, before{};
    sa.sa_handler = on_mapped_file_shrunk;
    ::sigemptyset(&sa.sa_mask);
    ::sigaction(SIGBUS, &sa, &before);
    // Unmapped, and SIGBUS handled as before, however the read ends.
    struct unmap {
        void* m;
        std::size_t n;
        const struct sigaction& before;
        ~unmap() {
            ::munmap(m, n);
            ::sigaction(SIGBUS, &before, nullptr);
        }
    } guard{m, n, before};
    return read_profile_text(std::string_view(static_cast<const char*>(m), n), path, opt, rep);
}
#endif

// Digits, or digits 'e' digits (1e8, an exact whole number); the text becomes plain digits
// (a transform, so CLI11 converts the rewritten text).
std::string whole_number(std::string& s) {
    const std::string shown = s.size() > 40 ? s.substr(0, 37) + "..." : s;
    std::string bad = "must be a whole number >= 0 (such as 100 or 1e8), got '" + shown + "'";
    const auto e = s.find_first_of("eE");
    const std::string mant = s.substr(0, e),
                      expo = e == std::string::npos ? std::string("0") : s.substr(e + 1);
    auto digits = [](const std::string& t) {
        return !t.empty() && t.find_first_not_of("0123456789") == std::string::npos;
    };
    if (!digits(mant) || !digits(expo)) return bad;
    std::string too_big = "does not fit in 64 bits, got '" + shown + "'";
    std::uint64_t v = 0;
    for (char c : mant) {
        const auto d = static_cast<std::uint64_t>(c - '0');
        if (v > (UINT64_MAX - d) / 10) return too_big;
        v = v * 10 + d;
    }
    if (expo.size() > 3 && v != 0) return too_big;
    for (int k = expo.size() > 3 ? 0 : std::stoi(expo); k > 0 && v != 0; --k) {
        if (v > UINT64_MAX / 10) return too_big;
        v *= 10;
    }
    s = std::to_string(v);
    return {};
}
} // namespace

void refuse_bad_whole_numbers(CLI::App& app) {
    for (auto* o : app.get_options())
        if (o->get_type_name().rfind("UINT", 0) == 0)
            o->transform(CLI::Validator(whole_number, "", "whole-number"));
    for (auto* sub : app.get_subcommands([](CLI::App*) { return true; })) refuse_bad_whole_numbers(*sub);
}

void add_input_flags(CLI::App& app, input_flags& f) {
    app.add_option("FILE", f.file, "Ballot file")->required();
    app.add_option("--format", f.format, "auto|" + format_names("|", "|"))->capture_default_str();
    app.add_flag("--lenient", f.lenient, "Skip malformed ballot lines (each is reported on stderr)");
    auto* csv = app.add_option_group("CSV", "Reading CSV cast-vote records");
    csv->add_option("--skipped-label", f.skipped_labels, "Cell text meaning a skipped rank (repeatable)");
    csv->add_option("--overvote-label", f.overvote_labels, "Cell text meaning an overvote (repeatable)");
    csv->add_option("--write-in-label", f.write_in_labels, "Cell text meaning an undeclared write-in");
    csv->add_option("--overvote-delimiter", f.overvote_delimiter,
                    "Separator of several candidates in one cell");
    csv->add_option("--skip-column", f.skip_columns, "Column that holds neither ranks nor candidates");
    csv->add_option("--unit-column", f.unit_column,
                    "Column naming each ballot's unit (default: a column headed 'unit', if any)");
    csv->add_option("--weight-column", f.weight_column, "Column holding an exact weight per row");
    csv->add_option("--count-column", f.count_column, "Column holding a multiplicity per row");
    csv->add_flag("--candidate-columns", f.candidate_columns,
                  "Columns are candidates, cells are rank numbers");
    csv->add_flag("--rank-columns", f.rank_columns, "Columns are ranks, cells are candidate names");
    csv->add_flag("--no-header", f.no_header, "The first row is a ballot, not a header");
    auto* xl =
        app.add_option_group("XLSX", "Reading Excel workbooks (.xlsx), whose sheet is then read as CSV");
    xl->add_option("--sheet", f.sheet, "Sheet to read, by name (default: the first)");
    xl->add_option("--xlsx-max-bytes", f.xlsx_max_bytes,
                   "Most bytes the workbook's parts may uncompress to (default 512 MiB)")
        ->check(CLI::Range(std::uint64_t{1}, std::numeric_limits<std::uint64_t>::max()));
    xl->add_option("--xlsx-max-cells", f.xlsx_max_cells, "Most cells the sheet may span (default 50,000,000)")
        ->check(CLI::Range(std::uint64_t{1}, std::numeric_limits<std::uint64_t>::max()));
    csv->add_flag("--ranking-cell", f.ranking_cell,
                  "One column; each cell lists a ranking, 'A;B;C;' (Microsoft Forms)");
    csv->add_option("--delimiter", f.delimiter, "Field delimiter (default: detected, ',' ';' or tab)");
    csv->add_option("--encoding", f.encoding, "utf-8 (default) or windows-1252 (Excel on Windows)");
    csv->add_option("--contest", f.contest,
                    "The contest or question to read (CSV rank-header prefix, form question; CDF contest)");
    csv->add_flag("--score-columns", f.score_columns,
                  "Columns are candidates, cells are scores (as --format scores; for an .xlsx sheet)");
    csv->add_option("--score-range", f.score_range,
                    "Scores allowed in score columns, LO..HI (e.g. 0..5); others are refused");
    csv->add_flag("--no-detect-columns", f.no_detect_columns,
                  "Do not recognise identifier, count, weight and unit columns by their names");
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
    opt.xlsx.sheet = f.sheet;
    if (f.xlsx_max_bytes) opt.xlsx.max_bytes = f.xlsx_max_bytes;
    if (f.xlsx_max_cells) opt.xlsx.max_cells = f.xlsx_max_cells;
    if (int(f.candidate_columns) + int(f.rank_columns) + int(f.ranking_cell) + int(f.score_columns) > 1)
        throw usage_error(
            "--candidate-columns, --rank-columns, --ranking-cell and --score-columns exclude each other");
    if (f.score_columns) c.layout = csv_options::layout_t::score_columns;
    c.score_range = f.score_range;
    if (f.candidate_columns) c.layout = csv_options::layout_t::candidate_columns;
    if (f.rank_columns) c.layout = csv_options::layout_t::rank_columns;
    if (f.ranking_cell) c.layout = csv_options::layout_t::ranking_cell;
    if (!f.delimiter.empty()) {
        const std::string d = f.delimiter == "\\t" || f.delimiter == "tab" ? std::string("\t") : f.delimiter;
        if (d.size() != 1) throw usage_error("--delimiter takes one character (or 'tab')");
        c.delimiter = d[0];
    }
    if (!f.encoding.empty()) c.encoding = f.encoding;
    c.detect_columns = !f.no_detect_columns;
    opt.contest = f.contest;
    read_report local;
    read_report& rep = report ? *report : local;
#if defined(__linux__)
    std::optional<profile> mapped = read_mapped(f.file, opt, &rep);
    profile p = mapped ? std::move(*mapped) : read_profile(f.file, opt, &rep);
#else
    profile p = read_profile(f.file, opt, &rep);
#endif
    for (const auto& s : rep.skipped)
        std::cerr << "accord: warning: " << f.file << ':' << s.line << ": skipped ballot: " << s.reason
                  << '\n';
    return p;
}

// Integer weights for a game from a weight report: the scheme's weights scaled by the least
// common multiple of their denominators (exact), refusing what does not fit in 64 bits.
void add_weighted_input(CLI::App& app, weighted_input& f) {
    add_input_flags(app, f.in);
    auto* o =
        app.add_option_group("Organisation", "The voting units the ballots belong to (docs/weighting.md)");
    o->add_option("--org", f.org,
                  "Organisation CSV; ballots name their unit in --unit-column (default 'unit')")
        ->required();
    add_org_flags(*o, f.of);
}

std::pair<profile, organisation> load_weighted(const weighted_input& f) {
    input_flags in = f.in;
    if (in.unit_column.empty()) in.unit_column = "unit";
    profile p = load(in);
    return {std::move(p), load_org(f.org, f.of)};
}

void add_sampler_flags(CLI::App& app, sampler_flags& f) {
    auto* perturb = app.add_option(
        "--perturb", f.perturb,
        "population:SIGMA: each unit's population x (1 + SIGMA Z), Z normal (default population:0.1)");
    auto* weights =
        app.add_option("--weights", f.weights,
                       "simplex (unit shares uniform on the simplex) or dirichlet:ALPHA; ignores --scheme");
    auto* boot =
        app.add_flag("--bootstrap", f.bootstrap, "Resample the voters with replacement (same total)");
    perturb->excludes(weights)->excludes(boot);
    weights->excludes(boot);
}

std::string sampler_option(const sampler_flags& f) {
    if (f.bootstrap) return "bootstrap";
    if (!f.weights.empty()) {
        if (f.weights != "simplex" && f.weights.rfind("dirichlet", 0) != 0)
            throw usage_error("--weights must be simplex or dirichlet:ALPHA, got '" + f.weights + "'");
        return f.weights;
    }
    std::string p = f.perturb.empty() ? "population:0.1" : f.perturb;
    if (p.rfind("population", 0) != 0)
        throw usage_error("--perturb must be population:SIGMA (relative noise), got '" + p + "'");
    return p;
}

namespace {

/// One progress line on stderr, rewritten in place: quiet for the first half second (short runs
/// print nothing), then at most ten updates a second; cleared when the work is done.
struct progress_line {
    using clock = std::chrono::steady_clock;
    std::string what;
    clock::time_point start = clock::now(), last;
    bool shown = false;

    void update(double fraction, const std::string& detail) {
        const auto now = clock::now();
        if (fraction >= 1) {
            if (shown) std::fprintf(stderr, "\r\033[K");
        } else if (now - start >= std::chrono::milliseconds(500) &&
                   now - last >= std::chrono::milliseconds(100)) {
            constexpr int k_width = 30;
            const int filled = static_cast<int>(std::clamp(fraction, 0.0, 1.0) * k_width);
            std::fprintf(stderr, "\r%s [%s%s] %3.0f%%%s", what.c_str(), std::string(filled, '#').c_str(),
                         std::string(k_width - filled, '.').c_str(), 100 * fraction, detail.c_str());
            last = now;
            shown = true;
        }
        std::fflush(stderr);
    }
};

} // namespace

std::function<bool(std::size_t, std::size_t)> terminal_progress(const char* what, bool quiet) {
    if (quiet || !isatty(STDERR_FILENO)) return {};
    auto line = std::make_shared<progress_line>(progress_line{what});
    return [line](std::size_t done, std::size_t total) {
        const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
        line->update(done >= total ? 1.0 : fraction,
                     " (" + std::to_string(done) + " of " + std::to_string(total) + ")");
        return true;
    };
}

std::function<bool(double)> terminal_fraction_progress(const char* what, bool quiet) {
    if (quiet || !isatty(STDERR_FILENO)) return {};
    auto line = std::make_shared<progress_line>(progress_line{what});
    return [line](double fraction) {
        line->update(fraction, "");
        return true;
    };
}

std::string read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(errc::io, "cannot read '" + path + "'");
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_profile_file(const profile& p, file_format format, const std::string& path) {
    if (path.empty()) {
        write_profile(std::cout, p, format);
        std::cout.flush();
        return;
    }
    // A refusal or a failed write leaves an existing file untouched.
    detail::write_file_atomically(path, [&](std::ostream& out) { write_profile(out, p, format); });
}

void add_sampling_flags(CLI::App& app, sampling_flags& f, const std::string& samples_help) {
    app.add_option("--samples", f.samples, samples_help)->capture_default_str();
    app.add_option("--seed", f.seed, "Seed: the same seed gives the same numbers on any number of threads")
        ->capture_default_str();
    app.add_option("--threads", f.threads, "Worker threads (0 = every core)")->capture_default_str();
    app.add_flag("--quiet", f.quiet, "No progress line on stderr (it is only shown on a terminal anyway)");
}

void put_sampling_options(nlohmann::ordered_json& o, const sampling_flags& f) {
    o["samples"] = f.samples;
    o["seed"] = f.seed;
    o["threads"] = f.threads;
}

decision_rule load_rule(const std::string& preset, const std::string& rule_file, const std::string& policy,
                        const std::string& category) {
    if (!policy.empty() && category.empty()) throw usage_error("--policy needs --category");
    if (policy.empty() && !category.empty()) throw usage_error("--category needs --policy");
    if (int(!preset.empty()) + int(!rule_file.empty()) + int(!policy.empty()) > 1)
        throw usage_error("give one of --rule, --rule-file and --policy");
    if (!policy.empty()) return policy_rule(read_text_file(policy), category);
    if (!rule_file.empty()) return parse_decision_rule(read_text_file(rule_file));
    return preset_rule(preset);
}

void print_result(const result& r, bool json) {
    if (json)
        std::cout << to_json(r) << '\n';
    else
        std::cout << to_text(r);
}

} // namespace accord::cli
