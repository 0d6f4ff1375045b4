// Sweeps over weightings and rules: every (scheme, group scheme, mode, rule) cell counted and
// compared with the first that counted.
#include "accord/analysis/sweep.hpp"

#include "accord/error.hpp"
#include "accord/registry.hpp"

#include "analysis_units.hpp"

#include <nlohmann/json.hpp>

namespace accord {
inline namespace v0 {

using analysis_detail::check_progress;
using analysis_detail::winner_name;

// ---- sweep ---------------------------------------------------------------------------------

std::vector<sweep_entry> sweep(const profile& p, const organisation& org, const sweep_options& opt) {
    if (opt.schemes.empty() || opt.group_schemes.empty() || opt.modes.empty() || opt.rules.empty())
        throw error(errc::invalid, "sweep: give at least one scheme, one aggregation mode and one rule");
    std::vector<sweep_entry> out;
    const std::size_t total =
        opt.schemes.size() * opt.group_schemes.size() * opt.modes.size() * opt.rules.size();
    std::optional<std::size_t> base; // index of the first cell that counted
    if (opt.cells && (opt.cells->first >= opt.cells->second || opt.cells->second > total))
        throw error(errc::invalid, "sweep: option 'cells' must be [first, last) with first < last <= " +
                                       std::to_string(total) + " (the number of cells)");
    if (opt.counted && opt.counted->size() != total)
        throw error(errc::invalid, "sweep: " + std::to_string(opt.counted->size()) +
                                       " counted cells given for " + std::to_string(total) + " cells");
    std::size_t cell = 0;
    for (const auto& s : opt.schemes)
        for (const auto& gs : opt.group_schemes)
            for (auto m : opt.modes)
                for (const auto& rule : opt.rules) {
                    const std::size_t i = cell++;
                    if (opt.cells && (i < opt.cells->first || i >= opt.cells->second)) continue;
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
                        if (opt.counted) { // counted elsewhere (a split sweep): compared here
                            const sweep_cell& c = (*opt.counted)[i];
                            e.error = c.error;
                            e.count.candidates = p.candidate_names();
                            e.count.ranking = c.ranking;
                            e.count.winners = c.winners;
                        } else
                            e.count = run_weighted(p, org, s, rule, opt.rule_options, ao);
                    } catch (const error& x) {
                        // An impossible cell (a cap no set of units can meet, a group with nobody
                        // to weigh, a rule that refuses the ballots) is reported, not fatal.
                        if (x.code() != errc::invalid && x.code() != errc::unsupported &&
                            x.code() != errc::unresolved_tie && x.code() != errc::overflow)
                            throw;
                        e.error = x.what();
                    }
                    if (e.error.empty() && !opt.cells) {
                        const auto& b = base ? out[*base].count : e.count;
                        e.vs_baseline = compare_rankings(b.ranking, e.count.ranking, p.candidate_count());
                        e.winner_changed = winner_name(b) != winner_name(e.count);
                    }
                    out.push_back(std::move(e));
                    if (!base && out.back().error.empty()) base = out.size() - 1;
                    check_progress(opt.progress, out.size(), total, "sweep");
                }
    // Nothing counted: the options themselves are wrong (a bad rule option, say), not a cell.
    if (!base && !opt.cells)
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

} // namespace v0
} // namespace accord
