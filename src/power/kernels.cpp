// The inner loops of the power-index programmes: adding one row of counts into another, modulo
// a small prime or with 64-bit wrap-around. They take almost all of the time of a large game, so
// they are compiled for the widest vector unit the machine has (GCC function multi-versioning:
// the loader picks the AVX-512, AVX2 or baseline clone once) and with full loop vectorisation.
#include "power_internal.hpp"

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

ACCORD_VECTOR_KERNEL
void add_const_mod16(std::uint16_t* dst, std::size_t len, std::uint16_t c, std::uint16_t p) {
    for (std::size_t i = 0; i < len; ++i) {
        const std::uint16_t s = static_cast<std::uint16_t>(dst[i] + c);
        dst[i] = s >= p ? static_cast<std::uint16_t>(s - p) : s;
    }
}

ACCORD_VECTOR_KERNEL
void add_rows_u64(std::uint64_t* __restrict dst, const std::uint64_t* __restrict src, std::size_t len) {
    for (std::size_t i = 0; i < len; ++i) dst[i] += src[i];
}

ACCORD_VECTOR_KERNEL
void add_const_u64(std::uint64_t* dst, std::size_t len, std::uint64_t c) {
    for (std::size_t i = 0; i < len; ++i) dst[i] += c;
}

} // namespace power_detail
} // namespace v0
} // namespace accord
