// The method registry: every rule reachable by name with JSON options.
//
// Adding a rule: write its family function (options from JSON -> typed options -> call) and add
// one line to table() below. Its option keys are not written here: they are learnt from the
// adapter itself, by probing it (learn_options below), so the list cannot drift.
#include "accord/detail/safety.hpp"
#include "accord/registry.hpp"

#include "accord/detail/options.hpp"
#include "accord/detail/stv_variants.hpp"
#include "accord/rules/irv.hpp"
#include "accord/rules/stv.hpp"
#include "registry_bind.hpp"
#include "rules/single_winner_adapters.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <sstream>

namespace accord {
inline namespace v0 {
namespace {
using detail::ballot_kinds;
using detail::method_entry;
using detail::option_reader;

overvote_rule parse_overvote(const std::string& s, const std::string& method) {
    if (s == "exhaust" || s == "exhaust-immediately") return overvote_rule::exhaust_immediately;
    if (s == "skip" || s == "skip-to-next") return overvote_rule::skip_to_next;
    if (s == "exhaust-if-multiple" || s == "exhaust-if-multiple-continuing")
        return overvote_rule::exhaust_if_multiple_continuing;
    throw error(errc::invalid, method +
                                   ": option 'overvote' must be exhaust-immediately, skip-to-next "
                                   "or exhaust-if-multiple-continuing, got '" +
                                   s + "'");
}

// The names parse_overvote() takes for each rule (its aliases aside), for the listing.
const std::vector<std::string> k_overvote_names{"exhaust-immediately", "skip-to-next",
                                                "exhaust-if-multiple-continuing"};
std::optional<std::string> read_overvote(option_reader& o, overvote_rule def) {
    return o.choice("overvote", k_overvote_names, k_overvote_names.at(static_cast<std::size_t>(def)));
}

// The ballot-continuation options IRV and RCTab-style STV share.
void read_ballot_rules(option_reader& o, irv_options& opt) {
    if (auto v = o.get<bool>("batch_elimination", opt.batch_elimination)) opt.batch_elimination = *v;
    if (auto v = read_overvote(o, opt.overvotes)) opt.overvotes = parse_overvote(*v, o.method());
    if (auto v = o.get<std::int64_t>("max_skipped_ranks")) {
        if (*v < 0) throw error(errc::invalid, o.method() + ": option 'max_skipped_ranks' must be >= 0");
        opt.max_skipped_ranks = static_cast<int>(std::min<std::int64_t>(*v, 1 << 30));
    }
    if (auto v = o.get<bool>("exhaust_on_duplicate", opt.exhaust_on_duplicate)) opt.exhaust_on_duplicate = *v;
    if (auto v = o.get<std::int64_t>("max_rankings")) {
        if (*v < 1) throw error(errc::invalid, o.method() + ": option 'max_rankings' must be >= 1");
        opt.max_rankings = static_cast<int>(std::min<std::int64_t>(*v, 1 << 30));
    }
    opt.excluded = o.candidates("excluded");
    if (auto c = o.optional_candidate("undeclared_write_in")) opt.undeclared_write_in = *c;
}

result run_irv(const profile& p, option_reader& o) {
    irv_options opt;
    read_ballot_rules(o, opt);
    if (auto v = o.get<bool>("continue_until_two", opt.continue_until_two)) opt.continue_until_two = *v;
    opt.tie_break = o.tie_break(opt.tie_break);
    // 'seats' and 'unranked' are refused by finish(): IRV elects one and never places unranked
    // candidates, so accepting them would ignore them silently.
    o.finish();
    return irv(p, opt);
}

result run_stv(const profile& p, option_reader& o) {
    stv_options opt;
    std::vector<std::string> variants;
    for (const auto& v : stv_variant_table()) variants.emplace_back(v.name);
    if (auto v = o.choice("variant", variants, stv_variant_name(opt.variant)))
        opt.variant = parse_stv_variant(*v);
    if (auto v = o.get<std::uint64_t>("seats")) {
        if (*v == 0) throw error(errc::invalid, "stv: option 'seats' must be at least 1");
        opt.seats = static_cast<std::size_t>(*v);
    }
    if (auto v = o.choice("quota", {"droop", "droop-exact", "hare"})) {
        if (*v == "droop")
            opt.quota = stv_quota::droop;
        else if (*v == "droop-exact" || *v == "newland-britton")
            opt.quota = stv_quota::droop_exact;
        else if (*v == "hare")
            opt.quota = stv_quota::hare;
        else
            throw error(errc::invalid,
                        "stv: option 'quota' must be droop, droop-exact or hare, got '" + *v + "'");
    }
    o.describe("arithmetic", "string");
    if (o.has("arithmetic")) {
        auto v = o.get<std::string>("arithmetic");
        if (v && (*v == "exact" || *v == "rational"))
            opt.places = stv_options::k_exact;
        else if (v && (v->rfind("guarded:", 0) == 0 || v->rfind("qx:", 0) == 0)) {
            // guarded:P[:G] (Droop's name) or qx:P[:G] (Hill's): P places and G guard digits,
            // G = P / 2 by default as in Droop's Meek.
            const std::string spec = v->substr(v->find(':') + 1);
            const auto colon = spec.find(':');
            const std::string p_text = spec.substr(0, colon);
            const std::string g_text = colon == std::string::npos ? "" : spec.substr(colon + 1);
            const auto number = [](const std::string& t) {
                return !t.empty() && t.size() <= 2 && t.find_first_not_of("0123456789") == std::string::npos;
            };
            unsigned places = 0, guard = 0;
            const bool ok = number(p_text) && (colon == std::string::npos || number(g_text));
            if (ok) {
                places = static_cast<unsigned>(std::stoul(p_text));
                guard = colon == std::string::npos ? places / 2 : static_cast<unsigned>(std::stoul(g_text));
            }
            if (!ok || places == 0 || places > 30 || guard == 0 || guard > 30)
                throw error(errc::invalid,
                            "stv: option 'arithmetic' guarded:PLACES[:GUARD] needs 1-30 places "
                            "and 1-30 guard digits, got '" +
                                *v + "'");
            opt.places = places;
            opt.guard = guard;
        } else if (v) {
            unsigned places = 0;
            const bool fixed = v->rfind("fixed:", 0) == 0;
            try {
                if (fixed) places = static_cast<unsigned>(std::stoul(v->substr(6)));
            } catch (const std::exception&) {
                throw error(errc::invalid,
                            "stv: option 'arithmetic' must be exact or fixed:PLACES, got '" + *v + "'");
            }
            if (!fixed || places > 15)
                throw error(errc::invalid, "stv: option 'arithmetic' must be exact, fixed:PLACES (0-15) or "
                                           "guarded:PLACES[:GUARD], got '" +
                                               *v + "'");
            opt.places = places;
        }
    }
    if (auto v = o.get<std::uint64_t>("omega")) {
        if (*v == 0 || *v > 30) throw error(errc::invalid, "stv: option 'omega' must be between 1 and 30");
        opt.omega = static_cast<unsigned>(*v);
    }
    if (auto v = o.get<bool>("batch_defeat", opt.batch_defeat)) opt.batch_defeat = *v;
    if (auto v = o.choice("transfer", {"meek", "warren"}, "meek")) {
        if (*v != "meek" && *v != "warren")
            throw error(errc::invalid, "stv: option 'transfer' must be meek or warren, got '" + *v + "'");
        opt.warren_transfer = *v == "warren";
    }
    if (auto v = o.choice("completion", {"schulze", "minimax"}, "schulze")) {
        if (*v != "schulze" && *v != "minimax")
            throw error(errc::invalid,
                        "stv: option 'completion' must be schulze or minimax, got '" + *v + "'");
        opt.completion =
            *v == "minimax" ? stv_options::cpo_completion::minimax : stv_options::cpo_completion::schulze;
    }
    if (auto v = o.get<bool>("fixed_quota", opt.fixed_quota)) opt.fixed_quota = *v;
    if (auto v = o.get<std::uint64_t>("max_outcomes", opt.max_outcomes)) opt.max_outcomes = *v;
    if (auto v = o.get<std::uint64_t>("max_challenges", opt.max_challenges)) opt.max_challenges = *v;
    opt.progress = o.progress;
    if (auto v = o.get<bool>("nz", opt.nz)) opt.nz = *v;
    if (auto v = o.get<std::uint64_t>("min_votes")) opt.min_votes = *v;
    if (auto v = o.get<bool>("defeat_zero_batch", opt.defeat_zero_batch)) opt.defeat_zero_batch = *v;
    if (auto v = o.get<bool>("zero_surplus_stage", opt.zero_surplus_stage)) opt.zero_surplus_stage = *v;
    if (auto v = o.choice("mode", {"multiple-per-round", "one-per-round", "bottoms-up", "sequential"},
                          "multiple-per-round")) {
        if (*v == "multiple-per-round")
            opt.mode = rctab_mode::multiple_per_round;
        else if (*v == "one-per-round")
            opt.mode = rctab_mode::one_per_round;
        else if (*v == "bottoms-up")
            opt.mode = rctab_mode::bottoms_up;
        else if (*v == "sequential")
            opt.mode = rctab_mode::sequential;
        else
            throw error(errc::invalid, "stv: option 'mode' must be multiple-per-round, one-per-round, "
                                       "bottoms-up or sequential, got '" +
                                           *v + "'");
    }
    if (auto v = o.get<std::uint64_t>("decimals", opt.decimals)) {
        if (*v > 12) throw error(errc::invalid, "stv: option 'decimals' must be at most 12");
        opt.decimals = static_cast<unsigned>(*v);
    }
    if (auto v = o.get<bool>("fractional_threshold", opt.fractional_threshold)) opt.fractional_threshold = *v;
    o.describe("bottoms_up_threshold", "exact number", 0);
    if (o.has("bottoms_up_threshold")) {
        opt.bottoms_up_threshold = detail::read_rational_option(o, "bottoms_up_threshold", rational(0));
        if (opt.bottoms_up_threshold < 0 || opt.bottoms_up_threshold > 1)
            throw error(errc::invalid,
                        "stv: option 'bottoms_up_threshold' must be a fraction between 0 and 1");
    }
    if (auto v = o.get<bool>("first_round_threshold", opt.first_round_threshold))
        opt.first_round_threshold = *v;
    if (auto v = o.get<bool>("cutoff_elimination", opt.cutoff_elimination)) opt.cutoff_elimination = *v;
    opt.ballots.overvotes = overvote_rule::exhaust_immediately;
    read_ballot_rules(o, opt.ballots);
    if (auto v = o.get<bool>("continue_until_two", opt.ballots.continue_until_two))
        opt.ballots.continue_until_two = *v;
    // A statutory preset sets the rule; only the seats, the excluded candidates, the undeclared
    // write-in and the tie draw (seed, or another tie policy) stay the user's.
    std::optional<stv_preset> preset;
    if (auto v = o.choice("preset", {"minneapolis", "san-francisco", "cambridge"}))
        preset = parse_stv_preset(*v);
    if (preset) {
        const stv_options po = stv_preset_options(*preset, opt.seats ? opt.seats : p.seats);
        opt.ballots.tie_break = po.ballots.tie_break;
    }
    opt.ballots.tie_break = o.tie_break(opt.ballots.tie_break);
    o.finish();
    if (preset) {
        for (const char* key : {"variant",
                                "quota",
                                "arithmetic",
                                "omega",
                                "batch_defeat",
                                "nz",
                                "defeat_zero_batch",
                                "zero_surplus_stage",
                                "mode",
                                "decimals",
                                "fractional_threshold",
                                "bottoms_up_threshold",
                                "first_round_threshold",
                                "cutoff_elimination",
                                "overvote",
                                "max_skipped_ranks",
                                "exhaust_on_duplicate",
                                "max_rankings",
                                "batch_elimination",
                                "continue_until_two",
                                "min_votes",
                                "transfer",
                                "completion",
                                "fixed_quota",
                                "max_outcomes",
                                "max_challenges"})
            if (o.has(key))
                throw error(errc::invalid,
                            std::string("stv: option '") + key + "' is set by preset '" +
                                stv_preset_name(*preset) +
                                "' (the statute's rule); leave it out, or count without the preset");
        stv_options po = stv_preset_options(*preset, opt.seats ? opt.seats : p.seats);
        po.seats = opt.seats;
        po.ballots.excluded = opt.ballots.excluded;
        po.ballots.undeclared_write_in = opt.ballots.undeclared_write_in;
        po.ballots.tie_break = opt.ballots.tie_break;
        result r = stv(p, po);
        r.notes.insert(r.notes.begin(),
                       std::string("preset ") + stv_preset_name(*preset) + ": " +
                           (po.variant == stv_variant::random_transfer ? "random-transfer, Cincinnati method"
                            : po.mode == rctab_mode::sequential        ? "one seat, IRV"
                                                                       : "rctab multi-seat") +
                           " (docs/methods/stv.md#presets)");
        return r;
    }
    // An option the chosen variant does not read would be ignored silently: refuse it, naming
    // the option and the variants that read it (stv_variant_table(); docs/methods/stv.md).
    const auto reads = [](const stv_variant_info& v, const std::string& key) {
        const std::string list = std::string(" ") + v.options + " ";
        return list.find(" " + key + " ") != std::string::npos;
    };
    const stv_variant_info& chosen = stv_variant_of(opt.variant);
    for (const auto& e : stv_variant_table()) {
        std::istringstream keys(e.options);
        for (std::string key; keys >> key;) {
            if (reads(chosen, key) || !o.has(key) || o.get<nlohmann::json>(key) == std::nullopt) continue;
            std::string users;
            for (const auto& u : stv_variant_table())
                if (reads(u, key)) users += (users.empty() ? "" : " ") + std::string(u.name);
            throw error(errc::invalid, "stv: option '" + key + "' is not used by the " + chosen.name +
                                           " variant (only by: " + users + ")");
        }
    }
    return stv(p, opt);
}

result run_plurality(const profile& p, option_reader& o) {
    plurality_options opt;
    if (auto v = read_overvote(o, opt.overvotes)) opt.overvotes = parse_overvote(*v, o.method());
    opt.excluded = o.candidates("excluded");
    opt.tie_break = o.tie_break(opt.tie_break);
    o.finish();
    return plurality(p, opt);
}

// A small profile of the kind a rule counts, with candidates A, B and C, to probe its adapter.
profile probe_profile(ballot_kinds kinds) {
    if (detail::accepts(kinds, ballot_kind::ranking)) {
        profile p({"A", "B", "C"});
        p.add_order(std::vector<cand_t>{0, 1, 2}, 2);
        p.add_order(std::vector<cand_t>{1, 2, 0}, 1);
        return p;
    }
    if (detail::accepts(kinds, ballot_kind::approval)) {
        profile p({"A", "B", "C"}, ballot_kind::approval);
        p.add_approval(std::vector<cand_t>{0, 1}, 2);
        p.add_approval(std::vector<cand_t>{2}, 1);
        return p;
    }
    profile p({"A", "B", "C"}, ballot_kind::score);
    const mark m[] = {{0, 1}, {1, 0}, {2, -1}};
    p.add(m, 2);
    return p;
}

// The entry's option keys, from its adapter: run it in probe mode (option_reader::probe) on a
// small profile, with `{}`, `{"seats": 1}` and the entry's own probe, recording every key it
// looks up until it calls finish(), which stops it before the rule runs. The keys are the union
// over the probes, in the order first read. A probe may stop early on a required option (the
// keys read before are still real reads), but one must reach finish(), or the entry keeps the
// reason and run() reports it as an internal error (tests/registry_options_test.cpp fails on it).
void learn_options(method_entry& e) {
    const profile p = probe_profile(e.ballots);
    std::vector<std::string> probes{"{}", R"({"seats": 1})"};
    if (!e.probe.empty()) probes.push_back(e.probe);
    bool finished = false;
    std::string why;
    for (const auto& text : probes) {
        const nlohmann::json j = nlohmann::json::parse(text);
        option_reader reader(j, p, e.name);
        reader.probe(&e.options, &e.specs);
        try {
            (void)e.run(p, reader);
            why = "the adapter returned without calling finish()";
        } catch (const detail::option_probe_done&) {
            finished = true;
        } catch (const std::exception& x) {
            why = x.what();
        }
    }
    // One spec per key, in the order the keys were first read (a key only tested with has()
    // has no type).
    std::vector<detail::option_spec> specs;
    for (const auto& key : e.options) {
        auto it = std::find_if(e.specs.begin(), e.specs.end(), [&](const auto& s) { return s.key == key; });
        specs.push_back(it != e.specs.end() ? *it : detail::option_spec{key, "json", {}, {}, false});
    }
    e.specs = std::move(specs);
    if (!finished)
        e.probe_error = e.name +
                        ": internal error: probing its adapter for its options never reached finish() (" +
                        why + "); give its registry entry a probe with the options it requires";
}

// The entries as written; their option keys are learnt on first use of each (learnt() below),
// so a count pays for probing its own adapter only (all of them: about 2 ms).
std::vector<method_entry>& unlearnt_table() {
    static std::vector<method_entry> t = [] {
        std::vector<method_entry> v{
            {"irv",
             "instant-runoff voting (alternative vote, RCV) with RCTab continuation rules",
             run_irv,
             false,
             ballot_kinds::ranking,
             {"rcv", "instant-runoff", "alternative-vote"}},
            {"stv",
             "single transferable vote, variants " + stv_variant_names() +
                 " (the first is the default); "
                 "exact arithmetic",
             run_stv},
            {"pav", "proportional approval voting, exact optimum (branch and bound)", detail::run_pav, false,
             ballot_kinds::approval},
            {"seq-pav", "sequential PAV: greedy by marginal harmonic gain", detail::run_seq_pav, false,
             ballot_kinds::approval},
            {"seq-phragmen", "Phragmen's sequential rule: exact load balancing", detail::run_seq_phragmen,
             false, ballot_kinds::approval},
            {"sntv", "single non-transferable vote: one vote each, the K most voted elected",
             detail::run_sntv, false, ballot_kinds::ranking_or_approval},
            {"limited",
             "limited voting: up to V votes each (V < K), the K most voted elected",
             detail::run_limited,
             false,
             ballot_kinds::ranking_or_approval,
             {},
             {},
             R"({"seats": 2, "votes": 1})"},
            {"block", "block voting: up to K votes each, the K most voted elected", detail::run_block, false,
             ballot_kinds::ranking_or_approval},
            {"av", "approval voting for a committee: the k most approved", detail::run_av, false,
             ballot_kinds::approval},
            {"sav", "satisfaction approval voting: each voter's approval split equally", detail::run_sav,
             false, ballot_kinds::approval},
            {"cc", "Chamberlin-Courant (approval), exact optimum (branch and bound)", detail::run_cc, false,
             ballot_kinds::approval},
            {"slav", "Sainte-Lague approval voting (Thiele 1, 1/3, 1/5, ...), exact optimum",
             detail::run_slav, false, ballot_kinds::approval},
            {"geometric", "geometric Thiele rule (1, 1/p, 1/p^2, ...), exact optimum", detail::run_geometric,
             false, ballot_kinds::approval},
            {"seq-cc", "sequential Chamberlin-Courant: greedy by marginal coverage", detail::run_seq_cc,
             false, ballot_kinds::approval},
            {"seq-slav", "sequential SLAV: greedy by marginal SLAV gain", detail::run_seq_slav, false,
             ballot_kinds::approval},
            {"revseq-pav", "reverse sequential PAV: remove the least PAV loss until k are left",
             detail::run_revseq_pav, false, ballot_kinds::approval},
            {"revseq-cc", "reverse sequential Chamberlin-Courant: remove the least CC loss until k are left",
             detail::run_revseq_cc, false, ballot_kinds::approval},
            {"monroe", "Monroe's rule (approval), exact optimum by scoring every committee",
             detail::run_monroe, false, ballot_kinds::approval},
            {"greedy-monroe",
             "greedy Monroe: elect the most approved by unassigned voters, assign a group of them",
             detail::run_greedy_monroe, false, ballot_kinds::approval},
            {"minimax-av", "minimax approval voting: the committee nearest (Hamming) the farthest ballot",
             detail::run_minimax_av, false, ballot_kinds::approval},
            {"lex-cc", "lexicographic Chamberlin-Courant: most voters with >= 1, then >= 2, ... members",
             detail::run_lex_cc, false, ballot_kinds::approval},
            {"lex-minimax-av",
             "lexicographic minimax approval voting: the farthest ballot, then the next, ...",
             detail::run_lex_minimax_av, false, ballot_kinds::approval},
            {"adams", "Adams approval voting: most voters covered, then Thiele 1, 1, 1/2, 1/3, ...",
             detail::run_adams, false, ballot_kinds::approval},
            {"minimax-phragmen",
             "minimax-Phragmen (opt-Phragmen): the committee with the smallest largest voter load, exact",
             detail::run_minimax_phragmen,
             false,
             ballot_kinds::approval,
             {"opt-phragmen"}},
            {"leximax-phragmen",
             "leximax-Phragmen: the committee whose voter loads, largest first, are smallest, exact",
             detail::run_leximax_phragmen, false, ballot_kinds::approval},
            {"maximin-support",
             "maximin support method (MMS): add the candidate giving the largest maximin support value",
             detail::run_maximin_support,
             false,
             ballot_kinds::approval,
             {"mms"}},
            {"phragmen-enestrom",
             "Phragmen-Enestrom: the best-funded candidate wins, its supporters pay total/k",
             detail::run_phragmen_enestrom, false, ballot_kinds::approval},
            {"consensus",
             "consensus rule: budgets grow by the weight each round, the winner's supporters pay all",
             detail::run_consensus, false, ballot_kinds::approval},
            {"eph", "E Pluribus Hugo (SDV-LPE): eliminate the least approved of the two lowest SDV scores",
             detail::run_eph, false, ballot_kinds::approval},
            {"equal-shares",
             "Method of Equal Shares for committees, seq-Phragmen completion",
             detail::run_equal_shares,
             false,
             ballot_kinds::approval,
             {"mes"}},
            {"budget",
             "participatory budgeting with costs: greedy, Equal Shares (plain, exact, bounded overspending "
             "or "
             "fractional), exact max welfare, Phragmen, maximin support, CSTV; greedy, max welfare, Equal "
             "Shares and CSTV also over points (cumulative) ballots",
             detail::run_budget,
             false,
             ballot_kinds::approval_or_score,
             {},
             {},
             R"({"budget": 2, "costs": {"A": 1, "B": 1, "C": 1}})"},
            {"plurality",
             "first-past-the-post on first preferences",
             run_plurality,
             false,
             ballot_kinds::ranking,
             {"fptp"}},
            {"condorcet", "Condorcet winner and loser from the pairwise matrix", detail::run_condorcet},
            {"copeland", "Copeland: pairwise wins plus a tie value for ties", detail::run_copeland},
            {"copeland-set",
             "all Copeland winners (set-valued): every candidate with the highest Copeland score",
             detail::run_copeland_set},
            {"minimax",
             "Simpson-Kramer minimax (winning votes, margins or pairwise opposition)",
             detail::run_minimax,
             false,
             ballot_kinds::ranking,
             {"simpson-kramer"}},
            {"schulze",
             "Schulze beatpath method with full ranking (winning votes, margins or ratio)",
             detail::run_schulze,
             false,
             ballot_kinds::ranking,
             {"beatpath"}},
            {"ranked-pairs", "Tideman's ranked pairs (winning votes or margins)", detail::run_ranked_pairs},
            {"smith",
             "the Smith set (set-valued); ranking by strong components of the majority graph",
             detail::run_smith,
             false,
             ballot_kinds::ranking,
             {"top-cycle", "getcha"}},
            {"schwartz", "the Schwartz set (set-valued); ranking by repeated Schwartz sets",
             detail::run_schwartz},
            {"uncovered-set",
             "the uncovered set (set-valued; Gillies, Fishburn, Bordes or McKelvey covering)",
             detail::run_uncovered_set},
            {"banks",
             "the Banks set (set-valued): tops of the maximal chains of the majority relation, exact up to "
             "20 candidates",
             detail::run_banks},
            {"approval", "approval voting: most approvals wins", detail::run_approval, false,
             ballot_kinds::approval},
            {"score",
             "score (range) voting: total or mean score",
             detail::run_score,
             false,
             ballot_kinds::score,
             {"range"}},
            {"star", "STAR: score then automatic runoff between the top two", detail::run_star, false,
             ballot_kinds::score},
            {"majority-judgment",
             "majority judgment: highest median grade, majority-gauge tie-break",
             detail::run_majority_judgment,
             false,
             ballot_kinds::score,
             {"mj"}},
            {"cumulative",
             "cumulative / dot voting with a points budget",
             detail::run_cumulative,
             false,
             ballot_kinds::score,
             {},
             {},
             R"({"budget": 10})"},
            {"runoff", "two-round runoff simulated from rankings (majority, else top two)",
             detail::run_runoff},
            {"contingent", "contingent vote: top two after first preferences, others transferred",
             detail::run_contingent},
            {"supplementary", "supplementary vote: contingent vote on the first two preferences only",
             detail::run_supplementary},
            {"coombs", "Coombs: eliminate the candidate ranked last by most voters", detail::run_coombs},
            {"bucklin", "Bucklin: widen the ranks counted until someone is on a majority of ballots",
             detail::run_bucklin},
            {"baldwin", "Baldwin: eliminate the lowest Borda score, recount", detail::run_baldwin},
            {"nanson", "Nanson: eliminate every Borda score at or below the average, recount",
             detail::run_nanson},
            {"kemeny",
             "Kemeny-Young, exact (dynamic programming per strong component), every optimal ranking",
             detail::run_kemeny,
             false,
             ballot_kinds::ranking,
             {"kemeny-young"}},
            {"slater",
             "Slater, exact: the orders reversing the fewest majority pairs (set-valued: their first "
             "candidates)",
             detail::run_kemeny},
            {"black", "Black: the Condorcet winner, else the Borda winner", detail::run_black},
            {"borda", "Borda count with truncated-ballot variants (average, zero, modified)",
             detail::run_borda, true},
            {"dowdall", "Dowdall (Nauru): position i scores 1/i", detail::run_dowdall, true},
            {"anti-plurality", "anti-plurality: one point to every position but the last",
             detail::run_anti_plurality, true},
            {"positional",
             "any positional scoring rule from a points vector (e.g. JLA 10..1)",
             detail::run_positional,
             true,
             ballot_kinds::ranking,
             {},
             {},
             R"({"points": [2, 1, 0]})"},
            {"benham",
             "Benham: the Condorcet winner among those left, else eliminate the fewest first preferences",
             detail::run_benham},
            {"woodall", "Woodall: IRV eliminations until one member of the Smith set is left",
             detail::run_woodall},
            {"smith-irv", "Smith-IRV: instant runoff among the Smith set", detail::run_smith_irv},
            {"condorcet-irv", "Condorcet-IRV: the Condorcet winner, else instant runoff",
             detail::run_condorcet_irv},
            {"tideman-alternative",
             "Tideman's alternative: IRV eliminations within the Smith (or Schwartz) set of those left",
             detail::run_tideman_alternative},
            {"btr-irv", "bottom-two-runoff IRV: the two with fewest first preferences meet head to head",
             detail::run_btr_irv},
            {"raynaud", "Raynaud: eliminate the candidate(s) with the largest worst defeat",
             detail::run_raynaud},
            {"strict-nanson", "strict Nanson: eliminate every Borda score strictly below the average",
             detail::run_strict_nanson},
            {"iterated-removal-condorcet-loser",
             "the set left by removing Condorcet losers until there is none (set-valued)",
             detail::run_iterated_removal_condorcet_loser},
            {"daunou",
             "Daunou: the Condorcet winner, else plurality after iterated removal of Condorcet losers",
             detail::run_daunou},
            {"condorcet-plurality", "the Condorcet winner, else the plurality winner",
             detail::run_condorcet_plurality},
            {"smith-minimax", "minimax (margins) within the Smith set", detail::run_smith_minimax},
            {"copeland-local-borda", "Borda among the Copeland winners only",
             detail::run_copeland_local_borda},
            {"copeland-global-borda", "the Copeland winner with the highest Borda score over all candidates",
             detail::run_copeland_global_borda},
            {"borda-minimax-faceoff", "Borda and minimax winners, meeting head to head when they differ",
             detail::run_borda_minimax_faceoff},
            {"pareto", "the Pareto set: candidates nobody is unanimously preferred to (set-valued)",
             detail::run_pareto},
            {"river",
             "River: lock margins largest first, at most one defeat into each candidate; the root wins",
             detail::run_river},
            {"split-cycle",
             "Split Cycle: undefeated when every defeat is the weakest link of a cycle (set-valued)",
             detail::run_split_cycle},
            {"stable-voting",
             "Stable Voting: largest margin of a Split Cycle winner who wins without the beaten one",
             detail::run_stable_voting},
            {"simple-stable-voting",
             "Simple Stable Voting: largest margin of a candidate who wins without the beaten one",
             detail::run_simple_stable_voting},
            {"superior-voting",
             "Superior voting: own first preferences plus those of every candidate beaten head to head",
             detail::run_superior_voting},
            {"bracket-voting",
             "bracket voting: top four by first preferences seeded 1-4, head-to-head semi-finals and final",
             detail::run_bracket_voting},
            {"knockout",
             "knockout voting: the two lowest Borda scores meet head to head, the loser goes (ties: all "
             "ways)",
             detail::run_knockout},
            {"bradley-terry",
             "Bradley-Terry maximum-likelihood strengths, decided exactly when every pair is compared "
             "equally",
             detail::run_bradley_terry},
            {"plurality-veto",
             "plurality veto: first preferences as points, voters in turn take one from their lowest left",
             detail::run_plurality_veto},
            {"serial-veto",
             "serial veto: plurality veto where a pointless candidate goes only when a voter reaches it",
             detail::run_serial_veto},
            {"simultaneous-veto",
             "simultaneous veto: every ballot vetoes its lowest left at once, continuously, exactly",
             detail::run_simultaneous_veto},
            {"simplified-bucklin",
             "simplified Bucklin: widen the ranks until some are on a majority of ballots; all of those win",
             detail::run_simplified_bucklin},
            {"weighted-bucklin",
             "weighted Bucklin: rank r of m scores (m-r)/(m-1); widen until a score reaches half the ballots",
             detail::run_weighted_bucklin},
            {"dis-and-approval", "dis&approval: score ballots of -1, 0 or +1, the highest total wins",
             detail::run_dis_and_approval, false, ballot_kinds::score},
            {"relative-utilitarian",
             "relative utilitarian: each ballot's scores rescaled to [0, 1], the highest sum wins",
             detail::run_relative_utilitarian, false, ballot_kinds::score},
            {"maximin-utility", "egalitarian maximin on score ballots: the highest lowest score wins",
             detail::run_maximin_utility, false, ballot_kinds::score},
            {"lex-maximin",
             "lexicographic maximin (leximin) on score ballots: lowest scores, then next lowest, ...",
             detail::run_lex_maximin, false, ballot_kinds::score},
            {"nash", "Nash product on score ballots (or gains over a status quo), exact big integers",
             detail::run_nash, false, ballot_kinds::score},
            {"alaska",
             "Alaska-style top-k primary (k = 4 by default), then instant runoff among the finalists",
             detail::run_alaska},
            {"random-dictator",
             "random dictator: the exact lottery of first-preference shares, and one seeded draw",
             detail::run_random_dictator},
            {"maximal-lotteries",
             "maximal lotteries (Fishburn): the exact optimal lottery of the margin game, and one seeded "
             "draw",
             detail::run_maximal_lotteries,
             false,
             ballot_kinds::ranking,
             {"maximal-lottery"}},
            {"essential-set",
             "the essential set (set-valued): every candidate some maximal lottery can choose, exact",
             detail::run_essential_set},
            {"bipartisan-set",
             "the bipartisan set (set-valued): the support of the tournament's maximal lottery, exact",
             detail::run_bipartisan_set,
             false,
             ballot_kinds::ranking,
             {"bipartisan"}},
            {"dodgson",
             "Dodgson, exact: fewest adjacent swaps making a candidate the Condorcet winner, up to 10 "
             "candidates",
             detail::run_dodgson},
            {"young",
             "Young, exact: most voters kept with a candidate the Condorcet winner, up to 10 candidates",
             detail::run_young},
            {"iterated-bucklin",
             "iterated Bucklin: eliminate the lowest adjusted median Borda score, recount",
             detail::run_iterated_bucklin},
            {"split-irv",
             "split-IRV: instant runoff with equal ranks sharing each ballot's vote fractionally",
             detail::run_split_irv},
        };
        std::sort(v.begin(), v.end(), [](auto& a, auto& b) { return a.name < b.name; });
        return v;
    }();
    return t;
}

const std::vector<method_entry>& table() { return unlearnt_table(); }

/// Entry e of table() with its options learnt (once, thread-safely: call_once orders the
/// writes of learn_options before every reader of the entry's options, specs and probe_error).
const method_entry& learnt(const method_entry& e) {
    auto& t = unlearnt_table();
    static const std::unique_ptr<std::once_flag[]> once(new std::once_flag[t.size()]);
    const auto i = static_cast<std::size_t>(&e - t.data());
    std::call_once(once[i], [&] { learn_options(t[i]); });
    return e;
}
} // namespace

result run(const profile& p, std::string_view method, std::string_view options_json) {
    return run(p, method, options_json, {});
}

namespace {
const method_entry& entry_of(std::string_view method) {
    const auto& t = table();
    auto it = std::find_if(t.begin(), t.end(), [&](const method_entry& e) {
        return e.name == method || std::find(e.aliases.begin(), e.aliases.end(), method) != e.aliases.end();
    });
    if (it == t.end()) {
        std::string known;
        for (const auto& e : t) known += (known.empty() ? "" : ", ") + e.name;
        throw error(errc::not_found, "unknown method '" + std::string(method) + "' (known: " + known + ")");
    }
    return learnt(*it);
}

nlohmann::json parse_options(std::string_view method, std::string_view options_json) {
    if (options_json.empty()) return nlohmann::json::object();
    return detail::parse_json(options_json, std::string(method) + ": options"); // nesting-limited
}
} // namespace

result run(const profile& p, std::string_view method, std::string_view options_json,
           const std::function<bool(double)>& progress) {
    const method_entry& e = entry_of(method);
    if (!e.probe_error.empty()) throw error(errc::error, e.probe_error);
    const nlohmann::json j = parse_options(e.name, options_json);
    option_reader reader(j, p, e.name, &e.options);
    reader.progress = progress;
    return e.run(p, reader);
}

namespace detail {
bound_method bind_method(std::string_view method, std::string_view options_json) {
    const method_entry& e = entry_of(method);
    if (!e.probe_error.empty()) throw error(errc::error, e.probe_error);
    bound_method b;
    b.options = parse_options(e.name, options_json);
    b.run = [&e, j = b.options](const profile& p) {
        option_reader reader(j, p, e.name, &e.options);
        return e.run(p, reader);
    };
    return b;
}

void probe_method(std::string_view method, std::string_view options_json) {
    const method_entry& e = entry_of(method);
    const nlohmann::json j = parse_options(e.name, options_json);
    const profile p = probe_profile(e.ballots);
    std::vector<std::string> seen;
    option_reader reader(j, p, e.name);
    reader.probe(&seen);
    try {
        (void)e.run(p, reader);
    } catch (const option_probe_done&) {
        return;
    }
    throw error(errc::error, e.name + ": internal error: its adapter returned without calling finish()");
}
} // namespace detail

std::vector<method_info> methods() {
    std::vector<method_info> out;
    out.reserve(table().size());
    for (const auto& entry : table()) {
        const method_entry& e = learnt(entry);
        method_info m{e.name, e.summary, e.options, e.additive, {}, e.aliases, e.docs, {}};
        for (const auto& s : e.specs)
            m.option_details.push_back({s.key, s.type, s.choices,
                                        s.required || s.default_value.is_null() ? "" : s.default_value.dump(),
                                        s.required, detail::option_description(e.name, s.key)});
        for (auto k : {ballot_kind::ranking, ballot_kind::approval, ballot_kind::score})
            if (detail::accepts(e.ballots, k)) m.ballots.push_back(k);
        if (m.docs.empty()) m.docs = "docs/methods/" + e.name + ".md";
        out.push_back(std::move(m));
    }
    return out;
}

namespace {
nlohmann::ordered_json option_details_json(const std::vector<option_info>& options) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const auto& o : options)
        a.push_back({{"key", o.key},
                     {"type", o.type},
                     {"choices", o.choices},
                     {"default", o.default_json.empty() ? nlohmann::ordered_json()
                                                        : nlohmann::ordered_json::parse(o.default_json)},
                     {"required", o.required},
                     {"description", o.description}});
    return a;
}

nlohmann::ordered_json method_object(const method_info& m) {
    nlohmann::ordered_json ballots = nlohmann::ordered_json::array();
    for (auto k : m.ballots) ballots.push_back(ballot_kind_name(k));
    return {{"name", m.name},       {"summary", m.summary},
            {"options", m.options}, {"additive", m.additive},
            {"ballots", ballots},   {"aliases", m.aliases},
            {"docs", m.docs},       {"option_details", option_details_json(m.option_details)}};
}
} // namespace

std::string method_json(std::string_view name_or_alias, int indent) {
    const std::string name = entry_of(name_or_alias).name;
    for (const auto& m : methods())
        if (m.name == name) return method_object(m).dump(indent);
    throw error(errc::not_found, "unknown method '" + std::string(name_or_alias) + "'");
}

std::string methods_json(int indent) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (const auto& m : methods()) a.push_back(method_object(m));
    return a.dump(indent);
}

std::string method_name(std::string_view name_or_alias) { return entry_of(name_or_alias).name; }

} // namespace v0
} // namespace accord
