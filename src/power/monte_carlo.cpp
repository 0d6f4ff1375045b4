// Monte Carlo estimates of the Banzhaf and Shapley-Shubik indices, with confidence intervals.
// Only when the caller asks (power_method::monte_carlo): the results say exact = false.
#include "power_internal.hpp"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace accord {
inline namespace v0 {
namespace power_detail {
namespace {

/// Wilson score interval for a binomial proportion (Wilson 1927).
std::pair<double, double> wilson(double hits, double trials, double z) {
    const double p = hits / trials, z2 = z * z;
    const double centre = (p + z2 / (2 * trials)) / (1 + z2 / trials);
    const double half = z * std::sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials)) / (1 + z2 / trials);
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

} // namespace

power_result monte_carlo(const weighted_game& g, const power_options& opt) {
    const std::size_t n = g.player_count(), M = g.majorities.size();
    if (opt.indices & ~(index_banzhaf | index_shapley_shubik))
        throw error(errc::unsupported,
                    "power indices: Monte Carlo estimates only Banzhaf and Shapley-Shubik");
    if (opt.samples == 0) throw error(errc::invalid, "power indices: Monte Carlo needs samples >= 1");
    if (!(opt.confidence > 0 && opt.confidence < 1))
        throw error(errc::invalid, "power indices: confidence must lie in (0, 1)");
    const double z = boost::math::quantile(boost::math::normal(), 0.5 + opt.confidence / 2);
    power_result r;
    r.method = "monte-carlo";
    r.exact = false;
    r.samples = opt.samples;
    r.confidence = opt.confidence;
    std::mt19937_64 rng(opt.seed);
    const double trials = double(opt.samples);
    const std::uint64_t tick_every = std::max<std::uint64_t>(1, opt.samples / 100);
    if (opt.indices & index_banzhaf) {
        // A uniform random coalition of the others: i swings with probability swings_i / 2^(n-1).
        std::vector<std::uint64_t> hits(n, 0);
        std::vector<std::uint64_t> sum(M);
        std::vector<char> in(n);
        for (std::uint64_t s = 0; s < opt.samples; ++s) {
            std::fill(sum.begin(), sum.end(), 0);
            for (std::size_t j = 0; j < n; j += 64) {
                const std::uint64_t bits = rng();
                for (std::size_t b = 0; b < 64 && j + b < n; ++b) in[j + b] = (bits >> b) & 1u;
            }
            for (std::size_t j = 0; j < n; ++j)
                if (in[j])
                    for (std::size_t d = 0; d < M; ++d) sum[d] += g.majorities[d].weights[j];
            for (std::size_t i = 0; i < n; ++i) {
                bool with = true, without = true;
                for (std::size_t d = 0; d < M; ++d) {
                    const auto& m = g.majorities[d];
                    const std::uint64_t rest = in[i] ? sum[d] - m.weights[i] : sum[d];
                    with = with && rest + m.weights[i] >= m.quota;
                    without = without && rest >= m.quota;
                }
                if (with && !without) ++hits[i];
            }
            if (s % tick_every == 0) tick(opt.progress, 0.5 * double(s) / trials);
        }
        auto& a = r.banzhaf_absolute;
        a.value.resize(n), a.lower.resize(n), a.upper.resize(n);
        double total = 0, lo_total = 0, hi_total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            a.value[i] = double(hits[i]) / trials;
            std::tie(a.lower[i], a.upper[i]) = wilson(double(hits[i]), trials, z);
            total += a.value[i], lo_total += a.lower[i], hi_total += a.upper[i];
        }
        // Normalised: ratio of estimates; the interval combines the per-player intervals
        // conservatively (own bound against the others' opposite bounds).
        auto& b = r.banzhaf;
        b.value.resize(n), b.lower.resize(n), b.upper.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            b.value[i] = total > 0 ? a.value[i] / total : 0;
            const double others_hi = hi_total - a.upper[i], others_lo = lo_total - a.lower[i];
            b.lower[i] = a.lower[i] + others_hi > 0 ? a.lower[i] / (a.lower[i] + others_hi) : 0;
            b.upper[i] = a.upper[i] + others_lo > 0 ? a.upper[i] / (a.upper[i] + others_lo) : 1;
        }
    }
    if (opt.indices & index_shapley_shubik) {
        // A uniform random order: the pivot (who first makes the coalition win) scores.
        std::vector<std::uint64_t> hits(n, 0);
        std::vector<std::size_t> perm(n);
        std::iota(perm.begin(), perm.end(), 0);
        std::vector<std::uint64_t> sum(M);
        for (std::uint64_t s = 0; s < opt.samples; ++s) {
            std::shuffle(perm.begin(), perm.end(), rng);
            std::fill(sum.begin(), sum.end(), 0);
            for (auto p : perm) {
                bool ok = true;
                for (std::size_t d = 0; d < M; ++d) {
                    sum[d] += g.majorities[d].weights[p];
                    ok = ok && sum[d] >= g.majorities[d].quota;
                }
                if (ok) {
                    ++hits[p];
                    break;
                }
            }
            if (s % tick_every == 0) tick(opt.progress, 0.5 + 0.5 * double(s) / trials);
        }
        auto& v = r.shapley_shubik;
        v.value.resize(n), v.lower.resize(n), v.upper.resize(n);
        for (std::size_t i = 0; i < n; ++i) {
            v.value[i] = double(hits[i]) / trials;
            std::tie(v.lower[i], v.upper[i]) = wilson(double(hits[i]), trials, z);
        }
    }
    r.notes.push_back("Monte Carlo ESTIMATES from " + std::to_string(opt.samples) + " samples (seed " +
                      std::to_string(opt.seed) +
                      "); intervals are per-player Wilson intervals at confidence " +
                      std::to_string(opt.confidence));
    tick(opt.progress, 1);
    return r;
}

} // namespace power_detail
} // namespace v0
} // namespace accord
