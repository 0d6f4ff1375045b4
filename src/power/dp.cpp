// Exact power indices by generating functions (dynamic programming over weight sums).
//
// The product P(x) = prod_j (1 + x^{w_j}) counts coalitions by weight; truncated below the quota
// it is built once in O(n q), and player i's factor is divided out of its cumulative sums by an
// alternating series, F_i(a) = sum_m (-1)^m F(a - m w_i), which costs O(q / w_i) per query
// instead of a second O(n q) pass. Shapley-Shubik adds the coalition size as a dimension,
// P(x, y) = prod_j (1 + y x^{w_j}), stored only in the band of weights a k-coalition can reach.
// Several majorities are handled by inclusion-exclusion over the subsets D of majorities: the
// count of coalitions meeting all of them is sum_D (-1)^|D| #{s_d < q_d for d in D}, and each
// term needs a table only over the product of the quotas in D.
// Counts are exact: 64-bit words when n <= 63 (every count is < 2^64), else residues modulo
// enough primes below 2^15 in 16-bit cells (vectorised row additions, one pass per prime, the
// passes in parallel), reconstructed by the Chinese remainder theorem (src/power/residues.cpp).
// See docs/methods/power.md.
#include "power_internal.hpp"
#include "residues.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace accord {
inline namespace v0 {
namespace power_detail {
namespace {

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
        if (need > static_cast<long double>(max_table_bytes()))
            throw power_detail::table_too_large(errc::unsupported,
                                                "power indices: the dynamic programme (" +
                                                    std::string(sized_ ? "by size and weight" : "by weight") +
                                                    ") needs a " + detail::format_bytes(need) +
                                                    " table, more than " + table_limit_words());
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
                // The group's window (its weights plus a chunk each) stays within 1 MiB, so it
                // is swept from L2 rather than from memory once per player.
                const std::size_t cells = static_cast<std::size_t>(std::min<std::uint64_t>(v[0], hi_[0] + 1));
                if (!group.empty() &&
                    (group.size() == 16 ||
                     (group_cells + cells + (group.size() + 1) * k_sweep_chunk) * sizeof(value) >
                         (std::size_t{1} << 20)))
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

    static constexpr std::size_t k_sweep_chunk = 8192;

    /// Counts by weight alone in one dimension: the product of players so far, of total weight
    /// W, is a palindrome (c(s) = c(W - s): complement within those players), so only its lower
    /// half is built, and the cells above it come from the mirror when a player needs them.
    bool symmetric() const { return !sized_ && ext_.size() == 1; }
    /// The top stored cell while the players so far weigh `total` in all.
    u128 half_top(u128 total) const { return std::min<u128>(hi_[0], total / 2); }

    /// Multiplies in several players' (1 + x^v) on the one unsized row, in one sweep from the
    /// top: the table passes the quota's 63 MB for England's PCNs, and a pass per player read
    /// and wrote all of it from memory. Player i's update t += t - v_i (top down, in blocks of at
    /// most v_i cells, so it reads only cells it has not updated) may run at cell t once every
    /// lighter player of the group is done at t - v_i: so the first player steps down a chunk at
    /// a time and each later one follows at its predecessor's frontier plus its own weight, and
    /// the group's working set is that window. Weights are positive and ascending.
    ///
    /// Only the lower half of each product is built (symmetric()): player i, after players of
    /// total weight W_i, turns cells [0, h(W_i)] into [0, h(W_i + v_i)] (h = half_top). The new
    /// cells above h(W_i) first take the old product's mirror, c(s) = c(W_i - s), read from
    /// cells the previous player must have finished and player i not yet begun; then the usual
    /// update runs over [v_i, h(W_i + v_i)], whose sources t - v_i all lie in the old half.
    /// England's 1,297 PCNs: 1.6e10 cell updates a pass instead of 2.6e10.
    void add_players_swept(const std::vector<std::uint64_t>& vs) {
        const std::size_t k = vs.size();
        // frontier[i]: player i has updated every cell at or above it; it has nothing to do below
        // v_i (no source) or above the new half's top.
        std::vector<u128> frontier(k), before(k);
        std::vector<char> started(k, 0);
        u128 reach = reach_[0];
        for (std::size_t i = 0; i < k; ++i) {
            before[i] = reach;
            reach += vs[i];
            frontier[i] = half_top(reach) + 1;
        }
        value* d = data_.data();
        // The mirror's sources for player i: [W_i - h(W_i + v_i), h(W_i)] (empty if h does not
        // grow); they must be final for player i - 1 before player i starts.
        auto mirror_low = [&](std::size_t i) -> u128 {
            const u128 top = frontier[i] - 1;
            if (top <= half_top(before[i])) return top + 1; // no mirror: no condition
            return before[i] >= top ? before[i] - top : 0;
        };
        auto start = [&](std::size_t i) {
            const u128 w = before[i];
            for (u128 s = half_top(w) + 1; s < frontier[i]; ++s)
                d[static_cast<std::size_t>(s)] = s <= w ? d[static_cast<std::size_t>(w - s)] : value{};
            started[i] = 1;
        };
        auto apply = [&](std::size_t i, u128 from, u128 to) { // cells [from, to), top down
            const u128 v = vs[i];
            for (u128 top = to; top > from;) {
                const u128 c = std::min<u128>(top - from, v);
                top -= c;
                ring_.add_rows(d + static_cast<std::size_t>(top), d + static_cast<std::size_t>(top - v),
                               static_cast<std::size_t>(c));
            }
        };
        for (bool busy = true; busy;) {
            busy = false;
            for (std::size_t i = 0; i < k; ++i) {
                const u128 bottom = vs[i];
                if (!started[i]) {
                    const bool previous_done =
                        i == 0 || (started[i - 1] &&
                                   (frontier[i - 1] <= vs[i - 1] || frontier[i - 1] <= mirror_low(i)));
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
                } else {
                    // Below its own bottom the previous player never changes a cell.
                    const u128 ready = frontier[i - 1] <= vs[i - 1] ? 0 : frontier[i - 1];
                    target = std::max<u128>(ready + vs[i], bottom);
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
                for (std::size_t idx = 1; idx < total; ++idx) base[idx] = ring_.add(base[idx], base[idx - 1]);
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

/// What one pass in one ring computes, laid out flat so residues can be reconstructed.
struct layout {
    std::size_t n = 0;
    bool ss = false;
    std::size_t swings() const { return 0; }
    std::size_t ss_at(std::size_t i, std::size_t k) const { return n + i * n + k; }
    std::size_t winning() const { return n + (ss ? n * n : 0); }
    std::size_t size() const { return winning() + 1; }
};

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
subset_term majority_subset(const weighted_game& g, std::size_t mask) {
    subset_term t;
    for (std::size_t d = 0; d < g.majorities.size(); ++d)
        if ((mask >> d) & 1u) t.dims.push_back(d);
    t.negative = t.dims.size() & 1u;
    for (auto d : t.dims) t.quotas.push_back(g.majorities[d].quota);
    return t;
}

classes group(const weighted_game& g) {
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

/// One pass: Banzhaf swings (and by size for Shapley-Shubik) and the number of winning
/// coalitions, by inclusion-exclusion over subsets of majorities.
template <class Ring>
std::vector<typename Ring::value> count_pass(const Ring& ring, const weighted_game& g, const classes& cls,
                                             const layout& L, const std::function<void(double)>& step) {
    using value = typename Ring::value;
    const std::size_t n = g.player_count(), M = g.majorities.size();
    std::vector<value> out(L.size(), value{});
    out[L.winning()] = ring.pow2(n); // D = {} term
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
        count_table<Ring> t(ring, ext, L.ss, w);
        t.build(w, [&](double f) {
            if (step) step((double(done) + f) / double(subsets - 1));
        });
        ++done;
        auto acc = [&](value& into, value x) { into = negative ? ring.sub(into, x) : ring.add(into, x); };
        std::vector<std::int64_t> q(dims.size()), qw(dims.size());
        for (std::size_t x = 0; x < dims.size(); ++x) q[x] = static_cast<std::int64_t>(ext[x]);
        // Winning coalitions of the whole game.
        for (std::size_t k = 0; k < t.rows(); ++k) acc(out[L.winning()], t.F(k, q.data()));
        // Per class of players: with - without.
        std::vector<std::uint64_t> v(dims.size());
        for (std::size_t c = 0; c < cls.weights.size(); ++c) {
            for (std::size_t x = 0; x < dims.size(); ++x) {
                v[x] = cls.weights[c][dims[x]];
                qw[x] = q[x] - static_cast<std::int64_t>(std::min<std::uint64_t>(v[x], ext[x]));
            }
            std::vector<value> per_k(L.ss ? n : 1, value{});
            for (std::size_t k = 0; k < per_k.size(); ++k)
                per_k[k] = ring.sub(t.F_without(k, qw.data(), v.data()), t.F_without(k, q.data(), v.data()));
            for (std::size_t i = 0; i < n; ++i) {
                if (cls.of[i] != c) continue;
                for (std::size_t k = 0; k < per_k.size(); ++k) {
                    acc(out[L.swings() + i], per_k[k]);
                    if (L.ss) acc(out[L.ss_at(i, k)], per_k[k]);
                }
            }
        }
    }
    return out;
}

/// Exact values of one pass's outputs, each handed to `consume`: every count is below 2^(n+1).
template <class Consume>
void exact_counts(const weighted_game& g, const layout& L, const classes& cls,
                  const std::function<void(double)>& step, unsigned threads, const Consume& consume) {
    exact_outputs_each(
        g.player_count() + 1, L.size(),
        [&](const auto& ring, const std::function<void(double)>& st) {
            return count_pass(ring, g, cls, L, st);
        },
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
    std::vector<big_int> owen_num(n, 0), bo_num(n, 0);
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
                    if (negative) {
                        bo_num[i] += cbig * per_bo;
                        owen_num[i] += cbig * per_owen * factorial(tsz) * factorial(pk - 1 - tsz);
                    } else {
                        bo_num[i] -= cbig * per_bo;
                        owen_num[i] -= cbig * per_owen * factorial(tsz) * factorial(pk - 1 - tsz);
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
    }
    if (want & index_owen) fill_doubles(r.owen);
    if (want & index_banzhaf_owen) fill_doubles(r.banzhaf_owen);
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
    const bool sized = want & index_deegan_packel;
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
    }
    if (sized) {
        r.deegan_packel.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            rational acc = 0;
            for (std::size_t sz = 1; sz <= n; ++sz)
                if (const auto& c = v[n + 1 + i * (n + 1) + sz]; c != 0) acc += rational(c, big_int(sz));
            r.deegan_packel.exact[i] = acc / rational(r.minimal_winning_total);
        }
        fill_doubles(r.deegan_packel);
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
    const classes cls = group(g);
    const bool counts =
        want & (index_banzhaf | index_shapley_shubik | index_coleman | index_chow | index_rae);
    const bool owen = want & (index_owen | index_banzhaf_owen);
    const bool mwc = want & (index_holler | index_deegan_packel | index_minimal_winning);
    const double parts = double(counts) + double(owen) + double(mwc);
    double base = 0;
    auto stage = [&](double f) { tick(opt.progress, (base + f) / parts); };
    if (counts) {
        layout L{n, bool(want & index_shapley_shubik)};
        // phi_i = sum_k k! (n-1-k)! eta_ik / n!  (Shapley & Shubik 1954), summed as the counts
        // eta_ik are reconstructed, so the n x n counts are never held as big integers.
        std::vector<big_int> coef(L.ss ? n : 0), acc(L.ss ? n : 0);
        for (std::size_t k = 0; k < coef.size(); ++k) coef[k] = factorial(k) * factorial(n - 1 - k);
        r.swings.resize(n);
        exact_counts(g, L, cls, stage, opt.threads, [&](std::size_t x, big_int&& v) {
            if (x < n)
                r.swings[x] = std::move(v);
            else if (x == L.winning())
                r.winning_coalitions = std::move(v);
            else if (v != 0) {
                const std::size_t i = (x - n) / n, k = (x - n) % n;
                acc[i] += coef[k] * v;
            }
        });
        if (want & (index_banzhaf | index_coleman)) finish_banzhaf(r, n, want & index_coleman);
        finish_chow_rae(r, n, want);
        if (L.ss) {
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
    tick(opt.progress, 1);
    return r;
}

} // namespace power_detail
} // namespace v0
} // namespace accord
