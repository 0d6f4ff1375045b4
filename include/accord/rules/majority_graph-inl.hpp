// accord/rules/majority_graph-inl.hpp: the definitions of the templates declared in
// majority_graph.hpp (the Smith and Schwartz sets, with boost::strong_components).
//
// libaccord compiles the instantiations majority_graph.hpp declares `extern template` (64-bit
// integers and exact rationals); include this header to instantiate others, e.g. a matrix in
// `double`, without linking libaccord (accord::header-only).
#pragma once

#include "accord/rules/majority_graph.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include <algorithm>
#include <cstddef>
#include <vector>

namespace accord {
inline namespace v0 {

namespace detail {
using digraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;

// Strong components of the graph on `among` with an edge a -> b when edge(a, b).
template <class Edge>
std::vector<std::vector<cand_t>> strong_components_of(const std::vector<cand_t>& among, Edge&& edge,
                                                      std::vector<std::vector<char>>* between = nullptr) {
    const std::size_t k = among.size();
    digraph g(k);
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j)
            if (i != j && edge(among[i], among[j])) boost::add_edge(i, j, g);
    std::vector<int> comp(k);
    const int nc = k ? boost::strong_components(g, comp.data()) : 0;
    std::vector<std::vector<cand_t>> out(nc);
    for (std::size_t i = 0; i < k; ++i) out[comp[i]].push_back(among[i]);
    if (between) {
        between->assign(nc, std::vector<char>(nc, 0));
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = 0; j < k; ++j)
                if (comp[i] != comp[j] && edge(among[i], among[j])) (*between)[comp[i]][comp[j]] = 1;
    }
    return out;
}
} // namespace detail

template <class Num>
std::vector<std::vector<cand_t>> smith_components(const pairwise_matrix<Num>& m,
                                                  const std::vector<cand_t>& among) {
    // The "beats or ties" graph is semicomplete, so its condensation is a transitive tournament:
    // order the components by how many others they reach.
    std::vector<std::vector<char>> between;
    auto comps = detail::strong_components_of(
        among, [&](cand_t a, cand_t b) { return !m.beats(b, a); }, &between);
    std::vector<std::size_t> idx(comps.size()), reach(comps.size(), 0);
    for (std::size_t i = 0; i < comps.size(); ++i) {
        idx[i] = i;
        for (std::size_t j = 0; j < comps.size(); ++j) reach[i] += between[i][j];
    }
    std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return reach[a] > reach[b]; });
    std::vector<std::vector<cand_t>> out;
    for (std::size_t i : idx) {
        std::sort(comps[i].begin(), comps[i].end());
        out.push_back(std::move(comps[i]));
    }
    return out;
}

template <class Num>
std::vector<cand_t> schwartz_set(const pairwise_matrix<Num>& m, const std::vector<cand_t>& among) {
    std::vector<std::vector<char>> between;
    auto comps = detail::strong_components_of(
        among, [&](cand_t a, cand_t b) { return m.beats(a, b); }, &between);
    std::vector<cand_t> out;
    for (std::size_t j = 0; j < comps.size(); ++j) {
        bool dominated = false;
        for (std::size_t i = 0; i < comps.size(); ++i)
            if (between[i][j]) dominated = true;
        if (!dominated) out.insert(out.end(), comps[j].begin(), comps[j].end());
    }
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace v0
} // namespace accord
