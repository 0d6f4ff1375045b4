// The inner loops of the power-index programmes: adding one row of counts into another, modulo
// a small prime or with 64-bit wrap-around. They take almost all of the time of a large game, so
// they are compiled for the widest vector unit the machine has (GCC function multi-versioning:
// the loader picks the AVX-512, AVX2 or baseline clone once) and with full loop vectorisation.
#include "power_internal.hpp"

#include <algorithm>

#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__) && !defined(__SANITIZE_ADDRESS__) && \
    !defined(__SANITIZE_THREAD__)
#  define ACCORD_VECTOR_KERNEL \
    __attribute__((target_clones("arch=skylake-avx512", "avx2", "default"), optimize("O3")))
#else
#  define ACCORD_VECTOR_KERNEL
#endif

namespace accord {
inline namespace v0 {
namespace power_detail {

ACCORD_VECTOR_KERNEL
void add_rows_mod16(std::uint16_t* __restrict dst, const std::uint16_t* __restrict src, std::size_t len,
                    std::uint16_t p) {
    for (std::size_t i = 0; i < len; ++i) {
        const std::uint16_t s = static_cast<std::uint16_t>(dst[i] + src[i]); // < 2p < 2^16
        dst[i] = s >= p ? static_cast<std::uint16_t>(s - p) : s;
    }
}

/// dst += a + b + c (two players at once in the swept build): three additions, each reduced, in
/// one read and write of dst. min(s, s - p) is s reduced, as s - p wraps above s when s < p.
ACCORD_VECTOR_KERNEL
void add_three_rows_mod16(std::uint16_t* __restrict dst, const std::uint16_t* __restrict a,
                          const std::uint16_t* __restrict b, const std::uint16_t* __restrict c,
                          std::size_t len, std::uint16_t p) {
    const auto reduce = [p](std::uint16_t s) {
        return std::min<std::uint16_t>(s, static_cast<std::uint16_t>(s - p));
    };
    for (std::size_t i = 0; i < len; ++i) {
        const std::uint16_t x = reduce(static_cast<std::uint16_t>(dst[i] + a[i]));
        const std::uint16_t y = reduce(static_cast<std::uint16_t>(b[i] + c[i]));
        dst[i] = reduce(static_cast<std::uint16_t>(x + y));
    }
}

ACCORD_VECTOR_KERNEL
void add_const_mod16(std::uint16_t* dst, std::size_t len, std::uint16_t c, std::uint16_t p) {
    for (std::size_t i = 0; i < len; ++i) {
        const std::uint16_t s = static_cast<std::uint16_t>(dst[i] + c);
        dst[i] = s >= p ? static_cast<std::uint16_t>(s - p) : s;
    }
}

/// The running total is kept in 64 bits (below 2^15 len, no wrap) so the chain from cell to cell
/// is one addition; each cell's residue is taken off the chain by Barrett reduction with
/// m = floor(2^64 / p), whose quotient is low by at most one.
void prefix_sums_mod16(std::uint16_t* row, std::size_t len, std::uint16_t p) {
    __extension__ typedef unsigned __int128 u128;
    const std::uint64_t m = ~std::uint64_t{0} / p;
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < len; ++i) {
        total += row[i];
        const std::uint64_t q = static_cast<std::uint64_t>((u128(total) * m) >> 64);
        std::uint64_t r = total - q * p;
        if (r >= p) r -= p;
        row[i] = static_cast<std::uint16_t>(r);
    }
}

ACCORD_VECTOR_KERNEL
void add_rows_u64(std::uint64_t* __restrict dst, const std::uint64_t* __restrict src, std::size_t len) {
    for (std::size_t i = 0; i < len; ++i) dst[i] += src[i];
}

ACCORD_VECTOR_KERNEL
void add_three_rows_u64(std::uint64_t* __restrict dst, const std::uint64_t* __restrict a,
                        const std::uint64_t* __restrict b, const std::uint64_t* __restrict c,
                        std::size_t len) {
    for (std::size_t i = 0; i < len; ++i) dst[i] += (a[i] + b[i]) + c[i];
}

ACCORD_VECTOR_KERNEL
void add_const_u64(std::uint64_t* dst, std::size_t len, std::uint64_t c) {
    for (std::size_t i = 0; i < len; ++i) dst[i] += c;
}

} // namespace power_detail
} // namespace v0
} // namespace accord
