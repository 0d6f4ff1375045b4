// Kendall and Spearman comparisons of rankings with ties.
#include "accord/analysis/compare.hpp"

#include <cmath>

namespace accord {
inline namespace v0 {

std::vector<double> mid_ranks(const ranking_tiers& r, std::size_t n) {
    std::vector<double> pos(n, -1);
    std::size_t place = 1;
    for (const auto& tier : r) {
        const double mid = static_cast<double>(place) + (static_cast<double>(tier.size()) - 1) / 2;
        for (cand_t c : tier) {
            if (c >= n) throw error(errc::invalid, "ranking names a candidate out of range");
            if (pos[c] >= 0) throw error(errc::invalid, "ranking lists a candidate twice");
            pos[c] = mid;
        }
        place += tier.size();
    }
    std::size_t missing = 0;
    for (double p : pos) missing += p < 0;
    const double mid = static_cast<double>(place) + (static_cast<double>(missing) - 1) / 2;
    for (double& p : pos)
        if (p < 0) p = mid;
    return pos;
}

ranking_comparison compare_rankings(const ranking_tiers& a, const ranking_tiers& b, std::size_t n) {
    const auto ra = mid_ranks(a, n), rb = mid_ranks(b, n);
    ranking_comparison out;
    out.pairs = n * (n - 1) / 2;
    std::size_t concordant = 0, ties_a = 0, ties_b = 0;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) {
            const double da = ra[i] - ra[j], db = rb[i] - rb[j];
            if (da == 0) ++ties_a;
            if (db == 0) ++ties_b;
            if ((da == 0) != (db == 0))
                ++out.tied_one;
            else if (da != 0 && (da > 0) != (db > 0))
                ++out.discordant;
            else if (da != 0)
                ++concordant;
        }
    const double denom = std::sqrt(double(out.pairs - ties_a) * double(out.pairs - ties_b));
    out.kendall_tau_b = denom > 0 ? (double(concordant) - double(out.discordant)) / denom : 0;
    out.kendall_distance =
        out.pairs ? (double(out.discordant) + 0.5 * double(out.tied_one)) / double(out.pairs) : 0;
    double ma = 0, mb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        ma += ra[i];
        mb += rb[i];
        out.footrule += std::abs(ra[i] - rb[i]);
        if (ra[i] != rb[i]) out.moved.push_back(static_cast<cand_t>(i));
    }
    ma /= double(n);
    mb /= double(n);
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sab += (ra[i] - ma) * (rb[i] - mb);
        saa += (ra[i] - ma) * (ra[i] - ma);
        sbb += (rb[i] - mb) * (rb[i] - mb);
    }
    out.spearman_rho = saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0;
    return out;
}

} // namespace v0
} // namespace accord
