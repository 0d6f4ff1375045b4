// accord/rules/majority_graph.hpp: the Smith and Schwartz sets, the strong components of the
// majority graph read off a pairwise matrix (pairwise.hpp), computed with Boost.Graph.
//
// Kept apart from pairwise.hpp so that the matrix, and the positional counts that include it,
// do not pay for Boost.Graph (about 66,000 preprocessed lines) when used header-only. The
// templates are defined in majority_graph-inl.hpp: libaccord compiles them for 64-bit integers
// and exact rationals (src/rules/majority_graph.cpp); include majority_graph-inl.hpp (or use
// accord::header-only) for any other number type (docs/architecture.md, "Header-heavy").
// See docs/methods/condorcet.md.
#pragma once

#include "accord/rules/pairwise.hpp"

#include <cstdint>
#include <vector>

namespace accord {
inline namespace v0 {

/// The strong components of the "beats or ties" graph (edge a -> b when support(a,b) >=
/// support(b,a)), in order: every member of an earlier component beats every member of a later
/// one. The first is the Smith set. Computed with boost::strong_components.
template <class Num>
std::vector<std::vector<cand_t>> smith_components(const pairwise_matrix<Num>& m,
                                                  const std::vector<cand_t>& among);
template <class Num> std::vector<cand_t> smith_set(const pairwise_matrix<Num>& m) {
    auto comps = smith_components(m, m.candidates());
    return comps.empty() ? std::vector<cand_t>{} : comps.front();
}
/// The Schwartz set among `among`: the union of the strong components of the "beats" graph
/// that no outside candidate beats (the minimal undominated sets).
template <class Num>
std::vector<cand_t> schwartz_set(const pairwise_matrix<Num>& m, const std::vector<cand_t>& among);

#ifndef ACCORD_HEADER_ONLY
// Compiled once in libaccord (src/rules/majority_graph.cpp).
extern template std::vector<std::vector<cand_t>> smith_components(const pairwise_matrix<std::int64_t>&,
                                                                  const std::vector<cand_t>&);
extern template std::vector<std::vector<cand_t>> smith_components(const pairwise_matrix<rational>&,
                                                                  const std::vector<cand_t>&);
extern template std::vector<cand_t> schwartz_set(const pairwise_matrix<std::int64_t>&,
                                                 const std::vector<cand_t>&);
extern template std::vector<cand_t> schwartz_set(const pairwise_matrix<rational>&,
                                                 const std::vector<cand_t>&);
#endif

} // namespace v0
} // namespace accord

#ifdef ACCORD_HEADER_ONLY
#  include "accord/rules/majority_graph-inl.hpp"
#endif
