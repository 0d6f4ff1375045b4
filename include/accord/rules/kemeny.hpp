// accord/rules/kemeny.hpp: Kemeny-Young, exact.
//
// The Kemeny rankings maximise the total pairwise agreement sum over a-before-b of N[a][b].
// accord splits the candidates at the boundaries of the strong components of the majority graph
// (every Kemeny ranking keeps them in order; Truchon 1998), solves each component exactly by
// dynamic programming over subsets (O(2^k k) time, 2^k values of memory), lists every optimal
// ranking (up to a cap), and beyond the exact limit runs a clearly labelled local search that
// reports whether optimality was proven. See docs/methods/kemeny.md.
#pragma once

#include "accord/rules/condorcet.hpp"

#include <functional>

namespace accord {
inline namespace v0 {

struct kemeny_options {
    /// Components up to this many candidates are solved exactly (memory: 4 or 8 bytes x 2^k;
    /// 26 -> 256 MiB with 32-bit scores). Larger components get the bounded search. At most 30.
    std::size_t max_exact = 26;
    /// At most this many optimal rankings are listed (notes) and used to form the tiers.
    std::size_t max_rankings = 100;
    condorcet_common common;
    /// Called now and then during the exact search with the fraction done (0..1); return false
    /// to cancel, which throws accord::error(errc::cancelled). The registry passes the caller's
    /// progress here (run(p, "kemeny", options, progress)).
    std::function<bool(double)> progress;
};

/// Kemeny-Young. ranking: tiers of candidates whose relative order differs between optimal
/// rankings (one candidate per tier when the optimum is unique); winners: the top tier, a tie
/// among the candidates first in some optimal ranking broken and recorded; notes: the Kemeny
/// score, every optimal ranking listed, and whether optimality was proven.
result kemeny(const profile& p, const kemeny_options& opt = {});

/// Slater: the strict orders that reverse the fewest pairs of the strict majority relation
/// (Kemeny with weight 1 per majority pair). Set-valued: winners = every candidate first in some
/// Slater ranking; ranking and notes as kemeny's. Exact only: a strong component larger than
/// `max_exact` is errc::unsupported (docs/methods/slater.md).
result slater(const profile& p, const kemeny_options& opt = {});

/// Outcome of the exact solver on one set of candidates, for tests and benchmarks.
struct kemeny_solution {
    std::int64_t score = 0;                   ///< best total agreement found
    std::vector<std::vector<cand_t>> optimal; ///< optimal orders (up to the cap), best first
    bool listing_complete = true;             ///< false if more optimal orders exist than listed
    bool proven = true;                       ///< false when the bounded search could not prove it
    std::int64_t upper_bound = 0;             ///< sum of max(N[a][b], N[b][a]) (a proof bound)
};
/// Solves Kemeny on `cands` for an integer matrix w (w[a * n + b] = agreement weight of a > b).
/// `tick`, if set, is called now and then with the fraction of the exact search done.
kemeny_solution kemeny_order(const std::vector<std::int64_t>& w, std::size_t n,
                             const std::vector<cand_t>& cands, std::size_t max_rankings = 100,
                             std::size_t max_exact = 26, const std::function<void(double)>& tick = {});

} // namespace v0
} // namespace accord
