// Tipping points: for each voting unit, how far its population or weight must move, up and down,
// before the winner changes (grid search, then exact bisection).
#include "accord/analysis/sweep.hpp"

#include "accord/error.hpp"
#include "accord/prepared.hpp"
#include "accord/registry.hpp"

#include "analysis_units.hpp"

#include <nlohmann/json.hpp>

#include <cmath>

namespace accord {
inline namespace v0 {
namespace {

using namespace analysis_detail;

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
    out.costs = wp.costs;
    out.budget = wp.budget;
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

rational approx(double x) {
    // Grid points need not be exact powers of 2^(1/s): six decimals suffice.
    return rational(static_cast<long long>(std::llround(x * 1e6)), 1000000);
}

} // namespace

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
        // The winner at x, or nothing when the weighting cannot be made there (errc::invalid:
        // e.g. a cap that too few units with patients cannot meet); such a point is skipped.
        auto winner_at = [&](const rational& x) -> std::optional<std::string> {
            try {
                if (by_weight) return winner_name(counter.count(scaled_unit(wp, wbu.of_ballot, u, x)));
                const auto q = static_cast<std::uint64_t>(x.convert_to<big_int>());
                return winner_name(run_weighted(p, with_population(org, u, q), opt.scheme, opt.rule,
                                                opt.rule_options, opt.aggregation));
            } catch (const error& e) {
                if (e.code() != errc::invalid) throw;
                tp.skipped.push_back({x, e.what()});
                return std::nullopt;
            }
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
                auto at = winner_at(x);
                if (!at) continue; // not countable here: look further
                std::string w = std::move(*at);
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
                    auto wm = winner_at(mid);
                    if (!wm) break; // the bracket stays as narrow as the countable points allow
                    if (*wm == out.baseline_winner)
                        same = mid;
                    else {
                        changed = mid;
                        w = std::move(*wm);
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
    for (const auto& u : r.units) {
        units.push_back({{"unit", u.unit},
                         {"baseline", to_double(u.baseline)},
                         {"up", side(u.up)},
                         {"down", side(u.down)}});
        if (!u.skipped.empty()) {
            nlohmann::ordered_json sk = nlohmann::ordered_json::array();
            for (const auto& x : u.skipped)
                sk.push_back({{"at", to_double(x.at)}, {"at_exact", to_string(x.at)}, {"reason", x.reason}});
            units.back()["skipped"] = std::move(sk);
        }
    }
    j["units"] = units;
    return j.dump(indent);
}

} // namespace v0
} // namespace accord
