// Profiles as mergeable summaries: exact merge and a JSON serialisation (include/accord/summary.hpp).
#include "accord/summary.hpp"

#include "accord/error.hpp"
#include "accord/detail/safety.hpp"
#include "accord/number.hpp"
#include "rules/single_winner_adapters.hpp"

#include <nlohmann/json.hpp>

namespace accord {
inline namespace v0 {

void merge_into(profile& into, const profile& from) {
    if (into.kind() != from.kind())
        throw error(errc::invalid, std::string("merge: the profiles hold different ballot kinds (") +
                                       ballot_kind_name(into.kind()) + " and " +
                                       ballot_kind_name(from.kind()) + ")");
    if (into.seats != from.seats)
        throw error(errc::invalid, "merge: the profiles declare different seats (" +
                                       std::to_string(into.seats) + " and " + std::to_string(from.seats) +
                                       ")");
    // A participatory budget (Pabulib) carries its budget and its projects' costs: shards of one
    // vote declare the same, and a merge that lost or mixed them would count a different vote.
    const auto money = [](const std::optional<rational>& b) {
        return b ? to_string(*b) : std::string("none");
    };
    if (into.budget != from.budget)
        throw error(errc::invalid, "merge: the profiles declare different budgets (" + money(into.budget) +
                                       " and " + money(from.budget) + ")");
    if (into.costs.empty() != from.costs.empty())
        throw error(errc::invalid, std::string("merge: only the ") +
                                       (into.costs.empty() ? "second" : "first") +
                                       " profile declares project costs");
    for (const profile* q : {static_cast<const profile*>(&into), &from})
        if (!q->costs.empty() && q->costs.size() != q->candidate_count())
            throw error(errc::invalid, "merge: a profile declares " + std::to_string(q->costs.size()) +
                                           " project costs for " + std::to_string(q->candidate_count()) +
                                           " candidates");
    // Built aside and swapped in, so a failure leaves `into` unchanged. Candidates are matched by
    // name; those `into` lacks join after its own, in `from`'s order, which is the order a reader
    // meets them in the concatenated file.
    profile out = into;
    std::vector<cand_t> to(from.candidate_count());
    for (cand_t c = 0; c < from.candidate_count(); ++c) {
        const auto& name = from.candidate_name(c);
        if (auto x = out.find_candidate(name)) {
            if (out.withdrawn(*x) != from.withdrawn(c))
                throw error(errc::invalid,
                            "merge: candidate '" + name + "' is withdrawn in one profile only");
            if (!from.costs.empty() && out.costs[*x] != from.costs[c])
                throw error(errc::invalid, "merge: project '" + name + "' costs " + to_string(out.costs[*x]) +
                                               " in one profile and " + to_string(from.costs[c]) +
                                               " in the other");
            to[c] = *x;
        } else {
            to[c] = out.add_candidate(name);
            if (from.withdrawn(c)) out.set_withdrawn(to[c]);
            if (!from.costs.empty()) out.costs.push_back(from.costs[c]);
        }
    }
    std::vector<std::uint32_t> unit(from.units().size());
    for (std::size_t u = 0; u < unit.size(); ++u) unit[u] = out.intern_unit(from.units()[u]);
    std::vector<mark> marks;
    for (std::size_t i = 0; i < from.unique_count(); ++i) {
        const auto b = from.ballot(i);
        marks.assign(b.marks.begin(), b.marks.end());
        for (auto& m : marks)
            if (m.candidate != k_overvote) m.candidate = to[m.candidate];
        out.add(marks, b.count, b.weight ? *b.weight : rational(1),
                b.unit == k_no_unit ? k_no_unit : unit[b.unit]);
    }
    into = std::move(out);
}

std::string serialize(const profile& p) {
    using json = nlohmann::json;
    json j;
    j["format"] = "accord-summary";
    j["version"] = 1;
    j["kind"] = ballot_kind_name(p.kind());
    j["candidates"] = p.candidate_names();
    json withdrawn = json::array();
    for (cand_t c = 0; c < p.candidate_count(); ++c)
        if (p.withdrawn(c)) withdrawn.push_back(c);
    j["withdrawn"] = withdrawn;
    j["seats"] = p.seats;
    j["title"] = p.title;
    if (!p.costs.empty()) {
        json costs = json::array();
        for (const auto& c : p.costs) costs.push_back(to_string(c));
        j["costs"] = std::move(costs);
    }
    if (p.budget) j["budget"] = to_string(*p.budget);
    j["units"] = p.units();
    json ballots = json::array();
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        json marks = json::array();
        for (const auto& m : b.marks) {
            marks.push_back(m.candidate == k_overvote ? -1 : static_cast<std::int64_t>(m.candidate));
            marks.push_back(m.value);
        }
        ballots.push_back(
            json::array({b.count, b.weight ? json(to_string(*b.weight)) : json(nullptr),
                         b.unit == k_no_unit ? std::int64_t{-1} : std::int64_t{b.unit}, marks}));
    }
    j["ballots"] = std::move(ballots);
    return j.dump();
}

profile deserialize(std::string_view text) {
    using json = nlohmann::json;
    auto bad = [](const std::string& what) { return error(errc::invalid, "summary: " + what); };
    json j;
    try {
        j = json::parse(text);
    } catch (const json::exception&) {
        throw bad("not valid JSON");
    }
    try {
        if (!j.is_object() || j.value("format", "") != "accord-summary") throw bad("not an accord summary");
        if (j.at("version").get<int>() != 1) throw bad("unsupported version " + j.at("version").dump());
        const std::string kind = j.at("kind").get<std::string>();
        ballot_kind k = ballot_kind::ranking;
        if (kind == ballot_kind_name(ballot_kind::approval))
            k = ballot_kind::approval;
        else if (kind == ballot_kind_name(ballot_kind::score))
            k = ballot_kind::score;
        else if (kind != ballot_kind_name(ballot_kind::ranking))
            throw bad("unknown ballot kind '" + kind + "'");
        profile p(j.at("candidates").get<std::vector<std::string>>(), k);
        for (const auto& c : j.at("withdrawn")) {
            const auto x = c.get<std::uint64_t>();
            if (x >= p.candidate_count())
                throw bad("withdrawn candidate " + std::to_string(x) + " out of range");
            p.set_withdrawn(static_cast<cand_t>(x));
        }
        p.seats = j.at("seats").get<std::size_t>();
        p.title = j.at("title").get<std::string>();
        if (j.contains("costs")) {
            for (const auto& c : j.at("costs")) p.costs.push_back(parse_rational(c.get<std::string>()));
            if (p.costs.size() != p.candidate_count()) throw bad("'costs' must give one cost per candidate");
        }
        if (j.contains("budget")) p.budget = parse_rational(j.at("budget").get<std::string>());
        std::vector<std::uint32_t> unit;
        for (const auto& u : j.at("units")) unit.push_back(p.intern_unit(u.get<std::string>()));
        std::vector<mark> marks;
        for (const auto& b : j.at("ballots")) {
            if (!b.is_array() || b.size() != 4) throw bad("a ballot must be [count, weight, unit, marks]");
            const auto count = b[0].get<std::uint64_t>();
            const rational w = b[1].is_null() ? rational(1) : parse_rational(b[1].get<std::string>());
            const auto u = b[2].get<std::int64_t>();
            if (u < -1 || u >= static_cast<std::int64_t>(unit.size()))
                throw bad("a ballot's unit is out of range");
            const auto& m = b[3];
            if (!m.is_array() || m.size() % 2) throw bad("a ballot's marks must be candidate, value pairs");
            marks.clear();
            for (std::size_t x = 0; x < m.size(); x += 2) {
                const auto c = m[x].get<std::int64_t>();
                if (c < -1 || c >= static_cast<std::int64_t>(p.candidate_count()))
                    throw bad("a mark's candidate is out of range");
                marks.push_back(
                    {c == -1 ? k_overvote : static_cast<cand_t>(c), m[x + 1].get<std::int32_t>()});
            }
            p.add(marks, count, w, u == -1 ? k_no_unit : unit[static_cast<std::size_t>(u)]);
        }
        return p;
    } catch (const json::exception& e) {
        throw bad(std::string("malformed (") + e.what() + ")");
    }
}

std::string budget_json(const profile& p) {
    nlohmann::ordered_json j;
    j["budget"] = p.budget ? nlohmann::ordered_json(to_string(*p.budget)) : nlohmann::ordered_json(nullptr);
    if (p.costs.empty()) {
        j["costs"] = nullptr;
    } else {
        nlohmann::ordered_json costs = nlohmann::ordered_json::object();
        for (cand_t c = 0; c < p.candidate_count() && c < p.costs.size(); ++c)
            costs[p.candidate_name(c)] = to_string(p.costs[c]);
        j["costs"] = std::move(costs);
    }
    return j.dump();
}

namespace {
rational money_of(const nlohmann::json& v, const std::string& what) {
    const auto x = detail::exact_number(v);
    if (!x || sign(*x) < 0)
        throw error(errc::invalid, what +
                                       " must be an exact number >= 0: an integer or a string such as "
                                       "\"1250.50\" or \"501/2\", got " +
                                       detail::json_excerpt(v));
    return *x;
}
} // namespace

void set_budget_json(profile& p, std::string_view text) {
    const auto j = detail::parse_json<nlohmann::json>(text, "budget");
    if (!j.is_object()) throw error(errc::invalid, "budget: expected a JSON object {\"budget\", \"costs\"}");
    std::optional<std::optional<rational>> budget;
    std::optional<std::vector<rational>> costs;
    for (const auto& [key, v] : j.items()) {
        if (key == "budget") {
            budget =
                v.is_null() ? std::optional<rational>() : std::optional<rational>(money_of(v, "'budget'"));
        } else if (key == "costs") {
            if (v.is_null()) {
                costs.emplace();
                continue;
            }
            if (!v.is_object())
                throw error(errc::invalid, "'costs' must be an object {\"project\": cost} or null");
            std::vector<std::optional<rational>> by(p.candidate_count());
            for (const auto& [name, cost] : v.items()) {
                const auto c = p.find_candidate(name);
                if (!c)
                    throw error(errc::not_found, "'costs' names '" + name + "', which is not a candidate");
                by[*c] = money_of(cost, "the cost of '" + name + "'");
            }
            costs.emplace();
            for (cand_t c = 0; c < p.candidate_count(); ++c) {
                if (!by[c])
                    throw error(errc::invalid, "'costs' gives no cost for '" + p.candidate_name(c) + "'");
                costs->push_back(*by[c]);
            }
        } else {
            throw error(errc::invalid, "budget: unknown key '" + key + "' (known: budget, costs)");
        }
    }
    if (budget) p.budget = *budget;
    if (costs) p.costs = std::move(*costs);
}

} // namespace v0
} // namespace accord
