// The weighting explorer's numbers for one setting of its controls (accord/analysis/explore.hpp):
// the exact weighted count, weight and power, SMAA and the nearest tipping points. The page of
// `accord explore` only draws what this returns.
#include "accord/analysis/explore.hpp"

#include "accord/analysis/sweep.hpp"
#include "accord/error.hpp"
#include "accord/power.hpp"
#include "accord/weighting.hpp"

#include "json_options.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace accord {
inline namespace v0 {
using namespace analysis_json;

std::string explore_json(const profile& p, const organisation& org, std::string_view options_json) {
    const json o = parse_object(options_json, "explore options");
    std::string scheme_text = scheme_table().front().name, group_text, mode_text = k_default_analysis_mode,
                rule = k_default_analysis_rule, group_level = "pcn";
    std::uint64_t samples = 200, seed = 0;
    double sigma = 0.1;
    bool want_tipping = true;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string& k = it.key();
        const json& v = it.value();
        if (k == "scheme")
            scheme_text = text_of(v, k);
        else if (k == "group_scheme")
            group_text = text_of(v, k);
        else if (k == "mode")
            mode_text = text_of(v, k);
        else if (k == "rule")
            rule = text_of(v, k);
        else if (k == "group_level")
            group_level = text_of(v, k);
        else if (k == "samples")
            samples = whole_of(v, k);
        else if (k == "seed")
            seed = whole_of(v, k);
        else if (k == "sigma")
            sigma = number_of(v, k);
        else if (k == "tipping")
            want_tipping = bool_of(v, k);
        else
            throw error(errc::invalid, "unknown explore option '" + k + "'");
    }
    if (samples > 100000) throw error(errc::invalid, "explore: at most 100000 SMAA samples");
    const weighting_scheme scheme = parse_scheme(scheme_text);
    std::optional<weighting_scheme> group_scheme;
    if (!group_text.empty() && group_text != "none") group_scheme = parse_scheme(group_text);
    const aggregation_mode mode = parse_mode(mode_text);

    json j;
    j["settings"] = {{"scheme", scheme_name(scheme)},
                     {"group_scheme", group_scheme ? json(scheme_name(*group_scheme)) : json()},
                     {"mode", mode_name(mode)},
                     {"rule", rule},
                     {"group_level", group_level}};
    j["candidates"] = p.candidate_names();
    aggregate_options ag;
    ag.mode = mode;
    ag.group_level = group_level;
    ag.group_scheme = group_scheme;
    // The rule counts inside each group and across them (a two-stage count's defaults: METHOD is
    // the outer rule, and the inner one unless named); inner/outer are refused in other modes.
    result count;
    try {
        count = run_weighted(p, org, scheme, rule, "{}", ag);
    } catch (const error& e) {
        if (e.code() != errc::invalid && e.code() != errc::unsupported && e.code() != errc::unresolved_tie)
            throw;
        j["error"] = e.what();
        return j.dump();
    }
    j["winner"] = count.winners.empty() ? json() : json(count.candidates.at(count.winners.front()));
    json ranking = json::array();
    for (const auto& tier : count.ranking) {
        json t = json::array();
        for (cand_t c : tier) t.push_back(count.candidates.at(c));
        ranking.push_back(std::move(t));
    }
    j["ranking"] = std::move(ranking);
    j["notes"] = count.notes;

    // Weight: each voting unit's effective share of the count, and its group's.
    const auto units = population_smaa_units(p, org);
    std::vector<std::uint32_t> groups, group_of(units.size());
    for (std::size_t k = 0; k < units.size(); ++k) {
        group_of[k] = org.ancestor(units[k], group_level);
        if (group_of[k] == k_no_parent)
            throw error(errc::invalid, "unit '" + org[units[k]].id + "' has no " + group_level + " above it");
        if (std::find(groups.begin(), groups.end(), group_of[k]) == groups.end())
            groups.push_back(group_of[k]);
    }
    weight_report unit_rep;
    std::map<std::uint32_t, rational> group_share;
    if (group_scheme) {
        const auto two = compute_two_level_weights(org, units, scheme, *group_scheme, group_level);
        unit_rep = two.units;
        for (const auto& g : two.groups.units) group_share[g.unit] = g.share;
    } else if (mode == aggregation_mode::two_stage) {
        // One scheme at both levels: the groups weigh by it; inside, the units' shares renormalised.
        weighting_scheme gs = scheme;
        if (gs.kind == scheme_kind::group_equal) gs.kind = scheme_kind::equal;
        for (const auto& g : compute_weights(org, groups, gs).units) group_share[g.unit] = g.share;
        const auto flat = compute_weights(org, units, scheme);
        std::map<std::uint32_t, rational> inside;
        for (std::size_t k = 0; k < units.size(); ++k) inside[group_of[k]] += flat.units[k].share;
        std::vector<rational> share(units.size());
        for (std::size_t k = 0; k < units.size(); ++k)
            share[k] = sign(inside[group_of[k]]) > 0
                           ? group_share[group_of[k]] * flat.units[k].share / inside[group_of[k]]
                           : rational(0);
        unit_rep = flat;
        unit_rep.largest_share = 0;
        unit_rep.sum_squared_shares = 0;
        for (std::size_t k = 0; k < units.size(); ++k) {
            unit_rep.units[k].share = share[k];
            unit_rep.largest_share = std::max(unit_rep.largest_share, share[k]);
            unit_rep.sum_squared_shares += share[k] * share[k];
        }
        unit_rep.effective_number = 1.0 / to_double(unit_rep.sum_squared_shares);
    } else {
        unit_rep = compute_weights(org, units, scheme);
        for (std::size_t k = 0; k < units.size(); ++k) group_share[group_of[k]] += unit_rep.units[k].share;
    }
    json wu = json::array();
    for (std::size_t k = 0; k < units.size(); ++k)
        wu.push_back({{"id", org[units[k]].id},
                      {"name", org[units[k]].name},
                      {"group", org[group_of[k]].id},
                      {"population", org[units[k]].population},
                      {"share", to_double(unit_rep.units[k].share)}});
    j["weights"] = {
        {"scheme", group_scheme ? two_level_name(scheme, *group_scheme, group_level) : scheme_name(scheme)},
        {"largest_share", to_double(unit_rep.largest_share)},
        {"effective_number", unit_rep.effective_number},
        {"min_majority", unit_rep.min_majority.size()},
        {"units", std::move(wu)}};

    // Power of each group: Banzhaf in the game "more than half of the weight", the groups voting
    // as blocs with their shares (in millionths, which is what is drawn).
    std::vector<std::uint64_t> gw;
    std::vector<std::string> gnames;
    for (auto g : groups) {
        gw.push_back(static_cast<std::uint64_t>(std::llround(to_double(group_share[g]) * 1e6)));
        gnames.push_back(org[g].id);
    }
    json jg = json::array();
    std::vector<double> banzhaf(groups.size(), 0.0);
    std::uint64_t total = 0;
    for (auto w : gw) total += w;
    if (total > 0) {
        const auto game =
            make_weighted_game(quota_from_fraction(gw, rational(1, 2), quota_rule::more_than), gw, gnames);
        const auto pr = power_indices(game);
        if (!pr.banzhaf.value.empty()) banzhaf = pr.banzhaf.value;
    }
    for (std::size_t i = 0; i < groups.size(); ++i)
        jg.push_back({{"id", org[groups[i]].id},
                      {"name", org[groups[i]].name},
                      {"population", org[groups[i]].population},
                      {"share", to_double(group_share[groups[i]])},
                      {"banzhaf", banzhaf[i]}});
    j["groups"] = std::move(jg);

    // SMAA over populations (10% noise by default).
    if (samples > 0) {
        population_smaa_options so;
        so.scheme = scheme;
        so.group_scheme = group_scheme;
        so.group_level = group_level;
        so.mode = mode;
        so.rule = rule;
        so.sigma = sigma;
        so.monte_carlo.samples = samples;
        so.monte_carlo.seed = seed;
        try {
            const auto a = population_smaa(p, org, so);
            json ra, wp;
            for (cand_t c = 0; c < p.candidate_count(); ++c) {
                ra[p.candidate_name(c)] = a.by_rank[c];
                wp[p.candidate_name(c)] = a.winner[c];
            }
            j["smaa"] = {{"samples", a.samples},
                         {"sigma", sigma},
                         {"rank_acceptability", ra},
                         {"winner_probability", wp},
                         {"incomplete", a.incomplete}};
        } catch (const error& e) {
            if (e.code() != errc::invalid && e.code() != errc::unsupported &&
                e.code() != errc::unresolved_tie)
                throw;
            j["smaa"] = {{"error", e.what()}};
        }
    }

    // The nearest tipping points: weight factors for pooled and normalised counts, populations
    // (one patient at a time) for two-stage counts.
    if (want_tipping && !count.winners.empty()) {
        tipping_options t;
        t.scheme = scheme;
        t.aggregation = ag;
        t.rule = rule;
        t.quantity =
            mode == aggregation_mode::two_stage ? tipping_quantity::population : tipping_quantity::weight;
        t.max_factor = rational(8);
        t.steps_per_doubling = 2;
        t.tolerance = rational(1, 1000);
        try {
            const auto r = tipping_points(p, org, t);
            struct near {
                double relative;
                json entry;
            };
            std::vector<near> all;
            for (const auto& u : r.units) {
                const auto k = org.find(u.unit);
                for (const auto* side : {&u.up, &u.down}) {
                    if (!*side) continue;
                    const double change = to_double((*side)->changed - u.baseline);
                    const double base = to_double(u.baseline);
                    const double relative = base > 0 ? change / base : change;
                    all.push_back({std::abs(relative),
                                   {{"unit", u.unit},
                                    {"name", k ? org[*k].name : u.unit},
                                    {"direction", side == &u.up ? "up" : "down"},
                                    {"change", change},
                                    {"relative", relative},
                                    {"new_winner", (*side)->new_winner}}});
                }
            }
            std::stable_sort(all.begin(), all.end(),
                             [](const near& a, const near& b) { return a.relative < b.relative; });
            json nearest = json::array();
            for (std::size_t i = 0; i < all.size() && i < 5; ++i) nearest.push_back(all[i].entry);
            j["tipping"] = {{"quantity", t.quantity == tipping_quantity::weight ? "weight" : "population"},
                            {"nearest", std::move(nearest)}};
        } catch (const error& e) {
            if (e.code() != errc::invalid && e.code() != errc::unsupported &&
                e.code() != errc::unresolved_tie)
                throw;
            j["tipping"] = {{"error", e.what()}};
        }
    }
    j["error"] = nullptr;
    return j.dump();
}

} // namespace v0
} // namespace accord
