// accord/rules/pairwise.hpp: the weighted pairwise (head-to-head) matrix and what is read off it.
//
// support(a, b) is the total weight of the voters who rank a strictly above b. It is tallied in
// int64_t when profile::integral() holds, else in exact rationals; both paths are one template
// instantiated in src/rules/pairwise.cpp. Winning votes and margins, Condorcet winner and loser,
// and the Smith and Schwartz sets (strong components of the majority graph, with Boost.Graph)
// are computed here and shared by every Condorcet-family rule (condorcet.hpp, kemeny.hpp).
// See docs/methods/condorcet.md.
//
// The matrix is a template over the number type and the ballot source, defined with what is
// read off it in pairwise-inl.hpp: libaccord compiles them for 64-bit integers and exact
// rationals over a profile; include pairwise-inl.hpp (or use accord::header-only) for any other,
// e.g. `double` weights over your own ballot storage (docs/architecture.md, "Header-heavy").
#pragma once

#include "accord/ballot_source.hpp"
#include "accord/profile.hpp"
#include "accord/result.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace accord {
inline namespace v0 {

/// How a ranking ballot's unranked candidates compare with the others.
enum class unranked_rule : std::uint8_t {
    /// Below every ranked candidate and equal among themselves: the ballot "a > b" says a > b > c
    /// for an unranked c. Debian constitution A.6(1) counts this way (the default).
    last = 0,
    /// No preference: an unranked candidate is compared with nobody on that ballot.
    ignore = 1,
};

/// "last" or "ignore"; errc::invalid otherwise, naming `method`.
unranked_rule parse_unranked(std::string_view text, std::string_view method);
const char* unranked_rule_name(unranked_rule u) noexcept;

struct pairwise_options {
    unranked_rule unranked = unranked_rule::last;
    /// Candidates removed before counting (as if withdrawn).
    std::vector<cand_t> excluded;
};

template <class Num> struct pairwise_matrix {
    std::size_t n = 0;        ///< candidates in the profile (active or not)
    std::vector<Num> support; ///< n x n, row-major: support[a * n + b]
    std::vector<char> active; ///< candidates that take part (not withdrawn, not excluded)

    const Num& operator()(cand_t a, cand_t b) const { return support[a * n + b]; }
    Num margin(cand_t a, cand_t b) const { return (*this)(a, b) - (*this)(b, a); }
    /// a beats b head to head (more support, strictly).
    bool beats(cand_t a, cand_t b) const { return (*this)(a, b) > (*this)(b, a); }
    /// The active candidates, in profile order.
    std::vector<cand_t> candidates() const {
        std::vector<cand_t> out;
        for (cand_t c = 0; c < n; ++c)
            if (active[c]) out.push_back(c);
        return out;
    }
};

/// Tallies the pairwise matrix of a ranking profile, or of any ranking ballot source
/// (ballot_source.hpp), in the number type Num. Overvote marks are skipped; a candidate marked
/// twice counts at its first (best) rank. errc::unsupported for non-ranking profiles; an
/// int64_t count of a weighted profile is refused (count in rational). With std::int64_t or
/// rational over a profile it is libaccord's compiled tally; any other Num or Source needs
/// accord/rules/pairwise-inl.hpp. Floating point is for analysis only.
template <class Num, ranking_ballot_source Source>
pairwise_matrix<Num> tally_pairwise(const Source& ballots, const pairwise_options& opt = {});

/// Calls f(matrix) with the int64 matrix when the profile is integral, else the rational one.
template <class F> decltype(auto) with_pairwise(const profile& p, const pairwise_options& opt, F&& f) {
    if (p.integral()) return f(tally_pairwise<std::int64_t>(p, opt));
    return f(tally_pairwise<rational>(p, opt));
}

/// The candidate who beats every other active candidate head to head, if any.
template <class Num> std::optional<cand_t> condorcet_winner(const pairwise_matrix<Num>& m);
/// The candidate beaten by every other active candidate, if any.
template <class Num> std::optional<cand_t> condorcet_loser(const pairwise_matrix<Num>& m);

/// The matrix as exact rationals for result::pairwise (inactive rows and columns are zero).
template <class Num> std::vector<std::vector<rational>> to_rational_matrix(const pairwise_matrix<Num>& m);

/// Layers a strict relation into tiers: repeatedly the remaining candidates that no remaining
/// candidate is `better` than. If a layer would be empty (a cycle), all remaining form one tier.
template <class Better> std::vector<std::vector<cand_t>> layer_by(std::vector<cand_t> left, Better&& better) {
    std::vector<std::vector<cand_t>> tiers;
    while (!left.empty()) {
        std::vector<cand_t> top, rest;
        for (cand_t a : left) {
            bool beaten = false;
            for (cand_t b : left)
                if (b != a && better(b, a)) {
                    beaten = true;
                    break;
                }
            (beaten ? rest : top).push_back(a);
        }
        if (top.empty()) {
            tiers.push_back(left);
            break;
        }
        tiers.push_back(std::move(top));
        left = std::move(rest);
    }
    return tiers;
}

/// Tiers from scores: higher first when `descending`, equal scores share a tier. Defined here
/// (not in src/) so the header-only counts rank in any number type.
template <class Num>
std::vector<std::vector<cand_t>> tiers_by_score(std::vector<cand_t> cands, const std::vector<Num>& score,
                                                bool descending = true) {
    std::stable_sort(cands.begin(), cands.end(), [&](cand_t a, cand_t b) {
        return descending ? score[a] > score[b] : score[a] < score[b];
    });
    std::vector<std::vector<cand_t>> tiers;
    for (std::size_t i = 0; i < cands.size(); ++i) {
        if (i > 0 && score[cands[i]] == score[cands[i - 1]])
            tiers.back().push_back(cands[i]);
        else
            tiers.push_back({cands[i]});
    }
    return tiers;
}

#ifndef ACCORD_HEADER_ONLY
// Compiled once in libaccord (src/rules/pairwise.cpp).
extern template pairwise_matrix<std::int64_t> tally_pairwise<std::int64_t, profile>(const profile&,
                                                                                    const pairwise_options&);
extern template pairwise_matrix<rational> tally_pairwise<rational, profile>(const profile&,
                                                                            const pairwise_options&);
extern template std::optional<cand_t> condorcet_winner(const pairwise_matrix<std::int64_t>&);
extern template std::optional<cand_t> condorcet_winner(const pairwise_matrix<rational>&);
extern template std::optional<cand_t> condorcet_loser(const pairwise_matrix<std::int64_t>&);
extern template std::optional<cand_t> condorcet_loser(const pairwise_matrix<rational>&);
extern template std::vector<std::vector<rational>> to_rational_matrix(const pairwise_matrix<std::int64_t>&);
extern template std::vector<std::vector<rational>> to_rational_matrix(const pairwise_matrix<rational>&);
extern template std::vector<std::vector<cand_t>> tiers_by_score(std::vector<cand_t>,
                                                                const std::vector<std::int64_t>&, bool);
extern template std::vector<std::vector<cand_t>> tiers_by_score(std::vector<cand_t>,
                                                                const std::vector<rational>&, bool);
#endif

} // namespace v0
} // namespace accord

#ifdef ACCORD_HEADER_ONLY
#  include "accord/rules/pairwise-inl.hpp"
#endif
