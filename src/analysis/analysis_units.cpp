// What sweeps, tipping points and population SMAA share (analysis_units.hpp).
#include "analysis_units.hpp"

#include "accord/error.hpp"

#include "../org/ballot_units.hpp"

#include <algorithm>
#include <cmath>

namespace accord {
inline namespace v0 {
namespace analysis_detail {

std::string level_of(const organisation& org, const std::string& level) {
    if (!level.empty()) return level;
    if (org.kinds().empty()) throw error(errc::invalid, "analysis: the organisation has no units");
    return org.kinds().front();
}

std::string winner_name(const result& r) {
    return r.winners.empty() ? std::string() : r.candidates.at(r.winners.front());
}

ballot_units units_of(const profile& p, const organisation& org, const std::string& level) {
    auto t = org_detail::tag(p, org, level);
    return {std::move(t.unit_of_ballot), std::move(t.voting_units)};
}

organisation with_populations(const organisation& org, const std::vector<std::uint64_t>& pops) {
    organisation out;
    for (std::uint32_t i = 0; i < org.size(); ++i) {
        org_unit c = org[i];
        c.parent = k_no_parent;
        c.population = pops[i];
        out.add(std::move(c));
    }
    for (std::uint32_t i = 0; i < org.size(); ++i)
        if (org[i].parent != k_no_parent) out.set_parent(i, org[i].parent);
    out.sort_kinds();
    out.sum_populations();
    return out;
}

std::vector<std::uint64_t> noisy_populations(const organisation& org, const std::vector<std::uint32_t>& units,
                                             double sigma, random_source& rng) {
    std::vector<std::uint64_t> pops(org.size());
    for (std::uint32_t i = 0; i < org.size(); ++i) pops[i] = org[i].population;
    for (const auto u : units) {
        const double x = static_cast<double>(pops[u]) * std::max(0.0, 1 + sigma * rng.normal());
        pops[u] = static_cast<std::uint64_t>(std::llround(x));
    }
    return pops;
}

void check_progress(const std::function<bool(std::size_t, std::size_t)>& progress, std::size_t done,
                    std::size_t total, const char* what) {
    if (progress && !progress(done, total))
        throw error(errc::cancelled, std::string(what) + ": cancelled after " + std::to_string(done) +
                                         " of " + std::to_string(total));
}

} // namespace analysis_detail
} // namespace v0
} // namespace accord
