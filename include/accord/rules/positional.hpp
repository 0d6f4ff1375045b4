// accord/rules/positional.hpp: scoring rules that give points by rank position.
//
// Borda (with the truncated-ballot variants used in practice), Dowdall, anti-plurality and a
// custom points vector (the James Lind Alliance's 10..1). Equal rankings share the points of
// the positions they span (the average); unranked candidates share the points of the positions
// below the ranked ones (unranked = last) or get none (unranked = ignore). Scores are exact
// rationals. See docs/methods/borda.md, dowdall.md, anti-plurality.md, positional.md.
#pragma once

#include "accord/rules/pairwise.hpp"
#include "accord/tie_break.hpp"

namespace accord {
inline namespace v0 {

/// What a truncated ballot gives the candidates it leaves unranked.
enum class truncation : std::uint8_t {
    /// Unranked candidates are tied below the ranked ones and share the points of the remaining
    /// positions equally (the "averaged" count; what unranked = last means).
    average = 0,
    /// Unranked candidates get no points; ranked ones get the points of their positions
    /// (what unranked = ignore means; "optional preferential" Borda).
    zero = 1,
    /// Emerson's modified Borda count: a ballot ranking k candidates gives k points to its
    /// first, k-1 to its second, ..., 1 to its last ranked, 0 to unranked (Borda only).
    modified = 2,
};

struct positional_common {
    unranked_rule unranked = unranked_rule::last; ///< last -> average, ignore -> zero
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};

struct borda_options {
    /// Default: from common.unranked (last -> average, ignore -> zero).
    std::optional<truncation> truncated;
    /// Points of the last of m positions: position i scores m - i + base. Base 0 is Borda's
    /// m-1..0; base 1 (m..1) is what Condorcet PHP and many club rules use.
    rational base = 0;
    positional_common common;
};
result borda(const profile& p, const borda_options& opt = {});

/// Dowdall (Nauru): position i scores 1/i.
result dowdall(const profile& p, const positional_common& opt = {});

/// Anti-plurality: every position scores 1 except the last of the m positions.
result anti_plurality(const profile& p, const positional_common& opt = {});

struct positional_options {
    /// Points for positions 1, 2, ...; positions beyond the vector score 0. Must be
    /// non-increasing and non-negative.
    std::vector<rational> points;
    positional_common common;
};
/// Any positional scoring rule, e.g. {10, 9, ..., 1} for a James Lind Alliance workshop.
result positional(const profile& p, const positional_options& opt);

} // namespace v0
} // namespace accord
