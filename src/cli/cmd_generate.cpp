// accord generate MODEL --candidates N --voters V --seed S --to FORMAT -o FILE: a seeded synthetic
// electorate written as a ballot file (docs/cli.md, docs/analysis.md). The model flags are shared
// with `accord analyse electorates`; both become the JSON options of accord/analysis/interface.hpp.
#include "common.hpp"

#include "accord/analysis/interface.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <memory>

namespace accord::cli {

void add_model_flags(CLI::App& app, model_flags& f) {
    app.add_option("--candidates", f.candidates,
                   "Number of candidates (default: as many as --names, or the source's)");
    app.add_option("--voters", f.voters, "Voters per electorate (default for resample: the source's number)");
    app.add_option("--names", f.names, "Candidate names, comma-separated")->delimiter(',');
    app.add_option("--phi", f.phi,
                   "mallows: dispersion in [0, 1] (0 = everyone votes the center, 1 = impartial culture)");
    app.add_option("--center", f.center, "mallows: the central ranking, comma-separated names, best first")
        ->delimiter(',');
    app.add_option("--strengths", f.strengths,
                   "plackett-luce: one positive strength per candidate, comma-separated")
        ->delimiter(',');
    app.add_option("--dimensions", f.dimensions, "spatial: dimensions of the issue space");
}

void put_model_options(nlohmann::ordered_json& o, const model_flags& f) {
    if (f.candidates) o["candidates"] = *f.candidates;
    if (f.voters) o["voters"] = *f.voters;
    if (!f.names.empty()) o["names"] = f.names;
    if (f.phi) o["phi"] = *f.phi;
    if (!f.center.empty()) o["center"] = f.center;
    if (!f.strengths.empty()) o["strengths"] = f.strengths;
    if (f.dimensions) o["dimensions"] = *f.dimensions;
}

command add_generate(CLI::App& root) {
    struct state {
        std::string model, to = "toi", out;
        model_flags m;
        input_flags source;
        std::uint64_t seed = 0;
    };
    auto st = std::make_shared<state>();
    auto* app =
        root.add_subcommand("generate", "Write a seeded synthetic electorate (impartial culture, Mallows, "
                                        "Plackett-Luce, spatial, resampled)");
    app->add_option("MODEL", st->model, "impartial-culture, mallows, plackett-luce, spatial or resample")
        ->required();
    add_model_flags(*app, st->m);
    app->add_option("--seed", st->seed, "Seed: the same seed gives the same electorate everywhere")
        ->capture_default_str();
    app->add_option("--from", st->source.file,
                    "resample: the ballot file whose voters are drawn with replacement");
    app->add_option("--to", st->to, "Output format: " + format_names("|", "|", true))->capture_default_str();
    app->add_option("-o,--output", st->out, "Output file (default: standard output)");
    app->footer(
        "Examples:\n"
        "  accord generate impartial-culture --candidates 5 --voters 100 --seed 1 --to soc -o ic.soc\n"
        "  accord generate mallows --names Access,Frailty,Digital --phi 0.3 --center Frailty,Access,Digital "
        "--voters 50 --seed 2\n"
        "  accord generate plackett-luce --strengths 4,2,1 --voters 1000 --seed 3 --to csv\n"
        "  accord generate spatial --candidates 4 --dimensions 2 --voters 200 --seed 4\n"
        "  accord generate resample --from ballots.csv --seed 5 -o resampled.toi");
    return {app, [st]() {
                nlohmann::ordered_json o;
                put_model_options(o, st->m);
                o["seed"] = st->seed;
                std::optional<profile> source;
                if (!st->source.file.empty()) source = load(st->source);
                const profile p = generate_profile(st->model, o.dump(), source ? &*source : nullptr);
                write_profile_file(p, parse_format(st->to), st->out);
                return 0;
            }};
}

} // namespace accord::cli
