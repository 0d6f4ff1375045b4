// Synthetic electorates and the portable random source behind them.
#include "accord/analysis/generate.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace accord {
inline namespace v0 {

std::uint64_t random_source::below(std::uint64_t n) {
    if (n == 0) throw error(errc::invalid, "random_source::below(0)");
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    std::uint64_t x;
    do x = rng_();
    while (x >= limit);
    return x % n;
}

double random_source::normal() {
    if (has_spare_) {
        has_spare_ = false;
        return spare_;
    }
    double u, v, s;
    do {
        u = 2 * uniform() - 1;
        v = 2 * uniform() - 1;
        s = u * u + v * v;
    } while (s >= 1 || s == 0);
    const double f = std::sqrt(-2 * std::log(s) / s);
    spare_ = v * f;
    has_spare_ = true;
    return u * f;
}

double random_source::gamma(double shape) {
    if (!(shape > 0) || !std::isfinite(shape))
        throw error(errc::invalid, "gamma shape must be positive and finite");
    if (shape < 1) {
        // Gamma(a) = Gamma(a + 1) * U^(1/a).
        double u;
        do u = uniform();
        while (u == 0);
        return gamma(shape + 1) * std::pow(u, 1 / shape);
    }
    const double d = shape - 1.0 / 3, c = 1 / std::sqrt(9 * d);
    while (true) {
        double x, v;
        do {
            x = normal();
            v = 1 + c * x;
        } while (v <= 0);
        v = v * v * v;
        const double u = uniform();
        if (u < 1 - 0.0331 * x * x * x * x) return d * v;
        if (u > 0 && std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) return d * v;
    }
}

std::vector<double> random_source::dirichlet(std::span<const double> alpha) {
    std::vector<double> g;
    dirichlet(alpha, g);
    return g;
}

void random_source::dirichlet(std::span<const double> alpha, std::vector<double>& g) {
    // Logarithms are needed only when every draw underflows (small alpha). For shape >= 1 the
    // logarithm is a function of the draw, taken afterwards; for shape < 1 it comes from the
    // boost's own random numbers, in the same order as gamma(): Gamma(a) = Gamma(a + 1) * U^(1/a)
    // underflows to 0 when a is small (1e-4: below 1e-308 for most U), log U / a does not.
    const std::size_t n = alpha.size();
    g.resize(n);
    std::vector<double> lg; // the boosted draws' logarithms, only when some shape is below 1
    double sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double shape = alpha[i];
        if (!(shape > 0) || !std::isfinite(shape) || shape >= 1) {
            g[i] = gamma(shape);
        } else {
            if (lg.empty()) lg.assign(n, std::numeric_limits<double>::quiet_NaN());
            double u;
            do u = uniform();
            while (u == 0);
            const double g1 = gamma(shape + 1);
            g[i] = g1 * std::pow(u, 1 / shape);
            lg[i] = std::log(g1) + std::log(u) / shape;
        }
        sum += g[i];
    }
    if (sum > 0 && std::isfinite(sum)) {
        for (double& x : g) x /= sum;
        return;
    }
    // Every draw underflowed: 0 / 0 made NaN shares, and SMAA then reported a near-certain
    // winner. Normalise in log space instead: exp(l - max l), the largest being 1.
    if (lg.empty()) lg.assign(n, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t i = 0; i < n; ++i)
        if (std::isnan(lg[i])) lg[i] = std::log(g[i]);
    const double m = *std::max_element(lg.begin(), lg.end());
    sum = 0;
    for (std::size_t i = 0; i < n; ++i) sum += g[i] = lg[i] == m ? 1.0 : std::exp(lg[i] - m);
    for (double& x : g) x /= sum;
}

std::vector<std::string> default_candidate_names(std::size_t n) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < n; ++i)
        if (n <= 26)
            names.emplace_back(1, static_cast<char>('A' + i));
        else
            names.push_back(std::string("C").append(std::to_string(i + 1)));
    return names;
}

namespace {
void check_size(std::size_t candidates) {
    if (candidates == 0) throw error(errc::invalid, "a generated profile needs at least one candidate");
    if (candidates > 100000) throw error(errc::invalid, "too many candidates for a generated profile");
}
} // namespace

profile impartial_culture(std::size_t candidates, std::size_t voters, std::uint64_t seed) {
    check_size(candidates);
    random_source rs(seed);
    profile p(default_candidate_names(candidates));
    std::vector<cand_t> order(candidates);
    for (std::size_t v = 0; v < voters; ++v) {
        std::iota(order.begin(), order.end(), 0);
        for (std::size_t i = candidates - 1; i > 0; --i) std::swap(order[i], order[rs.below(i + 1)]);
        p.add_order(order);
    }
    return p;
}

profile mallows(std::size_t candidates, std::span<const cand_t> center, double phi, std::size_t voters,
                std::uint64_t seed) {
    check_size(candidates);
    if (!(phi >= 0 && phi <= 1)) throw error(errc::invalid, "mallows: phi must be in [0, 1]");
    if (center.size() != candidates)
        throw error(errc::invalid, "mallows: the center must rank every candidate");
    std::vector<char> seen(candidates, 0);
    for (cand_t c : center) {
        if (c >= candidates || seen[c])
            throw error(errc::invalid, "mallows: the center must be a permutation");
        seen[c] = 1;
    }
    random_source rs(seed);
    profile p(default_candidate_names(candidates));
    // Insertion probabilities for step i (0-based, i+1 slots): slot j has weight phi^(i - j).
    std::vector<std::vector<double>> cdf(candidates);
    for (std::size_t i = 0; i < candidates; ++i) {
        cdf[i].resize(i + 1);
        double total = 0;
        for (std::size_t j = 0; j <= i; ++j) total += cdf[i][j] = std::pow(phi, static_cast<double>(i - j));
        double acc = 0;
        for (std::size_t j = 0; j <= i; ++j) cdf[i][j] = (acc += cdf[i][j] / total);
    }
    std::vector<cand_t> order;
    for (std::size_t v = 0; v < voters; ++v) {
        order.clear();
        for (std::size_t i = 0; i < candidates; ++i) {
            const double u = rs.uniform();
            std::size_t j =
                static_cast<std::size_t>(std::upper_bound(cdf[i].begin(), cdf[i].end(), u) - cdf[i].begin());
            j = std::min(j, i);
            order.insert(order.begin() + static_cast<std::ptrdiff_t>(j), center[i]);
        }
        p.add_order(order);
    }
    return p;
}

profile plackett_luce(std::span<const double> strengths, std::size_t voters, std::uint64_t seed) {
    check_size(strengths.size());
    for (double s : strengths)
        if (!(s > 0) || !std::isfinite(s))
            throw error(errc::invalid, "plackett_luce: strengths must be positive and finite");
    random_source rs(seed);
    const std::size_t n = strengths.size();
    // Strengths near 1e308 overflow their sum to infinity (and u * inf - inf is NaN): then they
    // are scaled by the largest, which leaves every choice probability as it was.
    std::vector<double> scaled;
    double sum = 0;
    for (double s : strengths) sum += s;
    if (!std::isfinite(sum)) {
        const double top = *std::max_element(strengths.begin(), strengths.end());
        for (double s : strengths) scaled.push_back(s / top);
        strengths = scaled;
    }
    profile p(default_candidate_names(n));
    std::vector<cand_t> order, left;
    for (std::size_t v = 0; v < voters; ++v) {
        left.resize(n);
        std::iota(left.begin(), left.end(), 0);
        order.clear();
        while (!left.empty()) {
            double total = 0;
            for (cand_t c : left) total += strengths[c];
            double u = rs.uniform() * total;
            std::size_t k = 0;
            for (; k + 1 < left.size(); ++k) {
                u -= strengths[left[k]];
                if (u < 0) break;
            }
            order.push_back(left[k]);
            left.erase(left.begin() + static_cast<std::ptrdiff_t>(k));
        }
        p.add_order(order);
    }
    return p;
}

profile spatial(std::size_t candidates, std::size_t voters, std::size_t dimensions, std::uint64_t seed) {
    check_size(candidates);
    if (dimensions == 0) throw error(errc::invalid, "spatial: dimensions must be at least 1");
    random_source rs(seed);
    std::vector<double> cpos(candidates * dimensions);
    for (double& x : cpos) x = rs.uniform();
    profile p(default_candidate_names(candidates));
    std::vector<double> vpos(dimensions), dist(candidates);
    std::vector<cand_t> order(candidates);
    for (std::size_t v = 0; v < voters; ++v) {
        for (double& x : vpos) x = rs.uniform();
        for (std::size_t c = 0; c < candidates; ++c) {
            double d = 0;
            for (std::size_t k = 0; k < dimensions; ++k) {
                const double diff = vpos[k] - cpos[c * dimensions + k];
                d += diff * diff;
            }
            dist[c] = d;
        }
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](cand_t a, cand_t b) { return dist[a] < dist[b]; });
        p.add_order(order);
    }
    return p;
}

profile resample(const profile& source, std::size_t voters, std::uint64_t seed) {
    if (source.unique_count() == 0) throw error(errc::invalid, "resample: the source profile has no ballots");
    if (source.total_count() > UINT64_MAX) throw error(errc::overflow, "resample: source too large");
    const auto total = source.total_count().convert_to<std::uint64_t>();
    std::vector<std::uint64_t> cum(source.unique_count());
    std::uint64_t acc = 0;
    for (std::size_t i = 0; i < cum.size(); ++i) cum[i] = acc += source.counts()[i];
    random_source rs(seed);
    std::vector<std::uint64_t> drawn(cum.size(), 0);
    for (std::size_t v = 0; v < voters; ++v) {
        const std::uint64_t x = rs.below(total);
        ++drawn[static_cast<std::size_t>(std::upper_bound(cum.begin(), cum.end(), x) - cum.begin())];
    }
    profile p(source.candidate_names(), source.kind());
    for (const auto& u : source.units()) p.intern_unit(u);
    for (cand_t c = 0; c < source.candidate_count(); ++c)
        if (source.withdrawn(c)) p.set_withdrawn(c);
    for (std::size_t i = 0; i < drawn.size(); ++i) {
        if (!drawn[i]) continue;
        auto b = source.ballot(i);
        p.add(b.marks, drawn[i], b.weight ? *b.weight : rational(1), b.unit);
    }
    p.title = source.title;
    p.seats = source.seats;
    p.costs = source.costs;
    p.budget = source.budget;
    return p;
}

} // namespace v0
} // namespace accord
