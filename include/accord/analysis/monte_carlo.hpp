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

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace accord {
inline namespace v0 {

struct sample_outcome {
    result count;                   ///< the count's result for this scenario
    std::vector<double> parameters; ///< the varied parameters (e.g. weights), for central weights
};

using sampler = std::function<sample_outcome(random_source& rng, std::size_t index)>;

/// The most samples a Monte Carlo analysis accepts (monte_carlo_options::samples): beyond it
/// the count would not finish in any useful time, and a larger value is refused by name.
inline constexpr std::size_t k_max_monte_carlo_samples = 1'000'000'000;

/// One Monte Carlo run split across processes (accord.dask, docs/scale.md). Blocks are seeded by
/// their index, so each process runs a range of them and saves each block's partial sums, and the
/// sums are added in block order afterwards (fold_block_sums()): the same additions in the same
/// order as one process makes, so the result is bit-identical whatever the split.
struct block_split {
    /// Run only blocks [first, last) and append each block's sums (serialised) to `saved`, in
    /// block order; the analysis's own result is then meaningless.
    std::size_t first = 0, last = 0;
    std::vector<std::string> saved;
    /// Or run no block at all: the total of every block's sums (serialised, from
    /// fold_block_sums()) is given, and the analysis finishes from it.
    std::optional<std::string> total;
};

struct monte_carlo_options {
    std::size_t samples = 1000; ///< 1 to k_max_monte_carlo_samples
    std::uint64_t seed = 0;
    unsigned threads = 0; ///< 0 = all hardware threads
    /// Called on the calling thread with (done, total) about every 50 ms and at the end;
    /// returning false cancels (accord::error with errc::cancelled).
    std::function<bool(std::size_t, std::size_t)> progress;
    /// Null: one process runs every block. Otherwise the part of a split run this one does.
    std::shared_ptr<block_split> split;
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

/// As monte_carlo(), but `make` is called once per block of samples (on the thread that runs it)
/// to make that block's sampler, so a sampler may keep a workspace, such as a profile reweighted
/// in place, without locking. The results are the same as monte_carlo()'s with that sampler.
acceptability monte_carlo_blockwise(std::size_t candidates, const std::function<sampler()>& make,
                                    const monte_carlo_options& opt);

// ---- the engine under monte_carlo(), for analyses that keep more than one acceptability -------

/// Number of fixed blocks (of 64 samples) that `samples` samples are cut into.
std::size_t sample_block_count(std::size_t samples);

/// One block of samples [first, last): write only to the block's own slot `block`, and stop
/// early when `stop` is set (the run is then cancelled or failing anyway).
using sample_block_fn = std::function<void(std::size_t block, std::size_t first, std::size_t last,
                                           const std::atomic<bool>& stop)>;

/// Runs every block on opt.threads threads (0 = all), reporting progress on the calling thread
/// about every 50 ms as monte_carlo() does; the caller then adds up the blocks' slots in block
/// order, so its result does not depend on the number of threads. Rethrows the first exception
/// of a block; throws errc::cancelled when progress returns false.
void run_sample_blocks(const monte_carlo_options& opt, const sample_block_fn& block);

/// Adds each block's partial sums into one running total in block order, as the blocks finish,
/// keeping at most `window` blocks' sums alive at once: memory does not grow with the number of
/// samples, and the total is the same sum in the same order whatever the number of threads
/// (so bit-identical). A block more than `window` ahead of the oldest unfinished one waits.
template <class Sums> class ordered_reduction {
  public:
    using merge_fn = std::function<void(Sums& total, const Sums& block)>;
    ordered_reduction(Sums total, merge_fn merge, std::size_t window)
        : total_(std::move(total)), merge_(std::move(merge)), slots_(window ? window : 1) {}

    using save_fn = std::function<std::string(const Sums&)>;
    using load_fn = std::function<Sums(std::string_view)>;
    /// A split run (monte_carlo_options::split, may be null): blocks' sums are saved to
    /// split->saved instead of added, or the total is loaded from split->total.
    void use_split(std::shared_ptr<block_split> split, save_fn save, const load_fn& load) {
        split_ = std::move(split);
        save_ = std::move(save);
        if (split_ && split_->total) total_ = load(*split_->total);
    }

    /// Runs `fill()` (which returns block b's sums) for block b and adds it in its turn. Returns
    /// without adding when `stop` is set while waiting (the run is then cancelled or failing).
    template <class Fill> void run(std::size_t b, const std::atomic<bool>& stop, Fill&& fill) {
        const std::size_t w = slots_.size();
        if (split_) { // a range of a split run: each block's sums saved in their own slot
            Sums s = fill();
            if (stop.load()) return;
            std::string text = save_(s);
            std::lock_guard lock(mu_);
            split_->saved.at(b - split_->first) = std::move(text);
            return;
        }
        {
            std::unique_lock lock(mu_);
            while (b >= next_ + w && !stop.load()) cv_.wait_for(lock, std::chrono::milliseconds(20));
            if (stop.load()) return;
        }
        Sums s = fill();
        std::lock_guard lock(mu_);
        slots_[b % w] = std::move(s);
        while (slots_[next_ % w]) {
            merge_(total_, *slots_[next_ % w]);
            slots_[next_ % w].reset();
            ++next_;
        }
        cv_.notify_all();
    }
    /// The total (call after every block has run).
    const Sums& total() const { return total_; }

  private:
    Sums total_;
    merge_fn merge_;
    std::shared_ptr<block_split> split_;
    save_fn save_;
    std::vector<std::optional<Sums>> slots_;
    std::size_t next_ = 0;
    std::mutex mu_;
    std::condition_variable cv_;
};

/// Blocks an ordered_reduction for opt keeps alive at most: four per thread.
std::size_t reduction_window(const monte_carlo_options& opt);

/// Running sums of what an acceptability is made of: places, wins, the winners' parameters.
class acceptability_sums {
  public:
    explicit acceptability_sums(std::size_t candidates = 0);
    /// One sample: its ranking (tiers share their places) and, if it has one, its first winner,
    /// whose parameter vector (may be empty) joins that winner's central weights.
    void add(const result& count, std::span<const double> parameters);
    /// Adds another block's sums (call in block order for thread-count invariance).
    void merge(const acceptability_sums& other);
    acceptability finish(std::size_t samples) const;
    /// Exact text of the sums (every double by its bits), for a split run; load() reads it back.
    std::string save() const;
    static acceptability_sums load(std::string_view text);
    std::size_t candidates() const { return n_; }

  private:
    std::size_t n_ = 0, dims_ = 0, incomplete_ = 0;
    std::vector<double> by_rank_; // n x n
    std::vector<double> wins_;    // n
    std::vector<double> central_; // n x dims
};

/// Adds split-run parts in block order: `parts` is a JSON array of parts (each the output of an
/// analysis run with a block range, or of an earlier fold), contiguous from block 0. Returns one
/// part holding the total of those blocks, which the analysis finishes from. Refuses parts of
/// different analyses, seeds or sample counts, gaps and overlaps, by name.
std::string fold_block_sums(std::string_view parts);
/// fold_block_sums() for one kind of sums: each block's (or an earlier total's) saved sums added
/// from zero in the order given. Exposed for the analyses that keep their own sums.
std::string fold_acceptability_sums(std::span<const std::string> items);
std::string fold_electorate_sums(std::span<const std::string> items);

/// The seed of sample `index` (SplitMix64 of seed and index), exposed for reproducing one sample.
std::uint64_t sample_seed(std::uint64_t seed, std::size_t index);

} // namespace v0
} // namespace accord
