// AHP and MCDA with strictly checked JSON inputs and options and JSON reports: what the C API,
// Python and the CLI call (accord/analysis/interface.hpp; keys in docs/methods/ahp.md and mcda.md).
#include "accord/analysis/ahp.hpp"
#include "accord/analysis/interface.hpp"
#include "accord/detail/reports.hpp"
#include "accord/analysis/mcda.hpp"
#include "accord/weighting.hpp"

#include "json_options.hpp"

#include <algorithm>
#include <map>
#include <numeric>

namespace accord {
inline namespace v0 {
using namespace analysis_json;
namespace {

// ---- AHP -----------------------------------------------------------------------------------

/// One judgement as written: exact (an integer or a string such as "1/3") or a JSON float.
struct entry {
    bool exact = true;
    rational r;
    double d = 0;
};

entry entry_of(const json& v, const std::string& where) {
    entry e;
    if (v.is_number_integer()) {
        e.r = rational(v.get<std::int64_t>());
    } else if (v.is_number_float()) {
        e.exact = false;
        e.d = v.get<double>();
    } else if (v.is_string()) {
        try {
            e.r = parse_rational(v.get<std::string>());
        } catch (const error&) {
            throw error(errc::invalid,
                        "comparison matrix: " + where + " is '" + v.get<std::string>() +
                            "'; write a judgement as a number or an exact string such as \"1/3\"");
        }
    } else {
        throw error(errc::invalid,
                    "comparison matrix: " + where + " must be a number or a string such as \"1/3\"");
    }
    return e;
}

double as_double(const entry& e) { return e.exact ? to_double(e.r) : e.d; }

/// A matrix from "matrix" (rows) or "upper" (the judgements above the diagonal, row by row).
comparison_matrix matrix_of(const json& owner, const std::string& who, const comparison_options& copt) {
    std::vector<std::vector<entry>> rows;
    if (owner.contains("matrix") == owner.contains("upper"))
        throw error(
            errc::invalid,
            who + ": give exactly one of \"matrix\" (rows) and \"upper\" (judgements above the diagonal)");
    if (owner.contains("matrix")) {
        const json& m = owner["matrix"];
        if (!m.is_array() || m.empty())
            throw error(errc::invalid, who + ": \"matrix\" must be a non-empty list of rows");
        for (std::size_t i = 0; i < m.size(); ++i) {
            if (!m[i].is_array())
                throw error(errc::invalid, who + ": row " + std::to_string(i + 1) + " must be a list");
            rows.emplace_back();
            for (std::size_t j = 0; j < m[i].size(); ++j)
                rows.back().push_back(
                    entry_of(m[i][j], "row " + std::to_string(i + 1) + ", column " + std::to_string(j + 1)));
        }
    } else {
        const json& u = owner["upper"];
        if (!u.is_array()) throw error(errc::invalid, who + ": \"upper\" must be a list of judgements");
        std::size_t n = 1;
        while (n * (n - 1) / 2 < u.size()) ++n;
        if (n * (n - 1) / 2 != u.size() || (u.empty() && copt.names.size() > 1))
            throw error(errc::invalid,
                        who + ": " + std::to_string(u.size()) +
                            " judgements above the diagonal is not n(n-1)/2 for any number of items n");
        rows.assign(n, std::vector<entry>(n));
        std::size_t k = 0;
        for (std::size_t i = 0; i < n; ++i) {
            rows[i][i].r = rational(1);
            for (std::size_t j = i + 1; j < n; ++j, ++k) {
                const entry e =
                    entry_of(u[k], "judgement " + std::to_string(k + 1) + " (row " + std::to_string(i + 1) +
                                       ", column " + std::to_string(j + 1) + ")");
                if ((e.exact && e.r <= 0) || (!e.exact && !(e.d > 0)))
                    throw error(errc::invalid, "comparison matrix: judgement " + std::to_string(k + 1) +
                                                   " (row " + std::to_string(i + 1) + ", column " +
                                                   std::to_string(j + 1) + ") must be positive");
                rows[i][j] = e;
                rows[j][i] = e.exact ? entry{true, rational(1) / e.r, 0} : entry{false, rational(0), 1 / e.d};
            }
        }
    }
    const bool exact = std::all_of(rows.begin(), rows.end(), [](const auto& row) {
        return std::all_of(row.begin(), row.end(), [](const entry& e) { return e.exact; });
    });
    if (exact) {
        std::vector<std::vector<rational>> a;
        for (const auto& row : rows) {
            a.emplace_back();
            for (const auto& e : row) a.back().push_back(e.r);
        }
        return make_comparison_matrix(a, copt);
    }
    std::vector<std::vector<double>> a;
    for (const auto& row : rows) {
        a.emplace_back();
        for (const auto& e : row) a.back().push_back(as_double(e));
    }
    return make_comparison_matrix(a, copt);
}

json consistency_json(const ahp_priorities& r) {
    return {{"lambda_max", r.lambda_max},
            {"consistency_index", r.consistency_index},
            {"random_index", r.random_index},
            {"consistency_ratio", r.consistency_ratio},
            {"acceptable", r.acceptable}};
}

json by_name(const std::vector<std::string>& names, const std::vector<double>& values) {
    json j = json::object();
    for (std::size_t i = 0; i < names.size() && i < values.size(); ++i) j[names[i]] = values[i];
    return j;
}

json ranking_json(const std::vector<std::string>& names, const std::vector<double>& values) {
    std::vector<std::size_t> order(names.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] > values[b]; });
    json j = json::array();
    for (auto i : order) j.push_back(names[i]);
    return j;
}

/// Participants' weights from their units' shares under a scheme (a unit's share split equally
/// among its participants, as the normalised aggregation splits it among its voters).
std::vector<double> unit_weights(const organisation& org, const std::vector<std::string>& units,
                                 const weighting_scheme& scheme, std::string level) {
    if (level.empty()) {
        if (org.kinds().empty()) throw error(errc::invalid, "ahp: the organisation has no units");
        level = org.kinds().front();
    }
    const auto of_level = org.of_kind(level);
    if (of_level.empty())
        throw error(errc::not_found, "ahp: the organisation has no units of kind '" + level + "'");
    const weight_report report = compute_weights(org, of_level, scheme);
    std::map<std::string, rational> share;
    for (const auto& u : report.units) share[org[u.unit].id] = u.share;
    std::map<std::string, std::size_t> members;
    for (const auto& u : units) ++members[u];
    std::vector<double> w;
    for (const auto& u : units) {
        const auto it = share.find(u);
        if (it == share.end())
            throw error(errc::not_found, "ahp: participant's unit '" + u + "' is not a unit of kind '" +
                                             level + "' in the organisation");
        w.push_back(to_double(it->second / rational(static_cast<std::int64_t>(members[u]))));
    }
    return w;
}

// ---- MCDA ----------------------------------------------------------------------------------

rational exact_score(const json& v, const std::string& where) {
    if (v.is_number_integer()) return rational(v.get<std::int64_t>());
    if (v.is_string() || v.is_number_float()) {
        try {
            return parse_rational(v.is_string() ? v.get<std::string>() : v.dump());
        } catch (const error&) {
        }
    }
    throw error(errc::invalid,
                "mcda: " + where + " must be a number or an exact string such as \"7.5\" or \"2/3\"");
}

std::size_t criterion_index(const std::vector<std::string>& criteria, const std::string& name,
                            const char* key) {
    const auto it = std::find(criteria.begin(), criteria.end(), name);
    if (it == criteria.end())
        throw error(errc::not_found,
                    std::string("mcda: ") + key + " names an unknown criterion '" + name + "'");
    return static_cast<std::size_t>(it - criteria.begin());
}

struct mcda_input {
    mcda_table table;
    std::vector<rational> weights; // empty when not given
    std::vector<bool> lower_is_better;
};

/// Per-criterion values given as a list (in criteria order) or an object keyed by criterion.
template <class F>
void per_criterion(const json& v, const std::vector<std::string>& criteria, const char* key, F&& set) {
    if (v.is_array()) {
        if (v.size() != criteria.size())
            throw error(errc::invalid, std::string("mcda: '") + key + "' has " + std::to_string(v.size()) +
                                           " entries for " + std::to_string(criteria.size()) + " criteria");
        for (std::size_t j = 0; j < v.size(); ++j) set(j, v[j]);
    } else if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it)
            set(criterion_index(criteria, it.key(), key), it.value());
    } else {
        throw error(errc::invalid,
                    std::string("mcda: '") + key +
                        "' must be a list (one per criterion) or an object keyed by criterion");
    }
}

mcda_input mcda_input_of(std::string_view text) {
    const json j = parse_object(text, "MCDA table");
    mcda_input in;
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "options" && it.key() != "criteria" && it.key() != "scores" &&
            it.key() != "weights" && it.key() != "lower_is_better")
            throw error(errc::invalid, "MCDA table: unknown key '" + it.key() +
                                           "' (options, criteria, scores, weights, lower_is_better)");
    if (!j.contains("criteria"))
        throw error(errc::invalid, "MCDA table: \"criteria\" (a list of names) is required");
    in.table.criteria = distinct_names_of(j["criteria"], "criteria");
    if (!j.contains("scores")) throw error(errc::invalid, "MCDA table: \"scores\" is required");
    const json& s = j["scores"];
    const std::size_t m = in.table.criteria.size();
    auto row_of = [&](const json& row, const std::string& option) {
        std::vector<rational> r(m);
        std::vector<char> seen(m, 0);
        if (row.is_object()) {
            for (auto it = row.begin(); it != row.end(); ++it) {
                const auto c = criterion_index(in.table.criteria, it.key(), "scores");
                r[c] = exact_score(it.value(), "the score of " + option + " on " + it.key());
                seen[c] = 1;
            }
            for (std::size_t c = 0; c < m; ++c)
                if (!seen[c])
                    throw error(errc::invalid,
                                "mcda: option " + option + " has no score on " + in.table.criteria[c]);
            in.table.scores.push_back(std::move(r));
        } else if (row.is_array()) {
            std::vector<rational> list;
            for (std::size_t c = 0; c < row.size(); ++c)
                list.push_back(exact_score(row[c], "score " + std::to_string(c + 1) + " of " + option));
            in.table.scores.push_back(std::move(list)); // its length is checked by validate()
        } else {
            throw error(errc::invalid,
                        "mcda: the scores of " + option + " must be a list or an object keyed by criterion");
        }
    };
    if (s.is_object()) {
        if (j.contains("options"))
            throw error(errc::invalid, "MCDA table: with scores keyed by option, leave out \"options\"");
        for (auto it = s.begin(); it != s.end(); ++it) {
            in.table.options.push_back(it.key());
            row_of(it.value(), it.key());
        }
    } else if (s.is_array()) {
        if (!j.contains("options"))
            throw error(errc::invalid, "MCDA table: \"options\" (a list of names) is required");
        in.table.options = distinct_names_of(j["options"], "options");
        if (s.size() != in.table.options.size())
            throw error(errc::invalid, "mcda: " + std::to_string(s.size()) + " rows of scores for " +
                                           std::to_string(in.table.options.size()) + " options");
        for (std::size_t i = 0; i < s.size(); ++i) row_of(s[i], in.table.options[i]);
    } else {
        throw error(errc::invalid,
                    "MCDA table: \"scores\" must be a list of rows or an object keyed by option");
    }
    if (j.contains("weights")) {
        in.weights.assign(m, rational(0));
        per_criterion(j["weights"], in.table.criteria, "weights", [&](std::size_t c, const json& v) {
            in.weights[c] = exact_score(v, "the weight of " + in.table.criteria[c]);
        });
    }
    in.lower_is_better.assign(m, false);
    if (j.contains("lower_is_better"))
        for (const auto& name : names_of(j["lower_is_better"], "lower_is_better"))
            in.lower_is_better[criterion_index(in.table.criteria, name, "lower_is_better")] = true;
    return in;
}

/// Reads a scoring key ("scaling", "tie_break", "seed") into `o`; false if `key` is another.
bool scoring_key(const std::string& key, const json& v, weighted_sum_options& o) {
    if (key == "scaling") {
        const auto s = text_of(v, key);
        if (s == "none")
            o.scaling = mcda_scaling::none;
        else if (s == "min-max" || s == "min_max")
            o.scaling = mcda_scaling::min_max;
        else
            bad(key, "\"none\" or \"min-max\"", s);
    } else if (key == "tie_break") {
        o.tie_break.policy = parse_tie_policy(text_of(v, key));
    } else if (key == "tie_seed") {
        o.tie_break.seed = whole_of(v, key);
    } else {
        return false;
    }
    return true;
}

const char* scaling_name(mcda_scaling s) { return s == mcda_scaling::min_max ? "min-max" : "none"; }

json criteria_flags(const mcda_input& in) {
    json l = json::array();
    for (std::size_t c = 0; c < in.lower_is_better.size(); ++c)
        if (in.lower_is_better[c]) l.push_back(in.table.criteria[c]);
    return l;
}

/// Numbers per criterion: one number for all, a list, or an object (criteria left out get `fill`).
std::vector<double> per_criterion_doubles(const json& v, const std::vector<std::string>& criteria,
                                          const char* key, double fill) {
    std::vector<double> out(criteria.size(), fill);
    if (v.is_number()) {
        out.assign(criteria.size(), v.get<double>());
        return out;
    }
    per_criterion(v, criteria, key, [&](std::size_t c, const json& x) { out[c] = number_of(x, key); });
    return out;
}

} // namespace

// ---- AHP -----------------------------------------------------------------------------------

nlohmann::ordered_json detail::ahp_report(std::string_view input_json, std::string_view options_json,
                                          const organisation* org) {
    const json in = parse_object(input_json, "AHP input");
    const json o = parse_object(options_json, "AHP options");
    priority_method method = priority_method::eigenvector;
    ahp_aggregation aggregation = ahp_aggregation::judgements;
    comparison_options copt;
    std::optional<weighting_scheme> scheme;
    std::string level;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string& k = it.key();
        const json& v = it.value();
        if (k == "method") {
            const auto s = text_of(v, k);
            if (s == "eigenvector")
                method = priority_method::eigenvector;
            else if (s == "geometric-mean" || s == "geometric_mean")
                method = priority_method::geometric_mean;
            else
                bad(k, "\"eigenvector\" or \"geometric-mean\"", s);
        } else if (k == "aggregation") {
            const auto s = text_of(v, k);
            if (s == "aij" || s == "judgements")
                aggregation = ahp_aggregation::judgements;
            else if (s == "aip" || s == "priorities")
                aggregation = ahp_aggregation::priorities;
            else
                bad(k, "\"aij\" (judgements) or \"aip\" (priorities)", s);
        } else if (k == "saaty_scale")
            copt.saaty_scale = bool_of(v, k);
        else if (k == "reciprocity_tolerance") {
            copt.reciprocity_tolerance = number_of(v, k);
            if (!(copt.reciprocity_tolerance >= 0)) bad(k, "a number >= 0");
        } else if (k == "scheme")
            scheme = parse_scheme(text_of(v, k));
        else if (k == "level")
            level = text_of(v, k);
        else
            throw error(errc::invalid, "unknown AHP option '" + k + "'");
    }
    for (auto it = in.begin(); it != in.end(); ++it)
        if (it.key() != "items" && it.key() != "matrix" && it.key() != "upper" && it.key() != "participants")
            throw error(errc::invalid,
                        "AHP input: unknown key '" + it.key() + "' (items, matrix, upper, participants)");
    if (in.contains("items")) copt.names = distinct_names_of(in["items"], "items");
    const bool group = in.contains("participants");
    if (group && (in.contains("matrix") || in.contains("upper")))
        throw error(errc::invalid, "AHP input: give \"participants\" or one \"matrix\"/\"upper\", not both");
    if ((scheme || !level.empty()) && !group)
        throw error(errc::invalid,
                    "AHP options: 'scheme' and 'level' weight participants; the input has one matrix");
    if (scheme && !org) throw error(errc::invalid, "AHP options: 'scheme' needs an organisation");

    json out;
    out["analysis"] = "ahp";
    out["method"] = priority_method_name(method);
    if (!group) {
        const auto m = matrix_of(in, "AHP input", copt);
        std::vector<std::string> names = copt.names;
        for (std::size_t i = names.size(); i < m.n; ++i) names.push_back(std::to_string(i + 1));
        const auto r = ahp(m, method);
        out["items"] = names;
        out["priorities"] = by_name(names, r.priorities);
        out["ranking"] = ranking_json(names, r.priorities);
        out["consistency"] = consistency_json(r);
        return out;
    }

    const json& ps = in["participants"];
    if (!ps.is_array() || ps.empty())
        throw error(errc::invalid, "AHP input: \"participants\" must be a non-empty list");
    std::vector<comparison_matrix> matrices;
    std::vector<std::string> who, units;
    std::vector<double> weights;
    bool any_weight = false;
    for (std::size_t p = 0; p < ps.size(); ++p) {
        const json& x = ps[p];
        std::string name = "participant " + std::to_string(p + 1);
        if (!x.is_object())
            throw error(errc::invalid, "AHP input: " + name + " must be an object with a \"matrix\"");
        for (auto it = x.begin(); it != x.end(); ++it)
            if (it.key() != "name" && it.key() != "unit" && it.key() != "weight" && it.key() != "matrix" &&
                it.key() != "upper")
                throw error(errc::invalid, "AHP input: " + name + " has an unknown key '" + it.key() +
                                               "' (name, unit, weight, matrix, upper)");
        if (x.contains("name")) name = text_of(x["name"], "name");
        matrices.push_back(matrix_of(x, name, copt));
        who.push_back(name);
        if (scheme) {
            if (!x.contains("unit"))
                throw error(errc::invalid,
                            "AHP input: " + name + " needs a \"unit\" to be weighted by scheme");
            if (x.contains("weight"))
                throw error(errc::invalid,
                            "AHP input: " + name + " has a \"weight\" and the options a scheme; give one");
            units.push_back(text_of(x["unit"], "unit"));
        } else {
            if (x.contains("unit")) units.push_back(text_of(x["unit"], "unit"));
            double w = 1;
            if (x.contains("weight")) {
                any_weight = true;
                const json& v = x["weight"];
                w = v.is_string() ? to_double(exact_of(v, "weight")) : number_of(v, "weight");
            }
            weights.push_back(w);
        }
    }
    if (scheme) weights = unit_weights(*org, units, *scheme, level);
    const auto g = ahp_group(matrices, weights, aggregation, method);
    std::vector<std::string> names = copt.names;
    for (std::size_t i = names.size(); i < matrices.front().n; ++i) names.push_back(std::to_string(i + 1));
    out["aggregation"] = ahp_aggregation_name(aggregation);
    out["items"] = names;
    out["priorities"] = by_name(names, g.priorities);
    out["ranking"] = ranking_json(names, g.priorities);
    out["consistency"] =
        aggregation == ahp_aggregation::judgements ? consistency_json(g.combined_result) : json(nullptr);
    if (scheme)
        out["scheme"] = scheme_name(*scheme);
    else
        out["weighted"] = any_weight;
    json parts = json::array();
    for (std::size_t p = 0; p < matrices.size(); ++p) {
        json x;
        x["name"] = who[p];
        if (ps[p].contains("unit")) x["unit"] = ps[p]["unit"];
        x["weight"] = g.weights[p];
        x["priorities"] = by_name(names, g.individual[p].priorities);
        x["consistency"] = consistency_json(g.individual[p]);
        parts.push_back(std::move(x));
    }
    out["participants"] = std::move(parts);
    return out;
}

std::string analyse_ahp(std::string_view input_json, std::string_view options_json, const organisation* org) {
    return detail::ahp_report(input_json, options_json, org).dump();
}

// ---- MCDA ----------------------------------------------------------------------------------

nlohmann::ordered_json detail::mcda_report(std::string_view table_json, std::string_view options_json) {
    const mcda_input in = mcda_input_of(table_json);
    const json o = parse_object(options_json, "MCDA options");
    weighted_sum_options opt;
    opt.lower_is_better = in.lower_is_better;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!scoring_key(it.key(), it.value(), opt))
            throw error(errc::invalid, "unknown MCDA option '" + it.key() + "'");
    if (in.weights.empty())
        throw error(errc::invalid,
                    "MCDA table: \"weights\" (one per criterion) is required for a weighted sum");
    const result r = weighted_sum(in.table, in.weights, opt);
    rational total = 0;
    for (const auto& w : in.weights) total += w;
    json out;
    out["analysis"] = "mcda";
    out["options"] = in.table.options;
    out["criteria"] = in.table.criteria;
    json w = json::object(), we = json::object(), s = json::object(), se = json::object();
    for (std::size_t c = 0; c < in.weights.size(); ++c) {
        w[in.table.criteria[c]] = to_double(in.weights[c] / total);
        we[in.table.criteria[c]] = to_string(in.weights[c] / total);
    }
    for (std::size_t i = 0; i < r.candidates.size(); ++i) {
        s[r.candidates[i]] = to_double(*r.scores[i]);
        se[r.candidates[i]] = to_string(*r.scores[i]);
    }
    out["weights"] = std::move(w);
    out["weights_exact"] = std::move(we);
    out["lower_is_better"] = criteria_flags(in);
    out["scaling"] = scaling_name(opt.scaling);
    out["scores"] = std::move(s);
    out["scores_exact"] = std::move(se);
    json ranking = json::array();
    for (const auto& tier : r.ranking) {
        json t = json::array();
        for (cand_t c : tier) t.push_back(r.candidates[c]);
        ranking.push_back(std::move(t));
    }
    out["ranking"] = std::move(ranking);
    out["winner"] = r.winners.empty() ? json(nullptr) : json(r.candidates[r.winners.front()]);
    out["complete"] = r.complete;
    out["result"] = detail::result_report(r);
    return out;
}

std::string analyse_mcda(std::string_view table_json, std::string_view options_json) {
    return detail::mcda_report(table_json, options_json).dump();
}

nlohmann::ordered_json detail::mcda_smaa_report(std::string_view table_json, std::string_view options_json,
                                                const analysis_progress& progress) {
    const mcda_input in = mcda_input_of(table_json);
    const json o = parse_object(options_json, "MCDA SMAA options");
    const auto& criteria = in.table.criteria;
    mcda_smaa_options opt;
    opt.scoring.lower_is_better = in.lower_is_better;
    json alpha_given;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const std::string& k = it.key();
        const json& v = it.value();
        if (scoring_key(k, v, opt.scoring) || monte_carlo_key(k, v, opt.monte_carlo)) continue;
        if (k == "distribution") {
            const auto s = text_of(v, k);
            if (s == "simplex")
                opt.distribution = weight_distribution::simplex;
            else if (s == "dirichlet")
                opt.distribution = weight_distribution::dirichlet;
            else
                bad(k, "\"simplex\" or \"dirichlet\"", s);
        } else if (k == "alpha")
            alpha_given = v;
        else if (k == "lower")
            opt.lower = per_criterion_doubles(v, criteria, "lower", 0.0);
        else if (k == "upper")
            opt.upper = per_criterion_doubles(v, criteria, "upper", 1.0);
        else if (k == "max_draws")
            opt.max_draws_per_sample = whole_of(v, k);
        else
            throw error(errc::invalid, "unknown MCDA SMAA option '" + k + "'");
    }
    if (!alpha_given.is_null()) {
        if (opt.distribution != weight_distribution::dirichlet)
            throw error(errc::invalid, "option 'alpha' applies to the dirichlet distribution");
        if (alpha_given.is_object()) bad("alpha", "a number (symmetric) or a list, one per criterion");
        opt.alpha = per_criterion_doubles(alpha_given, criteria, "alpha", 1.0);
    } else if (opt.distribution == weight_distribution::dirichlet) {
        throw error(errc::invalid,
                    "the dirichlet distribution needs 'alpha' (a number, or one per criterion)");
    }
    opt.monte_carlo.progress = progress;
    const acceptability a = mcda_smaa(in.table, opt);

    json settings;
    settings["distribution"] = opt.distribution == weight_distribution::simplex ? "simplex" : "dirichlet";
    if (!opt.alpha.empty()) settings["alpha"] = opt.alpha;
    if (!opt.lower.empty()) settings["lower"] = opt.lower;
    if (!opt.upper.empty()) settings["upper"] = opt.upper;
    settings["scaling"] = scaling_name(opt.scoring.scaling);
    settings["lower_is_better"] = criteria_flags(in);
    settings["seed"] = opt.monte_carlo.seed;
    json out;
    out["analysis"] = "mcda_smaa";
    out["samples"] = a.samples;
    out["settings"] = std::move(settings);
    out["options"] = in.table.options;
    out["criteria"] = criteria;
    put_acceptability(out, in.table.options, a, criteria);
    out["incomplete"] = a.incomplete;
    return out;
}

std::string analyse_mcda_smaa(std::string_view table_json, std::string_view options_json,
                              const analysis_progress& progress) {
    return detail::mcda_smaa_report(table_json, options_json, progress).dump();
}

} // namespace v0
} // namespace accord
