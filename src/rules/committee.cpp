// Proportional committees and participatory budgeting from approval ballots, exactly.
//
// Voters are the distinct ballots, each with its weight (multiplicity x ballot weight), so a
// group of identical voters is one row: loads, budgets and payments are per unit of weight.
#include "accord/rules/committee.hpp"

#include "accord/detail/options.hpp"
#include "single_winner_adapters.hpp"

#include <algorithm>
#include <functional>
#include <numeric>

namespace accord {
inline namespace v0 {
namespace {

struct voters {
    std::vector<std::vector<cand_t>> approves; // per voter group, sorted
    std::vector<rational> weight;
    std::vector<std::vector<std::uint32_t>> supporters; // per candidate: voter groups
    std::vector<rational> approval;                      // per candidate: weighted approvals
    std::vector<cand_t> cands;                           // candidates in the count
    rational total{0};
};

voters read_voters(const profile& p, const std::vector<cand_t>& excluded, approval_source src, const char* method) {
    const std::size_t n = p.candidate_count();
    if (p.kind() == ballot_kind::score)
        throw error(errc::unsupported, std::string(method) + " needs approval ballots, the profile holds score ballots");
    if (p.kind() == ballot_kind::ranking && src == approval_source::refuse)
        throw error(errc::unsupported, std::string(method) +
                                           " needs approval ballots; for ranking ballots give the option "
                                           "from_ranking: \"first-tier\" or \"all-ranked\"");
    std::vector<char> in(n, 1);
    for (cand_t c = 0; c < n; ++c)
        if (p.withdrawn(c)) in[c] = 0;
    for (cand_t c : excluded) {
        if (c >= n) throw error(errc::invalid, std::string(method) + ": excluded candidate index out of range");
        in[c] = 0;
    }
    voters v;
    v.supporters.resize(n);
    v.approval.assign(n, rational(0));
    for (cand_t c = 0; c < n; ++c)
        if (in[c]) v.cands.push_back(c);
    if (v.cands.empty()) throw error(errc::invalid, std::string(method) + ": no candidate to choose from");
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        std::vector<cand_t> a;
        if (p.kind() == ballot_kind::approval) {
            for (const auto& m : b.marks)
                if (m.candidate != k_overvote && in[m.candidate]) a.push_back(m.candidate);
        } else {
            const auto tiers = tiers_of(p, b);
            for (std::size_t t = 0; t < tiers.size() && (t == 0 || src == approval_source::all_ranked); ++t)
                for (cand_t c : tiers[t])
                    if (in[c]) a.push_back(c);
        }
        std::sort(a.begin(), a.end());
        a.erase(std::unique(a.begin(), a.end()), a.end());
        rational w(b.count);
        if (b.weight) w *= *b.weight;
        v.total += w;
        const auto g = static_cast<std::uint32_t>(v.approves.size());
        for (cand_t c : a) {
            v.supporters[c].push_back(g);
            v.approval[c] += w;
        }
        v.approves.push_back(std::move(a));
        v.weight.push_back(w);
    }
    if (v.total == 0) throw error(errc::invalid, std::string(method) + ": no voters");
    return v;
}

result fresh(const profile& p, const char* method, const voters& v) {
    result r;
    r.method = method;
    r.candidates = p.candidate_names();
    r.scores.assign(p.candidate_count(), std::nullopt);
    for (cand_t c : v.cands) r.scores[c] = v.approval[c];
    r.score_name = "approvals";
    return r;
}

std::size_t check_seats(std::size_t seats, const voters& v, const char* method) {
    if (seats == 0) throw error(errc::invalid, std::string(method) + ": option 'seats' must be at least 1");
    if (seats > v.cands.size())
        throw error(errc::invalid, std::string(method) + ": " + std::to_string(seats) + " seats but only " +
                                       std::to_string(v.cands.size()) + " candidates");
    return seats;
}

// Winners in order of selection, then the rest by approvals (equal approvals share a tier).
void finish(result& r, const voters& v) {
    for (cand_t c : r.winners) r.ranking.push_back({c});
    std::vector<cand_t> rest;
    for (cand_t c : v.cands)
        if (std::find(r.winners.begin(), r.winners.end(), c) == r.winners.end()) rest.push_back(c);
    std::stable_sort(rest.begin(), rest.end(), [&](cand_t a, cand_t b) { return v.approval[a] > v.approval[b]; });
    for (std::size_t k = 0; k < rest.size(); ++k) {
        if (k > 0 && v.approval[rest[k]] == v.approval[rest[k - 1]]) r.ranking.back().push_back(rest[k]);
        else r.ranking.push_back({rest[k]});
    }
}

// The candidates (not yet chosen) with the best value; `better(a, b)` is strict.
template <class Better>
std::vector<cand_t> best_of(const std::vector<cand_t>& open, const std::vector<std::optional<rational>>& value, Better better) {
    std::vector<cand_t> top;
    for (cand_t c : open) {
        if (!value[c]) continue;
        if (top.empty() || better(*value[c], *value[top.front()])) top = {c};
        else if (*value[c] == *value[top.front()]) top.push_back(c);
    }
    return top;
}

// Adds one of `top` (breaking a tie by policy); returns false if the tie was left unresolved.
bool choose(result& r, tie_breaker& tb, const std::vector<cand_t>& top, std::vector<cand_t>& open, round_record rec,
            const char* purpose) {
    std::optional<cand_t> c = top.front();
    if (top.size() > 1) c = tb.pick_winner(top, r.rounds.size() + 1, purpose);
    if (!c) {
        r.rounds.push_back(std::move(rec));
        r.notes.push_back("selection stopped: a tie was left unresolved (tie_break report)");
        return false;
    }
    rec.elected = {*c};
    r.winners.push_back(*c);
    std::erase(open, *c);
    r.rounds.push_back(std::move(rec));
    return true;
}

} // namespace

result seq_pav(const profile& p, const committee_options& opt) {
    const voters v = read_voters(p, opt.excluded, opt.from_ranking, "seq-pav");
    const std::size_t seats = check_seats(opt.seats, v, "seq-pav");
    result r = fresh(p, "seq-pav", v);
    tie_breaker tb(opt.tie_break, r);
    std::vector<std::size_t> have(v.approves.size(), 0);
    std::vector<cand_t> open = v.cands;
    rational total(0);
    while (r.winners.size() < seats) {
        round_record rec;
        rec.tallies.assign(p.candidate_count(), std::nullopt);
        for (cand_t c : open) {
            rational gain(0);
            for (auto g : v.supporters[c]) gain += v.weight[g] / rational(static_cast<std::int64_t>(have[g] + 1));
            rec.tallies[c] = gain;
        }
        const auto top = best_of(open, rec.tallies, [](const rational& a, const rational& b) { return a > b; });
        const rational gain = *rec.tallies[top.front()];
        total += gain;
        rec.note = "marginal PAV scores; the committee's score rises by " + to_string(gain) + " to " + to_string(total);
        if (!choose(r, tb, top, open, std::move(rec), "selection")) break;
        for (auto g : v.supporters[r.winners.back()]) ++have[g];
    }
    r.notes.push_back("PAV score of the committee: " + to_string(total));
    finish(r, v);
    return r;
}

result pav(const profile& p, const committee_options& opt) {
    const voters v = read_voters(p, opt.excluded, opt.from_ranking, "pav");
    const std::size_t seats = check_seats(opt.seats, v, "pav");
    result r = fresh(p, "pav", v);
    tie_breaker tb(opt.tie_break, r);
    const std::size_t n = p.candidate_count();
    // Candidates by approvals, so good committees are found early and bounds bite.
    std::vector<cand_t> order = v.cands;
    std::stable_sort(order.begin(), order.end(), [&](cand_t a, cand_t b) { return v.approval[a] > v.approval[b]; });
    std::vector<std::size_t> have(v.approves.size(), 0);
    rational best(-1);
    std::vector<std::vector<cand_t>> best_sets;
    std::vector<cand_t> chosen;
    std::uint64_t visited = 0;
    // Marginal gain of c given the current partial committee.
    auto gain = [&](cand_t c) {
        rational g(0);
        for (auto x : v.supporters[c]) g += v.weight[x] / rational(static_cast<std::int64_t>(have[x] + 1));
        return g;
    };
    std::function<void(std::size_t, const rational&)> search = [&](std::size_t from, const rational& score) {
        if (++visited > opt.max_committees)
            throw error(errc::invalid, "pav: more than " + std::to_string(opt.max_committees) +
                                           " partial committees examined; use seq-pav, or raise max_committees");
        if (chosen.size() == seats) {
            if (score > best) {
                best = score;
                best_sets = {chosen};
            } else if (score == best) {
                best_sets.push_back(chosen);
            }
            return;
        }
        const std::size_t need = seats - chosen.size();
        if (order.size() - from < need) return;
        // Bound: by submodularity, no `need` further candidates add more than the `need`
        // largest marginal gains now.
        std::vector<rational> gains;
        for (std::size_t k = from; k < order.size(); ++k) gains.push_back(gain(order[k]));
        std::partial_sort(gains.begin(), gains.begin() + static_cast<std::ptrdiff_t>(need), gains.end(), std::greater<>());
        rational bound = score;
        for (std::size_t k = 0; k < need; ++k) bound += gains[k];
        if (bound < best) return;
        for (std::size_t k = from; k + need <= order.size(); ++k) {
            const cand_t c = order[k];
            const rational g = gain(c);
            chosen.push_back(c);
            for (auto x : v.supporters[c]) ++have[x];
            search(k + 1, score + g);
            for (auto x : v.supporters[c]) --have[x];
            chosen.pop_back();
        }
    };
    search(0, rational(0));
    for (auto& s : best_sets) std::sort(s.begin(), s.end());
    std::sort(best_sets.begin(), best_sets.end());
    std::vector<cand_t> pick = best_sets.front();
    if (best_sets.size() > 1) {
        // Several optimal committees: the tie-break orders their members' union and the first
        // committee (in that order) wins; every alternative is listed.
        tie_record t;
        t.purpose = "committee";
        t.policy = tie_policy_name(opt.tie_break.policy);
        std::string detail = std::to_string(best_sets.size()) + " committees share the optimal PAV score:";
        std::vector<cand_t> all;
        for (const auto& s : best_sets) {
            detail += " {";
            for (std::size_t k = 0; k < s.size(); ++k) detail += (k ? ", " : "") + p.candidate_name(s[k]);
            detail += "}";
            all.insert(all.end(), s.begin(), s.end());
        }
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        auto ordered = tb.order(all, 0, "committee");
        if (!ordered) {
            r.complete = false;
            r.notes.push_back("several optimal committees and tie_break report: none chosen");
            pick.clear();
        } else {
            std::vector<std::size_t> rank(n, n);
            for (std::size_t k = 0; k < ordered->size(); ++k) rank[(*ordered)[k]] = k;
            auto key = [&](const std::vector<cand_t>& s) {
                std::vector<std::size_t> ks;
                for (cand_t c : s) ks.push_back(rank[c]);
                std::sort(ks.begin(), ks.end());
                return ks;
            };
            pick = *std::min_element(best_sets.begin(), best_sets.end(), [&](auto& a, auto& b) { return key(a) < key(b); });
            r.ties.back().detail = detail;
        }
    }
    std::stable_sort(pick.begin(), pick.end(), [&](cand_t a, cand_t b) { return v.approval[a] > v.approval[b]; });
    r.winners = pick;
    round_record rec;
    rec.tallies.assign(n, std::nullopt);
    for (cand_t c : v.cands) rec.tallies[c] = v.approval[c];
    rec.elected = pick;
    rec.note = "optimal PAV score " + to_string(best) + " (" + std::to_string(visited) + " partial committees examined)";
    r.rounds.push_back(rec);
    r.notes.push_back("PAV score of the committee: " + to_string(best));
    finish(r, v);
    return r;
}

namespace {
// seq-Phragmén from given loads (all 0, or minus the budgets MES left) until `seats` are chosen.
void phragmen_phase(const profile& p, const voters& v, std::size_t seats, std::vector<rational>& load, result& r,
                    tie_breaker& tb, std::vector<cand_t>& open, const char* phase) {
    while (r.winners.size() < seats && !open.empty()) {
        round_record rec;
        rec.tallies.assign(p.candidate_count(), std::nullopt);
        for (cand_t c : open) {
            rational support(0), carried(0);
            for (auto g : v.supporters[c]) {
                support += v.weight[g];
                carried += v.weight[g] * load[g];
            }
            if (support > 0) rec.tallies[c] = (rational(1) + carried) / support;
        }
        auto top = best_of(open, rec.tallies, [](const rational& a, const rational& b) { return a < b; });
        if (top.empty()) {
            // Nobody left has a supporter: any of them is as good as any other.
            top = open;
            rec.note = std::string(phase) + ": no remaining candidate is approved by anyone";
        } else {
            rec.note = std::string(phase) + ": new maximal load per unit of weight (lowest wins) " + to_string(*rec.tallies[top.front()]);
        }
        if (!choose(r, tb, top, open, std::move(rec), "selection")) return;
        const cand_t c = r.winners.back();
        if (r.rounds.back().tallies[c])
            for (auto g : v.supporters[c]) load[g] = *r.rounds.back().tallies[c];
    }
}

// Smallest rho with sum over supporters of min(budget_i, w_i * rho * utility) = cost, or none.
std::optional<rational> price(const voters& v, const std::vector<rational>& budget, cand_t c, const rational& cost) {
    rational have(0);
    for (auto g : v.supporters[c]) have += budget[g];
    if (have < cost || v.supporters[c].empty()) return std::nullopt;
    std::vector<std::uint32_t> s = v.supporters[c];
    // Voters whose budget per unit of weight is smallest run out first.
    std::sort(s.begin(), s.end(), [&](auto a, auto b) { return budget[a] / v.weight[a] < budget[b] / v.weight[b]; });
    rational left = cost, weight(0);
    for (auto g : s) weight += v.weight[g];
    for (auto g : s) {
        const rational rho = left / weight;
        if (budget[g] >= v.weight[g] * rho) return rho;
        left -= budget[g];
        weight -= v.weight[g];
    }
    return std::nullopt; // unreachable when have >= cost
}

void pay(const voters& v, std::vector<rational>& budget, cand_t c, const rational& rho) {
    for (auto g : v.supporters[c]) budget[g] -= std::min(budget[g], rational(v.weight[g] * rho));
}

// One round of MES: the affordable candidate with the smallest price per unit of utility.
// Returns false when none is affordable (or a tie was left unresolved).
bool mes_round(const profile& p, const voters& v, std::vector<rational>& budget, const std::vector<rational>& cost,
               const std::vector<rational>& utility, result& r, tie_breaker& tb, std::vector<cand_t>& open,
               const rational* money_left) {
    round_record rec;
    rec.tallies.assign(p.candidate_count(), std::nullopt);
    for (cand_t c : open) {
        if (money_left && cost[c] > *money_left) continue;
        if (auto rho = price(v, budget, c, cost[c])) rec.tallies[c] = *rho / utility[c];
    }
    const auto top = best_of(open, rec.tallies, [](const rational& a, const rational& b) { return a < b; });
    if (top.empty()) return false;
    rec.note = "equal shares: price per unit of utility and of voter weight (lowest wins) " + to_string(*rec.tallies[top.front()]);
    const std::size_t before = r.winners.size();
    if (!choose(r, tb, top, open, std::move(rec), "selection")) return false;
    if (r.winners.size() == before) return false;
    const cand_t c = r.winners.back();
    pay(v, budget, c, *r.rounds.back().tallies[c] * utility[c]);
    return true;
}
} // namespace

result seq_phragmen(const profile& p, const committee_options& opt) {
    const voters v = read_voters(p, opt.excluded, opt.from_ranking, "seq-phragmen");
    const std::size_t seats = check_seats(opt.seats, v, "seq-phragmen");
    result r = fresh(p, "seq-phragmen", v);
    tie_breaker tb(opt.tie_break, r);
    std::vector<rational> load(v.approves.size(), rational(0));
    std::vector<cand_t> open = v.cands;
    phragmen_phase(p, v, seats, load, r, tb, open, "seq-Phragmén");
    finish(r, v);
    return r;
}

result equal_shares(const profile& p, const committee_options& opt) {
    const voters v = read_voters(p, opt.excluded, opt.from_ranking, "equal-shares");
    const std::size_t seats = check_seats(opt.seats, v, "equal-shares");
    if (opt.completion != "phragmen" && opt.completion != "none")
        throw error(errc::invalid, "equal-shares: option 'completion' must be phragmen or none, got '" + opt.completion + "'");
    result r = fresh(p, "equal-shares", v);
    tie_breaker tb(opt.tie_break, r);
    std::vector<rational> budget(v.approves.size());
    for (std::size_t g = 0; g < budget.size(); ++g) budget[g] = v.weight[g] * rational(static_cast<std::int64_t>(seats)) / v.total;
    const std::vector<rational> unit(p.candidate_count(), rational(1));
    std::vector<cand_t> open = v.cands;
    while (r.winners.size() < seats && mes_round(p, v, budget, unit, unit, r, tb, open, nullptr)) {
    }
    const std::size_t by_mes = r.winners.size();
    if (r.winners.size() < seats && opt.completion == "phragmen") {
        std::vector<rational> load(budget.size());
        for (std::size_t g = 0; g < budget.size(); ++g) load[g] = -budget[g] / v.weight[g];
        phragmen_phase(p, v, seats, load, r, tb, open, "completion by seq-Phragmén");
    }
    r.notes.push_back(std::to_string(by_mes) + " seat(s) by equal shares" +
                      (r.winners.size() > by_mes ? ", " + std::to_string(r.winners.size() - by_mes) + " by the seq-Phragmén completion" : ""));
    if (r.winners.size() < seats) r.notes.push_back(std::to_string(seats - r.winners.size()) + " seat(s) left unfilled (completion none)");
    finish(r, v);
    return r;
}

result participatory_budget(const profile& p, const budget_options& opt) {
    const voters v = read_voters(p, opt.excluded, opt.from_ranking, "budget");
    if (opt.budget <= 0) throw error(errc::invalid, "budget: option 'budget' must be positive");
    if (opt.costs.size() != p.candidate_count())
        throw error(errc::invalid, "budget: every project needs a cost (" + std::to_string(opt.costs.size()) + " for " +
                                       std::to_string(p.candidate_count()) + " projects)");
    for (cand_t c : v.cands)
        if (opt.costs[c] <= 0)
            throw error(errc::invalid, "budget: the cost of '" + p.candidate_name(c) + "' must be positive");
    const bool mes = opt.method == budget_options::method_t::equal_shares;
    result r = fresh(p, mes ? "budget (equal-shares)" : "budget (greedy)", v);
    tie_breaker tb(opt.tie_break, r);
    std::vector<cand_t> open = v.cands;
    rational left = opt.budget;
    auto greedy = [&](const char* phase) {
        while (true) {
            round_record rec;
            rec.tallies.assign(p.candidate_count(), std::nullopt);
            for (cand_t c : open)
                if (opt.costs[c] <= left) rec.tallies[c] = v.approval[c];
            const auto top = best_of(open, rec.tallies, [](const rational& a, const rational& b) { return a > b; });
            if (top.empty()) return;
            rec.note = std::string(phase) + ": approvals of the projects that still fit (" + to_string(left) + " left)";
            if (!choose(r, tb, top, open, std::move(rec), "selection")) return;
            left -= opt.costs[r.winners.back()];
        }
    };
    if (!mes) {
        greedy("greedy");
    } else {
        std::vector<rational> budget(v.approves.size());
        for (std::size_t g = 0; g < budget.size(); ++g) budget[g] = v.weight[g] * opt.budget / v.total;
        std::vector<rational> utility(p.candidate_count(), rational(1));
        if (opt.cost_utilities)
            for (cand_t c : v.cands) utility[c] = opt.costs[c];
        while (mes_round(p, v, budget, opt.costs, utility, r, tb, open, &left)) left -= opt.costs[r.winners.back()];
        if (opt.greedy_completion) greedy("greedy completion");
    }
    rational spent = opt.budget - left;
    r.notes.push_back("spent " + to_string(spent) + " of " + to_string(opt.budget));
    finish(r, v);
    return r;
}

namespace detail {
namespace {
approval_source read_source(option_reader& o) {
    auto v = o.get<std::string>("from_ranking");
    if (!v) return approval_source::refuse;
    if (*v == "first-tier") return approval_source::first_tier;
    if (*v == "all-ranked") return approval_source::all_ranked;
    throw error(errc::invalid, o.method() + ": option 'from_ranking' must be first-tier or all-ranked, got '" + *v + "'");
}

committee_options read_committee(option_reader& o) {
    committee_options c;
    auto seats = o.get<std::uint64_t>("seats");
    if (!seats) throw error(errc::invalid, o.method() + ": option 'seats' is required");
    c.seats = static_cast<std::size_t>(*seats);
    c.excluded = o.candidates("excluded");
    c.from_ranking = read_source(o);
    c.tie_break = o.tie_break(c.tie_break);
    (void)o.get<std::string>("unranked");
    return c;
}
} // namespace

result run_pav(const profile& p, option_reader& o) {
    auto c = read_committee(o);
    if (auto m = o.get<std::uint64_t>("max_committees")) c.max_committees = *m;
    o.finish();
    return pav(p, c);
}
result run_seq_pav(const profile& p, option_reader& o) {
    auto c = read_committee(o);
    o.finish();
    return seq_pav(p, c);
}
result run_seq_phragmen(const profile& p, option_reader& o) {
    auto c = read_committee(o);
    o.finish();
    return seq_phragmen(p, c);
}
result run_equal_shares(const profile& p, option_reader& o) {
    auto c = read_committee(o);
    if (auto m = o.get<std::string>("completion")) c.completion = *m;
    o.finish();
    return equal_shares(p, c);
}
result run_budget(const profile& p, option_reader& o) {
    budget_options b;
    if (!o.has("budget")) throw error(errc::invalid, "budget: option 'budget' is required");
    b.budget = read_rational_option(o, "budget", rational(0));
    if (auto m = o.get<std::string>("method")) {
        if (*m == "greedy") b.method = budget_options::method_t::greedy;
        else if (*m == "equal-shares") b.method = budget_options::method_t::equal_shares;
        else throw error(errc::invalid, "budget: option 'method' must be greedy or equal-shares, got '" + *m + "'");
    }
    if (auto u = o.get<std::string>("utilities")) {
        if (*u == "cost") b.cost_utilities = true;
        else if (*u != "approval") throw error(errc::invalid, "budget: option 'utilities' must be approval or cost, got '" + *u + "'");
    }
    if (auto c = o.get<std::string>("completion")) {
        if (*c == "greedy") b.greedy_completion = true;
        else if (*c != "none") throw error(errc::invalid, "budget: option 'completion' must be none or greedy, got '" + *c + "'");
    }
    auto costs = o.get<nlohmann::json>("costs");
    if (!costs) throw error(errc::invalid, "budget: option 'costs' is required (an object project name -> cost)");
    b.costs.assign(p.candidate_count(), rational(0));
    std::vector<char> given(p.candidate_count(), 0);
    if (costs->is_object()) {
        for (auto it = costs->begin(); it != costs->end(); ++it) {
            const cand_t c = o.candidate(it.key(), "costs");
            nlohmann::json one = nlohmann::json::object();
            one["cost"] = it.value();
            option_reader r(one, p, "budget");
            b.costs[c] = read_rational_option(r, "cost", rational(0));
            given[c] = 1;
        }
    } else if (costs->is_array() && costs->size() == p.candidate_count()) {
        for (std::size_t c = 0; c < costs->size(); ++c) {
            nlohmann::json one = nlohmann::json::object();
            one["cost"] = (*costs)[c];
            option_reader r(one, p, "budget");
            b.costs[c] = read_rational_option(r, "cost", rational(0));
            given[c] = 1;
        }
    } else {
        throw error(errc::invalid, "budget: option 'costs' must map every project name to its cost (or list one cost per project)");
    }
    b.excluded = o.candidates("excluded");
    for (cand_t c = 0; c < p.candidate_count(); ++c)
        if (!given[c] && !p.withdrawn(c) && std::find(b.excluded.begin(), b.excluded.end(), c) == b.excluded.end())
            throw error(errc::invalid, "budget: option 'costs' has no cost for '" + p.candidate_name(c) + "'");
    b.from_ranking = read_source(o);
    b.tie_break = o.tie_break(b.tie_break);
    (void)o.get<std::string>("unranked");
    (void)o.get<std::uint64_t>("seats");
    o.finish();
    return participatory_budget(p, b);
}
} // namespace detail

} // namespace v0
} // namespace accord
