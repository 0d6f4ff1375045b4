// One line per option key: what the listing (`accord methods RULE`, the JSON listing, the C and
// Python method listings) says each option does. Types, allowed values and defaults are not
// here: the registry learns them from the adapters (src/registry.cpp). A key every method reads
// alike is described once (method ""); a method whose key means something else has its own line.
// tests/registry_options_test.cpp fails when a key a method reads has no line, or a line
// describes a key no method reads, so an option cannot land undocumented.
#include "accord/detail/options.hpp"

#include <array>

namespace accord {
inline namespace v0 {
namespace detail {
namespace {
constexpr std::array k_docs = std::to_array<option_doc>({
    // Shared by many methods.
    {"seats", "", "number of candidates to elect (the committee size)"},
    {"excluded", "", "candidates removed before counting, as if withdrawn (names or 0-based indices)"},
    {"tie_break", "",
     "how a tie is broken: a policy, or previous-rounds:FALLBACK (earlier rounds, then the fallback)"},
    {"seed", "", "seed of the random tie-break draws (the same draws on every platform)"},
    {"tie_order", "",
     "candidate priority for lexicographic tie-breaks, favoured first (default: file order)"},
    {"unranked", "",
     "a ballot's unranked candidates: last (below every ranked one, equal among themselves) or ignore "
     "(compared with nobody)"},
    {"overvote", "",
     "a rank holding several candidates: exhaust the ballot, skip to the next rank, or exhaust only if "
     "several are continuing"},
    {"max_rankings", "", "ranks beyond this many are ignored (default: all)"},
    {"max_committees", "", "refuse (errc::unsupported) an exact search over more committees than this"},
    {"game", "",
     "the two-player game solved: margin (payoff = majority margin, Fishburn's maximal lotteries) or "
     "majority (payoff = +1, 0 or -1, the C1 version)"},

    // IRV and RCTab-style STV: how papers continue (RCTab's names in docs/methods/irv.md).
    {"batch_elimination", "",
     "eliminate at once every lowest candidate whose combined votes are fewer than the next one's"},
    {"max_skipped_ranks", "",
     "exhaust a ballot after more than this many consecutive skipped ranks (default: unlimited)"},
    {"exhaust_on_duplicate", "",
     "a candidate ranked again: exhaust the ballot there (true) or skip the repeat"},
    {"undeclared_write_in", "",
     "the candidate standing for undeclared write-ins: eliminated after the first round, never elected"},
    {"continue_until_two", "", "keep eliminating until two candidates remain, even after a majority"},

    // STV.
    {"variant", "stv", "the STV rules counted (docs/methods/stv.md has one section per variant)"},
    {"preset", "stv",
     "a statutory local rule: minneapolis, san-francisco or cambridge (sets the variant and every rule "
     "option; seats, excluded and the tie draw stay yours)"},
    {"min_votes", "stv",
     "random-transfer: defeat together, after the first count, every candidate with fewer votes (default 0)"},
    {"seats", "stv", "seats to fill (default: the profile's, e.g. a BLT file's)"},
    {"quota", "stv", "the quota (default: the variant's)"},
    {"arithmetic", "stv",
     "wigm, gregory, meek and warren: exact (rationals) or fixed:PLACES (0-15); meek and warren also "
     "guarded:PLACES[:GUARD] (quasi-exact, Droop's guarded; alias qx:) (default: the variant's)"},
    {"omega", "stv",
     "meek, warren, sequential-stv and cpo-stv: iterate until the surplus is at most 10^-omega, 1-30 "
     "(default: 6 fixed-point, 10 exact, half the places guarded; cpo-stv 12)"},
    {"batch_defeat", "stv", "meek and warren: defeat every sure loser at once when safe"},
    {"nz", "stv",
     "meek: New Zealand rounding (Schedule 1A, PR Foundation reference): keeps rounded up, the "
     "iteration ends below omega"},
    {"defeat_zero_batch", "stv",
     "wigm: after a surplus transfer, defeat every hopeful with zero votes at once"},
    {"zero_surplus_stage", "stv",
     "scottish: give a candidate elected with exactly the quota a stage of its 0 surplus"},
    {"transfer", "stv",
     "cpo-stv: how the surplus of a candidate in both outcomes moves: meek (keep factors) or warren "
     "(keep values)"},
    {"completion", "stv", "cpo-stv: the outcome chosen when none beats every other: schulze or minimax"},
    {"fixed_quota", "stv",
     "cpo-stv: compute the quota once from the valid papers, not in each comparison from the votes held"},
    {"max_outcomes", "stv",
     "cpo-stv: refuse more possible outcomes than this (every pair is compared; default 200)"},
    {"max_challenges", "stv", "sequential-stv: refuse to count more challenges than this (default 10000)"},
    {"mode", "stv", "rctab: how winners are decided (RCTab's winner election mode)"},
    {"decimals", "stv", "rctab: decimal places of vote arithmetic, at most 12"},
    {"fractional_threshold", "stv", "rctab: a fractional threshold rather than a whole one"},
    {"bottoms_up_threshold", "stv",
     "rctab, bottoms-up: elect all who pass this share of the votes, a fraction between 0 and 1"},
    {"first_round_threshold", "stv",
     "rctab, bottoms-up threshold: keep round 1's threshold for the whole count"},
    {"cutoff_elimination", "stv",
     "rctab, bottoms-up threshold: eliminate every candidate below the threshold at once"},

    // Single-winner variants.
    {"variant", "minimax", "how a defeat is measured: winning votes, margin or the opposition alone"},
    {"variant", "uncovered-set", "the covering relation"},
    {"strength", "", "how a defeat is measured: winning votes, margin, ratio, or winning votes only"},
    {"strength", "ranked-pairs", "how a majority is measured when locking: winning votes or margin"},
    {"tie_value", "copeland", "points for a pairwise tie, an exact number between 0 and 1"},
    {"tie_value", "copeland-set", "points for a pairwise tie, an exact number between 0 and 1"},
    {"set", "tideman-alternative", "the dominant set eliminations keep to"},
    {"truncation", "borda",
     "a truncated ballot's unranked candidates: share the average, score zero, or modified Borda "
     "(default: from unranked)"},
    {"base", "borda", "points of the last position: position i of m scores m - i + base"},
    {"points", "positional", "points of each position, first to last, non-negative and non-increasing"},
    {"max_exact", "", "refuse (errc::unsupported) a strong component larger than this, at most 30"},
    {"max_rankings", "kemeny", "list at most this many optimal rankings"},
    {"max_rankings", "slater", "list at most this many optimal orders"},
    {"k", "alaska", "finalists advancing from the top-k primary"},
    {"seed", "random-dictator", "seed of the one draw of a dictator"},
    {"voter_order", "", "the order voters take their turns: the profile's, or a seeded random one"},
    {"seed", "plurality-veto", "seed of the random voter order (voter_order random only)"},
    {"strict_threshold", "weighted-bucklin",
     "stop on a score of more than half the ballots, not at least half"},

    // Score ballots.
    {"aggregate", "score", "rank by each candidate's total score or its mean"},
    {"ungraded", "majority-judgment", "the grade of a candidate a ballot leaves ungraded"},
    {"budget", "cumulative", "points each ballot may give in all (default: no limit)"},
    {"over_budget", "cumulative",
     "a ballot over the budget: refused naming it (error), or not counted (skip)"},
    {"unscored", "",
     "the score of a candidate a ballot leaves unscored (default: such a ballot is refused, naming it)"},
    {"status_quo", "nash", "maximise the product of gains over this candidate rather than of scores"},

    // Committees and budgets.
    {"votes", "limited", "marks each ballot may give, fewer than seats"},
    {"base", "geometric", "p of the Thiele weights 1, 1/p, 1/p^2, ..., at least 2"},
    {"completion", "equal-shares", "what fills seats the Method of Equal Shares leaves empty"},
    {"method", "budget",
     "greedy, Equal Shares, exact max welfare, sequential Phragmen, maximin support, Exact Equal Shares, "
     "BOS Equal Shares, Fractional Equal Shares or CSTV"},
    {"combination", "budget",
     "cstv: ewt, ewtc, mt, mtc, ewts or mts, pabutools' CSTV combinations (selection by excess, support "
     "over cost or support; elimination with transfers or minimal transfer)"},
    {"budget", "budget",
     "the money available, an exact number (\"1250.50\"); default: a Pabulib file's budget"},
    {"costs", "budget",
     "each project's cost: an object from candidate name to an exact number; default: a Pabulib file's "
     "costs"},
    {"utilities", "budget",
     "equal-shares, exact-equal-shares, bos-equal-shares, fractional-equal-shares and max-welfare: a voter's "
     "utility from an approved project is its cost (\"cost\") or 1 (\"approval\"); with points (score) "
     "ballots, the points it gives (\"points\", their default and only choice)"},
    {"max_nodes", "budget", "max-welfare: refuse (errc::unsupported) a search visiting more nodes than this"},
    {"completion", "budget",
     "equal-shares: none, add1 (raise every budget by increment while it fits) or greedy (fund the rest by "
     "approvals); phragmen: none or greedy; exact-equal-shares: none or add-opt"},
    {"increment", "budget", "equal-shares with add1: the raise of each voter's budget per step, in money"},
});
} // namespace

std::span<const option_doc> option_docs() { return k_docs; }

std::string option_description(std::string_view method, std::string_view key) {
    const option_doc* shared = nullptr;
    for (const auto& d : k_docs) {
        if (key != d.key) continue;
        if (method == d.method) return d.text;
        if (!*d.method) shared = &d;
    }
    return shared ? shared->text : "";
}

} // namespace detail
} // namespace v0
} // namespace accord
