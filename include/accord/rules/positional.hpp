// accord/rules/positional.hpp: scoring rules that give points by rank position.
//
// Borda (with the truncated-ballot variants used in practice), Dowdall, anti-plurality and a
// custom points vector (the James Lind Alliance's 10..1). Equal rankings share the points of
// the positions they span (the average); unranked candidates share the points of the positions
// below the ranked ones (unranked = last) or get none (unranked = ignore). Scores are exact
// rationals. See docs/methods/borda.md, dowdall.md, anti-plurality.md, positional.md.
//
// The count is also a template over the number type and the ballot source (count_positional
// below), defined in positional-inl.hpp: libaccord compiles it for exact rationals over a
// profile; include positional-inl.hpp (or use accord::header-only) for any other, e.g. `double`
// weights over your own ballot storage (docs/architecture.md, "Header-heavy").
#pragma once

#include "accord/ballot_source.hpp"
#include "accord/rules/pairwise.hpp"
#include "accord/tie_break.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

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

// --- the generic count (definitions in positional-inl.hpp) ---------------------------------

/// How count_positional scores, in its number type Num.
template <class Num> struct positional_count {
    /// points(i, m): the points of position i (1-based) when m candidates are counted (the
    /// candidates not withdrawn and not excluded); e.g. Borda's m - i. Not read under
    /// truncation::modified, whose points depend on each ballot (Emerson's k..1).
    std::function<Num(std::size_t i, std::size_t m)> points;
    truncation truncated = truncation::average;
    /// Candidates removed before counting (as if withdrawn).
    std::vector<cand_t> excluded;
    /// Names the count in its errors ("borda: no candidate to count").
    std::string method = "positional";
};

/// What count_positional returns: each counted candidate's score, and the candidates in tiers
/// by score (highest first, equal scores sharing a tier). No tie is broken: a tie at the top is
/// the first tier holding several candidates.
template <class Num> struct positional_outcome {
    std::vector<std::optional<Num>> scores; ///< per candidate; nullopt if not counted
    std::vector<std::vector<cand_t>> ranking;
};

/// A positional count in the number type Num over any ranking ballot source: the scores borda(),
/// dowdall(), anti_plurality() and positional() compute (equal rankings share the points of the
/// positions they span; unranked candidates as `truncated` says), without building a result.
/// Num must hold fractions (shared points are): rational, or a floating type for analysis. With
/// rational over a profile it is libaccord's compiled count; any other Num or Source needs
/// accord/rules/positional-inl.hpp. Floating point never decides an election.
template <class Num, ranking_ballot_source Source>
positional_outcome<Num> count_positional(const Source& ballots, const positional_count<Num>& how);

#ifndef ACCORD_HEADER_ONLY
// Compiled once in libaccord (src/rules/positional.cpp).
extern template positional_outcome<rational>
count_positional<rational, profile>(const profile&, const positional_count<rational>&);
#endif

} // namespace v0
} // namespace accord

#ifdef ACCORD_HEADER_ONLY
#  include "accord/rules/positional-inl.hpp"
#endif
