// The simple game a decision rule makes of an organisation: who can swing a motion under the
// constitution? Every condition becomes one weighted majority of a vector game (power.hpp).
#include "accord/motion.hpp"
#include "accord/power.hpp"
#include "accord/weighting.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <set>

namespace accord {
inline namespace v0 {

std::vector<std::uint64_t> whole_weights(const std::vector<rational>& weights, const std::string& what) {
    // Scale by the lcm of the denominators, then divide by the gcd of the numerators: the
    // smallest whole numbers in the same proportions, so the quota (and the programme) is small.
    big_int lcm = 1;
    for (const auto& w : weights) {
        if (w < 0) throw error(errc::invalid, what + ": a weight is negative");
        const big_int d = boost::multiprecision::denominator(w);
        lcm = lcm / boost::multiprecision::gcd(lcm, d) * d;
    }
    std::vector<big_int> scaled;
    big_int g = 0;
    for (const auto& w : weights) {
        scaled.push_back(boost::multiprecision::numerator(w) * (lcm / boost::multiprecision::denominator(w)));
        g = boost::multiprecision::gcd(g, scaled.back());
    }
    big_int total = 0;
    std::vector<std::uint64_t> out;
    for (auto& s : scaled) {
        if (g > 1) s /= g;
        total += s;
        if (total > big_int(std::numeric_limits<std::uint64_t>::max()))
            throw error(errc::overflow,
                        what + ": the weights do not scale to whole numbers that fit a weighted game "
                               "(their total passes 2^64); use a scheme with rational weights");
        out.push_back(s.convert_to<std::uint64_t>());
    }
    return out;
}

weight_report condition_weights(const organisation& org, const std::vector<std::uint32_t>& units,
                                const majority_condition& c) {
    const auto within = parse_scheme(c.basis.substr(8));
    if (c.group_scheme.empty()) return compute_weights(org, units, within);
    return compute_two_level_weights(org, units, within, parse_scheme(c.group_scheme), c.group_level).units;
}

weighted_game rule_game(const organisation& org, const decision_rule& rule, const std::string& unions_by) {
    if (rule.conditions.empty() && rule.veto.empty())
        throw error(errc::invalid, "rule game: the rule has no majority and no veto");
    const std::string level = rule.level.empty() ? org.kinds().front() : rule.level;
    std::set<std::uint32_t> observers;
    for (const auto& id : rule.observers) {
        auto i = org.find(id);
        if (!i)
            throw error(errc::not_found,
                        "rule game: observer '" + id + "' is not a unit of the organisation");
        observers.insert(*i);
    }
    std::vector<std::uint32_t> units;
    for (auto u : org.of_kind(level))
        if (!observers.count(u)) units.push_back(u);
    if (units.empty()) throw error(errc::not_found, "rule game: no voting units of kind '" + level + "'");
    const std::size_t n = units.size();
    weighted_game g;
    for (auto u : units) g.players.push_back(org[u].id);
    for (const auto& c : rule.conditions) {
        const std::string what = "rule game, condition '" + (c.name.empty() ? c.basis : c.name) + "'";
        std::vector<std::uint64_t> w;
        if (c.basis == "units") {
            w.assign(n, 1);
        } else if (c.basis == "population") {
            for (auto u : units) w.push_back(org[u].population);
        } else if (c.basis.rfind("weights:", 0) == 0) {
            const auto rep = condition_weights(org, units, c);
            std::vector<rational> shares;
            for (const auto& x : rep.units) shares.push_back(x.weight);
            w = whole_weights(shares, what);
        } else if (c.basis == "groups") {
            throw error(errc::unsupported,
                        what + ": a majority of groups is a composite game (a majority of "
                               "majorities), not a weighted one; power indices need weighted majorities");
        } else {
            throw error(errc::invalid, what + ": unknown basis '" + c.basis + "'");
        }
        g.majorities.push_back(
            {quota_from_fraction(w, c.fraction, c.strict ? quota_rule::more_than : quota_rule::at_least),
             std::move(w)});
    }
    if (!rule.veto.empty()) {
        // A motion passes only if every veto holder votes yes: a majority only they can meet.
        weighted_majority m;
        m.weights.assign(n, 0);
        for (const auto& id : rule.veto) {
            auto i = org.find(id);
            auto at = i ? std::find(units.begin(), units.end(), *i) : units.end();
            if (at == units.end())
                throw error(errc::not_found, "rule game: veto holder '" + id + "' is not a voting " + level);
            m.weights[static_cast<std::size_t>(at - units.begin())] = 1;
        }
        for (auto x : m.weights) m.quota += x;
        g.majorities.push_back(std::move(m));
    }
    if (!unions_by.empty()) {
        std::map<std::uint32_t, std::vector<player_t>> groups;
        for (std::size_t i = 0; i < n; ++i) {
            const auto a = org.ancestor(units[i], unions_by);
            if (a == k_no_parent)
                throw error(errc::invalid, "rule game: unit '" + org[units[i]].id + "' has no " + unions_by);
            groups[a].push_back(static_cast<player_t>(i));
        }
        for (auto& [_, members] : groups) g.unions.push_back(std::move(members));
    }
    validate(g);
    return g;
}

} // namespace v0
} // namespace accord
