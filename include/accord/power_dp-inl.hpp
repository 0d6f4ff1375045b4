// accord/power_dp-inl.hpp: the definitions of the templates declared in power_dp.hpp.
//
// The product P(x) = prod_j (1 + x^{w_j}) counts coalitions by weight; truncated below the quota
// it is built once in O(n q), and player i's factor is divided out of its cumulative sums by an
// alternating series, F_i(a) = sum_m (-1)^m F(a - m w_i), which costs O(q / w_i) per query
// instead of a second O(n q) pass. Shapley-Shubik adds the coalition size as a dimension,
// P(x, y) = prod_j (1 + y x^{w_j}), stored only in the band of weights a k-coalition can reach.
// Several majorities are handled by inclusion-exclusion over the subsets D of majorities: the
// count of coalitions meeting all of them is sum_D (-1)^|D| #{s_d < q_d for d in D}, and each
// term needs a table only over the product of the quotas in D. See docs/methods/power.md.
//
// libaccord compiles the instantiations power_dp.hpp declares `extern template` and its own
// exact rings (src/power/dp.cpp); include this header to instantiate others without linking.
#pragma once

#include "accord/power_dp.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <string>

namespace accord {
inline namespace v0 {
namespace power_dp_detail {

__extension__ typedef unsigned __int128 u128; // GCC/Clang 128-bit integer

/// A ring may add three rows into a fourth in one pass, dst[i] += a[i] + b[i] + c[i]; the
/// unsized one-dimension build then multiplies in two players at a time (add_players_swept).
template <class Ring>
concept adds_three_rows = requires(const Ring& r, typename Ring::value* d, const typename Ring::value* s,
                                   std::size_t n) {
    r.add_three_rows(d, s, s, s, n);
};

/// A ring may turn a row into its inclusive prefix sums itself (a residue ring, off the chain of
/// one dependent modular addition per cell).
template <class Ring>
concept sums_prefixes = requires(const Ring& r, typename Ring::value* d, std::size_t n) {
    r.prefix_sums(d, n);
};

/// Counts of coalitions by weight in the dimensions of D (each below its quota), optionally by
/// size too; after build(), holds inclusive prefix sums for F queries.
template <class Ring> class count_table {
  public:
    using value = typename Ring::value;

    count_table(const Ring& ring, std::vector<std::uint64_t> ext, bool sized,
                const std::vector<std::vector<std::uint64_t>>& w)
        : ring_(ring), ext_(std::move(ext)), sized_(sized), n_(w.size()) {
        const std::size_t D = ext_.size();
        stride_.assign(D, 1);
        for (std::size_t d = D - 1; d-- > 0;) stride_[d] = stride_[d + 1] * ext_[d + 1];
        inner_ = D > 1 ? stride_[0] : 1;
        rows_ = sized_ ? n_ + 1 : 1;
        lo_.assign(rows_, 0);
        hi_.assign(rows_, ext_[0] - 1);
        if (sized_) {
            // Band on dimension 0: a k-coalition weighs at least the k smallest and at most the
            // k largest weights.
            std::vector<std::uint64_t> v0(n_);
            for (std::size_t j = 0; j < n_; ++j) v0[j] = w[j][0];
            std::sort(v0.begin(), v0.end());
            u128 small = 0, large = 0;
            for (std::size_t k = 0; k <= n_; ++k) {
                if (k) small += v0[k - 1], large += v0[n_ - k];
                lo_[k] = small > ext_[0] ? ext_[0] : static_cast<std::uint64_t>(small);
                hi_[k] = large >= ext_[0] ? ext_[0] - 1 : static_cast<std::uint64_t>(large);
            }
        }
        // The table's size, estimated in full before anything is allocated.
        long double need = 0;
        for (std::size_t k = 0; k < rows_; ++k)
            need += lo_[k] <= hi_[k] ? (static_cast<long double>(hi_[k] - lo_[k]) + 1) * inner_ : 0;
        need *= sizeof(value);
#ifndef ACCORD_HEADER_ONLY
        check_table_bytes(need, sized_);
#endif
        off_.assign(rows_ + 1, 0);
        for (std::size_t k = 0; k < rows_; ++k) {
            const std::size_t len = lo_[k] <= hi_[k] ? static_cast<std::size_t>(hi_[k] - lo_[k] + 1) : 0;
            off_[k + 1] = off_[k] + len * inner_;
        }
    }

    static std::size_t cells_needed(const std::vector<std::uint64_t>& ext) {
        long double c = 1;
        for (auto e : ext) c *= static_cast<long double>(e);
        return c > 1e18L ? std::size_t(-1) : static_cast<std::size_t>(c);
    }

    /// Multiplies in every player's factor (1 + y x^{w_j}), then turns counts into prefix sums.
    void build(const std::vector<std::vector<std::uint64_t>>& w, const std::function<void(double)>& step) {
        data_.assign(off_[rows_], value{});
        reach_.assign(rows_, 0);
        if (lo_[0] <= hi_[0]) data_[off_[0]] = ring_.from(1); // the empty coalition
        std::vector<std::size_t> order(n_);
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return w[a][0] < w[b][0]; });
        std::vector<std::uint64_t> group; // one dimension, no sizes: players swept together
        std::size_t group_cells = 0;
        auto flush = [&](std::size_t done) {
            if (group.empty()) return;
            add_players_swept(group);
            group.clear();
            group_cells = 0;
            if (step) step(double(done) / double(n_));
        };
        for (std::size_t jj = 0; jj < n_; ++jj) {
            const auto& v = w[order[jj]];
            if (sized_) {
                for (std::size_t k = std::min(jj + 1, n_); k >= 1; --k) {
                    add_shift(k - 1, k, v, false);
                    reach_[k] = std::max<u128>(reach_[k], reach_[k - 1] + v[0]);
                }
            } else if (ext_.size() == 1 && v[0] > 0) {
                // The group's window (its weights plus a chunk each) stays within k_sweep_window
                // bytes, so it is swept from the caches rather than from memory once per player.
                const std::size_t cells = static_cast<std::size_t>(std::min<std::uint64_t>(v[0], hi_[0] + 1));
                if (!group.empty() &&
                    (group.size() == k_sweep_players ||
                     (group_cells + cells + (group.size() + 1) * k_sweep_chunk) * sizeof(value) >
                         k_sweep_window))
                    flush(jj);
                group.push_back(v[0]);
                group_cells += cells;
                continue;
            } else {
                flush(jj);
                add_shift(0, 0, v, true);
                reach_[0] += v[0];
            }
            if (step) step(double(jj + 1) / double(n_));
        }
        flush(n_);
        if (symmetric()) { // the cells above the stored half, by the mirror, up to the band's top
            const u128 total = reach_[0];
            value* d = data_.data();
            for (u128 s = half_top(total) + 1; s <= hi_[0]; ++s)
                d[static_cast<std::size_t>(s)] =
                    s <= total ? d[static_cast<std::size_t>(total - s)] : value{};
        }
        if (!cumulative()) prefix_sums();
    }

    /// F(k, a) = number of coalitions of size k (any size if unsized) with s_d < a_d for all d.
    value F(std::size_t k, const std::int64_t* a) const {
        if (k >= rows_) return value{};
        for (std::size_t d = 0; d < ext_.size(); ++d)
            if (a[d] <= 0) return value{};
        std::uint64_t i0 = static_cast<std::uint64_t>(a[0] - 1);
        if (lo_[k] > hi_[k] || i0 < lo_[k]) return value{};
        if (i0 > hi_[k]) i0 = hi_[k];
        std::size_t idx = off_[k] + static_cast<std::size_t>(i0 - lo_[k]) * inner_;
        for (std::size_t d = 1; d < ext_.size(); ++d) idx += static_cast<std::size_t>(a[d] - 1) * stride_[d];
        return data_[idx];
    }

    /// The same count among coalitions not containing a player of weights v:
    /// F_v(k, a) = sum_m (-1)^m F(k - m, a - m v), from P = P_v (1 + y x^v).
    value F_without(std::size_t k, const std::int64_t* a, const std::uint64_t* v) const {
        const std::size_t D = ext_.size();
        bool all_zero = true;
        for (std::size_t d = 0; d < D; ++d) all_zero = all_zero && v[d] == 0;
        if (!sized_ && all_zero) return ring_.half(F(0, a));
        std::int64_t cur[8];
        std::copy(a, a + D, cur);
        value acc{};
        for (std::size_t m = 0;; ++m) {
            if (sized_ && m > k) break;
            bool positive = true;
            for (std::size_t d = 0; d < D; ++d) positive = positive && cur[d] > 0;
            if (!positive) break;
            const value f = F(sized_ ? k - m : 0, cur);
            acc = (m & 1) ? ring_.sub(acc, f) : ring_.add(acc, f);
            for (std::size_t d = 0; d < D; ++d) cur[d] -= static_cast<std::int64_t>(v[d]);
        }
        return acc;
    }

    std::size_t rows() const { return rows_; }

  private:
    void add_shift(std::size_t src_row, std::size_t dst_row, const std::vector<std::uint64_t>& v,
                   bool inplace) {
        const std::size_t D = ext_.size();
        if (inplace) {
            bool all_zero = true;
            for (auto x : v) all_zero = all_zero && x == 0;
            if (all_zero) { // (1 + 1) doubles every count
                for (auto& x : data_) x = ring_.add(x, x);
                return;
            }
        }
        if (lo_[src_row] > hi_[src_row] || lo_[dst_row] > hi_[dst_row]) return;
        if (cumulative()) {
            add_shift_cumulative(src_row, dst_row, v[0]);
            return;
        }
        // Range of s0 in the source whose target s0 + v0 lies in the destination band.
        u128 s_lo = lo_[src_row];
        if (u128(lo_[dst_row]) > s_lo + v[0]) s_lo = u128(lo_[dst_row]) - v[0];
        u128 s_hi = std::min<u128>(hi_[src_row], reach_[src_row]);
        if (u128(hi_[dst_row]) < v[0]) return;
        s_hi = std::min<u128>(s_hi, u128(hi_[dst_row]) - v[0]);
        if (s_lo > s_hi) return;
        value* src = data_.data() + off_[src_row];
        value* dst = data_.data() + off_[dst_row];
        const std::uint64_t a = static_cast<std::uint64_t>(s_lo), b = static_cast<std::uint64_t>(s_hi);
        const std::uint64_t sl = lo_[src_row], dl = lo_[dst_row];
        if (D == 1) {
            value* s = src + (a - sl);
            value* t = dst + (a + v[0] - dl);
            const std::size_t len = static_cast<std::size_t>(b - a + 1);
            if (inplace) {
                // t = s + v0 in one row: take blocks of at most v0 cells from the top down, so
                // each block reads only cells this player has not yet updated and the block's
                // source and destination never overlap.
                const std::size_t step = static_cast<std::size_t>(v[0]);
                for (std::size_t top = len; top > 0;) {
                    const std::size_t c = std::min(top, step);
                    top -= c;
                    ring_.add_rows(t + top, s + top, c);
                }
            } else {
                ring_.add_rows(t, s, len);
            }
            return;
        }
        for (std::uint64_t s0 = b + 1; s0-- > a;) {
            shift_slab(1, src + (s0 - sl) * inner_, dst + (s0 + v[0] - dl) * inner_, v, inplace);
        }
    }

    static constexpr std::size_t k_sweep_chunk = 16384;
    /// A group's window: 4 MiB, measured on England's 1,297 PCNs (1,297 players of ~50,000 cells
    /// in a 63 MB table): a 1 MiB window, within L2, sweeps the table from memory once per 8 or
    /// so players and took 30% longer a pass; beyond 8 MiB the window itself leaves L3.
    static constexpr std::size_t k_sweep_window = std::size_t{4} << 20;
    static constexpr std::size_t k_sweep_players = 64;

    /// Counts by weight alone in one dimension: the product of players so far, of total weight
    /// W, is a palindrome (c(s) = c(W - s): complement within those players), so only its lower
    /// half is built, and the cells above it come from the mirror when a player needs them.
    bool symmetric() const { return !sized_ && ext_.size() == 1; }
    /// The top stored cell while the players so far weigh `total` in all.
    u128 half_top(u128 total) const { return std::min<u128>(hi_[0], total / 2); }

    /// Multiplies in several players' (1 + x^v) on the one unsized row, in one sweep from the
    /// top: the table passes the quota's 63 MB for England's PCNs, and a pass per player read
    /// and wrote all of it from memory.
    ///
    /// The players go in units of two where the ring adds three rows into a fourth at once
    /// (adds_three_rows): (1 + x^a)(1 + x^b) = 1 + x^a + x^b + x^(a+b), so a unit's update is
    /// t += (t - a) + (t - b) + (t - a - b), one read and write of each cell for both players
    /// (England's PCNs: a fifth less time a pass than one player at a time). Otherwise a unit is
    /// one player, t += t - a.
    ///
    /// A unit of weights a <= b (b = 0 alone) updates top down, in blocks of at most a cells,
    /// so each block reads only cells the unit has not yet updated and its source and
    /// destination never overlap. It may run at cell t once the unit before it is done at its
    /// lowest source, t - a - b: so the first unit steps down a chunk at a time and each later
    /// one follows at its predecessor's frontier plus its own weight, and the group's working
    /// set is that window. Weights are positive and ascending.
    ///
    /// Only the lower half of each product is built (symmetric()): unit i, after players of
    /// total weight W_i, turns cells [0, h(W_i)] into [0, h(W_i + a_i + b_i)] (h = half_top). The
    /// new cells above h(W_i) first take the old product's mirror, c(s) = c(W_i - s), read from
    /// cells the previous unit must have finished and unit i not yet begun; then the update runs
    /// over [a_i, h(W_i + a_i + b_i)], whose sources lie in the old half or that mirror.
    /// England's 1,297 PCNs: 1.6e10 cell updates a pass instead of 2.6e10.
    void add_players_swept(const std::vector<std::uint64_t>& vs) {
        std::vector<std::uint64_t> as, bs; // unit i multiplies (1 + x^a_i)(1 + x^b_i), b_i = 0: one player
        for (std::size_t j = 0; j < vs.size(); ++j) {
            as.push_back(vs[j]);
            if constexpr (adds_three_rows<Ring>) {
                if (j + 1 < vs.size()) {
                    bs.push_back(vs[++j]);
                    continue;
                }
            }
            bs.push_back(0);
        }
        const std::size_t k = as.size();
        // frontier[i]: unit i has updated every cell at or above it; it has nothing to do below
        // a_i (no source) or above the new half's top.
        std::vector<u128> frontier(k), before(k);
        std::vector<char> started(k, 0);
        u128 reach = reach_[0];
        for (std::size_t i = 0; i < k; ++i) {
            before[i] = reach;
            reach += u128(as[i]) + bs[i];
            frontier[i] = half_top(reach) + 1;
        }
        value* d = data_.data();
        // The mirror's sources for unit i: [W_i - h(W_i + a_i + b_i), h(W_i)] (empty if h does
        // not grow); they must be final for unit i - 1 before unit i starts.
        auto mirror_low = [&](std::size_t i) -> u128 {
            const u128 top = frontier[i] - 1;
            if (top <= half_top(before[i])) return top + 1; // no mirror: no condition
            return before[i] >= top ? before[i] - top : 0;
        };
        auto at = [&](u128 s) { return d + static_cast<std::size_t>(s); };
        auto start = [&](std::size_t i) { // cells [h(W_i) + 1, frontier) := c(W_i - s), 0 past W_i
            const u128 w = before[i], lo = half_top(w) + 1, hi = frontier[i];
            const u128 mid = std::max(lo, std::min<u128>(hi, w + 1));
            // The sources lie below lo (lo > W_i / 2 whenever the range is not empty).
            if (lo < mid) std::reverse_copy(at(w - (mid - 1)), at(w - lo) + 1, at(lo));
            std::fill(at(mid), at(std::max(mid, hi)), value{});
            started[i] = 1;
        };
        auto apply = [&](std::size_t i, u128 from, u128 to) { // cells [from, to), top down
            const u128 a = as[i], b = bs[i], ab = a + b;
            for (u128 top = to; top > from;) {
                u128 lo = top - std::min<u128>(top - from, a);
                if (b == 0) {
                    ring_.add_rows(at(lo), at(lo - a), static_cast<std::size_t>(top - lo));
                } else if (lo >= ab || top > ab) {
                    if (lo < ab) lo = ab; // the cells below a + b have fewer sources: next block
                    if constexpr (adds_three_rows<Ring>)
                        ring_.add_three_rows(at(lo), at(lo - a), at(lo - b), at(lo - ab),
                                             static_cast<std::size_t>(top - lo));
                } else { // a <= t < a + b: t - a, and t - b from t = b (both below lo)
                    ring_.add_rows(at(lo), at(lo - a), static_cast<std::size_t>(top - lo));
                    const u128 from_b = std::max(lo, b);
                    if (from_b < top)
                        ring_.add_rows(at(from_b), at(from_b - b), static_cast<std::size_t>(top - from_b));
                }
                top = lo;
            }
        };
        for (bool busy = true; busy;) {
            busy = false;
            for (std::size_t i = 0; i < k; ++i) {
                const u128 bottom = as[i];
                if (!started[i]) {
                    const bool previous_done =
                        i == 0 || (started[i - 1] &&
                                   (frontier[i - 1] <= as[i - 1] || frontier[i - 1] <= mirror_low(i)));
                    if (!previous_done) {
                        busy = true;
                        continue;
                    }
                    start(i);
                }
                if (frontier[i] <= bottom) continue;
                u128 target;
                if (i == 0) {
                    target = frontier[0] > bottom + k_sweep_chunk ? frontier[0] - k_sweep_chunk : bottom;
                } else if (frontier[i - 1] <= as[i - 1]) {
                    target = bottom; // below its own bottom the previous unit never changes a cell
                } else {
                    target = std::max<u128>(frontier[i - 1] + as[i] + bs[i], bottom);
                }
                if (target < frontier[i]) {
                    apply(i, target, frontier[i]);
                    frontier[i] = target;
                }
                busy = busy || frontier[i] > bottom;
            }
        }
        reach_[0] = reach;
    }

    /// By size in one dimension the rows hold cumulative counts from the start, F(k, s) = number
    /// of k-coalitions weighing at most s: multiplying by (1 + y x^v) commutes with the
    /// 1 / (1 - x) that turns counts into their prefix sums, so the table starts from the empty
    /// coalition's cumulative row and needs no serial prefix-sum pass at the end (that pass, one
    /// dependent modular addition per cell, was most of a Shapley-Shubik count on 78 players).
    bool cumulative() const { return sized_ && ext_.size() == 1; }

    /// dst(t) += src(t - v) over the destination band, for cumulative rows. A row is stored up
    /// to its heaviest coalition so far (reach) and is constant beyond it, so that tail is left
    /// implicit: the cells this player's coalitions newly reach are first filled with the row's
    /// last value, and nothing is added past them (adding the source's last value to the whole
    /// tail, for every player and row, cost as much as the table itself). Every cell up to the
    /// band's top is real at the end, since the final reach (the k heaviest weights) is at least
    /// the band's top. Below the source band the source is 0; a band cut at the quota ends at
    /// q - 1, so t = s + v then lies past every band.
    void add_shift_cumulative(std::size_t src_row, std::size_t dst_row, std::uint64_t v) {
        const u128 sl = lo_[src_row], dl = lo_[dst_row], dh = hi_[dst_row];
        const u128 top = std::min<u128>(hi_[src_row], reach_[src_row]); // source constant beyond
        if (top < sl) return;                                           // no coalition yet
        value* src = data_.data() + off_[src_row];
        value* dst = data_.data() + off_[dst_row];
        const u128 reach = reach_[dst_row];
        const u128 new_top = std::min<u128>(top + v, dh);
        if (reach < new_top && reach >= dl) { // (reach < dl: no coalition yet, the cells hold 0)
            const value last = dst[static_cast<std::size_t>(reach - dl)];
            std::fill(dst + static_cast<std::size_t>(reach + 1 - dl),
                      dst + static_cast<std::size_t>(new_top + 1 - dl), last);
        }
        // Cells t = s + v with s in [max(sl, dl - v), min(top, dh - v)] take src(s).
        const u128 s_lo = dl > sl + v ? dl - v : sl;
        if (dh >= v) {
            const u128 s_hi = std::min<u128>(top, dh - v);
            if (s_lo <= s_hi)
                ring_.add_rows(dst + static_cast<std::size_t>(s_lo + v - dl),
                               src + static_cast<std::size_t>(s_lo - sl),
                               static_cast<std::size_t>(s_hi - s_lo + 1));
        }
        // Real cells past top + v (only if players came heaviest first: the build sorts them
        // lightest first, so top + v is the new reach) take the saturated src(top).
        const u128 t_lo = std::max<u128>(top + v + 1, dl), t_hi = std::min<u128>(reach, dh);
        if (t_lo <= t_hi)
            ring_.add_const(dst + static_cast<std::size_t>(t_lo - dl),
                            static_cast<std::size_t>(t_hi - t_lo + 1),
                            src[static_cast<std::size_t>(top - sl)]);
    }

    void shift_slab(std::size_t d, const value* src, value* dst, const std::vector<std::uint64_t>& v,
                    bool inplace) {
        const std::size_t D = ext_.size();
        if (v[d] >= ext_[d]) return;
        const std::size_t len = static_cast<std::size_t>(ext_[d] - v[d]);
        if (d + 1 == D) {
            value* t = dst + v[d];
            if (inplace) {
                for (std::size_t x = len; x-- > 0;) t[x] = ring_.add(t[x], src[x]);
            } else {
                for (std::size_t x = 0; x < len; ++x) t[x] = ring_.add(t[x], src[x]);
            }
            return;
        }
        for (std::size_t x = len; x-- > 0;)
            shift_slab(d + 1, src + x * stride_[d], dst + (x + v[d]) * stride_[d], v, inplace);
    }

    void prefix_sums() {
        const std::size_t D = ext_.size();
        for (std::size_t k = 0; k < rows_; ++k) {
            if (lo_[k] > hi_[k]) continue;
            value* base = data_.data() + off_[k];
            const std::size_t len0 = static_cast<std::size_t>(hi_[k] - lo_[k] + 1);
            const std::size_t total = len0 * inner_;
            if (D == 1) {
                if constexpr (sums_prefixes<Ring>) {
                    ring_.prefix_sums(base, total);
                } else {
                    for (std::size_t idx = 1; idx < total; ++idx)
                        base[idx] = ring_.add(base[idx], base[idx - 1]);
                }
                continue;
            }
            // Along each dimension d, add the cell one step lower in d.
            for (std::size_t d = 0; d < D; ++d) {
                const std::size_t st = d == 0 ? inner_ : stride_[d];
                const std::size_t e = d == 0 ? len0 : static_cast<std::size_t>(ext_[d]);
                for (std::size_t idx = 0; idx < total; ++idx) {
                    const std::size_t coord = (idx / st) % e;
                    if (coord) base[idx] = ring_.add(base[idx], base[idx - st]);
                }
            }
        }
    }

    const Ring& ring_;
    std::vector<std::uint64_t> ext_;
    std::vector<std::size_t> stride_;
    std::size_t inner_ = 1;
    bool sized_;
    std::size_t n_, rows_ = 1;
    std::vector<std::uint64_t> lo_, hi_;
    std::vector<u128> reach_;
    std::vector<std::size_t> off_;
    std::vector<value> data_;
};

// Inclusion-exclusion over the majorities and players of equal weights.
/// Player classes: players with equal weight vectors have equal counts.
struct classes {
    std::vector<std::vector<std::uint64_t>> weights; // per class
    std::vector<std::size_t> of;                     // class of each player
};
// Inclusion-exclusion over the majorities: the majorities in `mask`, whether the term is
// subtracted (an odd number of them), and their quotas.
struct subset_term {
    std::vector<std::size_t> dims;
    bool negative;
    std::vector<std::uint64_t> quotas;
};
inline subset_term majority_subset(const weighted_game& g, std::size_t mask) {
    subset_term t;
    for (std::size_t d = 0; d < g.majorities.size(); ++d)
        if ((mask >> d) & 1u) t.dims.push_back(d);
    t.negative = t.dims.size() & 1u;
    for (auto d : t.dims) t.quotas.push_back(g.majorities[d].quota);
    return t;
}

inline classes group(const weighted_game& g) {
    classes c;
    std::map<std::vector<std::uint64_t>, std::size_t> seen;
    const std::size_t n = g.player_count();
    c.of.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::vector<std::uint64_t> v;
        for (const auto& m : g.majorities) v.push_back(m.weights[i]);
        auto [it, fresh] = seen.emplace(v, c.weights.size());
        if (fresh) c.weights.push_back(v);
        c.of[i] = it->second;
    }
    return c;
}

} // namespace power_dp_detail

template <class Ring>
weighted_game_counts<typename Ring::value> count_weighted_game_in(const Ring& ring, const weighted_game& g,
                                                                  bool by_size,
                                                                  const std::function<void(double)>& step) {
    using namespace power_dp_detail;
    using value = typename Ring::value;
    const std::size_t n = g.player_count(), M = g.majorities.size();
    if (M == 0 || M > 8)
        throw error(errc::unsupported, "power indices: the dynamic programme handles 1 to 8 majorities");
    for (const auto& m : g.majorities) {
        std::uint64_t total = 0;
        for (auto x : m.weights) total = x > UINT64_MAX - total ? UINT64_MAX : total + x;
        if (m.weights.size() != n || m.quota < 1 || m.quota > total)
            throw error(errc::invalid, "power indices: every majority needs one weight per player and "
                                       "a quota from 1 to its total weight");
    }
    const classes cls = group(g);
    weighted_game_counts<value> out;
    out.n = n;
    out.by_size = by_size;
    out.flat.assign(n + (by_size ? n * n : 0) + 1, value{});
    value& winning = out.flat.back();
    winning = ring.pow2(n); // D = {} term
    const std::size_t subsets = std::size_t{1} << M;
    std::size_t done = 0;
    for (std::size_t mask = 1; mask < subsets; ++mask) {
        // Named copies, not a structured binding: lambdas below capture them (Clang 14 cannot
        // capture structured bindings).
        const subset_term term = majority_subset(g, mask);
        const auto& dims = term.dims;
        const bool negative = term.negative;
        const auto& ext = term.quotas;
        std::vector<std::vector<std::uint64_t>> w(n);
        for (std::size_t j = 0; j < n; ++j)
            for (auto d : dims) w[j].push_back(g.majorities[d].weights[j]);
        count_table<Ring> t(ring, ext, by_size, w);
        t.build(w, [&](double f) {
            if (step) step((double(done) + f) / double(subsets - 1));
        });
        ++done;
        auto acc = [&](value& into, const value& x) {
            into = negative ? ring.sub(into, x) : ring.add(into, x);
        };
        std::vector<std::int64_t> q(dims.size()), qw(dims.size());
        for (std::size_t x = 0; x < dims.size(); ++x) q[x] = static_cast<std::int64_t>(ext[x]);
        // Winning coalitions of the whole game.
        for (std::size_t k = 0; k < t.rows(); ++k) acc(winning, t.F(k, q.data()));
        // Per class of players: with - without.
        std::vector<std::uint64_t> v(dims.size());
        for (std::size_t c = 0; c < cls.weights.size(); ++c) {
            for (std::size_t x = 0; x < dims.size(); ++x) {
                v[x] = cls.weights[c][dims[x]];
                qw[x] = q[x] - static_cast<std::int64_t>(std::min<std::uint64_t>(v[x], ext[x]));
            }
            std::vector<value> per_k(by_size ? n : 1, value{});
            for (std::size_t k = 0; k < per_k.size(); ++k)
                per_k[k] = ring.sub(t.F_without(k, qw.data(), v.data()), t.F_without(k, q.data(), v.data()));
            for (std::size_t i = 0; i < n; ++i) {
                if (cls.of[i] != c) continue;
                for (std::size_t k = 0; k < per_k.size(); ++k) {
                    acc(out.flat[i], per_k[k]);
                    if (by_size) acc(out.flat[n + i * n + k], per_k[k]);
                }
            }
        }
    }
    return out;
}

} // namespace v0
} // namespace accord
