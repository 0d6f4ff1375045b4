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
// Counts are exact: wrap-around 128-bit arithmetic when n <= 127 (every count is < 2^127), else
// residues modulo enough 62-bit primes, reconstructed by the Chinese remainder theorem.
// See docs/methods/power.md.
#include "power_internal.hpp"

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
};

struct ring_u64 { // exact when every count is below 2^64 (n <= 63)
    using value = std::uint64_t;
    value add(value a, value b) const { return a + b; }
    value sub(value a, value b) const { return a - b; }
    value half(value a) const { return a >> 1; }
    value from(std::uint64_t a) const { return a; }
    value pow2(std::size_t e) const { return e >= 64 ? 0 : std::uint64_t{1} << e; }
    big_int to_big(value a) const { return big_int(a); }
};

struct ring_mod {
    using value = std::uint64_t;
    std::uint64_t p;
    value add(value a, value b) const {
        const value s = a + b;
        return s >= p ? s - p : s;
    }
    value sub(value a, value b) const { return a >= b ? a - b : a + (p - b); }
    value half(value a) const { return (a & 1) ? static_cast<value>((u128(a) + p) >> 1) : a >> 1; }
    value from(std::uint64_t a) const { return a % p; }
    value pow2(std::size_t e) const {
        value r = 1 % p;
        for (std::size_t i = 0; i < e; ++i) r = add(r, r);
        return r;
    }
};

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

/// Largest primes below 2^62, as many as needed for a product above 2^bits.
std::vector<std::uint64_t> primes_for(std::size_t bits) {
    std::vector<std::uint64_t> ps;
    std::uint64_t c = (std::uint64_t{1} << 62) - 1;
    std::size_t have = 0;
    while (have <= bits) {
        while (!is_prime(c)) c -= 2;
        ps.push_back(c);
        have += 61; // each prime exceeds 2^61
        c -= 2;
    }
    return ps;
}

/// Tables larger than this are refused (errc::unsupported).
constexpr std::size_t k_max_bytes = std::size_t{1} << 29; // 512 MiB
constexpr std::size_t k_max_cells = k_max_bytes / 16;

/// Counts of coalitions by weight in the dimensions of D (each below its quota), optionally by
/// size too; after build(), holds inclusive prefix sums for F queries.
template <class Ring>
class count_table {
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
        off_.assign(rows_ + 1, 0);
        for (std::size_t k = 0; k < rows_; ++k) {
            const std::size_t len = lo_[k] <= hi_[k] ? static_cast<std::size_t>(hi_[k] - lo_[k] + 1) : 0;
            off_[k + 1] = off_[k] + len * inner_;
            if (off_[k + 1] > k_max_bytes / sizeof(value))
                throw error(errc::unsupported, "power indices: the dynamic programme needs more than 512 MiB (" +
                                                   std::string(sized_ ? "by size and weight" : "by weight") +
                                                   "); use a smaller game or method monte_carlo");
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
        for (std::size_t jj = 0; jj < n_; ++jj) {
            const auto& v = w[order[jj]];
            if (sized_) {
                for (std::size_t k = std::min(jj + 1, n_); k >= 1; --k) {
                    add_shift(k - 1, k, v, false);
                    reach_[k] = std::max<u128>(reach_[k], reach_[k - 1] + v[0]);
                }
            } else {
                add_shift(0, 0, v, true);
                reach_[0] += v[0];
            }
            if (step) step(double(jj + 1) / double(n_));
        }
        prefix_sums();
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
    void add_shift(std::size_t src_row, std::size_t dst_row, const std::vector<std::uint64_t>& v, bool inplace) {
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
                for (std::size_t x = len; x-- > 0;) t[x] = ring_.add(t[x], s[x]);
            } else {
                for (std::size_t x = 0; x < len; ++x) t[x] = ring_.add(t[x], s[x]);
            }
            return;
        }
        for (std::uint64_t s0 = b + 1; s0-- > a;) {
            shift_slab(1, src + (s0 - sl) * inner_, dst + (s0 + v[0] - dl) * inner_, v, inplace);
        }
    }

    void shift_slab(std::size_t d, const value* src, value* dst, const std::vector<std::uint64_t>& v, bool inplace) {
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
        const auto [dims, negative, ext] = majority_subset(g, mask);
        std::vector<std::vector<std::uint64_t>> w(n);
        for (std::size_t j = 0; j < n; ++j)
            for (auto d : dims) w[j].push_back(g.majorities[d].weights[j]);
        count_table<Ring> t(ring, ext, L.ss, w);
        t.build(w, [&](double f) { if (step) step((double(done) + f) / double(subsets - 1)); });
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

/// Exact values of one pass's outputs: directly from 128-bit counts, or by CRT from residues.
std::vector<big_int> exact_counts(const weighted_game& g, const layout& L, const classes& cls,
                                  const std::function<void(double)>& step) {
    const std::size_t n = g.player_count();
    std::vector<big_int> out(L.size());
    if (n <= 63) {
        ring_u64 ring;
        auto v = count_pass(ring, g, cls, L, step);
        for (std::size_t x = 0; x < v.size(); ++x) out[x] = ring.to_big(v[x]);
        return out;
    }
    if (n <= 126) {
        ring_u128 ring;
        auto v = count_pass(ring, g, cls, L, step);
        for (std::size_t x = 0; x < v.size(); ++x) out[x] = ring.to_big(v[x]);
        return out;
    }
    // Every count is at most 2^n: primes whose product exceeds 2^(n+1) determine it.
    const auto primes = primes_for(n + 1);
    big_int modulus = 1;
    for (std::size_t r = 0; r < primes.size(); ++r) {
        ring_mod ring{primes[r]};
        auto v = count_pass(ring, g, cls, L, [&](double f) {
            if (step) step((double(r) + f) / double(primes.size()));
        });
        // Garner step: x += modulus * ((v - x) / modulus mod p).
        const std::uint64_t p = primes[r];
        const std::uint64_t minv = powmod(static_cast<std::uint64_t>(big_int(modulus % p).convert_to<std::uint64_t>()), p - 2, p);
        for (std::size_t x = 0; x < v.size(); ++x) {
            if (r == 0) {
                out[x] = v[x];
                continue;
            }
            const std::uint64_t cur = big_int(out[x] % p).convert_to<std::uint64_t>();
            const std::uint64_t diff = v[x] >= cur ? v[x] - cur : v[x] + (p - cur);
            out[x] += modulus * big_int(mulmod(diff, minv, p));
        }
        modulus *= p;
    }
    return out;
}

// ---- Owen and Banzhaf-Owen ------------------------------------------------------------------

/// For i in union k: the sets R of other unions are counted by a table over the unions (with
/// union k divided out), the sets T of i's partners by a small sparse table (size, weight).
void owen_dp(const weighted_game& g, power_result& r, unsigned want, const std::function<void(double)>& step) {
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
        const auto [dims, negative, ext] = majority_subset(g, mask);
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
                        b[x] = a[x] - static_cast<std::int64_t>(std::min<std::uint64_t>(g.majorities[dims[x]].weights[i], ext[x]));
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
/// order), S = T + m with T among the players before m and w(T) in [q - w_m, q - 1]. The table
/// of the players before m grows by one player per step; a member i of T is divided out by the
/// alternating series.
void minimal_winning_dp(const weighted_game& g, power_result& r, unsigned want,
                        const std::function<void(double)>& step) {
    const std::size_t n = g.player_count();
    if (n > 126) throw error(errc::unsupported, "power indices: Holler/Deegan-Packel programme handles at most 126 players");
    const auto& maj = g.majorities[0];
    const std::uint64_t q = maj.quota;
    const bool sized = want & index_deegan_packel;
    ring_u128 ring;
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return maj.weights[a] > maj.weights[b]; });
    std::vector<u128> mwc(n, 0), total_by_size(n + 1, 0);
    std::vector<std::vector<u128>> by_size(n, std::vector<u128>(n + 1, 0));
    u128 total = 0;
    // Raw counts by (size, weight < q) of subsets of the prefix, grown one player at a time.
    const std::size_t rows = sized ? n + 1 : 1;
    if (rows * q > k_max_cells)
        throw error(errc::unsupported, "power indices: Holler/Deegan-Packel programme needs more than 512 MiB");
    std::vector<u128> raw(rows * q, 0), cum(rows * q, 0);
    raw[0] = 1;
    auto cumF = [&](std::size_t k, std::int64_t a) -> u128 { // #{size k, weight < a}
        if (a <= 0 || k >= rows) return 0;
        return cum[k * q + static_cast<std::size_t>(std::min<std::int64_t>(a, std::int64_t(q)) - 1)];
    };
    auto without = [&](std::size_t k, std::int64_t a, std::uint64_t v) -> u128 {
        if (!sized && v == 0) return cumF(0, a) >> 1;
        u128 acc = 0;
        for (std::size_t mm = 0;; ++mm) {
            if (sized && mm > k) break;
            if (a <= 0) break;
            const u128 f = cumF(sized ? k - mm : 0, a);
            acc = (mm & 1) ? acc - f : acc + f;
            a -= static_cast<std::int64_t>(v);
        }
        return acc;
    };
    for (std::size_t pos = 0; pos < n; ++pos) {
        const std::size_t mplayer = order[pos];
        const std::uint64_t wm = maj.weights[mplayer];
        // cum = prefix sums of raw along weight.
        for (std::size_t k = 0; k < rows; ++k) {
            u128 s = 0;
            for (std::size_t x = 0; x < q; ++x) cum[k * q + x] = s += raw[k * q + x];
        }
        if (wm > 0) {
            const std::int64_t hi = std::int64_t(q), lo = std::int64_t(q) - std::int64_t(std::min(wm, q));
            for (std::size_t k = 0; k < rows; ++k) {
                const u128 c = cumF(k, hi) - cumF(k, lo); // T of size k with w(T) in [q - wm, q - 1]
                if (!c) continue;
                total += c;
                mwc[mplayer] += c;
                if (sized) total_by_size[k + 1] += c, by_size[mplayer][k + 1] += c;
            }
            for (std::size_t pi = 0; pi < pos; ++pi) {
                const std::size_t i = order[pi];
                const std::uint64_t wi = maj.weights[i];
                const std::int64_t hi2 = hi - std::int64_t(wi), lo2 = lo - std::int64_t(wi);
                for (std::size_t k = 0; k + 1 < rows || (!sized && k == 0); ++k) {
                    // T = T' + i with |T'| = k, w(T') in [q - wm - wi, q - 1 - wi], T' avoiding i.
                    const u128 c = without(k, hi2, wi) - without(k, lo2, wi);
                    if (c) {
                        mwc[i] += c;
                        if (sized) by_size[i][k + 2] += c;
                    }
                    if (!sized) break;
                }
            }
        }
        // Add player m to the prefix: raw[k][x] += raw[k-1][x - wm] (sizes descending).
        if (sized) {
            if (wm < q)
                for (std::size_t k = rows - 1; k >= 1; --k)
                    for (std::size_t x = q; x-- > wm;) raw[k * q + x] += raw[(k - 1) * q + x - wm];
        } else if (wm == 0) {
            for (auto& x : raw) x <<= 1;
        } else if (wm < q) {
            for (std::size_t x = q; x-- > wm;) raw[x] += raw[x - wm];
        }
        if (step) step(double(pos + 1) / double(n));
    }
    r.minimal_winning.resize(n);
    big_int member_total = 0;
    for (std::size_t i = 0; i < n; ++i) {
        r.minimal_winning[i] = ring.to_big(mwc[i]);
        member_total += r.minimal_winning[i];
    }
    r.minimal_winning_total = ring.to_big(total);
    if (want & index_holler) {
        r.holler.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) r.holler.exact[i] = rational(r.minimal_winning[i], member_total);
        fill_doubles(r.holler);
    }
    if (sized) {
        r.deegan_packel.exact.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            rational acc = 0;
            for (std::size_t s = 1; s <= n; ++s)
                if (by_size[i][s]) acc += rational(ring.to_big(by_size[i][s]), big_int(s));
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
    const bool counts = want & (index_banzhaf | index_shapley_shubik | index_coleman);
    const bool owen = want & (index_owen | index_banzhaf_owen);
    const bool mwc = want & (index_holler | index_deegan_packel);
    const double parts = double(counts) + double(owen) + double(mwc);
    double base = 0;
    auto stage = [&](double f) { tick(opt.progress, (base + f) / parts); };
    if (counts) {
        layout L{n, bool(want & index_shapley_shubik)};
        auto v = exact_counts(g, L, cls, stage);
        r.swings.assign(v.begin(), v.begin() + n);
        r.winning_coalitions = v[L.winning()];
        if (want & (index_banzhaf | index_coleman)) finish_banzhaf(r, n, want & index_coleman);
        if (L.ss) {
            // phi_i = sum_k k! (n-1-k)! eta_ik / n!  (Shapley & Shubik 1954).
            std::vector<big_int> coef(n);
            for (std::size_t k = 0; k < n; ++k) coef[k] = factorial(k) * factorial(n - 1 - k);
            const big_int nf = factorial(n);
            r.shapley_shubik.exact.resize(n);
            for (std::size_t i = 0; i < n; ++i) {
                big_int acc = 0;
                for (std::size_t k = 0; k < n; ++k)
                    if (v[L.ss_at(i, k)] != 0) acc += coef[k] * v[L.ss_at(i, k)];
                r.shapley_shubik.exact[i] = rational(acc, nf);
            }
            fill_doubles(r.shapley_shubik);
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
            throw error(errc::unsupported, "power indices: Holler/Deegan-Packel programme handles one majority");
        minimal_winning_dp(g, r, want, stage);
        base += 1;
    }
    tick(opt.progress, 1);
    return r;
}

} // namespace power_detail
} // namespace v0
} // namespace accord
