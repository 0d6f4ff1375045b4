// Shared helpers of the accord CLI: subcommand registration, reading files with the common
// flags, and printing.
#pragma once

#include "accord/accord.hpp"
#include "accord/motion.hpp"
#include "accord/organisation.hpp"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace accord::cli {

/// A subcommand: registered on the app; `run` is called when it was selected.
struct command {
    CLI::App* app = nullptr;
    std::function<int()> run;
};

/// Flags every command that reads a ballot file shares.
struct input_flags {
    std::string file;
    std::string format = "auto";
    bool lenient = false;
    std::vector<std::string> skipped_labels, overvote_labels, write_in_labels, skip_columns;
    std::string overvote_delimiter, unit_column, weight_column, count_column;
    bool candidate_columns = false, rank_columns = false;
    bool no_header = false;
    std::string sheet;                                    ///< .xlsx: sheet name
    std::uint64_t xlsx_max_bytes = 0, xlsx_max_cells = 0; ///< .xlsx limits (0 = the default)
    // CSV intake (docs/formats.md): explicit values win over what the reader detects.
    std::string delimiter, encoding, contest;
    bool ranking_cell = false, no_detect_columns = false;
    bool score_columns = false; ///< score ballots: one column per candidate holding its score
    std::string score_range;    ///< "LO..HI" for score columns
};

/// Every unsigned option of `app` and its subcommands refuses what is not a whole number >= 0
/// that fits in 64 bits ("-1" was read as 2^64-1): digits, or an exact power-of-ten form such as
/// 1e8; the error names the option (issue 14).
void refuse_bad_whole_numbers(CLI::App& app);

void add_input_flags(CLI::App& app, input_flags& f);
profile load(const input_flags& f, read_report* report = nullptr);

/// Thrown for bad usage that CLI11 cannot see (exit status 2).
struct usage_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// Flags every command that reads an organisation shares.
struct org_flags {
    std::vector<std::string> within;
    std::string unallocated; ///< empty: not given (own-group for NHS files)
    std::uint64_t min_population = 0;
    /// NHS England's list-size file (gp-reg-pat-prac-all): the ORG path is then its practice
    /// mapping (gp-reg-pat-prac-map), and the two are joined (docs/formats.md).
    std::string list_sizes;
};
void add_org_flags(CLI::App& app, org_flags& f);
organisation load_org(const std::string& path, const org_flags& f);
/// One stderr note naming the list-size practices the NHS mapping lacks.
void note_not_in_mapping(const nhs_join_report& rep, const std::string& sizes_path);

/// Ballots whose rows name their unit (--unit-column, default "unit") and the organisation of
/// those units (--org, required): what `analyse` and `report` read.
struct weighted_input {
    input_flags in;
    std::string org;
    org_flags of;
};
void add_weighted_input(CLI::App& app, weighted_input& f);
std::pair<profile, organisation> load_weighted(const weighted_input& f);

/// How SMAA samples (analyse smaa, report): --perturb population:SIGMA | --weights
/// simplex|dirichlet:ALPHA | --bootstrap, as the "sampler" option of docs/analysis.md.
struct sampler_flags {
    std::string perturb, weights;
    bool bootstrap = false;
};
void add_sampler_flags(CLI::App& app, sampler_flags& f);
std::string sampler_option(const sampler_flags& f);

/// Progress on stderr as one line rewritten in place, only when stderr is a terminal.
std::function<bool(std::size_t, std::size_t)> terminal_progress(const char* what, bool quiet);
/// The same for work that reports a fraction done (0..1), e.g. power indices.
std::function<bool(double)> terminal_fraction_progress(const char* what, bool quiet);

/// The decision rule of --rule PRESET, --rule-file FILE or --policy FILE --category C (one of
/// them; usage errors otherwise), for accord decide and accord power.
decision_rule load_rule(const std::string& preset, const std::string& rule_file, const std::string& policy,
                        const std::string& category);

/// The whole of a file (errc::io naming it when it cannot be read).
std::string read_text_file(const std::string& path);

/// Prints a count's result on stdout: one line of JSON (`json`), or the text for people.
void print_result(const result& r, bool json);

/// Writes a profile in a format to `path`, or to standard output when `path` is empty.
void write_profile_file(const profile& p, file_format format, const std::string& path);

/// A synthetic electorate's model parameters (generate, analyse electorates), as the JSON keys of
/// accord/analysis/interface.hpp's generate_profile; unset flags are left out.
struct model_flags {
    std::optional<std::uint64_t> candidates, voters, dimensions;
    std::optional<double> phi;
    std::vector<std::string> names, center;
    std::vector<double> strengths;
};
void add_model_flags(CLI::App& app, model_flags& f);
void put_model_options(nlohmann::ordered_json& o, const model_flags& f);

/// --samples, --seed, --threads and --quiet of a Monte Carlo analysis, and their JSON options.
struct sampling_flags {
    std::uint64_t samples = 1000, seed = 0;
    unsigned threads = 0;
    bool quiet = false;
};
void add_sampling_flags(CLI::App& app, sampling_flags& f, const std::string& samples_help);
void put_sampling_options(nlohmann::ordered_json& o, const sampling_flags& f);

// One registration function per subcommand (src/cli/cmd_<name>.cpp).
command add_run(CLI::App& root);
command add_info(CLI::App& root);
command add_convert(CLI::App& root);
command add_methods(CLI::App& root);
command add_demo(CLI::App& root);
command add_weights(CLI::App& root);
command add_apportion(CLI::App& root);
command add_decide(CLI::App& root);
command add_power(CLI::App& root);
command add_analyse(CLI::App& root);
command add_report(CLI::App& root);
command add_ahp(CLI::App& root);
command add_mcda(CLI::App& root);
command add_generate(CLI::App& root);
command add_org(CLI::App& root);
command add_merge(CLI::App& root); // split runs (cmd_merge.cpp)
// Governance (cmd_constitution.cpp, cmd_vote.cpp; docs/governance.md).
command add_constitution(CLI::App& root);
command add_mandate(CLI::App& root);
command add_vote(CLI::App& root);
command add_verify(CLI::App& root);
command add_declare(CLI::App& root);
command add_brief(CLI::App& root);
/// Writes a verifiable record of an invocation (accord/governance.hpp) to `path`, unless empty.
void write_record_if(const std::string& path, const nlohmann::ordered_json& invocation);
/// The invocation JSON of a count's inputs (`--record` on run and decide; src/cli/record_flags.cpp).
nlohmann::ordered_json ballots_invocation(const input_flags& f);
/// `accord run ... --shard PATH`: writes the profile read from `in.file` as a shard of a split run
/// (docs/formats.md, "Shards"), for `accord merge` (cmd_merge.cpp).
void write_run_shard(const profile& p, const read_report& rep, const input_flags& in,
                     const std::string& method, const nlohmann::json& options, const std::string& path,
                     bool json);
nlohmann::ordered_json org_invocation(const std::string& path, const org_flags& f);

} // namespace accord::cli
