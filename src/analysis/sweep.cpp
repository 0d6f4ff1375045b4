// Sweeps over weightings and rules, tipping points per unit, SMAA over populations.
#include "accord/analysis/sweep.hpp"

#include "accord/error.hpp"
#include "accord/prepared.hpp"
#include "accord/registry.hpp"
#include "accord/rules/pairwise.hpp"

#include "smaa_two_level.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>

namespace accord {
inline namespace v0 {
namespace {

std::string level_of(const organisation& org, const std::string& level) {
    if (!level.empty()) return level;
    if (org.kinds().empty()) throw error(errc::invalid, "analysis: the organisation has no units");
    return org.kinds().front();
}

std::string winner_name(const result& r) {
    return r.winners.empty() ? std::string() : r.candidates.at(r.winners.front());
}

/// Voting unit (org index at `level`) of each of the profile's unit tags.
std::vector<std::uint32_t> tag_units(const profile& p, const organisation& org, const std::string& level) {
    std::vector<std::uint32_t> map(p.units().size(), k_no_parent);
    for (std::size_t k = 0; k < p.units().size(); ++k) {
        auto u = org.find(p.units()[k]);
        if (!u) throw error(errc::not_found, "ballot unit '" + p.units()[k] + "' is not in the organisation");
        map[k] = org.ancestor(*u, level);
        if (map[k] == k_no_parent)
            throw error(errc::invalid,
                        "ballot unit '" + p.units()[k] + "' is not a " + level + " nor inside one");
    }
    return map;
}

/// Voting unit of every distinct ballot, and the distinct units in order of first appearance.
struct ballot_units {
    std::vector<std::uint32_t> of_ballot;
    std::vector<std::uint32_t> units;
};

ballot_units units_of(const profile& p, const organisation& org, const std::string& level) {
    const auto map = tag_units(p, org, level);
    ballot_units out;
    std::vector<char> seen(org.size(), 0);
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        if (b.unit == k_no_unit)
            throw error(errc::invalid, "ballot " + std::to_string(i + 1) +
                                           " has no unit; weighting needs every ballot tagged");
        const auto u = map[b.unit];
        out.of_ballot.push_back(u);
        if (!seen[u]) {
            seen[u] = 1;
            out.units.push_back(u);
        }
    }
    return out;
}

/// A copy of the organisation with the given leaf populations (group totals recomputed).
/// organisation has no population setter by design, so the tree is rebuilt.
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

organisation with_population(const organisation& org, std::uint32_t unit, std::uint64_t population) {
    std::vector<std::uint64_t> pops(org.size());
    for (std::uint32_t i = 0; i < org.size(); ++i) pops[i] = org[i].population;
    pops[unit] = population;
    return with_populations(org, pops);
}

/// The profile with the ballots of voting unit `u` scaled by f (dropped when f = 0).
profile scaled_unit(const profile& wp, const std::vector<std::uint32_t>& unit_of_ballot, std::uint32_t u,
                    const rational& f) {
    profile out(wp.candidate_names(), wp.kind());
    for (const auto& id : wp.units()) out.intern_unit(id);
    for (cand_t c = 0; c < wp.candidate_count(); ++c)
        if (wp.withdrawn(c)) out.set_withdrawn(c);
    out.seats = wp.seats;
    for (std::size_t i = 0; i < wp.unique_count(); ++i) {
        const auto b = wp.ballot(i);
        rational w = b.weight ? *b.weight : rational(1);
        if (unit_of_ballot[i] == u) {
            if (f == 0) continue;
            w *= f;
        }
        out.add(b.marks, b.count, w, b.unit);
    }
    return out;
}

/// Reports progress; a callback returning false cancels.
void check_progress(const std::function<bool(std::size_t, std::size_t)>& progress, std::size_t done,
                    std::size_t total, const char* what) {
    if (progress && !progress(done, total))
        throw error(errc::cancelled, std::string(what) + ": cancelled after " + std::to_string(done) +
                                         " of " + std::to_string(total));
}

rational approx(double x) {
    // Grid points need not be exact powers of 2^(1/s): six decimals suffice.
    return rational(static_cast<long long>(std::llround(x * 1e6)), 1000000);
}

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
    const auto m = std::find_if(all.begin(), all.end(), [&](const method_info& i) { return i.name == rule; });
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

// ---- sweep ---------------------------------------------------------------------------------

std::vector<sweep_entry> sweep(const profile& p, const organisation& org, const sweep_options& opt) {
    if (opt.schemes.empty() || opt.group_schemes.empty() || opt.modes.empty() || opt.rules.empty())
        throw error(errc::invalid, "sweep: give at least one scheme, one aggregation mode and one rule");
    std::vector<sweep_entry> out;
    const std::size_t total =
        opt.schemes.size() * opt.group_schemes.size() * opt.modes.size() * opt.rules.size();
    std::optional<std::size_t> base; // index of the first cell that counted
    for (const auto& s : opt.schemes)
        for (const auto& gs : opt.group_schemes)
            for (auto m : opt.modes)
                for (const auto& rule : opt.rules) {
                    aggregate_options ao;
                    ao.mode = m;
                    ao.level = opt.level;
                    ao.group_level = opt.group_level;
                    ao.group_scheme = gs;
                    // The rule counts inside each group and across them (a two-stage count's defaults: METHOD
                    // is the outer rule, and the inner one unless named); inner/outer are refused in other
                    // modes.
                    sweep_entry e;
                    e.scheme = scheme_name(s);
                    e.group_scheme = gs ? scheme_name(*gs) : std::string();
                    e.mode = m;
                    e.rule = rule;
                    try {
                        e.count = run_weighted(p, org, s, rule, opt.rule_options, ao);
                    } catch (const error& x) {
                        // An impossible cell (a cap no set of units can meet, a group with nobody
                        // to weigh, a rule that refuses the ballots) is reported, not fatal.
                        if (x.code() != errc::invalid && x.code() != errc::unsupported &&
                            x.code() != errc::unresolved_tie && x.code() != errc::overflow)
                            throw;
                        e.error = x.what();
                    }
                    if (e.error.empty()) {
                        const auto& b = base ? out[*base].count : e.count;
                        e.vs_baseline = compare_rankings(b.ranking, e.count.ranking, p.candidate_count());
                        e.winner_changed = winner_name(b) != winner_name(e.count);
                    }
                    out.push_back(std::move(e));
                    if (!base && out.back().error.empty()) base = out.size() - 1;
                    check_progress(opt.progress, out.size(), total, "sweep");
                }
    // Nothing counted: the options themselves are wrong (a bad rule option, say), not a cell.
    if (!base)
        throw error(errc::invalid, "sweep: no cell could be counted; the first says: " + out.front().error);
    return out;
}

std::vector<sweep_row> sweep_rows(const std::vector<sweep_entry>& entries) {
    std::vector<sweep_row> rows;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        sweep_row r{.scheme = e.group_scheme.empty() ? e.scheme
                                                     : e.scheme + " within, " + e.group_scheme + " across",
                    .aggregation = mode_name(e.mode),
                    .rule = e.rule,
                    .winner = e.error.empty() ? winner_name(e.count) : "(not counted: " + e.error + ")"};
        for (const auto& tier : e.count.ranking) {
            r.ranking.emplace_back();
            for (cand_t c : tier) r.ranking.back().push_back(e.count.candidates.at(c));
        }
        if (i > 0 && e.error.empty()) {
            r.kendall_tau = e.vs_baseline.kendall_tau_b;
            r.spearman_rho = e.vs_baseline.spearman_rho;
            for (cand_t c : e.vs_baseline.moved) r.moved.push_back(e.count.candidates.at(c));
        }
        rows.push_back(std::move(r));
    }
    return rows;
}

std::string sweep_json(const std::vector<sweep_entry>& entries, int indent) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    const auto rows = sweep_rows(entries);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        nlohmann::ordered_json j;
        j["scheme"] = entries[i].scheme;
        j["group_scheme"] = entries[i].group_scheme.empty() ? nlohmann::ordered_json()
                                                            : nlohmann::ordered_json(entries[i].group_scheme);
        j["aggregation"] = r.aggregation;
        j["rule"] = r.rule;
        const std::string w = entries[i].error.empty() ? r.winner : std::string();
        j["winner"] = w.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(w);
        j["ranking"] = r.ranking;
        if (entries[i].error.empty()) {
            j["kendall_tau"] = entries[i].vs_baseline.kendall_tau_b;
            j["spearman_rho"] = entries[i].vs_baseline.spearman_rho;
        } else {
            j["kendall_tau"] = nullptr;
            j["spearman_rho"] = nullptr;
        }
        j["moved"] = r.moved;
        j["winner_changed"] = entries[i].winner_changed;
        j["error"] =
            entries[i].error.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(entries[i].error);
        a.push_back(j);
    }
    return a.dump(indent);
}

// ---- tipping points ------------------------------------------------------------------------

tipping_result tipping_points(const profile& p, const organisation& org, const tipping_options& opt) {
    if (opt.max_factor <= 1) throw error(errc::invalid, "tipping: max_factor must be above 1");
    // Issue 14: a factor of 10^15 took the population grid past 64 bits, so it never reached the
    // maximum and grew until GMP's allocator aborted. The grid is bounded by a named limit.
    if (opt.max_factor > rational(k_max_tipping_factor))
        throw error(errc::invalid, "tipping: option 'max_factor' (" + to_string(opt.max_factor) +
                                       ") is above the limit of " + std::to_string(k_max_tipping_factor) +
                                       " (2^20)");
    if (opt.tolerance <= 0) throw error(errc::invalid, "tipping: tolerance must be positive");
    if (opt.steps_per_doubling == 0 || opt.steps_per_doubling > 64)
        throw error(errc::invalid, "tipping: steps_per_doubling must be 1..64");
    const bool by_weight = opt.quantity == tipping_quantity::weight;
    if (by_weight && opt.aggregation.mode == aggregation_mode::two_stage)
        throw error(errc::unsupported,
                    "tipping: weight factors apply to pooled or normalised counts; use the population "
                    "quantity for two-stage counts");
    const std::string level = level_of(org, opt.aggregation.level);
    if (!by_weight && level != org.kinds().front())
        throw error(errc::unsupported, "tipping: populations are changed at the leaf level ('" +
                                           org.kinds().front() + "'); voting units of kind '" + level +
                                           "' take theirs from their members");
    const auto bu = units_of(p, org, level);

    tipping_result out;
    out.quantity = opt.quantity;
    // Weight: one weighted profile, then scale one unit's ballots (their unit tags are the
    // profile's, so unit_of_ballot of the weighted profile is recomputed from it).
    profile wp;
    ballot_units wbu;
    prepared_count counter;
    if (by_weight) {
        wp = weighted_profile(p, org, opt.scheme, opt.aggregation);
        wbu = units_of(wp, org, level);
        counter = prepare(opt.rule, opt.rule_options, wp); // options parsed once, not per count
        out.baseline_winner = winner_name(counter.count(wp));
    } else {
        out.baseline_winner =
            winner_name(run_weighted(p, org, opt.scheme, opt.rule, opt.rule_options, opt.aggregation));
    }
    if (out.baseline_winner.empty())
        throw error(errc::unresolved_tie,
                    "tipping: the baseline count has no winner (unresolved tie); set a tie-break policy");

    const double s = static_cast<double>(opt.steps_per_doubling);
    for (const auto u : bu.units) {
        tipping_point tp;
        tp.unit = org[u].id;
        const std::uint64_t pop = org[u].population;
        if (!by_weight && rational(pop) * opt.max_factor > rational(std::int64_t{1} << 62))
            throw error(errc::invalid, "tipping: unit '" + tp.unit +
                                           "': its population times option 'max_factor' passes 2^62");
        tp.baseline = by_weight ? rational(1) : rational(pop);
        auto winner_at = [&](const rational& x) -> std::string {
            if (by_weight) return winner_name(counter.count(scaled_unit(wp, wbu.of_ballot, u, x)));
            const auto q = static_cast<std::uint64_t>(x.convert_to<big_int>());
            return winner_name(run_weighted(p, with_population(org, u, q), opt.scheme, opt.rule,
                                            opt.rule_options, opt.aggregation));
        };
        // Grid of the quantity away from the baseline, nearest first.
        auto grid = [&](bool up) {
            std::vector<rational> g;
            if (by_weight) {
                for (int k = 1;; ++k) {
                    const rational f = up ? approx(std::exp2(k / s)) : approx(std::exp2(-k / s));
                    if (up && f >= opt.max_factor) break;
                    if (!up && f < rational(1, 1024)) break;
                    g.push_back(f);
                }
                g.push_back(up ? opt.max_factor : rational(0));
            } else {
                if (pop == 0 && !up) return g;
                const double base = static_cast<double>(pop == 0 ? 1 : pop);
                const rational top = pop == 0 ? opt.max_factor : rational(pop) * opt.max_factor;
                rational last = tp.baseline;
                for (int k = 1;; ++k) {
                    rational q(static_cast<long long>(
                        std::llround(up ? base * std::exp2(k / s) : base * std::exp2(-k / s))));
                    if (up && q >= top) break;
                    if (!up && q < 1) break;
                    if (q != last && (up ? q > last : q < last)) g.push_back(last = q);
                }
                g.push_back(up ? rational(static_cast<long long>(std::llround(top.convert_to<double>())))
                               : rational(0));
            }
            return g;
        };
        for (bool up : {true, false}) {
            rational same = tp.baseline;
            for (const auto& x : grid(up)) {
                std::string w = winner_at(x);
                if (w == out.baseline_winner) {
                    same = x;
                    continue;
                }
                // Bisect between `same` (baseline winner) and `x` (another winner), exactly.
                rational changed = x;
                const rational tol = by_weight ? opt.tolerance : rational(1);
                while (abs(changed - same) > tol) {
                    rational mid = (same + changed) / 2;
                    if (!by_weight) mid = rational(mid.convert_to<big_int>()); // integer populations
                    if (mid == same || mid == changed) break;
                    std::string wm = winner_at(mid);
                    if (wm == out.baseline_winner)
                        same = mid;
                    else {
                        changed = mid;
                        w = std::move(wm);
                    }
                }
                (up ? tp.up : tp.down) = tipping_bracket{same, changed, w};
                break;
            }
        }
        out.units.push_back(std::move(tp));
        check_progress(opt.progress, out.units.size(), bu.units.size(), "tipping");
    }
    return out;
}

std::string tipping_json(const tipping_result& r, int indent) {
    nlohmann::ordered_json j;
    j["baseline_winner"] = r.baseline_winner;
    j["quantity"] = r.quantity == tipping_quantity::weight ? "weight" : "population";
    nlohmann::ordered_json units = nlohmann::ordered_json::array();
    auto side = [](const std::optional<tipping_bracket>& b) {
        if (!b) return nlohmann::ordered_json();
        return nlohmann::ordered_json{{"same", to_double(b->same)},
                                      {"changed", to_double(b->changed)},
                                      {"same_exact", to_string(b->same)},
                                      {"changed_exact", to_string(b->changed)},
                                      {"new_winner", b->new_winner}};
    };
    for (const auto& u : r.units)
        units.push_back({{"unit", u.unit},
                         {"baseline", to_double(u.baseline)},
                         {"up", side(u.up)},
                         {"down", side(u.down)}});
    j["units"] = units;
    return j.dump(indent);
}

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

    auto make = [&]() -> sampler {
        auto q = std::make_shared<profile>(base);
        auto merged = std::make_shared<std::vector<std::uint64_t>>(q->unique_count());
        return [&, q, merged](random_source& rng, std::size_t) -> sample_outcome {
            sample_outcome o;
            std::vector<double> share(nu), v = voters;
            switch (opt.sampler) {
            case population_sampler::population_noise: {
                // Each unit's population times max(0, 1 + sigma Z), rounded; the scheme re-run exactly.
                std::vector<std::uint64_t> pops(org.size());
                for (std::uint32_t i = 0; i < org.size(); ++i) pops[i] = org[i].population;
                for (std::size_t k = 0; k < nu; ++k) {
                    const double x =
                        static_cast<double>(pops[bu.units[k]]) * std::max(0.0, 1 + opt.sigma * rng.normal());
                    pops[bu.units[k]] = static_cast<std::uint64_t>(std::llround(x));
                }
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
                share = rng.dirichlet(alpha);
                break;
            case population_sampler::bootstrap: {
                // Multinomial resample of the voters (same total), ballot by ballot.
                double total = 0;
                for (double x : voters) total += x;
                std::vector<double> cum(nb);
                double acc = 0;
                for (std::size_t i = 0; i < nb; ++i) cum[i] = acc += voters[i];
                std::fill(v.begin(), v.end(), 0.0);
                const auto draws = static_cast<std::size_t>(std::llround(total));
                for (std::size_t d = 0; d < draws; ++d) {
                    const double x = rng.uniform() * acc;
                    const auto it = std::upper_bound(cum.begin(), cum.end(), x);
                    v[std::min<std::size_t>(static_cast<std::size_t>(it - cum.begin()), nb - 1)] += 1;
                }
                share = base_share;
                break;
            }
            }
            // Ballot weights: normalised = the unit's share split over its voters; pooled = every
            // voter carries the unit's share. Quantised to integer multiplicities (analysis only).
            std::vector<double> unit_total(nu, 0.0);
            for (std::size_t i = 0; i < nb; ++i) unit_total[unit_slot[i]] += v[i];
            std::vector<double> w(nb, 0.0);
            double sum = 0;
            for (std::size_t i = 0; i < nb; ++i) {
                const std::size_t k = unit_slot[i];
                if (v[i] <= 0 || unit_total[k] <= 0) continue;
                w[i] = pooled ? share[k] * v[i] : share[k] * v[i] / unit_total[k];
                sum += w[i];
            }
            std::vector<std::uint64_t> mult(nb);
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
