// accord/analysis/generate.hpp: seeded synthetic electorates for modelling.
//
// Every generator is deterministic for a given seed on every platform: draws come from
// std::mt19937_64 (fully specified by the standard) through accord's own samplers, never from
// std::*_distribution, whose algorithms are implementation-defined.
#pragma once

#include "accord/profile.hpp"

#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace accord {
inline namespace v0 {

/// Portable random source: uniform doubles, integers, gamma and Dirichlet draws.
class random_source {
  public:
    explicit random_source(std::uint64_t seed) : rng_(seed) {}
    /// Uniform on [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }
    /// Uniform integer in [0, n), unbiased.
    std::uint64_t below(std::uint64_t n);
    /// Standard normal (Marsaglia polar method).
    double normal();
    /// Gamma(shape, 1) (Marsaglia & Tsang 2000; boosted for shape < 1).
    double gamma(double shape);
    /// Dirichlet(alpha...) on the simplex; alpha all 1 is uniform on the simplex.
    std::vector<double> dirichlet(std::span<const double> alpha);
    /// The same draw into `out` (resized to alpha's size), reusing its storage.
    void dirichlet(std::span<const double> alpha, std::vector<double>& out);
    std::mt19937_64& engine() { return rng_; }

  private:
    std::mt19937_64 rng_;
    bool has_spare_ = false;
    double spare_ = 0;
};

/// Default candidate names "A".."Z", then "C27", "C28", ...
std::vector<std::string> default_candidate_names(std::size_t n);

/// Impartial culture: every strict complete ranking equally likely, independently per voter.
profile impartial_culture(std::size_t candidates, std::size_t voters, std::uint64_t seed);

/// Mallows model around `center` with dispersion phi in [0, 1] (0: everyone votes `center`;
/// 1: impartial culture), sampled by the repeated insertion model (Doignon et al. 2004).
profile mallows(std::size_t candidates, std::span<const cand_t> center, double phi, std::size_t voters,
                std::uint64_t seed);

/// Plackett-Luce with positive strengths: each next place is drawn with probability
/// proportional to the strengths of the candidates not yet placed.
profile plackett_luce(std::span<const double> strengths, std::size_t voters, std::uint64_t seed);

/// Spatial (Euclidean) model: voters and candidates uniform in [0,1]^dimensions; each voter ranks
/// candidates by distance, nearest first.
profile spatial(std::size_t candidates, std::size_t voters, std::size_t dimensions, std::uint64_t seed);

/// Bootstrap: draws `voters` voters with replacement from `source` (each voter of a ballot with
/// multiplicity k is k voters); weights and units are kept.
profile resample(const profile& source, std::size_t voters, std::uint64_t seed);

} // namespace v0
} // namespace accord
