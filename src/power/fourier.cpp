// Banzhaf swing probabilities of a large one-majority game from its characteristic function,
// with a proven error bound (for games such as England's 1,297 PCNs, where exact counting is
// out of reach: n q = 4e10 steps per residue pass and some 22 passes).
//
// X = sum_{j != i} w_j B_j with B_j independent fair coins; player i swings iff X lies in
// [q - w_i, q - 1], so swings_i / 2^(n-1) = Pr(X in that window). Reduce X modulo an odd N and
// invert the discrete Fourier transform:
//   Pr(X mod N in A) = (1/N) sum_t phi_i(t) D_A(t),  phi_i(t) = prod_{j != i} (1 + e(t w_j / N)) / 2
//   = e(t (W - w_i) / 2N) prod_{j != i} cos(pi t w_j / N),  D_A(t) = sum_{s in A} e(-t s / N).
// Three errors, each bounded and added up:
//  1. aliasing (values of X a multiple of N away from the window): N is chosen so those lie at
//     least d from the mean, and Hoeffding (1963) bounds Pr(|X - EX| >= d) <= 2 exp(-2 d^2 / sum w^2);
//  2. truncation (|t| > T): |phi_i(t)| <= product of any subset of its cosines, accumulated
//     for each t until the product without its smallest factor is below eps (valid for every i),
//     and |D_A(t)| <= 1 / |sin(pi t / N)|;
//  3. rounding in the T summed terms: a relative error of (n + 64) units of 2^-53 per term.
#include "power_internal.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace accord {
inline namespace v0 {

namespace {
__extension__ typedef unsigned __int128 u128f;
/// cos(pi * k / N) with k reduced exactly modulo 2N first.
double cos_pi_frac(u128f k, std::uint64_t N) {
    const std::uint64_t r = static_cast<std::uint64_t>(k % (2 * static_cast<u128f>(N)));
    return std::cos(std::numbers::pi * (double(r) / double(N)));
}
double angle_pi_frac(u128f k, std::uint64_t N) {
    const std::uint64_t r = static_cast<std::uint64_t>(k % (2 * static_cast<u128f>(N)));
    return std::numbers::pi * (double(r) / double(N));
}
} // namespace

banzhaf_bound_result banzhaf_fourier(const weighted_game& g, double target_error,
                                     const std::function<bool(double)>& progress) {
    validate(g);
    if (g.majorities.size() != 1)
        throw error(errc::unsupported, "banzhaf_fourier: one weighted majority only");
    const auto& m = g.majorities[0];
    const std::size_t n = m.weights.size();
    const std::uint64_t q = m.quota;
    long double W = 0, sum_sq = 0;
    std::uint64_t wmax = 0;
    for (auto w : m.weights) W += w, sum_sq += (long double)w * w, wmax = std::max(wmax, w);
    if (sum_sq == 0) throw error(errc::invalid, "banzhaf_fourier: all weights are zero");
    const double eps = std::max(1e-300, target_error * 1e-3);

    // 1. Aliasing. Choose d with 2 exp(-2 d^2 / sum w^2) <= eps, and N so that every alias of
    // the window is at least d from the mean of X (which is within w_max/2 of W/2).
    const long double d = std::sqrt(sum_sq * std::log(2.0L / eps) / 2.0L);
    const long double mean_gap = std::fabs((long double)q - W / 2) + 1.5L * wmax + 2;
    std::uint64_t N = static_cast<std::uint64_t>(std::ceil(d + mean_gap)) + 1;
    N = std::min<std::uint64_t>(N, static_cast<std::uint64_t>(W) + 1); // no aliasing at all beyond W
    if (N % 2 == 0) ++N;
    const double alias_error = N > W ? 0.0 : double(2.0L * std::exp(-2.0L * d * d / sum_sq));

    // 2. The summed band |t| <= T: where the Gaussian envelope exp(-pi^2 t^2 sum w^2 / 2N^2)
    // still matters, with a margin; everything beyond is bounded, not assumed.
    const double T_est = double(N) / std::numbers::pi * std::sqrt(2.0 * std::log(1.0 / eps) / double(sum_sq));
    const std::uint64_t T = std::min<std::uint64_t>((N - 1) / 2, static_cast<std::uint64_t>(4 * T_est) + 16);

    banzhaf_bound_result out;
    out.absolute.assign(n, 0.0);
    const double u = std::ldexp(1.0, -53);
    const double delta = 8 * u; // bound on |computed cos - true cos| after exact reduction mod 2N
    std::vector<long double> acc(n, 0.0L), err(n, 0.0L);
    std::vector<double> c(n), pre(n + 1), suf(n + 1), preb(n + 1), sufb(n + 1);
    for (std::uint64_t t = 1; t <= T; ++t) {
        for (std::size_t j = 0; j < n; ++j) c[j] = cos_pi_frac((u128f)t * m.weights[j], N);
        // prod_{j != i} cos, and the same with |cos| + delta, by prefix and suffix products
        // (no division, so a near-zero factor costs nothing in accuracy).
        pre[0] = preb[0] = 1;
        for (std::size_t j = 0; j < n; ++j)
            pre[j + 1] = pre[j] * c[j], preb[j + 1] = preb[j] * (std::fabs(c[j]) + delta);
        suf[n] = sufb[n] = 1;
        for (std::size_t j = n; j-- > 0;)
            suf[j] = suf[j + 1] * c[j], sufb[j] = sufb[j + 1] * (std::fabs(c[j]) + delta);
        const double sin1 = std::sin(angle_pi_frac(t, N));
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t wi = m.weights[i];
            if (wi == 0) continue;
            const double amp = pre[i] * suf[i + 1];
            const double bound = preb[i] * sufb[i + 1];
            // window A = [a, a + L - 1], a = q - w_i, L = w_i; phase of phi_i is pi t (W - w_i) / N;
            // D(t) = e^{-i pi t (2a + L - 1) / N} sin(pi t L / N) / sin(pi t / N).
            const std::uint64_t a = q > wi ? q - wi : 0, L = q - a;
            const double sinL = std::sin(angle_pi_frac((u128f)t * L, N));
            const double phase = angle_pi_frac((u128f)t * (static_cast<std::uint64_t>(W) - wi), N);
            const double dphase = angle_pi_frac((u128f)t * (2 * a + L - 1), N);
            const double dmag = std::fabs(sinL / sin1);
            acc[i] += amp * (sinL / sin1) * std::cos(phase - dphase);
            // |true - computed| <= (bound - |amp|) |D| + rounding of the product and of D.
            err[i] +=
                ((bound - std::fabs(amp)) + bound * double(n + 32) * u) * (dmag * (1 + 64 * u) + 64 * u) +
                1e-300;
        }
        if (progress && (t & 63) == 0) power_detail::tick(progress, 0.5 * double(t) / double(T));
    }
    double fp_error = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint64_t wi = m.weights[i];
        const std::uint64_t a = q > wi ? q - wi : 0, L = q - a;
        out.absolute[i] = double((double(L) + 2.0L * acc[i]) / (long double)N);
        fp_error = std::max(fp_error, double(2.0L * err[i] / N) + 8 * u);
    }

    // 3. Truncation: for t in (T, N/2], bound |phi_i(t)| by the product of the cosines of the
    // heaviest players, without the smallest factor, stopping once below eps.
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](auto x, auto y) { return m.weights[x] > m.weights[y]; });
    long double tail = 0;
    const std::uint64_t half = (N - 1) / 2;
    for (std::uint64_t t = T + 1; t <= half; ++t) {
        double prod = 1, smallest = 1;
        for (std::size_t x = 0; x < n; ++x) {
            const double cf =
                std::min(1.0, std::fabs(cos_pi_frac((u128f)t * m.weights[order[x]], N)) + delta);
            if (cf < smallest) {
                prod *= smallest; // the previous smallest becomes an ordinary factor
                smallest = cf;
            } else {
                prod *= cf;
            }
            if (prod < eps) break;
        }
        // |D(t)| <= 1 / sin(pi t / N); two conjugate terms; 1/N.
        tail += (long double)prod / std::sin(std::numbers::pi * double(t) / double(N));
        if (progress && (t & 0xFFFF) == 0)
            power_detail::tick(progress, 0.5 + 0.5 * double(t - T) / double(half - T));
    }
    const double trunc_error = double(2.0L * tail / N) * (1 + 1e-9);
    out.absolute_error = alias_error + trunc_error + fp_error;
    out.frequencies = static_cast<std::size_t>(T);

    // Normalised: x_i / sum x_j, with each x within delta of the truth.
    double S = 0;
    for (auto x : out.absolute) S += x;
    const double dlt = out.absolute_error;
    out.normalised.resize(n);
    double nerr = 0;
    for (std::size_t i = 0; i < n; ++i) {
        out.normalised[i] = out.absolute[i] / S;
        const double lo = (out.absolute[i] - dlt) / (S + double(n) * dlt);
        const double hi = (out.absolute[i] + dlt) / (S - double(n) * dlt);
        nerr = std::max({nerr, std::fabs(out.normalised[i] - lo), std::fabs(hi - out.normalised[i])});
    }
    out.normalised_error = nerr * (1 + 1e-9) + 4 * u;
    power_detail::tick(progress, 1);
    return out;
}

} // namespace v0
} // namespace accord
