// Deterministic multi-threaded Monte Carlo driver, over the library's one thread pool
// (src/parallel_blocks.hpp).
#include "accord/analysis/monte_carlo.hpp"
#include "accord/detail/safety.hpp"
#include "../parallel_blocks.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <thread>

namespace accord {
inline namespace v0 {

std::uint64_t sample_seed(std::uint64_t seed, std::size_t index) {
    // SplitMix64 (Steele, Lea & Flood 2014) of the pair: decorrelates neighbouring indices.
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ull * (static_cast<std::uint64_t>(index) + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

namespace {
constexpr std::size_t k_block = 64;
} // namespace

std::size_t sample_block_count(std::size_t samples) { return samples / k_block + (samples % k_block != 0); }

namespace {
// Issue 14: 2^64-1 samples wrapped the block count to 0 ("cancelled after 0 of ..."), and 10^12
// was a bare std::bad_alloc: the count is refused by name before anything is allocated.
void check_samples(std::size_t samples) {
    if (samples == 0) throw error(errc::invalid, "monte_carlo: option 'samples' must be at least 1");
    if (samples > k_max_monte_carlo_samples)
        throw error(errc::invalid, "monte_carlo: option 'samples' (" + std::to_string(samples) +
                                       ") is above the limit of " +
                                       std::to_string(k_max_monte_carlo_samples) + " samples");
}
} // namespace

std::size_t reduction_window(const monte_carlo_options& opt) {
    const unsigned threads = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
    return 4 * static_cast<std::size_t>(threads);
}

void run_sample_blocks(const monte_carlo_options& opt, const sample_block_fn& block) {
    check_samples(opt.samples);
    std::size_t blocks = sample_block_count(opt.samples), offset = 0, todo = opt.samples;
    if (const auto& split = opt.split) {
        if (split->total) { // the blocks ran elsewhere: their total is given
            if (opt.progress) opt.progress(opt.samples, opt.samples);
            return;
        }
        if (split->first >= split->last || split->last > blocks)
            throw error(errc::invalid,
                        "monte_carlo: option 'blocks' must be [first, last) with first < last <= " +
                            std::to_string(blocks) + " (the number of 64-sample blocks)");
        offset = split->first;
        todo = std::min(opt.samples, split->last * k_block) - offset * k_block;
        blocks = split->last - split->first;
        split->saved.assign(blocks, std::string());
    }
    std::atomic<std::size_t> done{0};
    // Blocks are seeded by index, so the threads that run them (fewer if the system refuses some)
    // do not change the result. Progress is reported from the calling thread only, about every
    // 50 ms rather than once per 64-sample block (thousands of calls a second into C or Python).
    std::function<bool()> report;
    if (opt.progress) report = [&] { return opt.progress(done.load(), opt.samples); };
    const bool finished = detail::parallel_blocks(
        blocks, opt.threads, report, [&](std::size_t local, const std::atomic<bool>& stop, bool) {
            const std::size_t b = local + offset;
            const std::size_t first = b * k_block, end = std::min(opt.samples, first + k_block);
            block(b, first, end, stop);
            if (!stop.load()) done.fetch_add(end - first);
        });
    if (!finished || done.load() < todo)
        throw error(errc::cancelled, "monte_carlo: cancelled after " + std::to_string(done.load()) + " of " +
                                         std::to_string(todo) + " samples");
    if (opt.progress) opt.progress(opt.samples, opt.samples);
}

acceptability_sums::acceptability_sums(std::size_t candidates)
    : n_(candidates), by_rank_(candidates * candidates, 0.0), wins_(candidates, 0.0) {}

void acceptability_sums::add(const result& r, std::span<const double> parameters) {
    if (r.candidates.size() != n_)
        throw error(errc::invalid, "monte_carlo: a sample's result has the wrong number of candidates");
    std::size_t place = 0;
    for (const auto& tier : r.ranking) {
        const double share = 1.0 / static_cast<double>(tier.size());
        for (cand_t c : tier)
            for (std::size_t k = place; k < place + tier.size() && k < n_; ++k) by_rank_[c * n_ + k] += share;
        place += tier.size();
    }
    if (r.winners.empty()) {
        ++incomplete_;
        return;
    }
    const cand_t w = r.winners.front();
    wins_[w] += 1;
    if (parameters.empty()) return;
    if (dims_ == 0) {
        dims_ = parameters.size();
        central_.assign(n_ * dims_, 0.0);
    }
    if (parameters.size() != dims_)
        throw error(errc::invalid, "monte_carlo: samples return parameter vectors of different sizes");
    for (std::size_t d = 0; d < dims_; ++d) central_[w * dims_ + d] += parameters[d];
}

void acceptability_sums::merge(const acceptability_sums& s) {
    for (std::size_t i = 0; i < n_ * n_; ++i) by_rank_[i] += s.by_rank_[i];
    for (std::size_t c = 0; c < n_; ++c) wins_[c] += s.wins_[c];
    if (s.dims_) {
        if (dims_ == 0) {
            dims_ = s.dims_;
            central_.assign(n_ * dims_, 0.0);
        }
        for (std::size_t i = 0; i < n_ * dims_; ++i) central_[i] += s.central_[i];
    }
    incomplete_ += s.incomplete_;
}

acceptability acceptability_sums::finish(std::size_t samples) const {
    acceptability out;
    out.samples = samples;
    out.candidates = n_;
    out.by_rank.assign(n_, std::vector<double>(n_, 0.0));
    out.winner.assign(n_, 0.0);
    out.incomplete = incomplete_;
    const double N = static_cast<double>(samples);
    for (std::size_t i = 0; i < n_ * n_; ++i) out.by_rank[i / n_][i % n_] = by_rank_[i] / N;
    out.central_weights.assign(n_, {});
    for (std::size_t c = 0; c < n_; ++c) {
        out.winner[c] = wins_[c] / N;
        out.winner_se.push_back(std::sqrt(out.winner[c] * (1 - out.winner[c]) / N));
        if (dims_ && wins_[c] > 0) {
            out.central_weights[c].resize(dims_);
            for (std::size_t d = 0; d < dims_; ++d)
                out.central_weights[c][d] = central_[c * dims_ + d] / wins_[c];
        }
    }
    return out;
}

namespace {
// Doubles cross between processes by their bits, so a split run adds exactly what one process adds.
nlohmann::json bits_of(const std::vector<double>& v) {
    nlohmann::json a = nlohmann::json::array();
    for (double x : v) a.push_back(std::bit_cast<std::uint64_t>(x));
    return a;
}
std::vector<double> doubles_of(const nlohmann::json& a, std::size_t size) {
    if (!a.is_array() || a.size() != size)
        throw error(errc::invalid, "block sums: an array has the wrong size");
    std::vector<double> v;
    v.reserve(size);
    for (const auto& x : a) v.push_back(std::bit_cast<double>(x.get<std::uint64_t>()));
    return v;
}
} // namespace

std::string acceptability_sums::save() const {
    nlohmann::json j;
    j["n"] = n_;
    j["dims"] = dims_;
    j["incomplete"] = incomplete_;
    j["by_rank"] = bits_of(by_rank_);
    j["wins"] = bits_of(wins_);
    j["central"] = bits_of(central_);
    return j.dump();
}

acceptability_sums acceptability_sums::load(std::string_view text) {
    try {
        const auto j = nlohmann::json::parse(text);
        acceptability_sums s(j.at("n").get<std::size_t>());
        s.dims_ = j.at("dims").get<std::size_t>();
        s.incomplete_ = j.at("incomplete").get<std::size_t>();
        s.by_rank_ = doubles_of(j.at("by_rank"), s.n_ * s.n_);
        s.wins_ = doubles_of(j.at("wins"), s.n_);
        s.central_ = doubles_of(j.at("central"), s.n_ * s.dims_);
        return s;
    } catch (const nlohmann::json::exception& e) {
        throw error(errc::invalid,
                    std::string("block sums: not the sums of a Monte Carlo block: ") + e.what());
    }
}

acceptability monte_carlo(std::size_t n, const sampler& f, const monte_carlo_options& opt) {
    return monte_carlo_blockwise(
        n, [&f] { return f; }, opt);
}

acceptability monte_carlo_blockwise(std::size_t n, const std::function<sampler()>& make,
                                    const monte_carlo_options& opt) {
    if (n == 0) throw error(errc::invalid, "monte_carlo: no candidates");
    check_samples(opt.samples);
    // Blocks are added in block order as they finish (bit-identical for any thread count), with a
    // bounded number of blocks' n x n tables alive: memory does not grow with the samples.
    ordered_reduction<acceptability_sums> sums(
        acceptability_sums(n), [](acceptability_sums& t, const acceptability_sums& s) { t.merge(s); },
        reduction_window(opt));
    sums.use_split(
        opt.split, [](const acceptability_sums& s) { return s.save(); },
        [](std::string_view t) { return acceptability_sums::load(t); });
    run_sample_blocks(opt,
                      [&](std::size_t b, std::size_t first, std::size_t last, const std::atomic<bool>& stop) {
                          sums.run(b, stop, [&] {
                              const sampler f = make();
                              acceptability_sums s(n);
                              for (std::size_t i = first; i < last && !stop.load(); ++i) {
                                  random_source rng(sample_seed(opt.seed, i));
                                  const sample_outcome o = f(rng, i);
                                  s.add(o.count, o.parameters);
                              }
                              return s;
                          });
                      });
    return sums.total().finish(opt.samples);
}

} // namespace v0
} // namespace accord
