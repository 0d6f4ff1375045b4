// accord/analysis/monte_carlo.hpp: SMAA-style Monte Carlo over any way of varying a count.
//
// A sampler draws one scenario (perturbed populations, sampled weights, a bootstrap electorate,
// ...) from its own random source and returns the count's result. monte_carlo() runs N such
// samples on several threads and reports rank acceptability indices (the probability that each
// candidate takes each place), winner probabilities with standard errors, and central weights.
//
// Determinism: sample i always uses the random source seeded by mix(seed, i), and partial sums
// are kept per fixed block of samples and added in block order, so the output is bit-identical
// for a given seed whatever the number of threads.
#pragma once

#include "accord/analysis/generate.hpp"
#include "accord/result.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace accord {
inline namespace v0 {

struct sample_outcome {
    result count;                   ///< the count's result for this scenario
    std::vector<double> parameters; ///< the varied parameters (e.g. weights), for central weights
};

using sampler = std::function<sample_outcome(random_source& rng, std::size_t index)>;

struct monte_carlo_options {
    std::size_t samples = 1000;
    std::uint64_t seed = 0;
    unsigned threads = 0; ///< 0 = all hardware threads
    /// Called on the calling thread with (done, total) about every 50 ms and at the end;
    /// returning false cancels (accord::error with errc::cancelled).
    std::function<bool(std::size_t, std::size_t)> progress;
};

struct acceptability {
    std::size_t samples = 0;
    std::size_t candidates = 0;
    /// by_rank[c][k]: probability that candidate c takes place k+1. A tier of t candidates
    /// spanning places p..p+t-1 gives each of them 1/t at each of those places.
    std::vector<std::vector<double>> by_rank;
    std::vector<double> winner;    ///< probability of being (first) winner
    std::vector<double> winner_se; ///< binomial standard error of `winner`
    /// central_weights[c]: mean parameter vector over the samples that c won (empty if none).
    std::vector<std::vector<double>> central_weights;
    std::size_t incomplete = 0; ///< samples whose count left a tie unresolved (no winner)
};

acceptability monte_carlo(std::size_t candidates, const sampler& f, const monte_carlo_options& opt);

/// The seed of sample `index` (SplitMix64 of seed and index), exposed for reproducing one sample.
std::uint64_t sample_seed(std::uint64_t seed, std::size_t index);

} // namespace v0
} // namespace accord
