// accord/rules/stv.hpp: the single transferable vote, in the variants real counts use.
//
// Every variant transfers surpluses (none can leave a seat unfilled while candidates remain),
// counts in exact arithmetic — rationals, or fixed-point decimals with exactly the places and
// the rounding the rule prescribes — and reports each stage: the quota, every candidate's
// votes, the transfers with their transfer values, non-transferable votes and votes lost to
// rounding, and who was elected or excluded. See docs/methods/stv.md.
#pragma once

#include "accord/rules/irv.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>

namespace accord {
inline namespace v0 {

enum class stv_variant : std::uint8_t {
    /// Scottish Local Government Elections Order 2007, rules 45-52: weighted inclusive Gregory,
    /// transfer values truncated to 5 decimal places, quota floor(v / (s + 1)) + 1, ties by
    /// the most recent stage at which the candidates differed, then by lot.
    scottish = 0,
    /// Weighted inclusive Gregory method: every paper of an elected candidate moves at value
    /// x surplus / votes; exact quota v / (s + 1), elected on exceeding it.
    wigm = 1,
    /// Meek's method (Hill, Wichmann & Woodall 1987): keep factors iterated until the total
    /// surplus is at most 10^-omega; the quota falls as votes become non-transferable.
    meek = 2,
    /// Gregory's method with the last parcel only (ERS97 style): a surplus arising on first
    /// preferences transfers every paper; a surplus arising from a transfer moves only the
    /// papers of that transfer, at value surplus / (votes in that parcel).
    gregory = 3,
    /// Whole-paper transfers (Irish / Cincinnati style, deterministic): a surplus is moved as
    /// whole papers from the last parcel, shared among next preferences by largest remainder,
    /// taking the papers of each sub-parcel in a fixed order of their preferences.
    whole = 4,
    /// RCTab's multi-seat rules (fractional surplus to `decimals` places, truncated; winners
    /// per round, bottoms-up or sequential IRV).
    rctab = 5,
    /// Warren's method (Warren 1994; Droop's `warren`): as Meek, but a candidate keeps a fixed
    /// amount (its keep value) of each paper reaching it, or all that is left if less.
    warren = 6,
    /// Random-transfer STV (Cambridge MA, Mass. G.L. c. 54A Sec. 9; OpenSTV's RTSTV): whole
    /// papers in a seeded random order, a surplus moved by the Cincinnati method (every n-th
    /// paper, n = votes / surplus to the nearest whole number), no paper credited beyond the
    /// quota, exclusions one at a time. The seed (the tie-break seed) is recorded.
    random_transfer = 7,
    /// CPO-STV (Tideman 1995; Tideman & Richardson 2000): every pair of possible outcomes
    /// (committees) compared by an STV count restricted to their union, in which only the
    /// candidates in both transfer surpluses (Meek's keep factors, or Warren's keep values); the
    /// outcome beating every other wins, else Schulze (or minimax) over the outcomes' margins.
    cpo = 8,
    /// Sequential STV (Hill & Gazeley 2002, Hill 2005 "Sequential STV", Voting matters 15 and 20):
    /// an initial Meek count gives the probables and a queue; each challenger in turn contests a
    /// Meek count of the probables plus itself for the seats, until a run through the queue
    /// changes nothing; loops are resolved by exclusions (Borda score as the last resort).
    sequential = 9,
};

const char* stv_variant_name(stv_variant v) noexcept;
/// "scottish", "wigm", "meek", "gregory" (also "ers97"), "whole", "rctab", "warren",
/// "random-transfer" (also "cincinnati"), "cpo-stv" (also "cpo"), "sequential-stv" (also
/// "sequential").
stv_variant parse_stv_variant(std::string_view name);

enum class stv_quota : std::uint8_t {
    droop = 0,       ///< floor(v / (s + 1)) + 1, reached at >= (whole-number Droop)
    droop_exact = 1, ///< v / (s + 1), elected on exceeding it (Newland-Britton)
    hare = 2,        ///< v / s, reached at >=
};

/// How RCTab decides winners in a multi-seat contest (`winnerElectionMode`).
enum class rctab_mode : std::uint8_t {
    multiple_per_round = 0, ///< multiWinnerAllowMultipleWinnersPerRound
    one_per_round = 1,      ///< multiWinnerAllowOnlyOneWinnerPerRound
    bottoms_up = 2,         ///< bottomsUp (until `seats` remain), or with bottoms_up_threshold
                            ///< bottomsUpUsingPercentageThreshold (until all remaining pass)
    sequential = 3,         ///< multiPassIrv: IRV, remove the winner, repeat
};

struct stv_options {
    stv_variant variant = stv_variant::scottish;
    /// Seats to fill; 0 = the profile's `seats` (from the BLT file).
    std::size_t seats = 0;
    /// Quota; default per variant (scottish, whole, gregory: droop; wigm, meek: droop_exact).
    std::optional<stv_quota> quota;
    /// Decimal places of fixed-point arithmetic for wigm and meek, or k_exact for exact
    /// rationals; nullopt = the variant's default (wigm: exact; meek: 9 places, as exact Meek
    /// counts grow without bound on real elections). Scottish is fixed at 5 by law; rctab uses
    /// `decimals`.
    std::optional<unsigned> places;
    static constexpr unsigned k_exact = ~0u;
    /// meek and warren: guard digits of "guarded" (quasi-exact, Hill's QX) arithmetic: `places`
    /// digits plus `guard` more, every operation truncated, and two values equal when they
    /// differ by less than half a unit of the guard digits (Droop's `arithmetic=guarded`).
    /// 0 = not guarded. Needs a fixed `places`.
    unsigned guard = 0;
    /// meek: the New Zealand rounding (NZ Local Electoral Regulations 2001, Schedule 1A; Hill's
    /// NZ calculator; the PR Foundation's reference Meek rule): each candidate keeps the
    /// paper's weight x keep factor rounded up, the rest (weight minus that) passes on; the
    /// iteration ends when the total surplus is *below* omega; the final report is the state
    /// when the last seat is filled, without a further distribution.
    bool nz = false;
    /// random-transfer: after the first count and its surpluses, defeat together every candidate
    /// with fewer votes than this (Cambridge: the 50 signatures of a nomination, 54A Sec. 9(g));
    /// 0 = none.
    std::uint64_t min_votes = 0;
    /// Meek (and its counts in sequential STV), Warren and CPO-STV's comparisons: iterate until
    /// the total surplus is at most 10^-omega; nullopt = 6 in fixed-point arithmetic, 10 in exact
    /// arithmetic, 12 for CPO-STV.
    std::optional<unsigned> omega;
    /// Meek: defeat every "sure loser" at once when safe (Droop's defeat_batch=safe).
    bool batch_defeat = true;
    /// WIGM: after a surplus transfer, defeat every hopeful candidate with zero votes at once.
    bool defeat_zero_batch = false;
    /// scottish: give a candidate elected with exactly the quota a stage transferring its
    /// surplus of 0, as the Droop package's Scottish rule does. Off by default: the Scottish
    /// Order (rule 48(1)) transfers a surplus only when a candidate's votes *exceed* the quota,
    /// and the official counts have no such stage (docs/methods/stv.md).
    bool zero_surplus_stage = false;
    /// rctab: how winners are decided; RCTab's decimalPlacesForVoteArithmetic; a fractional
    /// threshold (votes / (s + 1) truncated to `decimals`, plus one unit in the last place)
    /// rather than a whole one; the bottoms-up percentage (e.g. 15/100).
    rctab_mode mode = rctab_mode::multiple_per_round;
    unsigned decimals = 4;
    bool fractional_threshold = false;
    rational bottoms_up_threshold{0};
    /// rctab, bottoms-up with a `bottoms_up_threshold` (RCTab's bottomsUpUsingPercentageThreshold,
    /// where the threshold, not `seats`, decides how many are elected): keep round 1's threshold
    /// for the whole count (RCTab's doesFirstRoundDetermineThreshold) rather than recomputing it
    /// from each round's continuing votes; and eliminate every candidate below the threshold at
    /// once (RCTab's cutoffElimination) rather than the lowest alone.
    bool first_round_threshold = false;
    bool cutoff_elimination = false;
    /// cpo-stv: a surplus of a candidate in both outcomes moves by Warren's keep values rather
    /// than Meek's keep factors.
    bool warren_transfer = false;
    /// cpo-stv: the quota is computed once from every valid paper, rather than recomputed in each
    /// comparison from the votes the compared candidates hold (Meek's and Tideman's).
    bool fixed_quota = false;
    /// cpo-stv: how the outcome is chosen when no outcome beats every other.
    enum class cpo_completion : std::uint8_t { schulze = 0, minimax = 1 };
    cpo_completion completion = cpo_completion::schulze;
    /// cpo-stv: refuse (errc::invalid) more possible outcomes than this (it compares every pair).
    std::uint64_t max_outcomes = 200;
    /// sequential-stv: refuse (errc::invalid) to count more challenges than this.
    std::uint64_t max_challenges = 10'000;
    /// cpo-stv and sequential-stv: called now and then with the fraction done (0..1); returning
    /// false cancels the count (errc::cancelled). The registry passes the caller's progress here.
    std::function<bool(double)> progress;
    /// How papers continue past candidates who left the count (overvotes, skipped ranks,
    /// repeated candidates), excluded candidates, batch elimination (rctab) and ties. STV
    /// variants other than rctab read only `excluded`, `overvotes` and `tie_break`: a paper
    /// ranking several candidates equally is treated by `overvotes`.
    irv_options ballots;
};

/// Statutory local rules, as named presets (docs/methods/stv.md#presets): each sets the variant,
/// the quota, the arithmetic, how papers continue past overvotes, skipped and repeated rankings,
/// batch elimination and the tie policy, as the rule and RCTab's configuration of it do.
enum class stv_preset : std::uint8_t {
    /// Minneapolis, Code of Ordinances Title 8.5 Ch. 167 (RCTab's "Minneapolis Rules"): one seat,
    /// IRV with batch elimination; several, RCTab's multi-seat fractional transfer (4 places).
    minneapolis = 0,
    /// San Francisco Charter Art. XIII Sec. 13.102 (one seat only): IRV, a ballot exhausted at an
    /// overvote, skipped rankings passed over, batch elimination, ties by lot.
    san_francisco = 1,
    /// Cambridge, Massachusetts (Mass. G.L. c. 54A Sec. 9, Cincinnati surplus method): the
    /// random-transfer variant, candidates under 50 votes defeated after the first count, ties
    /// by the previous counts then by lot.
    cambridge = 2,
};
/// "minneapolis", "san-francisco", "cambridge" (errc::invalid otherwise).
stv_preset parse_stv_preset(std::string_view name);
/// The preset's name, as parse_stv_preset() reads it.
const char* stv_preset_name(stv_preset preset) noexcept;
/// The options of a preset's rule for `seats` seats (errc::invalid where the rule elects fewer).
/// Ties are drawn by lot (tie_policy::random, seed 0 unless changed); `excluded` is empty.
stv_options stv_preset_options(stv_preset preset, std::size_t seats);

/// Counts an STV election. Winners are in order of election; the ranking puts the elected
/// first (in that order), then the others from last excluded to first excluded.
/// Errors: errc::unsupported for non-ranking ballots; errc::invalid for 0 seats or more seats
/// than candidates, or weights not representable at the chosen precision; errc::overflow when
/// fixed-point values would not fit (use exact arithmetic).
result stv(const profile& p, const stv_options& opt = {});

/// One comparison of CPO-STV (docs/methods/stv.md#cpo-stv): outcomes `a` and `b` (committees of
/// `seats` continuing candidates), counted as the cpo-stv variant counts them under `opt`.
struct cpo_comparison {
    rational total_a, total_b; ///< the votes of each outcome's members at the end
    rational quota;            ///< the quota at the end
    /// Votes of each candidate of a and b at the end (nullopt for the others).
    std::vector<std::optional<rational>> votes;
    std::size_t iterations = 0; ///< distributions counted
    /// The surplus the candidates in both outcomes still held when the iteration stopped (0
    /// when it reached the exact fixed point).
    rational surplus_left;
};
cpo_comparison cpo_stv_compare(const profile& p, const stv_options& opt, std::span<const cand_t> a,
                               std::span<const cand_t> b);

} // namespace v0
} // namespace accord
