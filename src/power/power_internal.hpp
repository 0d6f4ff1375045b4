// src/power/power_internal.hpp: pieces shared by the power-index algorithms (not installed).
#pragma once

#include "accord/error.hpp"
#include "accord/detail/safety.hpp"
#include "accord/power.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {
namespace power_detail {

/// A dynamic programme whose tables would pass max_table_bytes() (thrown before allocating), so
/// the automatic method can fall back to a method that fits.
struct table_too_large : error {
    using error::error;
};

/// The largest table of an exact programme: an eighth of the memory budget (512 MiB with the
/// default budget of 4 GiB; $ACCORD_MAX_MEMORY, the CLI's --max-memory, accord_set_memory_budget()).
/// An eighth, because the passes hold a table per thread at once beside the residues, the
/// reconstruction and the caller's own data. Larger tables are refused before allocating, with
/// the estimate (errc::unsupported; method automatic then picks a method that fits).
inline std::size_t max_table_bytes() { return static_cast<std::size_t>(detail::memory_budget() / 8); }

/// The words every refusal of a table ends with: the limit and how to raise it.
inline std::string table_limit_words() {
    return "its limit of " + detail::format_bytes(static_cast<long double>(max_table_bytes())) +
           " (an eighth of the memory budget; raise the budget with $ACCORD_MAX_MEMORY, the CLI's "
           "--max-memory or accord_set_memory_budget())";
}

/// Reports progress; throws errc::cancelled when the callback says stop.
inline void tick(const std::function<bool(double)>& progress, double done) {
    if (progress && !progress(done < 0 ? 0 : done > 1 ? 1 : done))
        throw error(errc::cancelled, "power indices: cancelled by the progress callback");
}

inline big_int pow2(std::size_t e) {
    big_int r = 1;
    r <<= static_cast<unsigned>(e);
    return r;
}

inline big_int factorial(std::size_t k) {
    big_int r = 1;
    for (std::size_t i = 2; i <= k; ++i) r *= static_cast<unsigned long>(i);
    return r;
}

/// Fills value[] of each exact index from exact[].
void fill_doubles(index_values& v);

/// Turns raw per-player counts into the derived Banzhaf and Coleman indices.
void finish_banzhaf(power_result& r, std::size_t n, bool coleman);

/// Chow parameters and Rae from swings and the number of winning coalitions (for `want`).
void finish_chow_rae(power_result& r, std::size_t n, unsigned want);

/// Koenig-Braeuninger, Nevison and the public help index from the Chow parameters `chow` and
/// r.winning_coalitions (for `want`).
void finish_chow_indices(power_result& r, const std::vector<big_int>& chow, std::size_t n, unsigned want);

/// Felsenthal from each player's minimal winning coalitions of the least size (`at_least_size`).
void finish_felsenthal(power_result& r, const std::vector<big_int>& at_least_size);

/// The indices derived from the Chow parameters.
inline constexpr unsigned k_chow_indices = index_koenig_braeuninger | index_nevison | index_public_help;

/// The indices that need each player's swings by the number of other players in the coalition.
inline constexpr unsigned k_by_size_indices = index_public_help_xi | index_null_player_free_f;

/// The indices of games with a-priori unions.
inline constexpr unsigned k_union_indices =
    index_owen | index_banzhaf_owen | index_symmetric_coalitional_banzhaf;

/// The veto players: i is one when the others without i lose (some majority fails without i).
std::vector<bool> veto_players(const weighted_game& g);

/// Tijs and Harsanyi-Nash from the veto players (for `want`); Tijs throws errc::unsupported
/// when there is none.
void finish_veto_indices(power_result& r, const weighted_game& g, unsigned want);

/// Public help xi and the null-player-free F from the swings by size, eta[i * n + k] = the
/// coalitions of k others that i turns from losing to winning (for `want`).
void finish_by_size_indices(power_result& r, std::size_t n, const std::vector<big_int>& eta, unsigned want);

/// The null-player-free G from r.swings and r.winning_coalitions.
void finish_null_player_free_g(power_result& r, std::size_t n);

/// All indices by visiting all 2^n coalitions (or n! orders for none): the test oracle.
power_result enumerate(const weighted_game& g, const power_options& opt);

/// Exact dynamic programme (generating functions) for Banzhaf, Shapley-Shubik, Coleman, Owen,
/// Banzhaf-Owen, Holler and Deegan-Packel where it applies; throws errc::unsupported otherwise.
power_result dynamic_programme(const weighted_game& g, const power_options& opt);

/// Row kernels (kernels.cpp): dst[i] = dst[i] + src[i] (or + c) modulo p < 2^15, or modulo 2^64.
/// dst and src must not overlap.
void add_rows_mod16(std::uint16_t* dst, const std::uint16_t* src, std::size_t len, std::uint16_t p);
void add_const_mod16(std::uint16_t* dst, std::size_t len, std::uint16_t c, std::uint16_t p);
void add_three_rows_mod16(std::uint16_t* dst, const std::uint16_t* a, const std::uint16_t* b,
                          const std::uint16_t* c, std::size_t len, std::uint16_t p);
/// row[i] = row[0] + ... + row[i] modulo p < 2^15, in place.
void prefix_sums_mod16(std::uint16_t* row, std::size_t len, std::uint16_t p);
void add_rows_u64(std::uint64_t* dst, const std::uint64_t* src, std::size_t len);
void add_three_rows_u64(std::uint64_t* dst, const std::uint64_t* a, const std::uint64_t* b,
                        const std::uint64_t* c, std::size_t len);
void add_const_u64(std::uint64_t* dst, std::size_t len, std::uint64_t c);

/// Monte Carlo estimates of Banzhaf and Shapley-Shubik with confidence intervals.
power_result monte_carlo(const weighted_game& g, const power_options& opt);

} // namespace power_detail
} // namespace v0
} // namespace accord
