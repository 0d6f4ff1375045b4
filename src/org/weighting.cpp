// Weighting schemes, weight reports and weighted counts; all exact (docs/weighting.md).
#include "accord/weighting.hpp"
#include "accord/detail/safety.hpp"

#include "accord/registry.hpp"

#include "ballot_units.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

namespace accord {
inline namespace v0 {

std::span<const scheme_info> scheme_table() {
    static constexpr scheme_info table[] = {
        {scheme_kind::equal, "equal", "", "", "docs/weighting.md"},
        {scheme_kind::population, "population", "", "", "docs/weighting.md"},
        {scheme_kind::sqrt, "sqrt", "penrose", "", "docs/weighting.md"},
        {scheme_kind::capped, "capped", "", ":F", "docs/weighting.md"},
        {scheme_kind::banded, "banded", "", ":SIZE", "docs/weighting.md"},
        {scheme_kind::group_equal, "group-equal", "", "[:population]", "docs/weighting.md"},
        {scheme_kind::blend, "blend", "", ":A", "docs/weighting.md"},
        {scheme_kind::column, "column", "", ":NAME", "docs/weighting.md"},
    };
    return table;
}

std::string scheme_syntax(bool optional_arguments) {
    std::string out;
    for (const auto& s : scheme_table()) {
        if (!out.empty()) out += ", ";
        out += s.name;
        if (s.argument[0] != '[' || optional_arguments) out += s.argument;
    }
    return out;
}

weighting_scheme parse_scheme(std::string_view text) {
    weighting_scheme s;
    const auto colon = text.find(':');
    const std::string_view head = text.substr(0, colon);
    const std::string arg = colon == std::string_view::npos ? "" : std::string(text.substr(colon + 1));
    auto number = [&](const char* what) {
        if (arg.empty())
            throw error(errc::invalid, std::string("scheme '") + std::string(head) + "' needs " + what);
        try {
            return parse_rational(arg);
        } catch (const error&) {
            throw error(errc::invalid, std::string("scheme '") + std::string(text) + "': " + what +
                                           " must be an exact number");
        }
    };
    const scheme_info* info = nullptr;
    for (const auto& e : scheme_table())
        if (head == e.name || (*e.aliases && head == e.aliases)) info = &e;
    if (!info)
        throw error(errc::invalid,
                    "unknown weighting scheme '" + std::string(text) + "' (" + scheme_syntax(false) + ")");
    s.kind = info->kind;
    switch (s.kind) {
    case scheme_kind::equal:
    case scheme_kind::population:
    case scheme_kind::sqrt:
        break;
    case scheme_kind::capped:
        s.parameter = number("a fraction, e.g. capped:0.15");
        if (sign(s.parameter) <= 0 || s.parameter > 1)
            throw error(errc::invalid, "capped: the cap must be in (0, 1]");
        break;
    case scheme_kind::banded:
        s.parameter = number("a band size, e.g. banded:5000");
        if (sign(s.parameter) <= 0) throw error(errc::invalid, "banded: the band size must be positive");
        break;
    case scheme_kind::group_equal:
        if (arg == "population")
            s.split_by_population = true;
        else if (!arg.empty() && arg != "equal")
            s.group_level = arg;
        break;
    case scheme_kind::blend:
        s.parameter = number("alpha, e.g. blend:0.5");
        if (sign(s.parameter) < 0 || s.parameter > 1)
            throw error(errc::invalid, "blend: alpha must be in [0, 1]");
        break;
    case scheme_kind::column:
        if (arg.empty()) throw error(errc::invalid, "column: needs a column name, e.g. column:votes");
        s.column = arg;
        break;
    }
    return s;
}

std::string scheme_name(const weighting_scheme& s) {
    std::string name = "equal";
    for (const auto& e : scheme_table())
        if (e.kind == s.kind) name = e.name;
    switch (s.kind) {
    case scheme_kind::capped:
    case scheme_kind::banded:
    case scheme_kind::blend:
        return name + ":" + to_string(s.parameter);
    case scheme_kind::group_equal:
        return name + (s.split_by_population ? ":population" : "") +
               (s.group_level != "pcn" ? " (" + s.group_level + ")" : "");
    case scheme_kind::column:
        return name + ":" + s.column;
    default:
        return name;
    }
}

namespace {
// floor(sqrt(n)) for a big integer.
big_int isqrt(const big_int& n) { return boost::multiprecision::sqrt(n); }

rational penrose(std::uint64_t pop, unsigned decimals) {
    big_int scale = 1;
    for (unsigned i = 0; i < decimals; ++i) scale *= 10;
    // floor(sqrt(pop) * 10^d) = floor(sqrt(pop * 10^(2d))): exact integer arithmetic.
    return rational(isqrt(big_int(pop) * scale * scale), scale);
}
/// The report of shares (summing to 1) and the measures of concentration.
weight_report make_report(std::string name, const std::vector<std::uint32_t>& units,
                          const std::vector<rational>& w, const std::vector<rational>& share) {
    const std::size_t n = units.size();
    weight_report r;
    r.scheme = std::move(name);
    r.sum_squared_shares = 0;
    for (std::size_t i = 0; i < n; ++i) {
        r.units.push_back({units[i], w[i], share[i]});
        r.largest_share = std::max(r.largest_share, share[i]);
        r.sum_squared_shares += share[i] * share[i];
    }
    r.effective_number = 1.0 / to_double(r.sum_squared_shares);
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return share[a] > share[b]; });
    rational acc = 0;
    for (auto i : order) {
        if (acc * 2 > 1) break;
        acc += share[i];
        r.min_majority.push_back(units[i]);
    }
    r.min_majority_share = acc;
    return r;
}
} // namespace

weight_report compute_weights(const organisation& org, const std::vector<std::uint32_t>& units,
                              const weighting_scheme& s) {
    if (units.empty()) throw error(errc::invalid, "no voting units to weigh");
    const std::size_t n = units.size();
    std::vector<rational> w(n);
    rational total_pop = 0;
    for (auto u : units) total_pop += org[u].population;
    switch (s.kind) {
    case scheme_kind::equal:
        for (auto& x : w) x = 1;
        break;
    case scheme_kind::population:
    case scheme_kind::capped:
        for (std::size_t i = 0; i < n; ++i) w[i] = org[units[i]].population;
        break;
    case scheme_kind::sqrt:
        for (std::size_t i = 0; i < n; ++i) w[i] = penrose(org[units[i]].population, s.sqrt_decimals);
        break;
    case scheme_kind::banded:
        for (std::size_t i = 0; i < n; ++i) {
            // One vote per started band: ceil(population / size).
            const rational q = rational(org[units[i]].population) / s.parameter;
            w[i] = rational(ceil_int(q));
        }
        break;
    case scheme_kind::group_equal: {
        std::map<std::uint32_t, std::pair<std::size_t, rational>> groups; // group -> (members, population)
        std::vector<std::uint32_t> g(n);
        for (std::size_t i = 0; i < n; ++i) {
            g[i] = org.ancestor(units[i], s.group_level);
            if (g[i] == k_no_parent)
                throw error(errc::invalid,
                            "unit '" + org[units[i]].id + "' has no " + s.group_level + " above it");
            groups[g[i]].first += 1;
            groups[g[i]].second += org[units[i]].population;
        }
        const rational each = rational(1, static_cast<long>(groups.size()));
        for (std::size_t i = 0; i < n; ++i) {
            const auto& [members, pop] = groups[g[i]];
            if (s.split_by_population) {
                if (sign(pop) == 0)
                    throw error(errc::invalid, "group '" + org[g[i]].id + "' has no population to split by");
                w[i] = each * rational(org[units[i]].population) / pop;
            } else {
                w[i] = each / static_cast<long>(members);
            }
        }
        break;
    }
    case scheme_kind::blend:
        if (sign(total_pop) == 0) throw error(errc::invalid, "blend: the units have no population");
        for (std::size_t i = 0; i < n; ++i)
            w[i] = s.parameter / static_cast<long>(n) +
                   (1 - s.parameter) * rational(org[units[i]].population) / total_pop;
        break;
    case scheme_kind::column:
        for (std::size_t i = 0; i < n; ++i) {
            const auto& a = org[units[i]].attributes;
            auto it = a.find(s.column);
            if (it == a.end())
                throw error(errc::not_found,
                            "unit '" + org[units[i]].id + "' has no column '" + s.column + "'");
            try {
                w[i] = parse_rational(it->second);
            } catch (const error&) {
                throw error(errc::invalid, "unit '" + org[units[i]].id + "': '" + it->second +
                                               "' in column '" + s.column + "' is not an exact number");
            }
            if (sign(w[i]) < 0)
                throw error(errc::invalid, "unit '" + org[units[i]].id + "' has a negative weight");
        }
        break;
    }
    rational total = 0;
    for (const auto& x : w) total += x;
    if (sign(total) == 0)
        throw error(errc::invalid, "every unit has weight 0 under scheme " + scheme_name(s));
    std::vector<rational> share(n);
    for (std::size_t i = 0; i < n; ++i) share[i] = w[i] / total;
    if (s.kind == scheme_kind::capped) {
        // Cap shares at the fraction, giving the excess to the uncapped units in proportion to
        // their shares, until no share is above the cap (each pass caps at least one more unit).
        const rational cap = s.parameter;
        // Only units with patients can take a share of the excess: a cap below 1 / (their
        // number) cannot hold (found by fuzzing: shares summed to less than 1).
        const auto positive = static_cast<long>(
            std::count_if(share.begin(), share.end(), [](const rational& x) { return sign(x) > 0; }));
        if (cap * positive < 1)
            throw error(errc::invalid, "capped: " + std::to_string(positive) +
                                           " unit(s) with patients cannot all stay under " + to_string(cap) +
                                           "; the cap must be at least 1/" + std::to_string(positive));
        std::vector<char> capped(n, 0);
        while (true) {
            bool changed = false;
            for (std::size_t i = 0; i < n; ++i)
                if (!capped[i] && share[i] > cap) {
                    capped[i] = 1;
                    changed = true;
                }
            if (!changed) break;
            rational fixed = 0, free_total = 0;
            for (std::size_t i = 0; i < n; ++i) {
                if (capped[i])
                    fixed += cap;
                else
                    free_total += share[i];
            }
            const rational rest = 1 - fixed;
            for (std::size_t i = 0; i < n; ++i) {
                if (capped[i])
                    share[i] = cap;
                else if (sign(free_total) > 0)
                    share[i] = share[i] * rest / free_total;
            }
        }
        w = share; // the capped scheme's weights are its shares
    }
    return make_report(scheme_name(s), units, w, share);
}

two_level_report compute_two_level_weights(const organisation& org, const std::vector<std::uint32_t>& units,
                                           const weighting_scheme& within, const weighting_scheme& across,
                                           const std::string& group_level) {
    if (units.empty()) throw error(errc::invalid, "no voting units to weigh");
    if (within.kind == scheme_kind::group_equal || across.kind == scheme_kind::group_equal)
        throw error(
            errc::invalid,
            "two-level weighting: group-equal is itself two-level; give 'equal' inside or across groups");
    two_level_report out;
    std::vector<std::uint32_t> groups;
    std::map<std::uint32_t, std::vector<std::size_t>> members; // group -> positions in units
    for (std::size_t i = 0; i < units.size(); ++i) {
        const auto g = org.ancestor(units[i], group_level);
        if (g == k_no_parent)
            throw error(errc::invalid, "unit '" + org[units[i]].id + "' has no " + group_level + " above it");
        if (g == units[i])
            throw error(errc::invalid, "two-level weighting: the voting units are themselves of kind '" +
                                           group_level + "'; choose a group level above them");
        out.group_of.push_back(g);
        if (!members.count(g)) groups.push_back(g);
        members[g].push_back(i);
    }
    try {
        out.groups = compute_weights(org, groups, across);
    } catch (const error& e) {
        throw error(e.code(), "across " + group_level + "s: " + e.detail());
    }
    std::vector<rational> share(units.size(), rational(0));
    for (const auto& gw : out.groups.units) {
        if (sign(gw.share) == 0) continue;
        const auto& pos = members[gw.unit];
        std::vector<std::uint32_t> inside;
        for (auto i : pos) inside.push_back(units[i]);
        weight_report in;
        try {
            in = compute_weights(org, inside, within);
        } catch (const error& e) {
            throw error(e.code(), "within " + group_level + " '" + org[gw.unit].id + "': " + e.detail());
        }
        for (std::size_t k = 0; k < pos.size(); ++k) share[pos[k]] = gw.share * in.units[k].share;
    }
    out.units = make_report(two_level_name(within, across, group_level), units, share, share);
    return out;
}

std::string two_level_name(const weighting_scheme& within, const weighting_scheme& across,
                           const std::string& group_level) {
    return scheme_name(within) + " within " + group_level + ", " + scheme_name(across) + " across";
}

namespace {
template <class Json> Json weight_report_tree(const organisation& org, const weight_report& r) {
    Json j;
    j["scheme"] = r.scheme;
    // Where the units came from (NHS England's extract dates), when the loader knew it.
    if (!org.provenance().empty()) j["provenance"] = org.provenance();
    Json units = Json::array();
    for (const auto& u : r.units) {
        const auto& o = org[u.unit];
        units.push_back({{"id", o.id},
                         {"name", o.name},
                         {"kind", o.kind},
                         {"population", o.population},
                         {"weight", to_double(u.weight)},
                         {"share", to_double(u.share)},
                         {"weight_exact", to_string(u.weight)},
                         {"share_exact", to_string(u.share)}});
    }
    j["units"] = units;
    j["largest_share"] = to_double(r.largest_share);
    j["largest_share_exact"] = to_string(r.largest_share);
    j["effective_number"] = r.effective_number;
    j["effective_number_exact"] = to_string(1 / r.sum_squared_shares);
    Json ids = Json::array();
    for (auto u : r.min_majority) ids.push_back(org[u].id);
    j["min_majority"] = {{"count", r.min_majority.size()},
                         {"units", ids},
                         {"share", to_double(r.min_majority_share)},
                         {"share_exact", to_string(r.min_majority_share)}};
    return j;
}
} // namespace

std::string to_json(const organisation& org, const weight_report& r, int indent) {
    return weight_report_tree<nlohmann::ordered_json>(org, r).dump(indent);
}

std::string to_json(const organisation& org, const two_level_report& r, const weighting_scheme& within,
                    const weighting_scheme& across, const std::string& group_level, int indent) {
    // Keys in name order (nlohmann::json), as the C API has always returned this report.
    auto j = weight_report_tree<nlohmann::json>(org, r.units);
    j["within"] = scheme_name(within);
    j["across"] = scheme_name(across);
    j["group_level"] = group_level;
    j["groups"] = weight_report_tree<nlohmann::json>(org, r.groups);
    return j.dump(indent);
}

aggregation_mode parse_mode(std::string_view t) {
    if (t == "pooled") return aggregation_mode::pooled;
    if (t == "normalised" || t == "normalized") return aggregation_mode::normalised;
    if (t == "two-stage") return aggregation_mode::two_stage;
    throw error(errc::invalid,
                "unknown aggregation mode '" + std::string(t) + "' (pooled, normalised, two-stage)");
}

const char* mode_name(aggregation_mode m) {
    switch (m) {
    case aggregation_mode::pooled:
        return "pooled";
    case aggregation_mode::normalised:
        return "normalised";
    case aggregation_mode::two_stage:
        return "two-stage";
    }
    return "normalised";
}

namespace org_detail {

tagged tag(const profile& p, const organisation& org, const std::string& level) {
    tagged t;
    std::vector<std::uint32_t> map(p.units().size(), k_no_parent);
    for (std::size_t k = 0; k < p.units().size(); ++k) {
        auto u = org.find(p.units()[k]);
        if (!u) throw error(errc::not_found, "ballot unit '" + p.units()[k] + "' is not in the organisation");
        const auto a = org.ancestor(*u, level);
        if (a == k_no_parent)
            throw error(errc::invalid,
                        "ballot unit '" + p.units()[k] + "' is not a " + level + " nor inside one");
        map[k] = a;
    }
    std::vector<char> seen(org.size(), 0);
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        if (b.unit == k_no_unit)
            throw error(errc::invalid, "ballot " + std::to_string(i + 1) +
                                           " has no unit; weighting needs every ballot tagged");
        const auto u = map[b.unit];
        t.unit_of_ballot.push_back(u);
        if (!seen[u]) {
            seen[u] = 1;
            t.voting_units.push_back(u);
        }
    }
    return t;
}

} // namespace org_detail

namespace {
using org_detail::tag;
using org_detail::tagged;

profile reweigh(const profile& p, const organisation& org, const tagged& t, const weight_report& rep,
                aggregation_mode mode, const std::vector<std::size_t>& only = {}) {
    std::map<std::uint32_t, rational> unit_w;
    for (const auto& u : rep.units) unit_w[u.unit] = u.share;
    std::map<std::uint32_t, rational> unit_total; // sum of count x weight of the unit's ballots
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        unit_total[t.unit_of_ballot[i]] += rational(b.count) * (b.weight ? *b.weight : rational(1));
    }
    profile out(p.candidate_names(), p.kind());
    for (const auto& u : p.units()) out.intern_unit(u);
    for (cand_t c = 0; c < p.candidate_count(); ++c)
        if (p.withdrawn(c)) out.set_withdrawn(c);
    out.title = p.title;
    out.seats = p.seats;
    out.costs = p.costs;
    out.budget = p.budget;
    auto add = [&](std::size_t i) {
        const auto b = p.ballot(i);
        const auto u = t.unit_of_ballot[i];
        rational w = unit_w.at(u) * (b.weight ? *b.weight : rational(1));
        if (mode == aggregation_mode::normalised) w /= unit_total.at(u);
        if (sign(w) > 0) out.add(b.marks, b.count, w, b.unit);
    };
    (void)org;
    if (only.empty())
        for (std::size_t i = 0; i < p.unique_count(); ++i) add(i);
    else
        for (auto i : only) add(i);
    return out;
}
} // namespace

namespace {
// The rules of a two-stage count: METHOD is the outer rule (issue 13: `run irv --mode two-stage`
// counted Borda across groups), 'outer' may only repeat it, and the inner rule defaults to it,
// as in a sweep. Stage options outside a two-stage count would be ignored, so they are refused.
aggregate_options resolve_stages(aggregate_options o, std::string_view method,
                                 std::string_view options_json) {
    const std::string m(method);
    const std::string opts = options_json.empty() ? std::string("{}") : std::string(options_json);
    if (o.mode != aggregation_mode::two_stage) {
        if (!o.inner.empty() || !o.outer.empty())
            throw error(errc::invalid, std::string("option '") + (o.inner.empty() ? "outer" : "inner") +
                                           "' is only used by a two-stage count (mode two-stage), not " +
                                           mode_name(o.mode));
        return o;
    }
    if (!o.outer.empty() && o.outer != m)
        throw error(errc::invalid, "two-stage: the method '" + m +
                                       "' is the rule across groups, but 'outer' says '" + o.outer +
                                       "'; give one of them, or the same rule");
    if (!o.outer_options.empty() && o.outer_options != "{}" && o.outer_options != opts)
        throw error(errc::invalid,
                    "two-stage: the method's options are the outer rule's; 'outer_options' differs");
    o.outer = m;
    o.outer_options = opts;
    if (o.inner.empty()) {
        o.inner = m;
        if (o.inner_options.empty() || o.inner_options == "{}") o.inner_options = opts;
    }
    return o;
}
} // namespace

profile weighted_profile(const profile& p, const organisation& org, const weighting_scheme& scheme,
                         const aggregate_options& opt) {
    const std::string level = opt.level.empty() ? org.kinds().front() : opt.level;
    const tagged t = tag(p, org, level);
    const auto rep =
        opt.group_scheme
            ? compute_two_level_weights(org, t.voting_units, scheme, *opt.group_scheme, opt.group_level).units
            : compute_weights(org, t.voting_units, scheme);
    return reweigh(p, org, t, rep,
                   opt.mode == aggregation_mode::pooled ? aggregation_mode::pooled
                                                        : aggregation_mode::normalised);
}

aggregate_options aggregate_options_from_json(std::string_view text) {
    aggregate_options ag;
    if (text.empty()) return ag;
    const nlohmann::json j = detail::parse_json(text, "aggregate options");
    if (!j.is_object()) throw error(errc::invalid, "aggregate options must be a JSON object");
    auto str = [](const nlohmann::json& v, const std::string& key) {
        if (!v.is_string()) throw error(errc::invalid, "option '" + key + "' must be a string");
        return v.get<std::string>();
    };
    for (auto it = j.begin(); it != j.end(); ++it) {
        const auto& k = it.key();
        if (k == "mode")
            ag.mode = parse_mode(str(*it, k));
        else if (k == "level")
            ag.level = str(*it, k);
        else if (k == "group_level")
            ag.group_level = str(*it, k);
        else if (k == "inner")
            ag.inner = str(*it, k);
        else if (k == "outer")
            ag.outer = str(*it, k);
        else if (k == "group_scheme")
            ag.group_scheme = parse_scheme(str(*it, k));
        else
            throw error(errc::invalid, "unknown aggregate option '" + k + "'");
    }
    return ag;
}

result run_weighted(const profile& p, const organisation& org, const weighting_scheme& scheme,
                    std::string_view method, std::string_view options_json, const aggregate_options& given) {
    const aggregate_options opt = resolve_stages(given, method, options_json);
    if (opt.mode != aggregation_mode::two_stage) {
        result r = run(weighted_profile(p, org, scheme, opt), method, options_json);
        r.notes.push_back("weighting: " +
                          (opt.group_scheme ? two_level_name(scheme, *opt.group_scheme, opt.group_level)
                                            : scheme_name(scheme)) +
                          ", " + (opt.mode == aggregation_mode::pooled ? "pooled" : "normalised"));
        return r;
    }
    // Two-stage: the inner rule counts each group's ballots (weighted within the group by the
    // scheme at the voting-unit level, normalised), then the outer rule counts one ballot per
    // group - the inner ranking - weighted by the scheme at the group level.
    const std::string level = opt.level.empty() ? org.kinds().front() : opt.level;
    const tagged t = tag(p, org, level);
    std::map<std::uint32_t, std::vector<std::size_t>> ballots_of_group;
    std::vector<std::uint32_t> groups;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto g = org.ancestor(t.unit_of_ballot[i], opt.group_level);
        if (g == k_no_parent)
            throw error(errc::invalid,
                        "unit '" + org[t.unit_of_ballot[i]].id + "' has no " + opt.group_level + " above it");
        if (!ballots_of_group.count(g)) groups.push_back(g);
        ballots_of_group[g].push_back(i);
    }
    // One scheme: the unit weights are computed over every unit and renormalised within each
    // group by reweigh. Two levels: the scheme is computed inside each group, group_scheme across.
    weighting_scheme group_scheme = opt.group_scheme ? *opt.group_scheme : scheme;
    if (!opt.group_scheme && group_scheme.kind == scheme_kind::group_equal)
        group_scheme.kind = scheme_kind::equal;
    if (opt.group_scheme &&
        (scheme.kind == scheme_kind::group_equal || group_scheme.kind == scheme_kind::group_equal))
        throw error(
            errc::invalid,
            "two-level weighting: group-equal is itself two-level; give 'equal' inside or across groups");
    weight_report group_rep;
    try {
        group_rep = compute_weights(org, groups, group_scheme);
    } catch (const error& e) {
        throw error(e.code(), "across " + opt.group_level + "s: " + e.detail());
    }
    const auto unit_rep = opt.group_scheme ? weight_report{} : compute_weights(org, t.voting_units, scheme);
    profile outer(p.candidate_names());
    std::vector<std::string> notes;
    for (const auto& gw : group_rep.units) {
        // A group of weight 0 (say, no registered patients under a population-based scheme)
        // has no say in the second stage: its count is skipped, and the note says so.
        if (sign(gw.share) == 0) {
            notes.push_back(org[gw.unit].id + " (" + org[gw.unit].name + "): group weight 0, not counted");
            continue;
        }
        weight_report inside_rep;
        if (opt.group_scheme) {
            std::vector<std::uint32_t> inside;
            for (auto u : t.voting_units)
                if (org.ancestor(u, opt.group_level) == gw.unit) inside.push_back(u);
            try {
                inside_rep = compute_weights(org, inside, scheme);
            } catch (const error& e) {
                throw error(e.code(),
                            "within " + opt.group_level + " '" + org[gw.unit].id + "': " + e.detail());
            }
        }
        // Within a group the unit weights are renormalised by reweigh (only its ballots count).
        profile inner = reweigh(p, org, t, opt.group_scheme ? inside_rep : unit_rep,
                                aggregation_mode::normalised, ballots_of_group[gw.unit]);
        if (inner.unique_count() == 0) {
            notes.push_back(org[gw.unit].id + " (" + org[gw.unit].name +
                            "): no ballot of positive weight, not counted");
            continue;
        }
        const result ri = run(inner, opt.inner, opt.inner_options);
        if (ri.ranking.empty())
            throw error(errc::unsupported, "two-stage: the inner rule '" + opt.inner + "' gives no ranking");
        const auto u = outer.intern_unit(org[gw.unit].id);
        outer.add_ranking(ri.ranking, 1, gw.share, u);
        std::string w;
        for (auto c : ri.winners) w += (w.empty() ? "" : ", ") + p.candidate_name(c);
        notes.push_back(org[gw.unit].id + " (" + org[gw.unit].name + "): " + opt.inner + " winner " +
                        (w.empty() ? "(tie)" : w) + ", group weight " + to_string(gw.share));
    }
    if (outer.unique_count() == 0)
        throw error(errc::invalid,
                    "two-stage: no " + opt.group_level + " has a positive weight and a ballot to count");
    result r = run(outer, opt.outer, opt.outer_options);
    r.notes.insert(r.notes.begin(), notes.begin(), notes.end());
    r.notes.push_back("two-stage: " + opt.inner + " inside each " + opt.group_level + ", then " + opt.outer +
                      " across groups weighted by " + scheme_name(group_scheme) +
                      (opt.group_scheme ? " (inside groups: " + scheme_name(scheme) + ")" : ""));
    return r;
}

} // namespace v0
} // namespace accord
