// accord/rules/pairwise-inl.hpp: the definitions of the pairwise templates declared in
// pairwise.hpp.
//
// The matrix over any number type and any ballot source, and what is read off it
// (docs/architecture.md, "Header-heavy"). libaccord compiles the instantiations pairwise.hpp
// declares `extern template` (64-bit integers and exact rationals over a profile); include this
// header to instantiate others, e.g. `double` weights over your own ballot storage, without
// linking libaccord (accord::header-only).
#pragma once

#include "accord/rules/pairwise.hpp"
#ifndef ACCORD_HEADER_ONLY
#  include "accord/detail/safety.hpp"
#endif

#include <algorithm>
#include <climits>
#include <cstdint>
#include <string>
#include <type_traits>
#include <vector>

namespace accord {
inline namespace v0 {

template <class Num, ranking_ballot_source Source>
pairwise_matrix<Num> tally_pairwise(const Source& p, const pairwise_options& opt) {
    ballot_values<Source>::template check<Num>(p, "pairwise comparison");
    const std::size_t n = p.candidate_count();
    // The matrix and the n x n tables the rules build from it (strongest paths, locked edges):
    // estimated before anything is allocated, so 100,000 candidates is a named refusal, not
    // std::bad_alloc part-way.
    // Header-only, there is no memory budget (safety.cpp): the embedder's allocator decides.
#ifndef ACCORD_HEADER_ONLY
    const long double cell = std::is_same_v<Num, rational> ? sizeof(Num) + 16.0L : sizeof(Num);
    detail::check_memory(2.0L * n * n * cell, "the pairwise matrix of " + std::to_string(n) + " candidates");
#endif
    pairwise_matrix<Num> m;
    m.n = n;
    m.support.assign(n * n, Num(0));
    m.active.assign(n, 1);
    for (cand_t c = 0; c < n; ++c)
        if (p.withdrawn(c)) m.active[c] = 0;
    for (cand_t c : opt.excluded) {
        if (c >= n)
            throw error(errc::invalid, "excluded candidate index " + std::to_string(c) + " out of range");
        m.active[c] = 0;
    }
    // rank[c] per ballot: the mark's rank value when ranked; for unranked candidates INT32_MAX
    // under "last" (below everyone ranked) or -1 under "ignore"; -1 for inactive candidates.
    // A row a then adds to column b exactly when rank[a] < rank[b], which the compiler
    // vectorises for the int64 path (see bench/condorcet_bench.cpp).
    const std::int32_t unranked_value = opt.unranked == unranked_rule::last ? INT32_MAX : -1;
    std::vector<std::int32_t> blank(n), rank(n);
    for (cand_t c = 0; c < n; ++c) blank[c] = m.active[c] ? unranked_value : -1;
    const auto marks = p.flat_marks();
    const auto off = p.flat_offsets();
    std::vector<cand_t> ranked;
    ranked.reserve(n);
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        std::copy(blank.begin(), blank.end(), rank.begin());
        ranked.clear();
        for (std::uint32_t j = off[i]; j < off[i + 1]; ++j) {
            const cand_t c = marks[j].candidate;
            if (c == k_overvote || !m.active[c] || rank[c] != unranked_value)
                continue; // repeat: first rank counts
            rank[c] = marks[j].value;
            ranked.push_back(c);
        }
        if constexpr (std::is_same_v<Num, std::int64_t>) {
            const std::int64_t w = static_cast<std::int64_t>(p.counts()[i]);
            const std::int32_t* r = rank.data();
            for (cand_t a : ranked) {
                std::int64_t* row = m.support.data() + a * n;
                const std::int32_t ra = r[a];
                for (std::size_t b = 0; b < n; ++b) row[b] += w & -static_cast<std::int64_t>(ra < r[b]);
            }
        } else {
            const Num w = ballot_values<Source>::template value<Num>(p, i);
            for (cand_t a : ranked) {
                const std::int32_t ra = rank[a];
                for (std::size_t b = 0; b < n; ++b)
                    if (ra < rank[b]) m.support[a * n + b] += w;
            }
        }
    }
    return m;
}

namespace detail {
// The first active candidate who beats every other (winner) or is beaten by every other (loser).
template <class Num> std::optional<cand_t> condorcet_extreme(const pairwise_matrix<Num>& m, bool winner) {
    const auto cands = m.candidates();
    for (cand_t a : cands)
        if (std::all_of(cands.begin(), cands.end(),
                        [&](cand_t b) { return a == b || (winner ? m.beats(a, b) : m.beats(b, a)); }))
            return a;
    return std::nullopt;
}
} // namespace detail

template <class Num> std::optional<cand_t> condorcet_winner(const pairwise_matrix<Num>& m) {
    return detail::condorcet_extreme(m, true);
}

template <class Num> std::optional<cand_t> condorcet_loser(const pairwise_matrix<Num>& m) {
    return detail::condorcet_extreme(m, false);
}

template <class Num> std::vector<std::vector<rational>> to_rational_matrix(const pairwise_matrix<Num>& m) {
    std::vector<std::vector<rational>> out(m.n, std::vector<rational>(m.n));
    for (cand_t a = 0; a < m.n; ++a)
        for (cand_t b = 0; b < m.n; ++b)
            if (m.active[a] && m.active[b]) out[a][b] = rational(m(a, b));
    return out;
}

} // namespace v0
} // namespace accord
