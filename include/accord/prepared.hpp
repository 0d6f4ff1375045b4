// accord/prepared.hpp: one count, prepared once, run many times over new multiplicities.
//
// Analyses (SMAA, sweeps, tipping points, electorate Monte Carlo) count the same rule with the
// same options thousands of times. prepare() finds the method and parses its options once; the
// prepared count then runs without parsing JSON. Over the prepared ballots with new
// multiplicities (a weight vector quantised to counts), IRV and Schulze with default options
// have kernels that tally the distinct ballots in 64-bit integers and produce only the ranking
// and the winners, no result object. A kernel answers exactly what the full count answers: IRV's
// kernel breaks elimination ties by the default policy (previous rounds, then candidate order)
// as the full count does, and Schulze's defers to the full count when the top is tied. Any
// other method or option runs the full count (see docs/analysis.md, "Prepared counts").
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace accord {
inline namespace v0 {

/// What an analysis needs from one count: the winners and the ranking (tiers, best first).
struct prepared_outcome {
    std::vector<cand_t> winners;
    std::vector<std::vector<cand_t>> ranking;
    bool complete = true; ///< false when a tie was left unresolved (the "report" policy)
};

class prepared_count {
  public:
    prepared_count() = default;

    /// The full count of any profile with the prepared candidates (options already parsed).
    result count(const profile& p) const;

    /// Counts the prepared ballots with these multiplicities (one per distinct ballot; zero drops
    /// the ballot; weights, if any, are kept). Thread-safe: one prepared count can serve every
    /// thread. errc::invalid if `counts` has the wrong length.
    prepared_outcome operator()(std::span<const std::uint64_t> counts) const;

    /// As operator(), but only through the kernel: false (and `out` unspecified) when the method
    /// has no kernel or the kernel would need the full count (a tie it does not break itself).
    bool try_kernel(std::span<const std::uint64_t> counts, prepared_outcome& out) const;

    /// True when the method and options have a kernel (IRV and Schulze with default options,
    /// over ranking ballots without weights, overvotes, equal ranks or repeated candidates).
    bool has_kernel() const noexcept;
    const std::string& method() const noexcept;
    /// The prepared ballots (their multiplicities are those given to prepare()).
    const profile& ballots() const;

    struct impl;

  private:
    friend prepared_count prepare(std::string_view, std::string_view, const profile&);
    std::shared_ptr<const impl> impl_;
};

/// Prepares `method` with `options_json` over the distinct ballots of `ballots`. Unknown methods
/// are errc::not_found and bad options errc::invalid, as run() reports them; the options are
/// checked by counting `ballots` once.
prepared_count prepare(std::string_view method, std::string_view options_json, const profile& ballots);

} // namespace v0
} // namespace accord
