// src/power/residues.hpp: exact counts from narrow rings (not installed).
//
// The power programmes are memory-bound and their counts need up to n + 1 bits. A programme is
// written once over a ring; run_exact_passes runs it in 64-bit words when every count fits, else
// once per prime below 2^15 in 16-bit cells (the passes spread over the cores through
// parallel_blocks), and rebuilds each count by the Chinese remainder theorem (residues.cpp).
#pragma once

#include "power_internal.hpp"

#include <cstdint>
#include <functional>
#include <vector>

namespace accord {
inline namespace v0 {
namespace power_detail {

struct ring_u64 { // exact when every count is below 2^64 (n <= 63)
    using value = std::uint64_t;
    value add(value a, value b) const { return a + b; }
    value sub(value a, value b) const { return a - b; }
    value half(value a) const { return a >> 1; }
    value from(std::uint64_t a) const { return a; }
    value pow2(std::size_t e) const { return e >= 64 ? 0 : std::uint64_t{1} << e; }
    big_int to_big(value a) const { return big_int(a); }
    void add_rows(value* dst, const value* src, std::size_t len) const { add_rows_u64(dst, src, len); }
    void add_three_rows(value* dst, const value* a, const value* b, const value* c, std::size_t len) const {
        add_three_rows_u64(dst, a, b, c, len);
    }
    void add_const(value* dst, std::size_t len, value c) const { add_const_u64(dst, len, c); }
};

/// Residues modulo an odd prime p < 2^15 in 16-bit cells: the narrowest cells, so the most
/// counts per vector instruction and per cache line. Many such passes, one per prime, run in
/// parallel and are reconstructed by the Chinese remainder theorem.
struct ring_mod16 {
    using value = std::uint16_t;
    std::uint16_t p;
    value add(value a, value b) const {
        const unsigned s = unsigned(a) + b;
        return static_cast<value>(s >= p ? s - p : s);
    }
    value sub(value a, value b) const { return static_cast<value>(a >= b ? a - b : a + (p - b)); }
    value half(value a) const { return static_cast<value>((a & 1) ? (unsigned(a) + p) >> 1 : a >> 1); }
    value from(std::uint64_t a) const { return static_cast<value>(a % p); }
    value pow2(std::size_t e) const {
        value r = 1;
        for (std::size_t i = 0; i < e; ++i) r = add(r, r);
        return r;
    }
    void add_rows(value* dst, const value* src, std::size_t len) const { add_rows_mod16(dst, src, len, p); }
    void add_three_rows(value* dst, const value* a, const value* b, const value* c, std::size_t len) const {
        add_three_rows_mod16(dst, a, b, c, len, p);
    }
    void prefix_sums(value* row, std::size_t len) const { prefix_sums_mod16(row, len, p); }
    void add_const(value* dst, std::size_t len, value c) const { add_const_mod16(dst, len, c, p); }
};

using step_fn = std::function<void(double)>;
using word_pass = std::function<std::vector<std::uint64_t>(const ring_u64&, const step_fn&)>;
using residue_pass = std::function<std::vector<std::uint16_t>(const ring_mod16&, const step_fn&)>;

/// Runs a pass in as many rings as outputs below 2^bits need and hands each output, exactly, to
/// `consume(x, value)` in order, so a caller that reduces the outputs (Shapley-Shubik sums n x n
/// counts into n values) never holds them all as big integers. Below 2^64 that is one pass in
/// 64-bit words (`in_words`). Otherwise it is one pass per prime below 2^15 (`in_residues`),
/// the passes spread over `threads` threads (0 = every core) -- each is independent, so the
/// result does not depend on the number of threads -- and the residues are combined by
/// Garner's mixed-radix form of the Chinese remainder theorem. Progress is reported, and
/// cancellation honoured, from the calling thread only.
void run_exact_passes(std::size_t bits, std::size_t outputs, const word_pass& in_words,
                      const residue_pass& in_residues, const step_fn& step, unsigned threads,
                      const std::function<void(std::size_t, big_int&&)>& consume);

/// run_exact_passes for a pass written once over the ring: `pass(ring, step)`.
template <class Pass, class Consume>
void exact_outputs_each(std::size_t bits, std::size_t outputs, const Pass& pass, const step_fn& step,
                        unsigned threads, const Consume& consume) {
    run_exact_passes(
        bits, outputs, [&](const ring_u64& ring, const step_fn& st) { return pass(ring, st); },
        [&](const ring_mod16& ring, const step_fn& st) { return pass(ring, st); }, step, threads,
        [&](std::size_t x, big_int&& v) { consume(x, std::move(v)); });
}

/// exact_outputs_each() collected into a vector, for callers that keep few outputs.
template <class Pass>
std::vector<big_int> exact_outputs(std::size_t bits, std::size_t outputs, const Pass& pass,
                                   const step_fn& step, unsigned threads) {
    std::vector<big_int> out(outputs);
    exact_outputs_each(bits, outputs, pass, step, threads,
                       [&](std::size_t x, big_int&& v) { out[x] = std::move(v); });
    return out;
}

} // namespace power_detail
} // namespace v0
} // namespace accord
