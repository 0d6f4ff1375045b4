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
#include <optional>

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
};

const char* stv_variant_name(stv_variant v) noexcept;
/// "scottish", "wigm", "meek", "gregory" (also "ers97"), "whole", "rctab".
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
    /// Meek: iterate until the total surplus is at most 10^-omega; nullopt = 6 in fixed-point
    /// arithmetic, 10 in exact arithmetic.
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
    /// How papers continue past candidates who left the count (overvotes, skipped ranks,
    /// repeated candidates), excluded candidates, batch elimination (rctab) and ties. STV
    /// variants other than rctab read only `excluded`, `overvotes` and `tie_break`: a paper
    /// ranking several candidates equally is treated by `overvotes`.
    irv_options ballots;
};

/// Counts an STV election. Winners are in order of election; the ranking puts the elected
/// first (in that order), then the others from last excluded to first excluded.
/// Errors: errc::unsupported for non-ranking ballots; errc::invalid for 0 seats or more seats
/// than candidates, or weights not representable at the chosen precision; errc::overflow when
/// fixed-point values would not fit (use exact arithmetic).
result stv(const profile& p, const stv_options& opt = {});

} // namespace v0
} // namespace accord
