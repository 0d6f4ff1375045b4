// SMAA over populations, weights and voters (population SMAA) for one-level pooled or normalised
// counts; two-stage counts and two-level weightings go to smaa_two_level.cpp.
#include "accord/analysis/sweep.hpp"

#include "accord/error.hpp"
#include "accord/prepared.hpp"
#include "accord/registry.hpp"
#include "accord/rules/pairwise.hpp"

#include "analysis_units.hpp"
#include "smaa_two_level.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

namespace accord {
inline namespace v0 {
namespace {

using namespace analysis_detail;

/// A rule whose count is additive over ballots (the positional family): its scores are the sum
/// of each distinct ballot's own scores times its multiplicity, and its ranking orders the scored
/// candidates by score. `scaled[i][k]` is ballot i's score of cands[k] times a common
/// denominator, an exact integer.
struct additive_rule {
    std::vector<cand_t> cands;
    std::vector<std::vector<std::int64_t>> scaled;
};

/// For an additive rule, SMAA samples need neither a profile nor a count: each ballot's scores
/// are computed once by the rule itself (a count of that ballot alone, so the points, truncation
/// and options are the rule's), and a sample's exact scores are integer sums. That took SMAA with
/// Borda over 78 practices from building and counting 100,000 profiles to a few multiply-adds per
/// ballot. Empty when the rule is not known to be additive, when the scores do not fit in int64
/// at this resolution, or when the full count disagrees with the sum (checked once, exactly).
std::optional<additive_rule> additive_form(const profile& p, const std::string& rule,
                                           const std::string& options, std::uint64_t resolution) {
    const auto all = methods(); // the registry says which rules are additive
    const auto m = std::find_if(all.begin(), all.end(), [&](const method_info& i) {
        return i.name == rule || std::find(i.aliases.begin(), i.aliases.end(), rule) != i.aliases.end();
    });
    if (m == all.end() || !m->additive || p.kind() != ballot_kind::ranking || p.unique_count() == 0)
        return std::nullopt;
    const std::size_t n = p.candidate_count(), nb = p.unique_count();
    std::vector<std::vector<rational>> own(nb);
    additive_rule out;
    big_int lcm = 1;
    for (std::size_t i = 0; i < nb; ++i) {
        profile one(p.candidate_names(), p.kind());
        for (cand_t c = 0; c < n; ++c)
            if (p.withdrawn(c)) one.set_withdrawn(c);
        one.seats = p.seats;
        one.costs = p.costs;
        one.budget = p.budget;
        one.add(p.ballot(i).marks, 1);
        const result r = run(one, rule, options);
        std::vector<cand_t> scored;
        for (cand_t c = 0; c < n; ++c)
            if (c < r.scores.size() && r.scores[c]) {
                scored.push_back(c);
                own[i].push_back(*r.scores[c]);
                const big_int d = boost::multiprecision::denominator(*r.scores[c]);
                lcm = lcm / boost::multiprecision::gcd(lcm, d) * d;
            }
        if (i == 0)
            out.cands = scored;
        else if (scored != out.cands)
            return std::nullopt;
    }
    if (out.cands.empty() || lcm > big_int(1) << 40) return std::nullopt;
    // Multiplicities sum to about `resolution` (plus rounding, at most one per ballot).
    const double bound = 0x1p62 / (static_cast<double>(resolution) + static_cast<double>(nb) + 1);
    out.scaled.assign(nb, std::vector<std::int64_t>(out.cands.size()));
    for (std::size_t i = 0; i < nb; ++i)
        for (std::size_t k = 0; k < out.cands.size(); ++k) {
            const rational x = own[i][k] * lcm;
            if (boost::multiprecision::denominator(x) != 1 || std::abs(to_double(x)) > bound)
                return std::nullopt;
            out.scaled[i][k] = boost::multiprecision::numerator(x).convert_to<std::int64_t>();
        }
    // The full count must be the sum (weights included) and ranked by it.
    const result full = run(p, rule, options);
    std::vector<rational> sum(n, rational(0));
    for (std::size_t i = 0; i < nb; ++i) {
        const auto b = p.ballot(i);
        const rational w = b.weight ? rational(b.count) * *b.weight : rational(b.count);
        for (std::size_t k = 0; k < out.cands.size(); ++k) sum[out.cands[k]] += w * own[i][k];
    }
    for (std::size_t k = 0; k < out.cands.size(); ++k) {
        const cand_t c = out.cands[k];
        if (c >= full.scores.size() || !full.scores[c] || *full.scores[c] != sum[c]) return std::nullopt;
    }
    if (full.ranking != tiers_by_score(out.cands, sum)) return std::nullopt;
    return out;
}

} // namespace

// ---- SMAA over populations, weights and voters ---------------------------------------------

std::vector<std::uint32_t> population_smaa_units(const profile& p, const organisation& org,
                                                 const std::string& level) {
    return units_of(p, org, level_of(org, level)).units;
}

acceptability population_smaa(const profile& p, const organisation& org, const population_smaa_options& opt) {
    if (opt.mode == aggregation_mode::two_stage || opt.group_scheme) return two_level_smaa(p, org, opt);
    if (opt.resolution < 100) throw error(errc::invalid, "population_smaa: resolution must be at least 100");
    if (opt.sampler == population_sampler::population_noise && !(opt.sigma >= 0))
        throw error(errc::invalid, "population_smaa: sigma must be >= 0");
    if (opt.sampler == population_sampler::dirichlet && !(opt.alpha > 0))
        throw error(errc::invalid, "population_smaa: alpha must be > 0");
    const std::string level = level_of(org, opt.level);
    const auto bu = units_of(p, org, level);
    const std::size_t nu = bu.units.size(), nb = p.unique_count();
    std::vector<std::size_t> slot(org.size(), 0); // org index -> position in bu.units
    for (std::size_t k = 0; k < nu; ++k) slot[bu.units[k]] = k;
    std::vector<std::size_t> unit_slot(nb);
    std::vector<double> voters(nb); // count x weight of each distinct ballot
    std::size_t total_marks = 0;
    for (std::size_t i = 0; i < nb; ++i) total_marks += p.ballot(i).marks.size();
    for (std::size_t i = 0; i < nb; ++i) {
        const auto b = p.ballot(i);
        unit_slot[i] = slot[bu.of_ballot[i]];
        voters[i] = static_cast<double>(b.count) * (b.weight ? to_double(*b.weight) : 1.0);
    }
    // The scheme's shares at the observed populations (used by the bootstrap).
    std::vector<double> base_share(nu);
    {
        const auto rep = compute_weights(org, bu.units, opt.scheme);
        for (std::size_t k = 0; k < nu; ++k) base_share[k] = to_double(rep.units[k].share);
    }
    const std::vector<double> alpha(nu, opt.alpha);
    const bool pooled = opt.mode == aggregation_mode::pooled;
    const double R = static_cast<double>(opt.resolution);
    const auto additive = opt.additive_shortcut ? additive_form(p, opt.rule, opt.rule_options, opt.resolution)
                                                : std::optional<additive_rule>();

    // Each block of samples reweights its own copy of one profile holding every distinct ranking
    // once (the units dropped: the weights carry them) instead of building a profile per sample:
    // ballot i of p is ballot slot_of[i] of it. A sample that leaves some ballot of p with no
    // voters is built afresh as before, so the counted profile is always the same.
    auto empty_like_p = [&] {
        profile q(p.candidate_names(), p.kind());
        for (cand_t c = 0; c < p.candidate_count(); ++c)
            if (p.withdrawn(c)) q.set_withdrawn(c);
        q.seats = p.seats;
        q.costs = p.costs;
        q.budget = p.budget;
        q.reserve(nb, total_marks);
        return q;
    };
    profile base = empty_like_p();
    std::vector<std::size_t> slot_of(nb);
    for (std::size_t i = 0; i < nb; ++i) slot_of[i] = base.add(p.ballot(i).marks, 1);
    // The rule prepared once over base's ballots (include/accord/prepared.hpp): no options parsed
    // per sample, and for rules with a kernel (IRV, Schulze) no profile or result built either.
    const prepared_count counter = prepare(opt.rule, opt.rule_options, base);
    const bool kernel = opt.prepared_counts && counter.has_kernel();
    auto count = [&](const profile& x) {
        return opt.prepared_counts ? counter.count(x) : run(x, opt.rule, opt.rule_options);
    };

    // Per-block scratch, reused by the block's samples (one thread runs a block).
    struct scratch {
        std::vector<double> boot, unit_total, w;
        std::vector<std::uint64_t> mult;
    };
    auto make = [&]() -> sampler {
        auto q = std::make_shared<profile>(base);
        auto merged = std::make_shared<std::vector<std::uint64_t>>(q->unique_count());
        auto sc = std::make_shared<scratch>();
        return [&, q, merged, sc](random_source& rng, std::size_t) -> sample_outcome {
            sample_outcome o;
            std::vector<double> share(nu);
            const std::vector<double>* voters_now = &voters; // the bootstrap's resample otherwise
            switch (opt.sampler) {
            case population_sampler::population_noise: {
                // Each unit's population times max(0, 1 + sigma Z), rounded; the scheme re-run exactly.
                const auto pops = noisy_populations(org, bu.units, opt.sigma, rng);
                std::uint64_t left = 0;
                for (std::size_t k = 0; k < nu; ++k) left += pops[bu.units[k]];
                if (left == 0) { // every unit drawn down to nobody: no count, reported as incomplete
                    o.count.candidates = p.candidate_names();
                    o.parameters.assign(nu, 0.0);
                    return o;
                }
                const organisation noisy = with_populations(org, pops);
                const auto rep = compute_weights(noisy, bu.units, opt.scheme);
                for (std::size_t k = 0; k < nu; ++k) share[k] = to_double(rep.units[k].share);
                break;
            }
            case population_sampler::simplex:
            case population_sampler::dirichlet:
                rng.dirichlet(alpha, share);
                break;
            case population_sampler::bootstrap: {
                // Multinomial resample of the voters (same total), ballot by ballot.
                double total = 0;
                for (double x : voters) total += x;
                std::vector<double> cum(nb);
                double acc = 0;
                for (std::size_t i = 0; i < nb; ++i) cum[i] = acc += voters[i];
                auto& v = sc->boot;
                v.assign(nb, 0.0);
                const auto draws = static_cast<std::size_t>(std::llround(total));
                for (std::size_t d = 0; d < draws; ++d) {
                    const double x = rng.uniform() * acc;
                    const auto it = std::upper_bound(cum.begin(), cum.end(), x);
                    v[std::min<std::size_t>(static_cast<std::size_t>(it - cum.begin()), nb - 1)] += 1;
                }
                share = base_share;
                voters_now = &v;
                break;
            }
            }
            // Ballot weights: normalised = the unit's share split over its voters; pooled = every
            // voter carries the unit's share. Quantised to integer multiplicities (analysis only).
            const std::vector<double>& v = *voters_now;
            auto& unit_total = sc->unit_total;
            unit_total.assign(nu, 0.0);
            for (std::size_t i = 0; i < nb; ++i) unit_total[unit_slot[i]] += v[i];
            auto& w = sc->w;
            w.assign(nb, 0.0);
            double sum = 0;
            for (std::size_t i = 0; i < nb; ++i) {
                const std::size_t k = unit_slot[i];
                if (v[i] <= 0 || unit_total[k] <= 0) continue;
                w[i] = pooled ? share[k] * v[i] : share[k] * v[i] / unit_total[k];
                sum += w[i];
            }
            auto& mult = sc->mult;
            mult.resize(nb);
            for (std::size_t i = 0; i < nb; ++i)
                mult[i] = static_cast<std::uint64_t>(std::llround(sum > 0 ? R * w[i] / sum : 0.0));
            o.parameters = std::move(share);
            if (additive) {
                // Exact integer scores, ranked as the rule ranks them; a tie for first place is left
                // to the rule's own tie-break below.
                std::vector<std::int64_t> score(p.candidate_count(), 0);
                for (std::size_t i = 0; i < nb; ++i)
                    if (mult[i])
                        for (std::size_t k = 0; k < additive->cands.size(); ++k)
                            score[additive->cands[k]] +=
                                static_cast<std::int64_t>(mult[i]) * additive->scaled[i][k];
                o.count.ranking = tiers_by_score(additive->cands, score);
                if (o.count.ranking.front().size() == 1) {
                    o.count.candidates = p.candidate_names();
                    o.count.winners = {o.count.ranking.front().front()};
                    return o;
                }
            }
            std::fill(merged->begin(), merged->end(), 0);
            for (std::size_t i = 0; i < nb; ++i) (*merged)[slot_of[i]] += mult[i];
            if (kernel) {
                // The kernel's ranking and winners are the full count's (tests/prepared_test.cpp);
                // the acceptability needs nothing else, so the names are left empty.
                prepared_outcome k;
                if (counter.try_kernel(*merged, k)) {
                    o.count.candidates.resize(p.candidate_count());
                    o.count.ranking = std::move(k.ranking);
                    o.count.winners = std::move(k.winners);
                    return o;
                }
            }
            if (std::all_of(mult.begin(), mult.end(), [](std::uint64_t m) { return m > 0; })) {
                for (std::size_t j = 0; j < merged->size(); ++j) q->set_count(j, (*merged)[j]);
                o.count = count(*q);
                return o;
            }
            profile fresh = empty_like_p();
            for (std::size_t i = 0; i < nb; ++i)
                if (mult[i] > 0) fresh.add(p.ballot(i).marks, mult[i]);
            o.count = count(fresh);
            return o;
        };
    };
    return monte_carlo_blockwise(p.candidate_count(), make, opt.monte_carlo);
}

} // namespace v0
} // namespace accord
