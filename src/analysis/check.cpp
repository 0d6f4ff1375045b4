// Checks of a rule's result on one profile (accord/check.hpp; definitions and limits in
// docs/check.md). The rule is run through the registry, on the profile and on the modified
// profiles of the bounded searches; every criterion is decided in exact arithmetic.
#include "accord/check.hpp"

#include "accord/registry.hpp"
#include "accord/rules/majority_graph.hpp"
#include "accord/rules/pairwise.hpp"

#include "json_options.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

namespace accord {
inline namespace v0 {
namespace {

using tiers_t = std::vector<std::vector<cand_t>>;

// ---- ballots as plain values --------------------------------------------------------------

/// One distinct ballot as the checks read it: tiers (rankings) or the approved set.
struct plain_ballot {
    tiers_t tiers;               ///< rankings: most preferred first
    std::vector<cand_t> approve; ///< approval ballots
    std::uint64_t count = 0;
    rational weight{1};
};

std::vector<plain_ballot> plain_ballots(const profile& p) {
    std::vector<plain_ballot> out;
    out.reserve(p.unique_count());
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const ballot_view b = p.ballot(i);
        plain_ballot pb;
        if (p.kind() == ballot_kind::ranking) {
            pb.tiers = tiers_of(p, b);
        } else {
            for (const auto& m : b.marks)
                if (!p.withdrawn(m.candidate)) pb.approve.push_back(m.candidate);
            std::sort(pb.approve.begin(), pb.approve.end());
        }
        pb.count = b.count;
        if (b.weight) pb.weight = *b.weight;
        out.push_back(std::move(pb));
    }
    return out;
}

/// Position of each candidate on a ranking (tier index; unranked = number of tiers).
std::vector<std::size_t> positions(const tiers_t& t, std::size_t n) {
    std::vector<std::size_t> pos(n, t.size());
    for (std::size_t i = 0; i < t.size(); ++i)
        for (cand_t c : t[i]) pos[c] = i;
    return pos;
}

/// A profile with the same candidates, withdrawals, units and metadata, and no ballots.
profile empty_like(const profile& p, const std::vector<std::string>& extra = {}) {
    auto names = p.candidate_names();
    names.insert(names.end(), extra.begin(), extra.end());
    profile q(std::move(names), p.kind());
    for (cand_t c = 0; c < p.candidate_count(); ++c)
        if (p.withdrawn(c)) q.set_withdrawn(c);
    for (const auto& u : p.units()) q.intern_unit(u);
    q.title = p.title;
    q.seats = p.seats;
    q.costs = p.costs;
    q.budget = p.budget;
    q.source_format = p.source_format;
    return q;
}

void add_plain(profile& q, const plain_ballot& b, std::uint64_t count, const rational& weight,
               std::uint32_t unit) {
    if (count == 0) return;
    if (q.kind() == ballot_kind::ranking)
        q.add_ranking(b.tiers, count, weight, unit);
    else
        q.add_approval(b.approve, count, weight, unit);
}

/// p with `m` voters of distinct ballot `i` casting `changed` instead (their weight and unit kept).
profile replace_some(const profile& p, std::size_t i, std::uint64_t m, const plain_ballot& changed) {
    const ballot_view bi = p.ballot(i);
    if (bi.count > m) {
        // Copying the profile and moving m voters is much cheaper than adding every ballot again.
        profile q = p;
        q.set_count(i, bi.count - m);
        add_plain(q, changed, m, bi.weight ? *bi.weight : rational(1), bi.unit);
        return q;
    }
    profile q = empty_like(p);
    for (std::size_t j = 0; j < p.unique_count(); ++j) {
        const ballot_view b = p.ballot(j);
        const rational w = b.weight ? *b.weight : rational(1);
        if (j != i) {
            q.add(b.marks, b.count, w, b.unit);
            continue;
        }
        if (b.count > m) q.add(b.marks, b.count - m, w, b.unit);
        add_plain(q, changed, m, w, b.unit);
    }
    return q;
}

/// p with `m` more voters casting `extra` (weight 1, no unit).
profile add_voters(const profile& p, const plain_ballot& extra, std::uint64_t m) {
    profile q = p;
    add_plain(q, extra, m, rational(1), k_no_unit);
    return q;
}

/// The number of voters, as a loop bound (the searches stop at search_limit long before 10^9).
std::uint64_t capped_voters(const profile& p) {
    const big_int voters = p.total_count();
    return voters > 1'000'000'000 ? 1'000'000'000 : voters.convert_to<std::uint64_t>();
}

bool contains(const std::vector<cand_t>& v, cand_t c) { return std::find(v.begin(), v.end(), c) != v.end(); }

std::string names_of(const std::vector<std::string>& names, const std::vector<cand_t>& cs) {
    std::string s;
    for (cand_t c : cs) s += (s.empty() ? "" : ", ") + names.at(c);
    return s.empty() ? "nobody" : s;
}

std::string ballot_text(const std::vector<std::string>& names, const plain_ballot& b, bool ranking) {
    std::string s;
    if (ranking) {
        for (const auto& t : b.tiers) {
            if (!s.empty()) s += " > ";
            for (std::size_t k = 0; k < t.size(); ++k) s += (k ? " = " : "") + names.at(t[k]);
        }
        return s.empty() ? "(blank)" : s;
    }
    return "{" + names_of(names, b.approve) + "}";
}

// ---- running the rule ---------------------------------------------------------------------

struct runner {
    const std::string& rule;
    const std::string& options;
    result operator()(const profile& q) const { return run(q, rule, options); }
};

/// A bounded search: runs candidates in order until one violates (preferring one whose result
/// broke no tie) or the limit is reached.
struct search_state {
    check_item& item;
    std::uint64_t limit;
    std::optional<check_item> tied_fallback; // a violation that needed a tie-break
    bool stopped = false;                    // the limit was reached
    bool found = false;                      // a tie-free violation was recorded
    std::string refused;                     // the rule's error on a modified profile, if any
    bool partial = false;                    // a part of the search stopped at its share of the limit

    /// Tries one modified profile; `violates` decides on its result. Returns false to stop.
    template <class Violates>
    bool attempt(const runner& r, profile&& q, const std::string& change, Violates&& violates) {
        if (item.evaluated >= limit) {
            stopped = true;
            return false;
        }
        ++item.evaluated;
        result res;
        try {
            res = r(q);
        } catch (const error& e) {
            // E.g. an option naming every candidate, which a clone then lacks: the search cannot
            // go on, and says why rather than passing.
            refused = change + ": " + e.what();
            stopped = true;
            return false;
        }
        const std::optional<std::string> why = violates(res);
        if (!why) return true;
        check_item hit = item;
        hit.verdict = check_verdict::fail;
        hit.exact = true;
        hit.change = change;
        hit.reason = *why;
        hit.witness_winners = res.winners;
        if (!res.ties.empty() || !res.complete) {
            if (!tied_fallback) {
                hit.reason += " (the rule broke a tie on the modified profile)";
                hit.witness = std::move(q);
                tied_fallback = std::move(hit);
            }
            return true;
        }
        hit.witness = std::move(q);
        item = std::move(hit);
        found = true;
        return false;
    }

    void finish(const std::string& searched) {
        if (found) return;
        if (!refused.empty() && !tied_fallback) {
            item.verdict = check_verdict::unknown;
            item.exact = false;
            item.reason = "the rule refused a modified profile (" + refused + ") after " +
                          std::to_string(item.evaluated - 1) + " profiles without a violation";
            return;
        }
        if (tied_fallback) {
            const auto n = item.evaluated;
            item = std::move(*tied_fallback);
            item.evaluated = n;
            return;
        }
        const bool cut = stopped || partial;
        item.verdict = check_verdict::pass;
        item.exact = !cut;
        item.reason = (cut ? "no violation among the first " : "no violation among all ") +
                      std::to_string(item.evaluated) + " modified profiles searched (" + searched +
                      (cut ? "; stopped at search_limit " + std::to_string(limit) + ")" : ")");
    }
};

// ---- single-winner criteria of the result ---------------------------------------------------

struct pairwise_facts {
    std::optional<cand_t> winner, loser;
    std::vector<cand_t> smith;
};

pairwise_facts facts_of(const profile& p) {
    return with_pairwise(p, pairwise_options{}, [](const auto& m) {
        pairwise_facts f;
        f.winner = condorcet_winner(m);
        f.loser = condorcet_loser(m);
        f.smith = smith_set(m);
        std::sort(f.smith.begin(), f.smith.end());
        return f;
    });
}

// ---- JR, PJR, EJR ---------------------------------------------------------------------------

struct cohesion_search {
    const profile& p;
    const std::vector<plain_ballot>& ballots;
    const std::vector<cand_t>& committee;
    std::uint64_t limit;
    check_item *jr, *pjr, *ejr; // null when not asked for
    std::vector<cand_t> active;
    std::vector<std::size_t> hits;         // |A ∩ W| per ballot
    std::vector<std::vector<cand_t>> in_w; // A ∩ W per ballot
    rational n;                            // total weight
    std::size_t k = 0;
    std::uint64_t examined = 0;
    bool stopped = false;

    bool pending(const check_item* c) const { return c && c->verdict != check_verdict::fail; }
    bool any_pending() const { return pending(jr) || pending(pjr) || pending(ejr); }

    /// weight(S) * k >= l * n: S is large enough to be l-cohesive.
    bool large(const rational& w, std::size_t l) const { return w * rational(k) >= rational(l) * n; }

    void fail(check_item& c, const std::vector<cand_t>& common, const std::vector<std::size_t>& group,
              const rational& w, std::size_t l, const std::string& why) {
        c.verdict = check_verdict::fail;
        c.common = common;
        c.group = group;
        c.group_weight = w;
        c.reason = "voters of weight " + to_string(w) + " (at least " + std::to_string(l) +
                   " x n/k = " + to_string(rational(l) * n / rational(k)) + ") all approve " +
                   names_of(p.candidate_names(), common) + ", but " + why;
    }

    void visit(std::vector<cand_t>& t, const std::vector<std::size_t>& supporters, std::size_t next) {
        const std::size_t l = t.size();
        if (l > 0) {
            if (++examined > limit) {
                stopped = true;
                return;
            }
            rational w_all = 0;
            for (std::size_t i : supporters) w_all += ballots[i].weight * ballots[i].count;
            if (!large(w_all, l)) return; // no superset of t can be cohesive either
            if (l == 1 && pending(jr)) {
                std::vector<std::size_t> g;
                rational w = 0;
                for (std::size_t i : supporters)
                    if (hits[i] == 0) g.push_back(i), w += ballots[i].weight * ballots[i].count;
                if (large(w, 1)) fail(*jr, t, g, w, 1, "none of them approves a member of the committee");
            }
            if (pending(ejr)) {
                std::vector<std::size_t> g;
                rational w = 0;
                for (std::size_t i : supporters)
                    if (hits[i] < l) g.push_back(i), w += ballots[i].weight * ballots[i].count;
                if (large(w, l))
                    fail(*ejr, t, g, w, l,
                         "each of them approves fewer than " + std::to_string(l) + " committee members");
            }
            if (pending(pjr)) pjr_at(t, supporters, l);
            if (stopped || !any_pending()) return;
        }
        if (l == k) return;
        for (std::size_t a = next; a < active.size(); ++a) {
            const cand_t c = active[a];
            std::vector<std::size_t> sub;
            for (std::size_t i : supporters)
                if (std::binary_search(ballots[i].approve.begin(), ballots[i].approve.end(), c))
                    sub.push_back(i);
            t.push_back(c);
            visit(t, sub, a + 1);
            t.pop_back();
            if (stopped || !any_pending()) return;
        }
    }

    /// PJR at (t, l): is there a set X of l-1 committee members such that the supporters of t who
    /// approve no member outside X are l-cohesive? Then together they approve fewer than l members.
    void pjr_at(const std::vector<cand_t>& t, const std::vector<std::size_t>& supporters, std::size_t l) {
        std::vector<cand_t> u; // committee members some supporter approves
        for (std::size_t i : supporters)
            for (cand_t c : in_w[i]) u.push_back(c);
        std::sort(u.begin(), u.end());
        u.erase(std::unique(u.begin(), u.end()), u.end());
        const std::size_t size = std::min(l - 1, u.size());
        std::vector<std::size_t> pick(size);
        for (std::size_t j = 0; j < size; ++j) pick[j] = j;
        while (true) {
            if (++examined > limit) {
                stopped = true;
                return;
            }
            std::vector<cand_t> x;
            x.reserve(pick.size());
            for (std::size_t j : pick) x.push_back(u[j]);
            std::vector<std::size_t> g;
            rational w = 0;
            for (std::size_t i : supporters)
                if (std::includes(x.begin(), x.end(), in_w[i].begin(), in_w[i].end()))
                    g.push_back(i), w += ballots[i].weight * ballots[i].count;
            if (large(w, l)) {
                fail(*pjr, t, g, w, l,
                     "together they approve only " + std::to_string(x.size() < l ? x.size() : l - 1) +
                         " committee member(s) (" + names_of(p.candidate_names(), x) + "), fewer than " +
                         std::to_string(l));
                return;
            }
            // next combination of `size` out of u.size()
            std::size_t j = size;
            while (j > 0 && pick[j - 1] == u.size() - size + j - 1) --j;
            if (j == 0) return;
            ++pick[j - 1];
            for (std::size_t q = j; q < size; ++q) pick[q] = pick[q - 1] + 1;
        }
    }
};

check_item make(std::string name);

/// Pareto efficiency of a committee W over approval ballots: no committee W' of the same size
/// gives every voter at least as many approved members and some voter more. Exact: every
/// committee of |W| active candidates is compared, up to `limit` of them (then unknown).
check_item committee_pareto(const profile& p, const std::vector<plain_ballot>& ballots,
                            const std::vector<cand_t>& committee, std::uint64_t limit) {
    check_item c = make("pareto");
    const auto& names = p.candidate_names();
    std::vector<cand_t> active;
    for (cand_t x = 0; x < p.candidate_count(); ++x)
        if (!p.withdrawn(x)) active.push_back(x);
    const std::size_t k = committee.size();
    std::vector<char> in_w(p.candidate_count(), 0);
    for (cand_t x : committee) in_w[x] = 1;
    std::vector<std::size_t> have(ballots.size(), 0);
    for (std::size_t i = 0; i < ballots.size(); ++i)
        for (cand_t x : ballots[i].approve) have[i] += in_w[x];
    std::vector<std::size_t> pick(k);
    for (std::size_t j = 0; j < k; ++j) pick[j] = j;
    std::vector<char> in_other(p.candidate_count(), 0);
    while (k <= active.size()) {
        if (c.evaluated >= limit) {
            c.verdict = check_verdict::unknown;
            c.exact = false;
            c.reason =
                "stopped at cohesive_limit " + std::to_string(limit) + " committees compared before deciding";
            return c;
        }
        ++c.evaluated;
        std::fill(in_other.begin(), in_other.end(), 0);
        for (std::size_t j : pick) in_other[active[j]] = 1;
        bool worse = false, better = false;
        for (std::size_t i = 0; i < ballots.size() && !worse; ++i) {
            std::size_t got = 0;
            for (cand_t x : ballots[i].approve) got += in_other[x];
            if (got < have[i]) worse = true;
            if (got > have[i]) better = true;
        }
        if (!worse && better) {
            std::vector<cand_t> other;
            other.reserve(pick.size());
            for (std::size_t j : pick) other.push_back(active[j]);
            c.verdict = check_verdict::fail;
            c.about = other;
            c.reason = "the committee {" + names_of(names, other) +
                       "} gives every voter at least as many approved members as the rule's committee, and "
                       "some voter more";
            return c;
        }
        std::size_t j = k;
        while (j > 0 && pick[j - 1] == active.size() - k + j - 1) --j;
        if (j == 0) break;
        ++pick[j - 1];
        for (std::size_t q = j; q < k; ++q) pick[q] = pick[q - 1] + 1;
    }
    c.verdict = check_verdict::pass;
    c.reason = "no committee of " + std::to_string(k) + " among the " + std::to_string(c.evaluated) +
               " compared gives every voter at least as many approved members and some voter more";
    return c;
}

check_item make(std::string name) {
    check_item c;
    c.name = std::move(name);
    return c;
}

check_item not_applicable(std::string name, std::string reason) {
    check_item c = make(std::move(name));
    c.verdict = check_verdict::not_applicable;
    c.reason = std::move(reason);
    return c;
}

} // namespace

const char* check_verdict_name(check_verdict v) noexcept {
    switch (v) {
    case check_verdict::pass:
        return "pass";
    case check_verdict::fail:
        return "fail";
    case check_verdict::not_applicable:
        return "not-applicable";
    case check_verdict::unknown:
        return "unknown";
    }
    return "unknown";
}

const std::vector<std::string>& check_names() {
    static const std::vector<std::string> names{"condorcet-winner",
                                                "condorcet-loser",
                                                "majority",
                                                "mutual-majority",
                                                "smith",
                                                "pareto",
                                                "monotonicity",
                                                "participation",
                                                "clones",
                                                "manipulation",
                                                "jr",
                                                "pjr",
                                                "ejr"};
    return names;
}

const check_item* check_report::find(std::string_view name) const {
    for (const auto& i : items)
        if (i.name == name) return &i;
    return nullptr;
}

check_report check(const profile& p, std::string_view rule_name, const check_options& opt) {
    for (const auto& o : opt.only)
        if (std::find(check_names().begin(), check_names().end(), o) == check_names().end())
            throw error(errc::not_found, "check: unknown check '" + o + "' (see docs/check.md)");
    if (opt.search_limit == 0) throw error(errc::invalid, "check: option 'search_limit' must be at least 1");
    if (opt.cohesive_limit == 0)
        throw error(errc::invalid, "check: option 'cohesive_limit' must be at least 1");
    const std::string rule(rule_name);
    const runner r{rule, opt.rule_options};
    check_report rep;
    rep.rule = rule;
    rep.outcome = r(p);
    const auto wanted = [&](const char* n) {
        return opt.only.empty() || std::find(opt.only.begin(), opt.only.end(), n) != opt.only.end();
    };
    const auto& names = p.candidate_names();
    const std::size_t n_cand = p.candidate_count();
    const std::vector<cand_t>& winners = rep.outcome.winners;
    const bool ranking = p.kind() == ballot_kind::ranking;
    const bool single = ranking && winners.size() == 1 && rep.outcome.complete;
    const std::vector<plain_ballot> ballots = plain_ballots(p);
    const rational total = p.total_weight();
    const std::string why_not_single =
        !ranking ? std::string("needs ranking ballots; this profile holds ") + ballot_kind_name(p.kind()) +
                       " ballots"
                 : "defined here for a single winner; the rule elected " + std::to_string(winners.size()) +
                       (rep.outcome.complete ? "" : " and left a tie unresolved");
    const cand_t w = single ? winners.front() : 0;

    // ---- criteria of the result -------------------------------------------------------------
    std::optional<pairwise_facts> facts;
    if (single && (wanted("condorcet-winner") || wanted("condorcet-loser") || wanted("smith")))
        facts = facts_of(p);
    if (wanted("condorcet-winner")) {
        if (!single)
            rep.items.push_back(not_applicable("condorcet-winner", why_not_single));
        else if (!facts->winner)
            rep.items.push_back(not_applicable("condorcet-winner", "there is no Condorcet winner"));
        else {
            check_item c = make("condorcet-winner");
            c.about = {*facts->winner};
            c.verdict = *facts->winner == w ? check_verdict::pass : check_verdict::fail;
            c.reason = names[*facts->winner] + " beats every other candidate head to head" +
                       (*facts->winner == w ? " and wins" : " but " + names[w] + " wins");
            rep.items.push_back(std::move(c));
        }
    }
    if (wanted("condorcet-loser")) {
        if (!single)
            rep.items.push_back(not_applicable("condorcet-loser", why_not_single));
        else if (!facts->loser)
            rep.items.push_back(not_applicable("condorcet-loser", "there is no Condorcet loser"));
        else {
            check_item c = make("condorcet-loser");
            c.about = {*facts->loser};
            c.verdict = *facts->loser != w ? check_verdict::pass : check_verdict::fail;
            c.reason = names[*facts->loser] + " loses to every other candidate head to head" +
                       (*facts->loser != w ? " and does not win" : " but wins");
            rep.items.push_back(std::move(c));
        }
    }
    if (wanted("majority")) {
        if (!single)
            rep.items.push_back(not_applicable("majority", why_not_single));
        else {
            std::vector<rational> first(n_cand, rational(0));
            for (const auto& b : ballots)
                if (!b.tiers.empty() && b.tiers.front().size() == 1)
                    first[b.tiers.front().front()] += b.weight * b.count;
            std::optional<cand_t> maj;
            for (cand_t c = 0; c < n_cand; ++c)
                if (first[c] * 2 > total) maj = c;
            if (!maj)
                rep.items.push_back(
                    not_applicable("majority", "no candidate is the sole first choice of more than half the "
                                               "voters (weight " +
                                                   to_string(total) + ")"));
            else {
                check_item c = make("majority");
                c.about = {*maj};
                c.verdict = *maj == w ? check_verdict::pass : check_verdict::fail;
                c.reason = names[*maj] + " is the sole first choice of voters of weight " +
                           to_string(first[*maj]) + " out of " + to_string(total) +
                           (*maj == w ? " and wins" : " but " + names[w] + " wins");
                rep.items.push_back(std::move(c));
            }
        }
    }
    if (wanted("mutual-majority")) {
        if (!single)
            rep.items.push_back(not_applicable("mutual-majority", why_not_single));
        else {
            std::size_t n_active = 0;
            for (cand_t c = 0; c < n_cand; ++c) n_active += !p.withdrawn(c);
            // Every proper set S that a voter ranks strictly above all others (a prefix of tiers).
            std::map<std::vector<cand_t>, rational> support;
            for (const auto& b : ballots) {
                std::vector<cand_t> s;
                for (const auto& t : b.tiers) {
                    s.insert(s.end(), t.begin(), t.end());
                    if (s.size() >= n_active) break;
                    std::vector<cand_t> key = s;
                    std::sort(key.begin(), key.end());
                    support[key] += b.weight * b.count;
                }
            }
            // Sets backed by a majority are nested (two majorities share a voter); the smallest decides.
            std::optional<std::vector<cand_t>> smallest;
            rational smallest_w;
            for (const auto& [s, sw] : support)
                if (sw * 2 > total && (!smallest || s.size() < smallest->size()))
                    smallest = s, smallest_w = sw;
            if (!smallest)
                rep.items.push_back(
                    not_applicable("mutual-majority",
                                   "no proper set of candidates is ranked above all others by more than half "
                                   "the voters"));
            else {
                check_item c = make("mutual-majority");
                c.about = *smallest;
                const bool in = contains(*smallest, w);
                c.verdict = in ? check_verdict::pass : check_verdict::fail;
                c.reason = "voters of weight " + to_string(smallest_w) + " out of " + to_string(total) +
                           " rank {" + names_of(names, *smallest) + "} above every other candidate" +
                           (in ? " and " + names[w] + " is among them" : " but " + names[w] + " wins");
                rep.items.push_back(std::move(c));
            }
        }
    }
    if (wanted("smith")) {
        if (!single)
            rep.items.push_back(not_applicable("smith", why_not_single));
        else {
            check_item c = make("smith");
            c.about = facts->smith;
            const bool in = contains(facts->smith, w);
            c.verdict = in ? check_verdict::pass : check_verdict::fail;
            c.reason = "the Smith set is {" + names_of(names, facts->smith) + "}" +
                       (in ? " and " + names[w] + " is in it" : " but " + names[w] + " wins");
            rep.items.push_back(std::move(c));
        }
    }
    if (wanted("pareto")) {
        if (p.kind() == ballot_kind::approval && !winners.empty())
            rep.items.push_back(committee_pareto(p, ballots, winners, opt.cohesive_limit));
        else if (!single)
            rep.items.push_back(not_applicable(
                "pareto", ranking ? why_not_single : "defined here for ranking and approval ballots"));
        else {
            // One pass over the ballots: c dominates w when no ballot puts c below w and some
            // ballot puts it above.
            std::vector<char> below(n_cand, 0), above(n_cand, 0);
            for (const auto& b : ballots) {
                const auto pos = positions(b.tiers, n_cand);
                for (cand_t c = 0; c < n_cand; ++c) {
                    if (pos[c] > pos[w]) below[c] = 1;
                    if (pos[c] < pos[w]) above[c] = 1;
                }
            }
            std::optional<cand_t> dom;
            for (cand_t c = 0; c < n_cand && !dom; ++c)
                if (c != w && !p.withdrawn(c) && !below[c] && above[c]) dom = c;
            check_item c = make("pareto");
            c.verdict = dom ? check_verdict::fail : check_verdict::pass;
            if (dom) {
                c.about = {*dom};
                c.reason = "every voter ranks " + names[*dom] + " at least as high as " + names[w] +
                           ", some strictly higher, yet " + names[w] + " wins";
            } else {
                c.reason = "no candidate is ranked at least as high as " + names[w] +
                           " by every voter and higher by some";
            }
            rep.items.push_back(std::move(c));
        }
    }

    // ---- bounded searches ---------------------------------------------------------------------
    if (wanted("monotonicity")) {
        const bool approval_committee = p.kind() == ballot_kind::approval && !winners.empty();
        if (!single && !approval_committee)
            rep.items.push_back(not_applicable("monotonicity", p.kind() == ballot_kind::score
                                                                   ? "not defined here for score ballots"
                                                                   : why_not_single));
        else {
            check_item item = make("monotonicity");
            search_state s{item, opt.search_limit};
            std::uint64_t max_count = 0;
            for (const auto& b : ballots) max_count = std::max(max_count, b.count);
            // First, with rankings, changes spread over many distinct ballots: for each x, the
            // first m voters (in ballot order) who rank x alone first and the winner alone second
            // swap the two (Burlington 2009's Wright > Kiss voters); then the first m voters with x
            // alone first rank the winner first. Fewest voters first, up to half the limit.
            std::uint64_t pooled_max = 0;
            if (single) {
                const std::vector<cand_t> only_w{w};
                const auto swap_voter = [&](const tiers_t& t, cand_t x) {
                    return t.size() >= 2 && t[0] == std::vector<cand_t>{x} && t[1] == only_w;
                };
                const auto top_voter = [&](const tiers_t& t, cand_t x) {
                    return !t.empty() && t[0] == std::vector<cand_t>{x};
                };
                std::vector<std::uint64_t> swaps(n_cand, 0), tops(n_cand, 0);
                for (const auto& b : ballots)
                    for (cand_t x = 0; x < n_cand; ++x) {
                        if (x == w) continue;
                        if (swap_voter(b.tiers, x)) swaps[x] += b.count;
                        if (top_voter(b.tiers, x)) tops[x] += b.count;
                    }
                for (cand_t x = 0; x < n_cand; ++x) pooled_max = std::max(pooled_max, tops[x]);
                const std::uint64_t half = std::max<std::uint64_t>(1, opt.search_limit / 2);
                for (int family = 0; family < 2; ++family) {
                    const auto& avail = family == 0 ? swaps : tops;
                    bool capped = false;
                    for (std::uint64_t m = 1; m <= pooled_max && !s.found && !s.stopped && !capped; ++m)
                        for (cand_t x = 0; x < n_cand && !s.found && !s.stopped; ++x) {
                            if (x == w || avail[x] < m) continue;
                            if (item.evaluated >= half) {
                                capped = s.partial = true;
                                break;
                            }
                            profile q = empty_like(p);
                            std::uint64_t left = m;
                            for (std::size_t i = 0; i < ballots.size(); ++i) {
                                const ballot_view b = p.ballot(i);
                                const rational bw = b.weight ? *b.weight : rational(1);
                                const auto& t = ballots[i].tiers;
                                const bool eligible = family == 0 ? swap_voter(t, x) : top_voter(t, x);
                                const std::uint64_t moved = (left && eligible) ? std::min(left, b.count) : 0;
                                left -= moved;
                                if (b.count > moved) q.add(b.marks, b.count - moved, bw, b.unit);
                                if (moved) {
                                    plain_ballot top = ballots[i];
                                    for (auto& tier : top.tiers) std::erase(tier, w);
                                    std::erase_if(top.tiers, [](const auto& tier) { return tier.empty(); });
                                    top.tiers.insert(top.tiers.begin(), {w});
                                    add_plain(q, top, moved, bw, b.unit);
                                }
                            }
                            const std::string change =
                                "the first " + std::to_string(m) + " voter(s) ranking " + names[x] +
                                " first" +
                                (family == 0 ? " and " + names[w] + " second swap the two"
                                             : " rank " + names[w] + " first instead") +
                                ", raising " + names[w];
                            s.attempt(r, std::move(q), change,
                                      [&](const result& res) -> std::optional<std::string> {
                                          if (contains(res.winners, w)) return std::nullopt;
                                          return names[w] + " wins, but loses when raised: " + change;
                                      });
                        }
                }
            }
            // m voters of one distinct ballot raise a winner: to the top, or one place (rankings);
            // add the winner to their approvals (approval ballots). Fewest voters first.
            for (std::uint64_t m = 1; m <= max_count && !s.found && !s.stopped; ++m)
                for (cand_t target : single ? std::vector<cand_t>{w} : winners) {
                    for (std::size_t i = 0; i < ballots.size() && !s.found && !s.stopped; ++i) {
                        const auto& b = ballots[i];
                        if (b.count < m) continue;
                        std::vector<plain_ballot> moves;
                        if (ranking) {
                            const auto pos = positions(b.tiers, n_cand);
                            if (!b.tiers.empty() && b.tiers.front() == std::vector<cand_t>{target}) continue;
                            plain_ballot top = b;
                            for (auto& t : top.tiers) std::erase(t, target);
                            std::erase_if(top.tiers, [](const auto& t) { return t.empty(); });
                            top.tiers.insert(top.tiers.begin(), {target});
                            plain_ballot up = b;
                            const std::size_t at = pos[target];
                            if (at == b.tiers.size()) {
                                up.tiers.push_back({target});
                            } else if (at > 0) {
                                std::erase(up.tiers[at], target);
                                up.tiers.insert(up.tiers.begin() + static_cast<std::ptrdiff_t>(at - 1),
                                                {target});
                                std::erase_if(up.tiers, [](const auto& t) { return t.empty(); });
                            } else {
                                up = top;
                            }
                            moves.push_back(top);
                            if (up.tiers != top.tiers) moves.push_back(up);
                        } else {
                            if (std::binary_search(b.approve.begin(), b.approve.end(), target)) continue;
                            plain_ballot add = b;
                            add.approve.insert(
                                std::lower_bound(add.approve.begin(), add.approve.end(), target), target);
                            moves.push_back(add);
                        }
                        for (const auto& mv : moves) {
                            const std::string change = std::to_string(m) + " voter(s) of " +
                                                       ballot_text(names, b, ranking) + " cast " +
                                                       ballot_text(names, mv, ranking) +
                                                       " instead, raising " + names[target];
                            const bool go = s.attempt(r, replace_some(p, i, m, mv), change,
                                                      [&](const result& res) -> std::optional<std::string> {
                                                          if (contains(res.winners, target))
                                                              return std::nullopt;
                                                          return names[target] +
                                                                 " wins, but loses when raised: " + change;
                                                      });
                            if (!go) break;
                        }
                    }
                    if (s.found || s.stopped) break;
                }
            s.finish(ranking
                         ? "the first m voters with one first choice swapping it with the winner or ranking "
                           "the winner first, m up to " +
                               std::to_string(pooled_max) + " (up to half the limit); then up to " +
                               std::to_string(max_count) +
                               " voters of one ballot raising the winner to the top or by one place"
                         : "up to " + std::to_string(max_count) +
                               " voters of one ballot adding a winner to their approvals");
            rep.items.push_back(std::move(item));
        }
    }
    if (wanted("participation")) {
        if (!single)
            rep.items.push_back(not_applicable("participation", why_not_single));
        else {
            check_item item = make("participation");
            search_state s{item, opt.search_limit};
            const std::uint64_t max_added = capped_voters(p);
            // Voters who rank the winner above someone join; if one they rank below the winner now
            // wins, they were better off not voting. Fewest added voters first.
            for (std::uint64_t m = 1; m <= max_added && !s.found && !s.stopped; ++m)
                for (std::size_t i = 0; i < ballots.size() && !s.found && !s.stopped; ++i) {
                    const auto pos = positions(ballots[i].tiers, n_cand);
                    bool above_someone = false;
                    for (cand_t c = 0; c < n_cand; ++c)
                        if (!p.withdrawn(c) && pos[w] < pos[c]) above_someone = true;
                    if (!above_someone) continue;
                    const std::string change = "adding " + std::to_string(m) + " voter(s) casting " +
                                               ballot_text(names, ballots[i], true);
                    s.attempt(r, add_voters(p, ballots[i], m), change,
                              [&](const result& res) -> std::optional<std::string> {
                                  if (res.winners.size() != 1 || res.winners.front() == w)
                                      return std::nullopt;
                                  const cand_t now = res.winners.front();
                                  if (!(pos[w] < pos[now])) return std::nullopt;
                                  return names[w] + " wins, but " + change + ", who rank " + names[w] +
                                         " above " + names[now] + ", elects " + names[now];
                              });
                }
            s.finish("adding up to " + std::to_string(max_added) +
                     " voters casting one of the profile's ballots that rank the winner above someone");
            rep.items.push_back(std::move(item));
        }
    }
    if (wanted("clones")) {
        if (!single)
            rep.items.push_back(not_applicable("clones", why_not_single));
        else {
            check_item item = make("clones");
            search_state s{item, opt.search_limit};
            const std::uint64_t n_voters = capped_voters(p);
            // Clone x as x' (no candidate between them on any ballot): the first j voters, in ballot
            // order, rank x' just above x, the others just below. Cloning a loser must not unseat the
            // winner; cloning the winner must elect the winner or its clone.
            for (std::uint64_t j = 0; j <= n_voters && !s.found && !s.stopped; ++j)
                for (cand_t x = 0; x < n_cand && !s.found && !s.stopped; ++x) {
                    if (p.withdrawn(x)) continue;
                    std::string clone = names[x] + "'";
                    while (p.find_candidate(clone)) clone += "'";
                    const cand_t xc = static_cast<cand_t>(n_cand);
                    profile q = empty_like(p, {clone});
                    std::uint64_t seen = 0;
                    for (std::size_t i = 0; i < ballots.size(); ++i) {
                        const auto& b = ballots[i];
                        const ballot_view v = p.ballot(i);
                        const std::uint64_t above = j > seen ? std::min<std::uint64_t>(b.count, j - seen) : 0;
                        seen += b.count;
                        const auto pos = positions(b.tiers, n_cand);
                        for (int side = 0; side < 2; ++side) {
                            const std::uint64_t cnt = side == 0 ? above : b.count - above;
                            if (cnt == 0) continue;
                            plain_ballot c = b;
                            if (pos[x] < b.tiers.size())
                                c.tiers.insert(c.tiers.begin() +
                                                   static_cast<std::ptrdiff_t>(pos[x] + (side == 0 ? 0 : 1)),
                                               {xc});
                            add_plain(q, c, cnt, b.weight, v.unit);
                        }
                    }
                    const std::string change = "adding " + clone + ", a clone of " + names[x] +
                                               ", ranked just above " + names[x] + " by the first " +
                                               std::to_string(j) + " voter(s) and just below by the rest";
                    s.attempt(r, std::move(q), change, [&](const result& res) -> std::optional<std::string> {
                        if (res.winners.size() != 1) return std::nullopt;
                        const cand_t now = res.winners.front();
                        if (x == w) {
                            if (now == w || now == xc) return std::nullopt;
                            return names[w] + " wins, but " + change + " elects " + names[now];
                        }
                        if (now == w) return std::nullopt;
                        return names[w] + " wins, but " + change + " elects " +
                               (now == xc ? clone : names[now]);
                    });
                }
            s.finish(
                "each candidate cloned, its clone placed above it by the first j voters and below by the "
                "rest, j from 0 to " +
                std::to_string(n_voters));
            rep.items.push_back(std::move(item));
        }
    }

    if (wanted("manipulation")) {
        std::size_t n_active = 0;
        for (cand_t c = 0; c < n_cand; ++c) n_active += !p.withdrawn(c);
        if (!single)
            rep.items.push_back(not_applicable("manipulation", why_not_single));
        else if (n_active > 8)
            rep.items.push_back(not_applicable(
                "manipulation",
                "searched only with at most 8 candidates (8! common ballots); this profile has " +
                    std::to_string(n_active)));
        else {
            check_item item = make("manipulation");
            search_state s{item, opt.search_limit};
            // For each candidate c, the coalition is every voter who ranks c above the winner; they
            // all cast one common strict ranking instead of their own. Every ranking is tried, in
            // lexicographic order; a fail is a ranking that elects c.
            std::vector<cand_t> order;
            for (cand_t c = 0; c < n_cand; ++c)
                if (!p.withdrawn(c)) order.push_back(c);
            for (cand_t c = 0; c < n_cand && !s.found && !s.stopped; ++c) {
                if (c == w || p.withdrawn(c)) continue;
                std::vector<char> in(ballots.size(), 0);
                bool any = false;
                for (std::size_t i = 0; i < ballots.size(); ++i) {
                    const auto pos = positions(ballots[i].tiers, n_cand);
                    in[i] = pos[c] < pos[w];
                    any = any || in[i];
                }
                if (!any) continue;
                std::vector<cand_t> perm = order;
                do {
                    plain_ballot cast;
                    for (cand_t x : perm) cast.tiers.push_back({x});
                    profile q = empty_like(p);
                    big_int size = 0;
                    for (std::size_t i = 0; i < ballots.size(); ++i) {
                        const ballot_view b = p.ballot(i);
                        const rational bw = b.weight ? *b.weight : rational(1);
                        if (in[i]) {
                            add_plain(q, cast, b.count, bw, b.unit);
                            size += b.count;
                        } else {
                            q.add(b.marks, b.count, bw, b.unit);
                        }
                    }
                    const std::string change = "the " + size.str() + " voter(s) who rank " + names[c] +
                                               " above " + names[w] + " all cast " +
                                               ballot_text(names, cast, true);
                    s.attempt(r, std::move(q), change, [&](const result& res) -> std::optional<std::string> {
                        if (res.winners.size() != 1 || res.winners.front() != c) return std::nullopt;
                        return names[w] + " wins, but " + change + ", and " + names[c] + " wins";
                    });
                } while (!s.found && !s.stopped && std::next_permutation(perm.begin(), perm.end()));
            }
            s.finish("for each candidate c, the voters ranking c above the winner all casting one common "
                     "strict ranking, every ranking tried");
            // A pass covers only common ballots: other coalition strategies were not tried.
            if (item.verdict == check_verdict::pass) item.exact = false;
            rep.items.push_back(std::move(item));
        }
    }

    // ---- committees: JR, PJR, EJR ---------------------------------------------------------------
    const bool want_jr = wanted("jr"), want_pjr = wanted("pjr"), want_ejr = wanted("ejr");
    if (want_jr || want_pjr || want_ejr) {
        std::string why_na;
        if (p.kind() != ballot_kind::approval)
            why_na = std::string("needs approval ballots; this profile holds ") + ballot_kind_name(p.kind()) +
                     " ballots";
        else if (winners.empty())
            why_na = "the rule elected nobody";
        else if (sign(total) == 0)
            why_na = "no voters";
        if (!why_na.empty()) {
            for (const char* n : {"jr", "pjr", "ejr"})
                if (wanted(n)) rep.items.push_back(not_applicable(n, why_na));
        } else {
            check_item jr = make("jr"), pjr = make("pjr"), ejr = make("ejr");
            cohesion_search cs{p,
                               ballots,
                               winners,
                               opt.cohesive_limit,
                               want_jr ? &jr : nullptr,
                               want_pjr ? &pjr : nullptr,
                               want_ejr ? &ejr : nullptr,
                               {},
                               {},
                               {},
                               total,
                               winners.size()};
            for (cand_t c = 0; c < n_cand; ++c)
                if (!p.withdrawn(c)) cs.active.push_back(c);
            std::vector<cand_t> w_sorted = winners;
            std::sort(w_sorted.begin(), w_sorted.end());
            for (const auto& b : ballots) {
                std::vector<cand_t> x;
                std::set_intersection(b.approve.begin(), b.approve.end(), w_sorted.begin(), w_sorted.end(),
                                      std::back_inserter(x));
                cs.hits.push_back(x.size());
                cs.in_w.push_back(std::move(x));
            }
            std::vector<std::size_t> everyone(ballots.size());
            for (std::size_t i = 0; i < everyone.size(); ++i) everyone[i] = i;
            std::vector<cand_t> t;
            cs.visit(t, everyone, 0);
            const std::string scope =
                "every set of up to k = " + std::to_string(cs.k) +
                " candidates approved in common by a group of weight at least |set| x n/k (n = " +
                to_string(total) + ")";
            for (check_item* c : {&jr, &pjr, &ejr}) {
                if (c == &jr && !want_jr) continue;
                if (c == &pjr && !want_pjr) continue;
                if (c == &ejr && !want_ejr) continue;
                c->evaluated = cs.examined;
                if (c->verdict == check_verdict::fail) {
                    c->exact = true;
                } else if (cs.stopped) {
                    c->verdict = check_verdict::unknown;
                    c->exact = false;
                    c->reason = "stopped at cohesive_limit " + std::to_string(opt.cohesive_limit) +
                                " sets examined before deciding; raise it to search " + scope;
                } else {
                    c->verdict = check_verdict::pass;
                    c->reason = "no witness group among " + scope;
                }
                rep.items.push_back(std::move(*c));
            }
        }
    }
    return rep;
}

// ---- JSON ---------------------------------------------------------------------------------------

namespace {
using analysis_json::json;

json names_json(const std::vector<std::string>& names, const std::vector<cand_t>& cs) {
    json a = json::array();
    for (cand_t c : cs) a.push_back(names.at(c));
    return a;
}

json ballots_json(const profile& q) {
    json a = json::array();
    const auto& names = q.candidate_names();
    for (std::size_t i = 0; i < q.unique_count(); ++i) {
        const ballot_view b = q.ballot(i);
        json e = json::object();
        e["count"] = b.count;
        if (b.weight) e["weight"] = to_string(*b.weight);
        if (q.kind() == ballot_kind::ranking) {
            json r = json::array();
            for (const auto& t : tiers_of(q, b)) r.push_back(names_json(names, t));
            e["ranking"] = std::move(r);
        } else {
            std::vector<cand_t> cs;
            for (const auto& m : b.marks) cs.push_back(m.candidate);
            e["approval"] = names_json(names, cs);
        }
        if (b.unit != k_no_unit) e["unit"] = q.units().at(b.unit);
        a.push_back(std::move(e));
    }
    return a;
}
} // namespace

std::string to_json(const profile& p, const check_report& r, int indent) {
    json j = json::object();
    j["rule"] = r.rule;
    j["candidates"] = p.candidate_names();
    j["winners"] = names_json(p.candidate_names(), r.outcome.winners);
    j["complete"] = r.outcome.complete;
    json items = json::array();
    for (const auto& c : r.items) {
        json e = json::object();
        e["name"] = c.name;
        e["verdict"] = check_verdict_name(c.verdict);
        e["exact"] = c.exact;
        e["reason"] = c.reason;
        if (!c.about.empty()) e["about"] = names_json(p.candidate_names(), c.about);
        if (c.evaluated) e["evaluated"] = c.evaluated;
        if (c.witness) {
            json wj = json::object();
            wj["change"] = c.change;
            wj["candidates"] = c.witness->candidate_names();
            wj["ballots"] = ballots_json(*c.witness);
            wj["winners"] = names_json(c.witness->candidate_names(), c.witness_winners);
            e["witness"] = std::move(wj);
        }
        if (c.verdict == check_verdict::fail && !c.common.empty()) {
            json g = json::object();
            g["common"] = names_json(p.candidate_names(), c.common);
            g["weight"] = to_string(c.group_weight);
            json bs = json::array();
            for (std::size_t i : c.group) {
                const ballot_view b = p.ballot(i);
                std::vector<cand_t> cs;
                for (const auto& m : b.marks) cs.push_back(m.candidate);
                json be = json::object();
                be["count"] = b.count;
                if (b.weight) be["weight"] = to_string(*b.weight);
                be["approval"] = names_json(p.candidate_names(), cs);
                bs.push_back(std::move(be));
            }
            g["ballots"] = std::move(bs);
            e["group"] = std::move(g);
        }
        items.push_back(std::move(e));
    }
    j["checks"] = std::move(items);
    return j.dump(indent);
}

check_options check_options_from_json(std::string_view text) {
    using namespace analysis_json;
    const json j = parse_object(text, "check options");
    check_options o;
    for (const auto& [key, v] : j.items()) {
        if (key == "rule_options")
            o.rule_options = rule_options_of(v, key);
        else if (key == "search_limit")
            o.search_limit = whole_of(v, key);
        else if (key == "cohesive_limit")
            o.cohesive_limit = whole_of(v, key);
        else if (key == "checks")
            o.only = distinct_names_of(v, key);
        else
            throw error(errc::invalid,
                        "check: unknown option '" + key +
                            "' (expected rule_options, search_limit, cohesive_limit or checks)");
    }
    return o;
}

std::string check_json(const profile& p, std::string_view rule, std::string_view options_json, int indent) {
    return to_json(p, check(p, rule, check_options_from_json(options_json)), indent);
}

} // namespace v0
} // namespace accord
