// Deterministic multi-threaded Monte Carlo driver.
#include "accord/analysis/monte_carlo.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <mutex>
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

struct block_sums {
    std::vector<double> by_rank; // n x n
    std::vector<double> wins;    // n
    std::vector<double> central; // n x dims
    std::size_t dims = 0;
    std::size_t incomplete = 0;
};
} // namespace

acceptability monte_carlo(std::size_t n, const sampler& f, const monte_carlo_options& opt) {
    if (n == 0) throw error(errc::invalid, "monte_carlo: no candidates");
    if (opt.samples == 0) throw error(errc::invalid, "monte_carlo: samples must be at least 1");
    const std::size_t blocks = (opt.samples + k_block - 1) / k_block;
    std::vector<block_sums> sums(blocks);
    std::atomic<std::size_t> next_block{0}, done{0};
    std::atomic<bool> stop{false};
    std::exception_ptr failure;
    std::mutex mu;
    std::condition_variable cv;

    auto work = [&] {
        while (!stop.load()) {
            const std::size_t b = next_block.fetch_add(1);
            if (b >= blocks) break;
            block_sums s;
            s.by_rank.assign(n * n, 0.0);
            s.wins.assign(n, 0.0);
            const std::size_t end = std::min(opt.samples, (b + 1) * k_block);
            try {
                for (std::size_t i = b * k_block; i < end && !stop.load(); ++i) {
                    random_source rng(sample_seed(opt.seed, i));
                    sample_outcome o = f(rng, i);
                    const result& r = o.count;
                    if (r.candidates.size() != n)
                        throw error(errc::invalid, "monte_carlo: a sample's result has the wrong number of candidates");
                    std::size_t place = 0;
                    for (const auto& tier : r.ranking) {
                        const double share = 1.0 / static_cast<double>(tier.size());
                        for (cand_t c : tier)
                            for (std::size_t k = place; k < place + tier.size() && k < n; ++k)
                                s.by_rank[c * n + k] += share;
                        place += tier.size();
                    }
                    if (r.winners.empty()) {
                        ++s.incomplete;
                        continue;
                    }
                    const cand_t w = r.winners.front();
                    s.wins[w] += 1;
                    if (!o.parameters.empty()) {
                        if (s.dims == 0) {
                            s.dims = o.parameters.size();
                            s.central.assign(n * s.dims, 0.0);
                        }
                        if (o.parameters.size() != s.dims)
                            throw error(errc::invalid, "monte_carlo: samples return parameter vectors of different sizes");
                        for (std::size_t d = 0; d < s.dims; ++d) s.central[w * s.dims + d] += o.parameters[d];
                    }
                }
            } catch (...) {
                std::lock_guard lock(mu);
                if (!failure) failure = std::current_exception();
                stop = true;
            }
            sums[b] = std::move(s);
            done.fetch_add(end - b * k_block);
            cv.notify_one();
        }
    };

    unsigned threads = opt.threads ? opt.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = static_cast<unsigned>(std::min<std::size_t>(threads, blocks));
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    if (opt.progress) {
        // The calling thread reports progress (callbacks never run on worker threads).
        if (threads == 1) pool.emplace_back(work);
        // Workers notify after each 64-sample block; the callback runs about every 50 ms, not
        // once per block (thousands of times a second, each a call into C or Python).
        auto last = std::chrono::steady_clock::now();
        while (!stop.load() && done.load() < opt.samples) {
            std::unique_lock lock(mu);
            cv.wait_for(lock, std::chrono::milliseconds(50));
            lock.unlock();
            const auto now = std::chrono::steady_clock::now();
            if (now - last < std::chrono::milliseconds(50) && done.load() < opt.samples) continue;
            last = now;
            if (!opt.progress(done.load(), opt.samples)) stop = true;
        }
    } else {
        work();
    }
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    if (stop.load() || done.load() < opt.samples)
        throw error(errc::cancelled, "monte_carlo: cancelled after " + std::to_string(done.load()) + " of " +
                                         std::to_string(opt.samples) + " samples");
    if (opt.progress) opt.progress(opt.samples, opt.samples);

    acceptability out;
    out.samples = opt.samples;
    out.candidates = n;
    out.by_rank.assign(n, std::vector<double>(n, 0.0));
    out.winner.assign(n, 0.0);
    std::vector<double> wins(n, 0.0), central;
    std::size_t dims = 0;
    for (const auto& s : sums) { // fixed block order: bit-identical for any thread count
        for (std::size_t i = 0; i < n * n; ++i) out.by_rank[i / n][i % n] += s.by_rank[i];
        for (std::size_t c = 0; c < n; ++c) wins[c] += s.wins[c];
        if (s.dims) {
            if (dims == 0) {
                dims = s.dims;
                central.assign(n * dims, 0.0);
            }
            for (std::size_t i = 0; i < n * dims; ++i) central[i] += s.central[i];
        }
        out.incomplete += s.incomplete;
    }
    const double N = static_cast<double>(opt.samples);
    for (auto& row : out.by_rank)
        for (double& x : row) x /= N;
    out.central_weights.assign(n, {});
    for (std::size_t c = 0; c < n; ++c) {
        out.winner[c] = wins[c] / N;
        out.winner_se.push_back(std::sqrt(out.winner[c] * (1 - out.winner[c]) / N));
        if (dims && wins[c] > 0) {
            out.central_weights[c].resize(dims);
            for (std::size_t d = 0; d < dims; ++d) out.central_weights[c][d] = central[c * dims + d] / wins[c];
        }
    }
    return out;
}

} // namespace v0
} // namespace accord
