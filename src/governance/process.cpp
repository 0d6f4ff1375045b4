// Running the process: votes through a constitution (eligibility, duplicates, turnout, quorum),
// roll-calls and consensus measures, and the one evaluator behind records and their
// verification (accord/governance.hpp, docs/governance.md).
#include "accord/governance.hpp"
#include "accord/detail/reports.hpp"

#include "accord/analysis/compare.hpp"
#include "accord/io/read.hpp"
#include "accord/registry.hpp"
#include "accord/weighting.hpp"

#include "governance_internal.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace accord {
inline namespace v0 {

using json = nlohmann::ordered_json;
namespace gd = governance_detail;

namespace {

// ---- strict invocation options ----------------------------------------------------------------

void only(const json& j, const std::string& what, std::initializer_list<const char*> allowed) {
    if (!j.is_object()) throw error(errc::invalid, what + ": expected a JSON object");
    for (auto it = j.begin(); it != j.end(); ++it) {
        bool ok = false;
        for (const char* a : allowed) ok = ok || it.key() == a;
        if (!ok) throw error(errc::invalid, what + ": unknown option '" + it.key() + "'");
    }
}
std::string get_str(const json& j, const char* key, const std::string& def, const std::string& what) {
    if (!j.contains(key)) return def;
    if (!j[key].is_string()) throw error(errc::invalid, what + ": '" + key + "' must be a string");
    return j[key].get<std::string>();
}
std::vector<std::string> get_strs(const json& j, const char* key, const std::string& what) {
    std::vector<std::string> out;
    if (!j.contains(key)) return out;
    if (!j[key].is_array()) throw error(errc::invalid, what + ": '" + key + "' must be an array of strings");
    for (const auto& v : j[key]) {
        if (!v.is_string()) throw error(errc::invalid, what + ": '" + key + "' must be an array of strings");
        out.push_back(v.get<std::string>());
    }
    return out;
}

read_options read_options_from(const json& j) {
    only(j, "ballots.read",
         {"format", "lenient", "unit_column", "weight_column", "count_column", "skip_columns",
          "skipped_labels", "overvote_labels", "write_in_labels", "overvote_delimiter", "header", "layout",
          "score_range"});
    read_options o;
    o.format = parse_format(get_str(j, "format", "auto", "ballots.read"));
    if (j.contains("lenient")) o.lenient = j["lenient"].get<bool>();
    auto& c = o.csv;
    c.unit_column = get_str(j, "unit_column", "", "ballots.read");
    c.weight_column = get_str(j, "weight_column", "", "ballots.read");
    c.count_column = get_str(j, "count_column", "", "ballots.read");
    c.skip_columns = get_strs(j, "skip_columns", "ballots.read");
    if (j.contains("skipped_labels")) c.skipped_labels = get_strs(j, "skipped_labels", "ballots.read");
    if (j.contains("overvote_labels")) c.overvote_labels = get_strs(j, "overvote_labels", "ballots.read");
    if (j.contains("write_in_labels")) c.write_in_labels = get_strs(j, "write_in_labels", "ballots.read");
    c.overvote_delimiter = get_str(j, "overvote_delimiter", "", "ballots.read");
    c.score_range = get_str(j, "score_range", "", "ballots.read");
    if (j.contains("header")) c.header = j["header"].get<bool>();
    const std::string layout = get_str(j, "layout", "auto", "ballots.read");
    if (layout == "rank-columns")
        c.layout = csv_options::layout_t::rank_columns;
    else if (layout == "candidate-columns")
        c.layout = csv_options::layout_t::candidate_columns;
    else if (layout == "score-columns")
        c.layout = csv_options::layout_t::score_columns;
    else if (layout != "auto")
        throw error(errc::invalid, "ballots.read: unknown layout '" + layout + "'");
    return o;
}

organisation org_from(const json& j) {
    only(j, "org", {"file", "within", "unallocated", "min_population"});
    org_csv_options o;
    o.within = get_strs(j, "within", "org");
    std::string u = get_str(j, "unallocated", "own-group", "org");
    const bool given = !u.empty() && u != "own-group"; // records of accord 0.5 write the default out
    if (u.empty()) u = "own-group";
    if (u == "own-group")
        o.unallocated = unallocated_policy::own_group;
    else if (u == "exclude")
        o.unallocated = unallocated_policy::exclude;
    else if (u == "keep")
        o.unallocated = unallocated_policy::keep;
    else
        throw error(errc::invalid, "org: unknown 'unallocated' policy '" + u + "'");
    o.unallocated_given = given;
    if (j.contains("min_population")) o.min_population = j["min_population"].get<std::uint64_t>();
    return read_organisation(get_str(j, "file", "", "org"), o);
}

// The organisation snapshot: the latest extract date of each kind the NHS file carries
// (mapping_extract_date, list_size_extract_date), so a record says which data it counted.
json snapshot_of(const organisation& org) {
    json out = json::object();
    for (const char* col : {"mapping_extract_date", "list_size_extract_date"}) {
        std::string latest;
        for (const auto& u : org.units())
            if (auto it = u.attributes.find(col); it != u.attributes.end() && it->second > latest)
                latest = it->second;
        if (!latest.empty()) out[col] = latest;
    }
    return out;
}

// ---- roll-calls and consensus -------------------------------------------------------------------

// A ballot's marks as tiers, best first: ranks ascending, approvals as one tier, scores descending.
ranking_tiers ballot_tiers_of(const profile& p, const ballot_view& b) {
    std::map<std::int32_t, std::vector<cand_t>> by;
    for (const auto& m : b.marks)
        if (m.candidate != k_overvote)
            by[p.kind() == ballot_kind::score ? -m.value : m.value].push_back(m.candidate);
    ranking_tiers t;
    for (auto& [_, cs] : by) t.push_back(cs);
    return t;
}

std::string share(std::uint64_t a, std::uint64_t b) { return b ? to_string(rational(a, b)) : "0"; }
double ratio(std::uint64_t a, std::uint64_t b) {
    return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0;
}

std::string pcn_of(const organisation& org, const std::string& unit) {
    const auto i = org.find(unit);
    if (!i) return "";
    const auto a = org.ancestor(*i, "pcn");
    if (a != k_no_parent) return org[a].id;
    if (auto it = org[*i].attributes.find("represents"); it != org[*i].attributes.end()) return it->second;
    return "";
}

// Roll-call, per-PCN breakdown and consensus of a ranked, approval or score count.
void describe_count(json& out, const profile& p, const result& r, const organisation* org,
                    std::size_t top_k) {
    const std::size_t n = p.candidate_count();
    json roll = json::array();
    if (r.ranking.empty() || r.winners.empty()) {
        out["consensus"] = {{"note", "the method gives no winner and ranking, so no consensus figures"}};
        return;
    }
    const cand_t winner = r.winners.front();
    struct unit_fig {
        std::uint64_t ballots = 0, first = 0, topk = 0, population = 0;
        double tau = 0, winner_rank = 0;
    };
    std::map<std::string, unit_fig> per_unit;
    std::uint64_t ballots = 0, first = 0, topk = 0;
    double tau_sum = 0;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        const ranking_tiers t = ballot_tiers_of(p, b);
        const auto mid = mid_ranks(t, n);
        const auto cmp = compare_rankings(t, r.ranking, n);
        const bool is_first =
            !t.empty() && std::find(t.front().begin(), t.front().end(), winner) != t.front().end();
        // In the top k: the winner's tier starts within the first k places.
        std::size_t before = 0;
        bool in_top = false;
        for (const auto& tier : t) {
            if (std::find(tier.begin(), tier.end(), winner) != tier.end()) {
                in_top = before < top_k;
                break;
            }
            before += tier.size();
        }
        const std::string unit = b.unit == k_no_unit ? "" : p.units()[b.unit];
        json entry = {{"unit", unit}, {"count", b.count}};
        if (org && !unit.empty()) {
            entry["pcn"] = pcn_of(*org, unit);
            if (auto u = org->find(unit)) entry["name"] = (*org)[*u].name;
        }
        json ranking = json::array();
        for (const auto& tier : t) {
            json names = json::array();
            for (auto cnd : tier) names.push_back(p.candidate_name(cnd));
            ranking.push_back(names);
        }
        entry["ranking"] = ranking;
        entry["winner_rank"] = mid[winner];
        entry["winner_in_top_k"] = in_top;
        entry["kendall_tau_b"] = cmp.kendall_tau_b;
        roll.push_back(entry);
        ballots += b.count;
        first += is_first ? b.count : 0;
        topk += in_top ? b.count : 0;
        tau_sum += cmp.kendall_tau_b * static_cast<double>(b.count);
        if (!unit.empty()) {
            auto& f = per_unit[unit];
            f.ballots += b.count;
            f.first += is_first ? b.count : 0;
            f.topk += in_top ? b.count : 0;
            f.tau += cmp.kendall_tau_b * static_cast<double>(b.count);
            f.winner_rank += mid[winner] * static_cast<double>(b.count);
        }
    }
    out["roll_call"] = roll;
    json cons = {{"winner", p.candidate_name(winner)},
                 {"top_k", top_k},
                 {"ballots", ballots},
                 {"winner_first", first},
                 {"winner_first_share", share(first, ballots)},
                 {"winner_in_top_k", topk},
                 {"winner_in_top_k_share", share(topk, ballots)},
                 {"mean_kendall_tau_b", ballots ? tau_sum / static_cast<double>(ballots) : 0.0}};
    if (org && !per_unit.empty()) {
        // Patients behind the result: the registered population of the units whose ballot(s) put
        // the winner first / in the top k (a unit with several ballots counts in the share they do).
        std::uint64_t pop = 0;
        rational pop_first = 0, pop_topk = 0;
        std::map<std::string, json> pcns;
        std::map<std::string, std::array<std::uint64_t, 3>> pcn_counts; // units, first, topk
        std::map<std::string, double> pcn_tau;
        for (const auto& [unit, f] : per_unit) {
            const auto u = org->find(unit);
            const std::uint64_t up = u ? (*org)[*u].population : 0;
            pop += up;
            pop_first += rational(f.first, f.ballots) * up;
            pop_topk += rational(f.topk, f.ballots) * up;
            const std::string pcn = pcn_of(*org, unit);
            auto& c = pcn_counts[pcn];
            c[0] += 1;
            c[1] += f.first == f.ballots ? 1 : 0;
            c[2] += f.topk == f.ballots ? 1 : 0;
            pcn_tau[pcn] += f.tau / static_cast<double>(f.ballots);
        }
        cons["population"] = pop;
        cons["population_winner_first_share"] = pop ? to_string(pop_first / pop) : "0";
        cons["population_winner_in_top_k_share"] = pop ? to_string(pop_topk / pop) : "0";
        json by = json::array();
        for (const auto& [pcn, c] : pcn_counts)
            by.push_back({{"pcn", pcn},
                          {"units", c[0]},
                          {"winner_first", c[1]},
                          {"winner_in_top_k", c[2]},
                          {"mean_kendall_tau_b", pcn_tau[pcn] / static_cast<double>(c[0])}});
        out["by_pcn"] = by;
    }
    out["consensus"] = cons;
}

// Roll-call, per-PCN breakdown and consensus of a motion.
void describe_motion(json& out, const std::vector<unit_vote>& votes, const decision& d,
                     const organisation& org, const std::vector<std::uint32_t>& eligible) {
    std::map<std::string, std::vector<std::string>> by_unit;
    for (const auto& v : votes)
        by_unit[v.unit].push_back(v.choice == vote_choice::yes  ? "yes"
                                  : v.choice == vote_choice::no ? "no"
                                                                : "abstain");
    json roll = json::array();
    std::map<std::string, std::array<std::uint64_t, 4>>
        pcn; // yes, no, abstain, absent (whole units by majority of their voters)
    std::uint64_t with = 0, voted = 0, pop_with = 0, pop_voted = 0;
    for (auto i : eligible) {
        const auto& u = org[i];
        json e = {{"unit", u.id}, {"name", u.name}, {"pcn", pcn_of(org, u.id)}, {"population", u.population}};
        auto it = by_unit.find(u.id);
        std::string summary = "absent";
        if (it != by_unit.end()) {
            e["votes"] = it->second;
            const auto yes = std::count(it->second.begin(), it->second.end(), "yes");
            const auto no = std::count(it->second.begin(), it->second.end(), "no");
            summary = yes > no ? "yes" : no > yes ? "no" : yes == 0 ? "abstain" : "split";
        }
        e["vote"] = summary;
        roll.push_back(e);
        auto& c = pcn[pcn_of(org, u.id)];
        c[summary == "yes" ? 0 : summary == "no" ? 1 : summary == "absent" ? 3 : 2] += 1;
        if (summary == "yes" || summary == "no") {
            ++voted;
            pop_voted += u.population;
            if ((summary == "yes") == d.passed) {
                ++with;
                pop_with += u.population;
            }
        }
    }
    out["roll_call"] = roll;
    json by = json::array();
    for (const auto& [k, c] : pcn)
        by.push_back({{"pcn", k}, {"yes", c[0]}, {"no", c[1]}, {"abstain_or_split", c[2]}, {"absent", c[3]}});
    out["by_pcn"] = by;
    out["consensus"] = {{"outcome", d.passed ? "passed" : "not passed"},
                        {"units_with_outcome", with},
                        {"units_voting", voted},
                        {"units_with_outcome_share", share(with, voted)},
                        {"population_with_outcome", pop_with},
                        {"population_voting", pop_voted},
                        {"population_with_outcome_share", share(pop_with, pop_voted)}};
}

json rule_json(const decision_rule& r) {
    json j = {{"name", r.name}};
    json cs = json::array();
    for (const auto& c : r.conditions)
        cs.push_back({{"name", c.name},
                      {"basis", c.basis},
                      {"fraction", to_string(c.fraction)},
                      {"strict", c.strict},
                      {"of", c.of_eligible ? "eligible" : "cast"},
                      {"group_level", c.group_level}});
    for (std::size_t k = 0; k < r.conditions.size(); ++k)
        if (!r.conditions[k].group_scheme.empty()) cs[k]["group_scheme"] = r.conditions[k].group_scheme;
    j["conditions"] = cs;
    if (r.quorum_units || r.quorum_population) {
        json q = json::object();
        if (r.quorum_units) q["units"] = to_string(*r.quorum_units);
        if (r.quorum_population) q["population"] = to_string(*r.quorum_population);
        j["quorum"] = q;
    }
    if (!r.veto.empty()) j["veto"] = r.veto;
    if (!r.observers.empty()) j["observers"] = r.observers;
    j["abstentions"] = r.abstentions == abstention_rule::excluded ? "excluded" : "count-as-cast";
    if (!r.level.empty()) j["level"] = r.level;
    return j;
}

// ---- the three commands -------------------------------------------------------------------------

json eval_run(const json& inv) {
    only(inv, "run", {"command", "method", "options", "ballots", "org", "weighting", "top_k"});
    const std::string method = get_str(inv, "method", "", "run");
    if (method.empty()) throw error(errc::invalid, "run: 'method' is required");
    const json options = inv.value("options", json::object());
    if (!inv.contains("ballots")) throw error(errc::invalid, "run: 'ballots' is required");
    only(inv["ballots"], "run.ballots", {"file", "read"});
    const read_options ro = read_options_from(inv["ballots"].value("read", json::object()));
    const profile p = read_profile(get_str(inv["ballots"], "file", "", "run.ballots"), ro);
    const std::size_t top_k = inv.value("top_k", 3);
    json out;
    if (!inv.contains("org")) {
        const result r = run(p, method, options.dump());
        out["result"] = json::parse(to_json(r));
        describe_count(out, p, r, nullptr, top_k);
        return out;
    }
    const organisation org = org_from(inv["org"]);
    out["organisation_snapshot"] = snapshot_of(org);
    const json w = inv.value("weighting", json::object());
    only(w, "run.weighting", {"scheme", "mode", "level", "group_level", "group_scheme", "inner", "outer"});
    aggregate_options ag;
    const std::string mode = get_str(w, "mode", "normalised", "run.weighting");
    ag.mode = parse_mode(mode);
    ag.level = get_str(w, "level", "", "run.weighting");
    ag.group_level = get_str(w, "group_level", "pcn", "run.weighting");
    // As accord run: METHOD is the outer rule of a two-stage count, and the inner rule unless named.
    if (const std::string gs = get_str(w, "group_scheme", "", "run.weighting"); !gs.empty())
        ag.group_scheme = parse_scheme(gs);
    ag.inner = get_str(w, "inner", "", "run.weighting");
    ag.outer = get_str(w, "outer", "", "run.weighting");
    const result r = run_weighted(p, org, parse_scheme(get_str(w, "scheme", "equal", "run.weighting")),
                                  method, options.dump(), ag);
    out["result"] = json::parse(to_json(r));
    describe_count(out, p, r, &org, top_k);
    return out;
}

json eval_decide(const json& inv) {
    only(inv, "decide", {"command", "votes", "org", "rule", "casting_vote"});
    if (!inv.contains("votes") || !inv.contains("org") || !inv.contains("rule"))
        throw error(errc::invalid, "decide: 'votes', 'org' and 'rule' are required");
    only(inv["votes"], "decide.votes", {"file", "unit_column", "vote_column"});
    const auto votes = read_votes(get_str(inv["votes"], "file", "", "decide.votes"),
                                  get_str(inv["votes"], "unit_column", "unit", "decide.votes"),
                                  get_str(inv["votes"], "vote_column", "vote", "decide.votes"));
    const organisation org = org_from(inv["org"]);
    const decision_rule rule = parse_decision_rule(inv["rule"].dump());
    std::optional<vote_choice> casting;
    if (inv.contains("casting_vote")) casting = parse_vote_choice(get_str(inv, "casting_vote", "", "decide"));
    const decision d = decide(org, votes, rule, casting);
    json out;
    out["organisation_snapshot"] = snapshot_of(org);
    out["decision"] = json::parse(to_json(d));
    const std::string level =
        rule.level.empty() ? (org.kinds().empty() ? "" : org.kinds().front()) : rule.level;
    std::vector<std::uint32_t> eligible;
    for (auto i : org.of_kind(level))
        if (std::find(rule.observers.begin(), rule.observers.end(), org[i].id) == rule.observers.end())
            eligible.push_back(i);
    describe_motion(out, votes, d, org, eligible);
    return out;
}

json eval_vote(const json& inv) {
    only(inv, "vote",
         {"command", "constitution", "ballots", "category", "amount", "date", "duplicates", "casting_vote",
          "top_k"});
    const constitution c = read_constitution(get_str(inv, "constitution", "", "vote"));
    const std::string category_id = get_str(inv, "category", "", "vote");
    const category* cat = c.find_category(category_id);
    if (!cat) throw error(errc::not_found, "vote: the constitution has no category '" + category_id + "'");
    std::optional<rational> amount;
    if (inv.contains("amount")) amount = parse_rational(get_str(inv, "amount", "", "vote"));
    const std::string date = get_str(inv, "date", "", "vote");
    const std::string dup = get_str(inv, "duplicates", "refuse", "vote");
    if (dup != "refuse" && dup != "identical-once" && dup != "share")
        throw error(errc::invalid,
                    "vote: 'duplicates' is refuse, identical-once or share, not '" + dup + "'");
    const std::size_t top_k = inv.value("top_k", 3);
    // The decider comes from the scheme of delegation: ask who may decide it, from the sovereign down.
    const mandate_answer m = mandate(c, c.sovereign, category_id, date, amount);
    const body& b = *c.find_body(m.decider);
    const organisation org = body_organisation(c, b);
    const decision_rule rule = body_rule(c, b, m.rule);
    const std::string ballots_file = get_str(inv, "ballots", "", "vote");

    json out;
    out["constitution"] = {{"name", c.name}, {"version", c.version}, {"review_by", c.review_by}};
    out["organisation_snapshot"] = snapshot_of(c.org);
    out["category"] = category_id;
    if (amount) out["amount"] = to_string(*amount);
    if (!date.empty()) out["date"] = date;
    out["body"] = {{"id", b.id}, {"name", b.name}, {"members", b.members_of.empty() ? "seats" : "practices"}};
    out["mandate"] = m.chain;
    out["rule"] = rule_json(rule);
    out["duplicates"] = dup;

    // Eligibility: the body's voting members (observers excluded).
    std::vector<std::uint32_t> eligible;
    const std::string level = org.kinds().empty() ? "" : org.kinds().front();
    for (auto i : org.of_kind(level))
        if (std::find(rule.observers.begin(), rule.observers.end(), org[i].id) == rule.observers.end())
            eligible.push_back(i);
    std::set<std::string> eligible_ids;
    std::uint64_t eligible_pop = 0;
    for (auto i : eligible) {
        eligible_ids.insert(org[i].id);
        eligible_pop += org[i].population;
    }
    auto check_unit = [&](const std::string& unit) {
        if (unit.empty())
            throw error(errc::invalid,
                        ballots_file + ": a return names no unit; every return must name its member");
        if (!eligible_ids.count(unit)) {
            const bool observer =
                std::find(rule.observers.begin(), rule.observers.end(), unit) != rule.observers.end();
            throw error(errc::invalid, ballots_file + ": '" + unit + "' " +
                                           (observer ? "holds an observer seat and has no vote"
                                                     : "is not a voting member of '" + b.id + "'"));
        }
    };
    std::set<std::string> voted;
    std::vector<std::string> duplicates;

    if (cat->method.empty()) {
        std::vector<unit_vote> votes = read_votes(ballots_file);
        std::map<std::string, std::vector<std::size_t>> rows;
        for (std::size_t k = 0; k < votes.size(); ++k) {
            check_unit(votes[k].unit);
            rows[votes[k].unit].push_back(k);
        }
        std::vector<unit_vote> kept;
        for (std::size_t k = 0; k < votes.size(); ++k) {
            const auto& rs = rows[votes[k].unit];
            if (rs.size() > 1) {
                if (rs.front() == k) duplicates.push_back(votes[k].unit);
                if (dup == "refuse") continue;
                if (dup == "identical-once") {
                    for (auto q : rs)
                        if (votes[q].choice != votes[rs.front()].choice)
                            throw error(errc::invalid, ballots_file + ": '" + votes[k].unit +
                                                           "' returned different votes; "
                                                           "identical-once resolves only identical returns");
                    if (rs.front() != k) continue;
                }
            }
            kept.push_back(votes[k]);
        }
        if (dup == "refuse" && !duplicates.empty()) {
            std::string list;
            for (const auto& u : duplicates) list += (list.empty() ? "" : ", ") + u;
            throw error(errc::invalid,
                        ballots_file + ": more than one return from " + list +
                            " (one return per member; --duplicates identical-once or share resolves them)");
        }
        for (const auto& v : kept) voted.insert(v.unit);
        std::optional<vote_choice> casting;
        if (inv.contains("casting_vote")) {
            const bool has = std::any_of(b.seats.begin(), b.seats.end(),
                                         [](const seat& s) { return s.vote == voting_right::casting; });
            if (!has) throw error(errc::invalid, "vote: '" + b.id + "' has no seat with a casting vote");
            casting = parse_vote_choice(get_str(inv, "casting_vote", "", "vote"));
        }
        const decision d = decide(org, kept, rule, casting);
        out["decision"] = json::parse(to_json(d));
        describe_motion(out, kept, d, org, eligible);
    } else {
        read_options ro;
        ro.csv.unit_column = "unit";
        profile p = read_profile(ballots_file, ro);
        std::map<std::string, std::vector<std::size_t>> by_unit;
        for (std::size_t i = 0; i < p.unique_count(); ++i) {
            const auto bv = p.ballot(i);
            const std::string unit = bv.unit == k_no_unit ? "" : p.units()[bv.unit];
            check_unit(unit);
            by_unit[unit].push_back(i);
        }
        profile q(p.candidate_names(), p.kind());
        for (const auto& [unit, is] : by_unit) {
            std::uint64_t n = 0;
            for (auto i : is) n += p.ballot(i).count;
            if (n > 1) {
                duplicates.push_back(unit);
                if (dup == "share")
                    throw error(errc::unsupported, "vote: 'share' resolves duplicate yes/no votes only; "
                                                   "ranked returns are refused or identical-once");
                if (dup == "refuse" || is.size() > 1)
                    throw error(errc::invalid,
                                ballots_file + ": more than one return from " + unit +
                                    (dup == "refuse"
                                         ? " (one return per member; --duplicates identical-once counts "
                                           "identical returns once)"
                                         : " and they differ, so identical-once cannot resolve them"));
            }
            const auto bv = p.ballot(is.front());
            std::vector<mark> marks(bv.marks.begin(), bv.marks.end());
            q.add(marks, 1, rational(1), q.intern_unit(unit));
            voted.insert(unit);
        }
        std::uint64_t voted_pop = 0;
        for (auto i : eligible)
            if (voted.count(org[i].id)) voted_pop += org[i].population;
        bool quorate = true;
        json qj = json::object();
        if (rule.quorum_units) {
            const bool ok =
                rational(voted.size(), std::max<std::size_t>(eligible.size(), 1)) >= *rule.quorum_units;
            qj["units"] = {{"need", to_string(*rule.quorum_units)},
                           {"have", share(voted.size(), eligible.size())},
                           {"met", ok}};
            quorate = quorate && ok;
        }
        if (rule.quorum_population) {
            const bool ok = eligible_pop && rational(voted_pop, eligible_pop) >= *rule.quorum_population;
            qj["population"] = {{"need", to_string(*rule.quorum_population)},
                                {"have", share(voted_pop, eligible_pop)},
                                {"met", ok}};
            quorate = quorate && ok;
        }
        out["quorum"] = qj;
        out["quorate"] = quorate;
        out["method"] = cat->method;
        const result r = run(q, cat->method, cat->method_options);
        out["result"] = json::parse(to_json(r));
        out["decided"] = quorate;
        describe_count(out, q, r, &org, top_k);
    }
    std::uint64_t voted_pop = 0;
    json missing = json::array();
    for (auto i : eligible) {
        if (voted.count(org[i].id))
            voted_pop += org[i].population;
        else
            missing.push_back(org[i].id);
    }
    out["turnout"] = {{"units", voted.size()},
                      {"eligible_units", eligible.size()},
                      {"units_share", share(voted.size(), eligible.size())},
                      {"population", voted_pop},
                      {"eligible_population", eligible_pop},
                      {"population_share", share(voted_pop, eligible_pop)}};
    out["missing"] = missing;
    out["duplicate_returns"] = duplicates;
    (void)ratio;
    return out;
}

// A representative's brief drawn from the record of a vote: its inputs are that record (whose
// own inputs it names) and the constitution, so a brief can be recorded and verified like a count.
json eval_brief(const json& inv) {
    only(inv, "brief", {"command", "record", "meeting", "expires", "representative", "body"});
    const std::string record = get_str(inv, "record", "", "brief");
    if (record.empty())
        throw error(errc::invalid, "brief: 'record' (the record of a ranked vote) is required");
    json opt = json::object();
    for (const char* k : {"meeting", "expires", "representative", "body"})
        if (inv.contains(k)) opt[k] = get_str(inv, k, "", "brief");
    return json::parse(make_brief(gd::read_file(record), opt.dump()));
}

} // namespace

std::string evaluate_invocation(const std::string& invocation_json) {
    return detail::invocation_outcome(gd::parse_json(invocation_json, "invocation")).dump();
}

json detail::invocation_outcome(const json& inv) {
    if (!inv.is_object() || !inv.contains("command") || !inv["command"].is_string())
        throw error(errc::invalid,
                    "invocation: expected an object with a 'command' (run, decide, vote or brief)");
    const std::string cmd = inv["command"].get<std::string>();
    json out;
    if (cmd == "run")
        out = eval_run(inv);
    else if (cmd == "decide")
        out = eval_decide(inv);
    else if (cmd == "vote")
        out = eval_vote(inv);
    else if (cmd == "brief")
        out = eval_brief(inv);
    else
        throw error(errc::invalid, "invocation: unknown command '" + cmd + "' (run, decide, vote or brief)");
    return out;
}

json detail::decision_rule_report(const decision_rule& r) { return rule_json(r); }

std::string rule_to_json(const decision_rule& r) { return rule_json(r).dump(); }

std::string run_vote(const std::string& invocation_json) {
    json inv = gd::parse_json(invocation_json, "vote options");
    if (!inv.is_object()) throw error(errc::invalid, "vote options: expected a JSON object");
    inv["command"] = "vote";
    return evaluate_invocation(inv.dump());
}

} // namespace v0
} // namespace accord
