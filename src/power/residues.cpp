// Exact counts from narrow rings: the residue passes in parallel, and Garner's reconstruction
// (see residues.hpp).
#include "residues.hpp"

#include "../parallel_blocks.hpp"

#include <atomic>
#include <string>

namespace accord {
inline namespace v0 {
namespace power_detail {
namespace {

__extension__ typedef unsigned __int128 u128; // GCC/Clang 128-bit integer

std::uint64_t mulmod(std::uint64_t a, std::uint64_t b, std::uint64_t m) {
    return static_cast<std::uint64_t>(u128(a) * b % m);
}
std::uint64_t powmod(std::uint64_t a, std::uint64_t e, std::uint64_t m) {
    std::uint64_t r = 1;
    for (a %= m; e; e >>= 1, a = mulmod(a, a, m))
        if (e & 1) r = mulmod(r, a, m);
    return r;
}
/// Deterministic Miller-Rabin for 64-bit integers (these bases suffice below 2^64).
bool is_prime(std::uint64_t n) {
    if (n < 2) return false;
    for (std::uint64_t p : {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37})
        if (n % p == 0) return n == p;
    std::uint64_t d = n - 1;
    int s = 0;
    while (!(d & 1)) d >>= 1, ++s;
    for (std::uint64_t a : {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37}) {
        std::uint64_t x = powmod(a, d, n);
        if (x == 1 || x == n - 1) continue;
        bool comp = true;
        for (int r = 1; r < s && comp; ++r) {
            x = mulmod(x, x, n);
            if (x == n - 1) comp = false;
        }
        if (comp) return false;
    }
    return true;
}

/// Odd primes below 2^15, largest first, as many as needed for a product of at least 2^bits.
std::vector<std::uint16_t> small_primes_for(std::size_t bits) {
    std::vector<std::uint16_t> ps;
    big_int product = 1;
    const big_int need = pow2(bits);
    for (std::uint64_t c = 32767; product < need; c -= 2) {
        if (c < 3)
            throw error(errc::unsupported, "power indices: the game is too large for the residue passes");
        if (!is_prime(c)) continue;
        ps.push_back(static_cast<std::uint16_t>(c));
        product *= static_cast<unsigned>(c);
    }
    return ps;
}

} // namespace

void run_exact_passes(std::size_t bits, std::size_t outputs, const word_pass& in_words,
                      const residue_pass& in_residues, const step_fn& step, unsigned threads,
                      const std::function<void(std::size_t, big_int&&)>& consume) {
    if (bits <= 64) {
        ring_u64 ring;
        const auto v = in_words(ring, step);
        for (std::size_t x = 0; x < v.size(); ++x) consume(x, ring.to_big(v[x]));
        return;
    }
    const auto primes = small_primes_for(bits);
    const std::size_t R = primes.size();
    // The residues of every pass are kept until the reconstruction: refuse up front, with the
    // estimate, rather than pass the table limit (or fail an allocation) at the end.
    const long double residue_bytes = static_cast<long double>(R) * outputs * sizeof(std::uint16_t);
    if (residue_bytes > static_cast<long double>(max_table_bytes()))
        throw power_detail::table_too_large(
            errc::unsupported,
            "power indices: the exact residues need " + detail::format_bytes(residue_bytes) + ", more than " +
                table_limit_words() + "; or use fewer indices (Banzhaf alone keeps n + 1 counts)");
    // Passes take the first 90% of the progress, the reconstruction the rest.
    const auto pass_step = [&](double f) {
        if (step) step(0.9 * f);
    };
    std::vector<std::vector<std::uint16_t>> res(R);
    std::vector<std::atomic<double>> done(R);
    for (auto& d : done) d.store(0);
    auto fraction = [&] {
        double f = 0;
        for (const auto& d : done) f += d.load(std::memory_order_relaxed);
        return f / double(R);
    };
    // A cancel is the step callback throwing (on the calling thread); it stops the other passes
    // at their next step.
    std::function<bool()> report;
    if (step)
        report = [&] {
            pass_step(fraction());
            return true;
        };
    detail::parallel_blocks(
        R, threads, report,
        [&](std::size_t r, const std::atomic<bool>& stop, bool on_caller) {
            const ring_mod16 ring{primes[r]};
            res[r] = in_residues(ring, [&, r, on_caller](double f) {
                done[r].store(f, std::memory_order_relaxed);
                if (stop.load(std::memory_order_relaxed)) throw detail::block_stopped{};
                if (on_caller) pass_step(fraction());
            });
            done[r].store(1);
        },
        std::chrono::milliseconds(5));
    // Garner: x = y_0 + p_0 (y_1 + p_1 (y_2 + ...)) with mixed-radix digits y_r < p_r.
    std::vector<std::uint32_t> inv(R, 1); // (p_0 ... p_{r-1})^-1 mod p_r
    for (std::size_t r = 1; r < R; ++r) {
        std::uint64_t prod = 1;
        for (std::size_t s2 = 0; s2 < r; ++s2) prod = prod * primes[s2] % primes[r];
        inv[r] = static_cast<std::uint32_t>(powmod(prod, primes[r] - 2, primes[r]));
    }
    if (res[0].size() != outputs) throw error(errc::error, "power indices: a pass returned the wrong size");
    std::vector<std::uint32_t> y(R);
    for (std::size_t x = 0; x < outputs; ++x) {
        // Reconstruction is O(R^2) per output: report progress and honour a cancel as it goes.
        if (step && x % 4096 == 0) step(0.9 + 0.1 * double(x) / double(outputs));
        for (std::size_t r = 0; r < R; ++r) {
            const std::uint32_t p = primes[r];
            std::uint32_t acc = 0; // y_0 + p_0 (y_1 + ...) mod p, from the digits so far
            for (std::size_t s2 = r; s2-- > 0;) acc = (acc * primes[s2] + y[s2]) % p;
            const std::uint32_t v = res[r][x];
            y[r] = static_cast<std::uint32_t>(std::uint64_t(v >= acc ? v - acc : v + p - acc) * inv[r] % p);
        }
        big_int value = y[R - 1];
        for (std::size_t r = R - 1; r-- > 0;) {
            value *= static_cast<unsigned>(primes[r]);
            value += static_cast<unsigned>(y[r]);
        }
        consume(x, std::move(value));
    }
}

} // namespace power_detail
} // namespace v0
} // namespace accord
