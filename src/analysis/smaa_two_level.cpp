// SMAA over populations for two-stage counts and two-level weightings (population_smaa hands
// these over): each sample perturbs the registered populations and runs the exact weighted count,
// run_weighted, so a sample means what `accord run` with those populations would mean.
#include "smaa_two_level.hpp"

#include "accord/error.hpp"

#include "analysis_units.hpp"

#include <cmath>
#include <map>

namespace accord {
inline namespace v0 {
namespace {

/// Each unit's effective share of the count (the central-weight parameters): the two-level
/// shares, or for a two-stage count under one scheme, the group's share times the unit's share
/// of its group under the scheme computed over every unit (as run_weighted weighs them).
std::vector<double> effective_shares(const organisation& org, const std::vector<std::uint32_t>& units,
                                     const population_smaa_options& opt) {
    std::vector<double> out(units.size(), 0.0);
    if (opt.group_scheme) {
        const auto rep =
            compute_two_level_weights(org, units, opt.scheme, *opt.group_scheme, opt.group_level);
        for (std::size_t k = 0; k < units.size(); ++k) out[k] = to_double(rep.units.units[k].share);
        return out;
    }
    const auto rep = compute_weights(org, units, opt.scheme);
    if (opt.mode != aggregation_mode::two_stage) {
        for (std::size_t k = 0; k < units.size(); ++k) out[k] = to_double(rep.units[k].share);
        return out;
    }
    std::vector<std::uint32_t> groups, group_of(units.size());
    std::map<std::uint32_t, rational> inside; // group -> sum of its units' shares
    for (std::size_t k = 0; k < units.size(); ++k) {
        group_of[k] = org.ancestor(units[k], opt.group_level);
        if (!inside.count(group_of[k])) groups.push_back(group_of[k]);
        inside[group_of[k]] += rep.units[k].share;
    }
    weighting_scheme gs = opt.scheme;
    if (gs.kind == scheme_kind::group_equal) gs.kind = scheme_kind::equal;
    const auto grep = compute_weights(org, groups, gs);
    std::map<std::uint32_t, rational> gshare;
    for (const auto& g : grep.units) gshare[g.unit] = g.share;
    for (std::size_t k = 0; k < units.size(); ++k) {
        const rational& in = inside[group_of[k]];
        if (sign(in) > 0) out[k] = to_double(gshare[group_of[k]] * rep.units[k].share / in);
    }
    return out;
}

} // namespace

acceptability two_level_smaa(const profile& p, const organisation& org, const population_smaa_options& opt) {
    if (opt.sampler != population_sampler::population_noise)
        throw error(errc::unsupported,
                    "population_smaa: two-stage counts and two-level weightings are sampled by "
                    "perturbing populations (the population sampler); simplex, dirichlet and "
                    "bootstrap apply to one-level pooled or normalised counts");
    if (!(opt.sigma >= 0)) throw error(errc::invalid, "population_smaa: sigma must be >= 0");
    const auto units = population_smaa_units(p, org, opt.level);
    aggregate_options ao;
    ao.mode = opt.mode;
    ao.level = opt.level;
    ao.group_level = opt.group_level;
    ao.group_scheme = opt.group_scheme;
    // The rule counts inside each group and across them (a two-stage count's defaults: METHOD is
    // the outer rule, and the inner one unless named); inner/outer are refused in other modes.
    // The observed count must be possible: a wrong option is an error, not 100% incomplete.
    (void)run_weighted(p, org, opt.scheme, opt.rule, opt.rule_options, ao);
    const sampler f = [&](random_source& rng, std::size_t) -> sample_outcome {
        sample_outcome o;
        const organisation noisy = analysis_detail::with_populations(
            org, analysis_detail::noisy_populations(org, units, opt.sigma, rng));
        try {
            o.parameters = effective_shares(noisy, units, opt);
            o.count = run_weighted(p, noisy, opt.scheme, opt.rule, opt.rule_options, ao);
        } catch (const error& e) {
            // Noise can make a weighting impossible (every unit of a group drawn down to nobody,
            // a cap that no longer holds): no count, reported among the incomplete samples.
            if (e.code() != errc::invalid) throw;
            o.count = result{};
            o.count.candidates = p.candidate_names();
            o.parameters.assign(units.size(), 0.0);
        }
        return o;
    };
    return monte_carlo(p.candidate_count(), f, opt.monte_carlo);
}

} // namespace v0
} // namespace accord
