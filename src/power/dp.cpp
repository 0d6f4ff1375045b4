// Exact power indices by generating functions (dynamic programming over weight sums).
//
// The counts behind Banzhaf, Coleman, Chow, Rae and Shapley-Shubik are the public template of
// accord/power_dp-inl.hpp (the product of every player's (1 + x^{w_j}), divided out per player by
// an alternating series; several majorities by inclusion-exclusion), run here in exact rings:
// 64-bit words when n <= 63 (every count is < 2^64), else residues modulo enough primes below
// 2^15 in 16-bit cells (vectorised row additions, one pass per prime, the passes in parallel),
// reconstructed by the Chinese remainder theorem (src/power/residues.cpp). Owen, Banzhaf-Owen,
// Holler and Deegan-Packel are programmes of their own below. See docs/methods/power.md.
#include "power_internal.hpp"
#include "residues.hpp"

#include "accord/power_dp-inl.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace accord {
inline namespace v0 {
namespace power_dp_detail {

void check_table_bytes(long double need, bool by_size) {
    if (need > static_cast<long double>(power_detail::max_table_bytes()))
        throw power_detail::table_too_large(errc::unsupported,
                                            "power indices: the dynamic programme (" +
                                                std::string(by_size ? "by size and weight" : "by weight") +
                                                ") needs a " + detail::format_bytes(need) +
                                                " table, more than " + power_detail::table_limit_words());
}

} // namespace power_dp_detail

// The instantiations power_dp.hpp declares extern.
template weighted_game_counts<double> count_weighted_game_in(const plain_counts<double>&,
                                                             const weighted_game&, bool,
                                                             const std::function<void(double)>&);
template weighted_game_counts<big_int> count_weighted_game_in(const plain_counts<big_int>&,
                                                              const weighted_game&, bool,
                                                              const std::function<void(double)>&);

namespace power_detail {
namespace {

using power_dp_detail::count_table;
using power_dp_detail::majority_subset;
using power_dp_detail::subset_term;

__extension__ typedef unsigned __int128 u128; // GCC/Clang 128-bit integer

struct ring_u128 {
    using value = u128;
    value add(value a, value b) const { return a + b; }
    value sub(value a, value b) const { return a - b; }
    value half(value a) const { return a >> 1; } // only ever applied to an exact even count
    value from(std::uint64_t a) const { return a; }
    value pow2(std::size_t e) const { return e >= 128 ? 0 : u128{1} << e; }
    big_int to_big(value a) const {
        big_int r = static_cast<std::uint64_t>(a >> 64);
        r <<= 64;
        r += static_cast<std::uint64_t>(a);
        return r;
    }
    void add_rows(value* dst, const value* src, std::size_t len) const {
        for (std::size_t i = 0; i < len; ++i) dst[i] += src[i];
    }
    void add_const(value* dst, std::size_t len, value c) const {
        for (std::size_t i = 0; i < len; ++i) dst[i] += c;
    }
};

/// What one pass in one ring computes, laid out flat so residues can be reconstructed.
struct layout {
    std::size_t n = 0;
    bool ss = false;
    std::size_t swings() const { return 0; }
    std::size_t ss_at(std::size_t i, std::size_t k) const { return n + i * n + k; }
    std::size_t winning() const { return n + (ss ? n * n : 0); }
    std::size_t size() const { return winning() + 1; }
};

/// One pass: Banzhaf swings (and by size for Shapley-Shubik) and the number of winning
/// coalitions, the public template's flat counts (accord/power_dp-inl.hpp).
template <class Ring>
std::vector<typename Ring::value> count_pass(const Ring& ring, const weighted_game& g, const layout& L,
                                             const std::function<void(double)>& step) {
    return count_weighted_game_in(ring, g, L.ss, step).flat;
}

/// Exact values of one pass's outputs, each handed to `consume`: every count is below 2^(n+1).
template <class Consume>
void exact_counts(const weighted_game& g, const layout& L, const std::function<void(double)>& step,
                  unsigned threads, const Consume& consume) {
    exact_outputs_each(
        g.player_count() + 1, L.size(),
        [&](const auto& ring, const std::function<void(double)>& st) { return count_pass(ring, g, L, st); },
        step, threads, consume);
}

// ---- Owen and Banzhaf-Owen ------------------------------------------------------------------

/// For i in union k: the sets R of other unions are counted by a table over the unions (with
/// union k divided out), the sets T of i's partners by a small sparse table (size, weight).
void owen_dp(const weighted_game& g, power_result& r, unsigned want,
             const std::function<void(double)>& step) {
    const std::size_t n = g.player_count(), m = g.unions.size(), M = g.majorities.size();
    if (m > 126)
        throw error(errc::unsupported, "power indices: the Owen programme handles at most 126 unions");
    ring_u128 ring;
    std::vector<std::vector<std::uint64_t>> uw(m, std::vector<std::uint64_t>(M, 0));
    for (std::size_t u = 0; u < m; ++u)
        for (auto p : g.unions[u])
            for (std::size_t d = 0; d < M; ++d) uw[u][d] += g.majorities[d].weights[p];
    if (want & index_owen) r.owen.exact.assign(n, 0);
    if (want & index_banzhaf_owen) r.banzhaf_owen.exact.assign(n, 0);
    if (want & index_symmetric_coalitional_banzhaf) r.symmetric_coalitional_banzhaf.exact.assign(n, 0);
    // scb_num: the Banzhaf-Owen counts weighted as Owen's inside the union, t! (p_k - 1 - t)!.
    std::vector<big_int> owen_num(n, 0), bo_num(n, 0), scb_num(n, 0);
    const std::size_t subsets = std::size_t{1} << M;
    for (std::size_t mask = 1; mask < subsets; ++mask) {
        // Named copies, not a structured binding: lambdas below capture them (Clang 14 cannot
        // capture structured bindings).
        const subset_term term = majority_subset(g, mask);
        const auto& dims = term.dims;
        const bool negative = term.negative;
        const auto& ext = term.quotas;
        std::vector<std::vector<std::uint64_t>> w(m);
        for (std::size_t u = 0; u < m; ++u)
            for (auto d : dims) w[u].push_back(uw[u][d]);
        count_table<ring_u128> t(ring, ext, true, w);
        t.build(w, {});
        const std::size_t D = dims.size();
        for (std::size_t u = 0; u < m; ++u) {
            const auto& members = g.unions[u];
            const std::size_t pk = members.size();
            for (auto i : members) {
                // Sparse (size, weights-in-D) -> count over subsets T of i's partners.
                std::map<std::pair<std::size_t, std::vector<std::uint64_t>>, std::uint64_t> T;
                T[{0, std::vector<std::uint64_t>(D, 0)}] = 1;
                for (auto p : members) {
                    if (p == i) continue;
                    auto next = T;
                    for (const auto& [key, c] : T) {
                        auto k2 = key;
                        ++k2.first;
                        for (std::size_t x = 0; x < D; ++x) k2.second[x] += g.majorities[dims[x]].weights[p];
                        next[k2] += c;
                    }
                    T = std::move(next);
                }
                std::vector<std::int64_t> a(D), b(D);
                for (const auto& [key, c] : T) {
                    // R must make R+T+i meet the D-constraints' complement: count
                    // #{R: s_R < q - s_T} - #{R: s_R < q - s_T - w_i} in each D term.
                    for (std::size_t x = 0; x < D; ++x) {
                        const std::int64_t q = static_cast<std::int64_t>(ext[x]);
                        a[x] = q - static_cast<std::int64_t>(std::min<std::uint64_t>(key.second[x], ext[x]));
                        b[x] = a[x] - static_cast<std::int64_t>(
                                          std::min<std::uint64_t>(g.majorities[dims[x]].weights[i], ext[x]));
                    }
                    const std::size_t tsz = key.first;
                    big_int per_bo = 0, per_owen = 0;
                    for (std::size_t rr = 0; rr < m; ++rr) {
                        const u128 without = t.F_without(rr, a.data(), w[u].data());
                        const u128 with = t.F_without(rr, b.data(), w[u].data());
                        const big_int cnt = ring.to_big(without) - ring.to_big(with);
                        if (cnt == 0) continue;
                        per_bo += cnt;
                        per_owen += cnt * factorial(rr) * factorial(m - 1 - rr);
                    }
                    // Sign: #with-i-wins minus #without-wins = -(F(q - s_T - w_i) - F(q - s_T)),
                    // and the D term carries (-1)^|D|.
                    const big_int cbig = big_int(c);
                    const big_int inside = factorial(tsz) * factorial(pk - 1 - tsz);
                    if (negative) {
                        bo_num[i] += cbig * per_bo;
                        owen_num[i] += cbig * per_owen * inside;
                        scb_num[i] += cbig * per_bo * inside;
                    } else {
                        bo_num[i] -= cbig * per_bo;
                        owen_num[i] -= cbig * per_owen * inside;
                        scb_num[i] -= cbig * per_bo * inside;
                    }
                }
            }
            if (step) step(double(u + 1) / double(m));
        }
    }
    std::vector<std::size_t> union_size(n);
    for (const auto& u : g.unions)
        for (auto p : u) union_size[p] = u.size();
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t pk = union_size[i];
        if (want & index_owen) r.owen.exact[i] = rational(owen_num[i], factorial(m) * factorial(pk));
        if (want & index_banzhaf_owen) r.banzhaf_owen.exact[i] = rational(bo_num[i], pow2(m - 1 + pk - 1));
        // Alonso-Meijide & Fiestras-Janeiro (2002): Banzhaf's 1/2^(m-1) among the unions,
        // Shapley's t! (p_k - 1 - t)! / p_k! inside.
        if (want & index_symmetric_coalitional_banzhaf)
            r.symmetric_coalitional_banzhaf.exact[i] = rational(scb_num[i], pow2(m - 1) * factorial(pk));
    }
    if (want & index_owen) fill_doubles(r.owen);
    if (want & index_banzhaf_owen) fill_doubles(r.banzhaf_owen);
    if (want & index_symmetric_coalitional_banzhaf) fill_doubles(r.symmetric_coalitional_banzhaf);
}

// ---- Holler and Deegan-Packel ---------------------------------------------------------------

/// One majority only. Order players by weight, heaviest first; a coalition S is minimal winning
/// iff w(S) >= q and w(S) - w(lightest member) < q. So with m the lightest member (last in the
/// order), S = T + m with T among the players before m and w(T) in [q - w_m, q - 1]. A table
/// of the players before m grows by one player per step; a member i of T is divided out by the
/// alternating series.
///
/// The table holds cumulative counts directly: row k, cell x = number of k-subsets (any size
/// when unsized) of the players so far weighing at most x. Adding a player of weight v is then
/// the same shift-and-add as for plain counts, F'(k, x) = F(k, x) + F(k - 1, x - v), so no
/// prefix sums are ever recomputed. A row is stored on the band [lo_k, hi_k] (lo_k: the k
/// lightest weights; hi_k: the k heaviest, capped at q - 1): below it the count is 0, above it
/// the row's last cell. Only the part of the band the players so far can reach is updated.
///
/// Outputs: [i] minimal winning coalitions containing player i, [n] their number, and when
/// sized [n + 1 + i (n + 1) + s] those of size s containing i.
template <class Ring>
std::vector<typename Ring::value> minimal_winning_pass(const Ring& ring, const weighted_game& g, bool sized,
                                                       const std::function<void(double)>& step) {
    using value = typename Ring::value;
    const std::size_t n = g.player_count();
    const auto& maj = g.majorities[0];
    const std::uint64_t q = maj.quota;
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](auto a, auto b) { return maj.weights[a] > maj.weights[b]; });
    const std::size_t rows = sized ? n + 1 : 1;
    std::vector<std::uint64_t> lo(rows, 0), hi(rows, q - 1), cur_lo(rows, 0);
    if (sized) {
        u128 light = 0, heavy = 0;
        for (std::size_t k = 0; k < rows; ++k) {
            if (k) light += maj.weights[order[n - k]], heavy += maj.weights[order[k - 1]];
            lo[k] = light >= q ? q : static_cast<std::uint64_t>(light); // lo > hi: an empty row
            hi[k] = heavy >= q ? q - 1 : static_cast<std::uint64_t>(heavy);
        }
    }
    long double need = 0;
    for (std::size_t k = 0; k < rows; ++k)
        need += lo[k] <= hi[k] ? static_cast<long double>(hi[k] - lo[k]) + 1 : 0;
    need *= sizeof(value);
    if (need > static_cast<long double>(max_table_bytes()))
        throw power_detail::table_too_large(
            errc::unsupported, "power indices: the Holler/Deegan-Packel programme needs a " +
                                   detail::format_bytes(need) + " table, more than " + table_limit_words());
    std::vector<std::size_t> off(rows + 1, 0);
    for (std::size_t k = 0; k < rows; ++k)
        off[k + 1] = off[k] + (lo[k] <= hi[k] ? static_cast<std::size_t>(hi[k] - lo[k] + 1) : 0);
    std::vector<value> cum(off[rows], value{});
    std::fill(cum.begin(), cum.begin() + static_cast<std::ptrdiff_t>(off[1]), ring.from(1)); // the empty set
    auto F = [&](std::size_t k, std::int64_t a) -> value { // #{k-subsets, weight < a}
        if (a <= 0 || k >= rows || lo[k] > hi[k]) return value{};
        const std::uint64_t x = std::min<std::uint64_t>(static_cast<std::uint64_t>(a - 1), hi[k]);
        return x < lo[k] ? value{} : cum[off[k] + static_cast<std::size_t>(x - lo[k])];
    };
    auto without = [&](std::size_t k, std::int64_t a, std::uint64_t v) -> value {
        if (!sized && v == 0) return ring.half(F(0, a));
        value acc{};
        for (std::size_t mm = 0; a > 0 && (!sized || mm <= k); ++mm, a -= static_cast<std::int64_t>(v)) {
            const value f = F(sized ? k - mm : 0, a);
            acc = (mm & 1) ? ring.sub(acc, f) : ring.add(acc, f);
        }
        return acc;
    };
    const std::size_t stride = n + 1;
    std::vector<value> out(n + 1 + (sized ? n * stride : 0), value{});
    auto count = [&](std::size_t player, std::size_t size, value c) {
        out[player] = ring.add(out[player], c);
        if (sized) out[n + 1 + player * stride + size] = ring.add(out[n + 1 + player * stride + size], c);
    };
    for (std::size_t pos = 0; pos < n; ++pos) {
        const std::size_t mplayer = order[pos];
        const std::uint64_t wm = maj.weights[mplayer];
        if (wm > 0) {
            const std::int64_t top = std::int64_t(q),
                               bottom = std::int64_t(q) - std::int64_t(std::min(wm, q));
            for (std::size_t k = 0; k < rows && k <= pos; ++k) {
                const value c = ring.sub(F(k, top), F(k, bottom)); // T: |T| = k, w(T) in [q - wm, q - 1]
                out[n] = ring.add(out[n], c);
                count(mplayer, k + 1, c);
            }
            for (std::size_t pi = 0; pi < pos; ++pi) {
                const std::size_t i = order[pi];
                const std::uint64_t wi = maj.weights[i];
                const std::int64_t top2 = top - std::int64_t(wi), bottom2 = bottom - std::int64_t(wi);
                for (std::size_t k = 0; k + 1 < rows || (!sized && k == 0); ++k) {
                    if (sized && k + 1 > pos) break; // T' among the pos - 1 others
                    // T = T' + i with |T'| = k, w(T') in [q - wm - wi, q - 1 - wi], T' avoiding i.
                    count(i, k + 2, ring.sub(without(k, top2, wi), without(k, bottom2, wi)));
                    if (!sized) break;
                }
            }
        }
        // Add player m: F'(k, x) = F(k, x) + F(k - 1, x - wm), rows descending.
        if (!sized) {
            value* row = cum.data();
            if (wm == 0) {
                for (auto& x : cum) x = ring.add(x, x);
            } else if (wm < q) {
                const std::size_t step_len = static_cast<std::size_t>(wm);
                for (std::size_t top_x = static_cast<std::size_t>(q - wm); top_x > 0;) {
                    const std::size_t c = std::min(top_x, step_len);
                    top_x -= c;
                    ring.add_rows(row + top_x + wm, row + top_x, c);
                }
            }
        } else {
            for (std::size_t k = std::min(pos + 1, rows - 1); k >= 1; --k) {
                if (lo[k] > hi[k] || lo[k - 1] > hi[k - 1]) continue;
                const u128 from = std::max<u128>(lo[k], u128(cur_lo[k - 1]) + wm);
                if (from > hi[k]) continue;
                value* dst = cum.data() + off[k];
                const value* src = cum.data() + off[k - 1];
                // Cells whose source x - wm lies in row k-1's band, then those above it.
                const u128 mid = std::min<u128>(hi[k], u128(hi[k - 1]) + wm);
                if (from <= mid) {
                    const auto f = static_cast<std::uint64_t>(from);
                    ring.add_rows(dst + (f - lo[k]), src + (f - wm - lo[k - 1]),
                                  static_cast<std::size_t>(static_cast<std::uint64_t>(mid) - f + 1));
                }
                const u128 above = std::max<u128>(from, mid + 1);
                if (above <= hi[k]) {
                    const auto f = static_cast<std::uint64_t>(above);
                    ring.add_const(dst + (f - lo[k]), static_cast<std::size_t>(hi[k] - f + 1),
                                   src[hi[k - 1] - lo[k - 1]]);
                }
            }
            for (std::size_t k = std::min(pos + 1, rows - 1); k >= 1; --k)
                cur_lo[k] = static_cast<std::uint64_t>(std::min<u128>(u128(cur_lo[k - 1]) + wm, q));
        }
        if (step) step(double(pos + 1) / double(n));
    }
    return out;
}

void minimal_winning_dp(const weighted_game& g, power_result& r, unsigned want,
                        const std::function<void(double)>& step, unsigned threads) {
    const std::size_t n = g.player_count();
    const bool sized = want & (index_deegan_packel | index_felsenthal);
    // Every count is below 2^n.
    const auto v = exact_outputs(
        n + 1, n + 1 + (sized ? n * (n + 1) : 0),
        [&](const auto& ring, const std::function<void(double)>& st) {
            return minimal_winning_pass(ring, g, sized, st);
        },
        step, threads);
    r.minimal_winning.assign(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n));
    r.minimal_winning_total = v[n];
    big_int member_total = 0;
    for (const auto& m : r.minimal_winning) member_total += m;
    if (want & index_holler) {
        r.holler.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) r.holler.exact[i] = rational(r.minimal_winning[i], member_total);
        fill_doubles(r.holler);
        // Holler & Packel (1983): the absolute public good index m_i / |M|.
        r.holler_absolute.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i)
            r.holler_absolute.exact[i] = rational(r.minimal_winning[i], r.minimal_winning_total);
        fill_doubles(r.holler_absolute);
    }
    if (want & index_felsenthal) {
        std::size_t least = n + 1;
        for (std::size_t i = 0; i < n; ++i)
            for (std::size_t sz = 1; sz < least; ++sz)
                if (v[n + 1 + i * (n + 1) + sz] != 0) least = sz;
        std::vector<big_int> at(n);
        for (std::size_t i = 0; i < n; ++i) at[i] = least <= n ? v[n + 1 + i * (n + 1) + least] : big_int(0);
        finish_felsenthal(r, at);
    }
    if (want & index_deegan_packel) {
        r.deegan_packel.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            rational acc = 0;
            for (std::size_t sz = 1; sz <= n; ++sz)
                if (const auto& c = v[n + 1 + i * (n + 1) + sz]; c != 0) acc += rational(c, big_int(sz));
            r.deegan_packel.exact[i] = acc / rational(r.minimal_winning_total);
            r.deegan_packel_raw.exact.push_back(acc);
        }
        fill_doubles(r.deegan_packel);
        fill_doubles(r.deegan_packel_raw);
    }
}

} // namespace

power_result dynamic_programme(const weighted_game& g, const power_options& opt) {
    const std::size_t n = g.player_count();
    if (g.majorities.size() > 8)
        throw error(errc::unsupported, "power indices: the dynamic programme handles at most 8 majorities");
    power_result r;
    r.method = "dynamic-programming";
    const unsigned want = opt.indices;
    tick(opt.progress, 0);
    const bool counts = want & (index_banzhaf | index_shapley_shubik | index_coleman | index_chow |
                                index_rae | k_chow_indices | k_by_size_indices | index_null_player_free_g);
    const bool owen = want & k_union_indices;
    const bool mwc = want & (index_holler | index_deegan_packel | index_minimal_winning | index_felsenthal);
    const double parts = double(counts) + double(owen) + double(mwc);
    double base = 0;
    auto stage = [&](double f) { tick(opt.progress, (base + f) / parts); };
    if (counts) {
        const bool ss = want & index_shapley_shubik, by_size = want & k_by_size_indices;
        layout L{n, ss || by_size};
        // phi_i = sum_k k! (n-1-k)! eta_ik / n!  (Shapley & Shubik 1954), summed as the counts
        // eta_ik are reconstructed, so the n x n counts are held as big integers only for the
        // indices that need them by size (public help xi, null-player-free F).
        if (by_size) {
            // The n x n swing counts by size, each up to 2^n: refused before allocating when
            // they would pass the table limit (an eighth of the memory budget).
            const long double need =
                static_cast<long double>(n) * static_cast<long double>(n) *
                (static_cast<long double>(sizeof(big_int)) + 16.0L + (n + 63) / 64 * 8.0L);
            if (need > static_cast<long double>(max_table_bytes()))
                throw table_too_large(
                    errc::unsupported,
                    "power indices: public help xi and null-player-free F hold each player's "
                    "swings by coalition size, " +
                        detail::format_bytes(need) + " for " + std::to_string(n) + " players, more than " +
                        table_limit_words());
        }
        std::vector<big_int> coef(ss ? n : 0), acc(ss ? n : 0), eta(by_size ? n * n : 0);
        for (std::size_t k = 0; k < coef.size(); ++k) coef[k] = factorial(k) * factorial(n - 1 - k);
        r.swings.resize(n);
        exact_counts(g, L, stage, opt.threads, [&](std::size_t x, big_int&& v) {
            if (x < n)
                r.swings[x] = std::move(v);
            else if (x == L.winning())
                r.winning_coalitions = std::move(v);
            else if (v != 0) {
                const std::size_t i = (x - n) / n, k = (x - n) % n;
                if (ss) acc[i] += coef[k] * v;
                if (by_size) eta[x - n] = std::move(v);
            }
        });
        if (want & (index_banzhaf | index_coleman)) finish_banzhaf(r, n, want & index_coleman);
        finish_chow_rae(r, n, want);
        if (by_size) finish_by_size_indices(r, n, eta, want);
        if (want & index_null_player_free_g) finish_null_player_free_g(r, n);
        if (ss) {
            const big_int nf = factorial(n);
            r.shapley_shubik.exact.resize(n);
            for (std::size_t i = 0; i < n; ++i) r.shapley_shubik.exact[i] = rational(acc[i], nf);
            fill_doubles(r.shapley_shubik);
            r.pivots = std::move(acc); // acc[i]: the orders in which i is pivotal
        }
        if (!(want & (index_banzhaf | index_coleman))) r.swings.clear();
        base += 1;
    }
    if (owen) {
        owen_dp(g, r, want, stage);
        base += 1;
    }
    if (mwc) {
        if (g.majorities.size() != 1)
            throw error(errc::unsupported,
                        "power indices: Holler/Deegan-Packel programme handles one majority");
        minimal_winning_dp(g, r, want, stage, opt.threads);
        base += 1;
    }
    finish_veto_indices(r, g, want);
    tick(opt.progress, 1);
    return r;
}

} // namespace power_detail
} // namespace v0
} // namespace accord
