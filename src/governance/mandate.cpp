// Questions a constitution answers: who decides a matter and why, power in a body, seats whose
// terms end (accord/governance.hpp).
#include "accord/detail/safety.hpp"
#include "accord/governance.hpp"

#include "governance_internal.hpp"

#include <algorithm>

namespace accord {
inline namespace v0 {

using json = nlohmann::ordered_json;
namespace gd = governance_detail;

namespace {
bool in_force(const delegation& d, const std::string& date) {
    if (date.empty()) return true;
    return (d.valid_from.empty() || d.valid_from <= date) && (d.valid_until.empty() || date <= d.valid_until);
}
std::string body_label(const constitution& c, const std::string& id) {
    const body* b = c.find_body(id);
    return b && !b->name.empty() ? b->name + " (" + id + ")" : id;
}
} // namespace

mandate_query mandate_query_from_json(std::string_view json_text) {
    const json q = detail::parse_json<json>(json_text, "query_json");
    if (!q.is_object()) throw error(errc::invalid, "query_json must be a JSON object");
    for (auto it = q.begin(); it != q.end(); ++it)
        if (it.key() != "body" && it.key() != "category" && it.key() != "date" && it.key() != "amount")
            throw error(errc::invalid, "query_json: unknown key '" + it.key().substr(0, 40) +
                                           "' (body, category, date, amount)");
    if (!q.contains("body") || !q["body"].is_string() || !q.contains("category") ||
        !q["category"].is_string())
        throw error(errc::invalid, "query_json: 'body' and 'category' (strings) are required");
    mandate_query m;
    m.body = q["body"].get<std::string>();
    m.category = q["category"].get<std::string>();
    if (q.contains("amount")) {
        if (!q["amount"].is_string())
            throw error(errc::invalid, "query_json: 'amount' is an exact number as a string");
        m.amount = parse_rational(q["amount"].get<std::string>());
    }
    if (q.contains("date")) {
        if (!q["date"].is_string()) throw error(errc::invalid, "query_json: 'date' is a string YYYY-MM-DD");
        m.date = q["date"].get<std::string>();
    }
    return m;
}

mandate_answer mandate(const constitution& c, const std::string& body_id, const std::string& category_id,
                       const std::string& date, const std::optional<rational>& amount) {
    const category* cat = c.find_category(category_id);
    if (!cat) {
        std::string known;
        for (const auto& k : c.categories) known += (known.empty() ? "" : ", ") + k.id;
        throw error(errc::not_found,
                    "the constitution has no category '" + category_id + "' (has: " + known + ")");
    }
    if (!c.find_body(body_id)) {
        std::string known;
        for (const auto& b : c.bodies) known += (known.empty() ? "" : ", ") + b.id;
        throw error(errc::not_found, "the constitution has no body '" + body_id + "' (has: " + known + ")");
    }
    if (!date.empty() && !gd::is_iso_date(date))
        throw error(errc::invalid, "the date '" + date + "' is not written YYYY-MM-DD");
    if (amount && sign(*amount) < 0) throw error(errc::invalid, "the amount is negative");
    mandate_answer m;
    m.category = category_id;
    m.body = body_id;
    std::string at = c.sovereign;
    m.rule = cat->rule;
    m.chain.push_back(body_label(c, c.sovereign) + " holds every power (the sovereign body of " + c.name +
                      ", version " + c.version + ")");
    if (cat->reserved)
        m.chain.push_back("'" + category_id + "' is a reserved matter: only the sovereign body decides it");
    for (std::size_t guard = 0; !cat->reserved && guard <= c.delegations.size(); ++guard) {
        const delegation* next = nullptr;
        std::size_t index = 0;
        for (std::size_t k = 0; k < c.delegations.size(); ++k)
            if (c.delegations[k].category == category_id && c.delegations[k].from == at &&
                in_force(c.delegations[k], date)) {
                next = &c.delegations[k];
                index = k;
                break;
            }
        if (!next) break;
        if (next->limit && amount && *amount > *next->limit) {
            m.chain.push_back("delegation " + std::to_string(index) + " gives '" + category_id + "' to " +
                              body_label(c, next->to) + " only up to " + to_string(*next->limit) + "; " +
                              to_string(*amount) + " is above it, so the matter stays with " +
                              body_label(c, at));
            break;
        }
        std::string step = "delegation " + std::to_string(index) + ": " + body_label(c, at) + " delegates '" +
                           category_id + "' to " + body_label(c, next->to);
        if (next->limit)
            step +=
                ", up to " + to_string(*next->limit) +
                (amount ? ""
                        : " (no amount given: above it, the matter stays with " + body_label(c, at) + ")");
        if (!next->valid_until.empty()) step += ", until " + next->valid_until;
        m.chain.push_back(step);
        at = next->to;
        m.rule = next->rule;
    }
    m.decider = at;
    m.allowed = at == body_id;
    m.rule_json = "";
    if (m.allowed)
        m.reason = body_label(c, body_id) + " may decide '" + category_id + "'" +
                   (amount ? " for " + to_string(*amount) : "") + (date.empty() ? "" : " on " + date) +
                   ", under the rule '" + m.rule.name + "'";
    else
        m.reason = body_label(c, body_id) + " may not decide '" + category_id + "'" +
                   (amount ? " for " + to_string(*amount) : "") + (date.empty() ? "" : " on " + date) + ": " +
                   body_label(c, at) + " decides it, under the rule '" + m.rule.name + "'";
    if (!date.empty()) {
        if (!c.review_by.empty() && c.review_by < date)
            m.warnings.push_back("the constitution was due for review on " + c.review_by);
        if (const body* b = c.find_body(at))
            for (const auto& s : b->seats)
                if (!s.term_end.empty() && s.term_end < date)
                    m.warnings.push_back("seat '" + s.id + "' of '" + at + "' (" +
                                         (s.holder.empty() ? "vacant" : s.holder) + "): the term ended on " +
                                         s.term_end);
    }
    return m;
}

std::string to_json(const mandate_answer& m, int indent) {
    json rule = json::object();
    json conds = json::array();
    for (const auto& k : m.rule.conditions)
        conds.push_back({{"name", k.name},
                         {"basis", k.basis},
                         {"fraction", to_string(k.fraction)},
                         {"strict", k.strict},
                         {"of", k.of_eligible ? "eligible" : "cast"}});
    for (std::size_t k = 0; k < m.rule.conditions.size(); ++k)
        if (!m.rule.conditions[k].group_scheme.empty()) {
            conds[k]["group_scheme"] = m.rule.conditions[k].group_scheme;
            conds[k]["group_level"] = m.rule.conditions[k].group_level;
        }
    rule["name"] = m.rule.name;
    rule["conditions"] = conds;
    if (m.rule.quorum_units) rule["quorum_units"] = to_string(*m.rule.quorum_units);
    if (m.rule.quorum_population) rule["quorum_population"] = to_string(*m.rule.quorum_population);
    if (!m.rule.veto.empty()) rule["veto"] = m.rule.veto;
    json j = {{"allowed", m.allowed}, {"body", m.body},   {"category", m.category}, {"decider", m.decider},
              {"rule", rule},         {"chain", m.chain}, {"reason", m.reason},     {"warnings", m.warnings}};
    return j.dump(indent);
}

organisation body_organisation(const constitution& c, const body& b) {
    if (!b.members_of.empty()) {
        const grouping* g = c.find_grouping(b.members_of);
        if (!g) throw error(errc::not_found, "body '" + b.id + "': no grouping '" + b.members_of + "'");
        std::vector<std::uint32_t> leaves;
        for (const auto& id : g->members) leaves.push_back(*c.org.find(id));
        return c.org.restricted(leaves);
    }
    organisation o;
    for (const auto& s : b.seats) {
        org_unit u;
        u.id = s.id;
        u.name = s.holder.empty() ? s.id : s.holder;
        u.kind = "seat";
        if (const grouping* g = c.find_grouping(s.represents))
            u.population = g->population;
        else if (auto i = c.org.find(s.represents))
            u.population = c.org[*i].population;
        u.attributes["represents"] = s.represents;
        u.attributes["vote"] = voting_right_name(s.vote);
        o.add(std::move(u));
    }
    o.sort_kinds();
    return o;
}

decision_rule body_rule(const constitution& c, const body& b, decision_rule rule) {
    (void)c;
    for (const auto& s : b.seats)
        if (s.vote == voting_right::observer &&
            std::find(rule.observers.begin(), rule.observers.end(), s.id) == rule.observers.end())
            rule.observers.push_back(s.id);
    if (b.members_of.empty()) rule.level = "seat";
    return rule;
}

power_result body_power(const constitution& c, const std::string& body_id, const std::string& category_id,
                        const power_options& opt) {
    (void)mandate(c, body_id, category_id); // errc::not_found for an unknown body or category
    // The rule the body decides the category by whenever it does (within its limits).
    const category& cat = *c.find_category(category_id);
    const decision_rule* rule = body_id == c.sovereign ? &cat.rule : nullptr;
    for (const auto& d : c.delegations)
        if (!rule && d.category == category_id && d.to == body_id) rule = &d.rule;
    if (!rule)
        throw error(errc::invalid, "'" + body_id + "' never decides '" + category_id +
                                       "': nothing delegates it to that body");
    const body& b = *c.find_body(body_id);
    return power_indices(rule_game(body_organisation(c, b), body_rule(c, b, *rule)), opt);
}

std::vector<seat_status> seats_needing_attention(const constitution& c, const std::string& as_of) {
    if (!gd::is_iso_date(as_of))
        throw error(errc::invalid, "the date '" + as_of + "' is not written YYYY-MM-DD");
    std::vector<seat_status> out;
    const std::string soon = gd::add_days(as_of, 90);
    for (const auto& b : c.bodies)
        for (const auto& s : b.seats) {
            std::string st;
            if (s.holder.empty())
                st = "vacant";
            else if (!s.term_end.empty() && s.term_end < as_of)
                st = "expired";
            else if (!s.term_end.empty() && s.term_end <= soon)
                st = "expires-soon";
            if (!st.empty()) out.push_back({b.id, s.id, s.holder, s.term_end, st});
        }
    return out;
}

} // namespace v0
} // namespace accord
