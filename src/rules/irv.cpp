// Instant-runoff and plurality counts.
//
// Each distinct ballot sits in the pile of the candidate it currently counts for; eliminating a
// candidate moves only that candidate's pile (DESIGN.md, "Performance shape"). The continuing
// candidates are kept ordered by tally, and each keeps the rounds at which its tally changed, so
// a round costs what it transfers and the log of the candidates, plus its own record: with
// 10,000 candidates mostly without votes, finding the lowest no longer sorts every candidate and
// a previous-rounds tie no longer rescans every earlier round. The continuation rules
// (overvotes, skipped ranks, repeated candidates, maximum rankings) follow RCTab's documented
// rule options; see docs/methods/irv.md.
#include "accord/rules/irv.hpp"

#include "ballot_walker.hpp"
#include "tally_history.hpp"

#include <algorithm>
#include <numeric>
#include <set>

namespace accord {
inline namespace v0 {
namespace {
using namespace detail;

// Starts the result of `method`, and returns the candidates the count starts with: all but the
// withdrawn and the excluded.
std::vector<char> start_count(const profile& p, const std::vector<cand_t>& excluded,
                              const std::string& method, result& res) {
    if (p.kind() != ballot_kind::ranking)
        throw error(errc::unsupported, method + " needs ranking ballots, the profile holds " +
                                           ballot_kind_name(p.kind()) + " ballots");
    const std::size_t n = p.candidate_count();
    std::vector<char> continuing(n, 1);
    for (cand_t c = 0; c < n; ++c)
        if (p.withdrawn(c)) continuing[c] = 0;
    for (cand_t c : excluded) {
        if (c >= n) throw error(errc::invalid, "excluded candidate index out of range");
        continuing[c] = 0;
    }
    if (std::count(continuing.begin(), continuing.end(), 1) == 0)
        throw error(errc::invalid, method + ": no candidate to count");
    res.method = method;
    res.candidates = p.candidate_names();
    return continuing;
}

// Every distinct ballot in the pile of the candidate it counts for, with its place in the ballot.
template <class Num> struct piles {
    walker w;
    std::vector<std::uint32_t> pos;
    std::vector<std::int32_t> last;
    std::vector<Num> val;
    std::vector<std::vector<std::uint32_t>> pile;
    std::vector<Num> tally;
    inactive_votes inactive;

    piles(const profile& p, const irv_options& opt, const std::vector<char>& continuing)
        : w{p, opt, continuing, p.flat_marks(), p.flat_offsets(), p.has_repeats()} {
        const std::size_t m = p.unique_count(), n = p.candidate_count();
        pos.resize(m);
        last.assign(m, 0);
        val.resize(m);
        pile.resize(n);
        tally.assign(n, Num(0));
        const auto off = p.flat_offsets();
        for (std::size_t i = 0; i < m; ++i) {
            val[i] = value_of<Num>(p, i);
            pos[i] = off[i];
            why reason = why::active;
            const std::uint32_t to = w.next(i, pos[i], last[i], reason);
            if (to == k_none && off[i] == off[i + 1]) reason = why::blank;
            if (to == k_none)
                add_inactive(inactive, reason, val[i]);
            else {
                pile[to].push_back(static_cast<std::uint32_t>(i));
                tally[to] += val[i];
            }
        }
    }

    // Moves the pile of `from` (no longer continuing) to each ballot's next continuing choice.
    // Appends the movements to `transfers` (by receiving candidate, the exhausted last) and
    // calls `receiving(c)` once for each candidate about to receive votes, before it does.
    template <class F> void transfer(cand_t from, std::vector<transfer>& transfers, F&& receiving) {
        const std::size_t n = tally.size();
        std::vector<std::pair<cand_t, Num>> moved; // by receiving candidate; n for exhausted
        std::vector<std::uint32_t> slot_of;        // receiving candidate -> index in moved
        auto slot = [&](cand_t to) -> Num& {
            if (slot_of.empty()) slot_of.assign(n + 1, k_none);
            if (slot_of[to] == k_none) {
                slot_of[to] = static_cast<std::uint32_t>(moved.size());
                moved.emplace_back(to, Num(0));
                if (to != n) receiving(to);
            }
            return moved[slot_of[to]].second;
        };
        const auto& ballots = pile[from];
        for (std::size_t q = 0; q < ballots.size(); ++q) {
            // Ballots in a pile are scattered through the mark storage: prefetch a few ahead.
            if (q + 8 < ballots.size()) {
                const std::uint32_t ahead = ballots[q + 8];
                __builtin_prefetch(&w.all[pos[ahead]]);
                __builtin_prefetch(&pos[ahead]);
                __builtin_prefetch(&val[ahead]);
            }
            const std::uint32_t i = ballots[q];
            why reason = why::active;
            const std::uint32_t to = w.next(i, pos[i], last[i], reason);
            if (to == k_none) {
                add_inactive(inactive, reason, val[i]);
                slot(static_cast<cand_t>(n)) += val[i];
            } else {
                slot(to) += val[i];
                pile[to].push_back(i);
                tally[to] += val[i];
            }
        }
        pile[from].clear();
        pile[from].shrink_to_fit();
        tally[from] = Num(0);
        std::sort(moved.begin(), moved.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [to, amount] : moved)
            if (amount != Num(0)) transfers.push_back({from, to == n ? k_exhausted : to, exact(amount)});
    }
};

// The continuing candidates in ascending order of tally, equal tallies by descending index: the
// reverse of a stable sort by descending tally, so the leader is the last entry.
template <class Num> class standings {
  public:
    explicit standings(const std::vector<Num>& tally) : tally_(tally) {}
    void insert(cand_t c) { set_.emplace(tally_[c], c); }
    void erase(cand_t c) { set_.erase({tally_[c], c}); }
    std::size_t size() const { return set_.size(); }
    cand_t leader() const { return std::prev(set_.end())->second; }
    /// The second-highest tally's candidate (size() >= 2).
    cand_t runner_up() const { return std::prev(set_.end(), 2)->second; }
    /// Those tied for the fewest votes, in ascending order.
    std::vector<cand_t> lowest() const {
        std::vector<cand_t> low;
        for (auto it = set_.begin(); it != set_.end() && it->first == set_.begin()->first; ++it)
            low.push_back(it->second);
        return low;
    }
    std::vector<cand_t> ascending() const {
        std::vector<cand_t> asc;
        asc.reserve(set_.size());
        for (const auto& e : set_) asc.push_back(e.second);
        return asc;
    }

  private:
    struct order {
        bool operator()(const std::pair<Num, cand_t>& a, const std::pair<Num, cand_t>& b) const {
            if (a.first != b.first) return a.first < b.first;
            return a.second > b.second;
        }
    };
    const std::vector<Num>& tally_;
    std::set<std::pair<Num, cand_t>, order> set_;
};

// One round's record: every continuing candidate's tally, the inactive votes, the threshold.
template <class Num>
round_record record_round(const std::vector<char>& continuing, const std::vector<Num>& tally,
                          const inactive_votes& inactive, Num& total) {
    round_record rec;
    const std::size_t n = tally.size();
    rec.tallies.assign(n, std::nullopt);
    total = Num(0);
    for (cand_t c = 0; c < n; ++c)
        if (continuing[c]) {
            rec.tallies[c] = exact(tally[c]);
            total += tally[c];
        }
    rec.inactive = inactive;
    if constexpr (std::is_same_v<Num, std::int64_t>) {
        rec.threshold = rational(total / 2 + 1);
    } else {
        rec.threshold = exact(total) / 2;
        rec.note = "a winner needs more than the threshold";
    }
    return rec;
}

// Appends `group` to the ranking, highest tally first, equal tallies sharing a tier.
void push_grouped(result& res, std::vector<cand_t> group, const std::vector<std::optional<rational>>& t) {
    std::stable_sort(group.begin(), group.end(), [&](cand_t a, cand_t b) { return *t[a] > *t[b]; });
    for (std::size_t i = 0; i < group.size(); ++i) {
        if (i > 0 && *t[group[i]] == *t[group[i - 1]] && res.ranking.size() > 0)
            res.ranking.back().push_back(group[i]);
        else
            res.ranking.push_back({group[i]});
    }
}

// Finishing order: winner, the others still continuing by final tally, then the eliminated in
// reverse order of elimination (a batch ranked by its tallies in the round that removed it).
void finishing_order(result& res, const std::vector<char>& continuing,
                     const std::vector<cand_t>& eliminated_order,
                     const std::vector<std::size_t>& eliminated_round) {
    if (!res.winners.empty()) res.ranking.push_back({res.winners.front()});
    std::vector<cand_t> rest;
    for (cand_t c = 0; c < continuing.size(); ++c)
        if (continuing[c] && (res.winners.empty() || c != res.winners.front())) rest.push_back(c);
    push_grouped(res, rest, res.rounds.back().tallies);
    for (auto it = eliminated_order.rbegin(); it != eliminated_order.rend();) {
        const std::size_t r = eliminated_round[*it];
        std::vector<cand_t> batch;
        while (it != eliminated_order.rend() && eliminated_round[*it] == r) batch.push_back(*it++);
        if (batch.size() == 1)
            res.ranking.push_back(batch);
        else
            push_grouped(res, batch, res.rounds[r - 1].tallies);
    }
}

template <class Num> result count_irv(const profile& p, const irv_options& opt) {
    result res;
    std::vector<char> continuing = start_count(p, opt.excluded, "irv", res);
    tie_breaker tb(opt.tie_break, res);
    const std::size_t n = p.candidate_count();

    piles<Num> ballots(p, opt, continuing);
    const std::vector<Num>& tally = ballots.tally;
    standings<Num> order(tally);
    tally_history<Num> history(n);
    for (cand_t c = 0; c < n; ++c)
        if (continuing[c]) {
            order.insert(c);
            history.note(1, c, tally[c]);
        }

    std::vector<cand_t> eliminated_order; // in order of elimination, batches in tally order
    std::vector<std::size_t> eliminated_round(n, 0);
    std::vector<cand_t> received; // candidates whose tally changed in the last round
    // Rounds after the last one that moved a vote repeat the current tallies for every candidate
    // still in the count, so a previous-rounds tie-break (which looks at the latest rounds
    // first, and keeps the tied candidates' lowest) cannot be decided by them: it is given the
    // rounds up to that one only. The choice is the same.
    std::size_t informative_rounds = 0;
    for (std::size_t round = 1;; ++round) {
        for (cand_t c : received)
            if (continuing[c]) history.note(round, c, tally[c]);
        received.clear();
        Num total(0);
        round_record rec = record_round(continuing, tally, ballots.inactive, total);

        const cand_t leader = order.leader();
        const std::size_t n_cont = order.size();
        const bool majority = Num(2) * tally[leader] > total;
        const bool leader_unique = n_cont == 1 || tally[order.runner_up()] < tally[leader];
        std::optional<cand_t> winner;
        if (n_cont == 1) {
            winner = leader;
        } else if (majority && leader_unique && (!opt.continue_until_two || n_cont == 2)) {
            winner = leader;
        } else if (n_cont == 2 && opt.continue_until_two) {
            std::vector<cand_t> top;
            for (cand_t c = 0; c < n; ++c)
                if (continuing[c] && tally[c] == tally[leader]) top.push_back(c);
            winner = tb.pick_winner(top, round, "election", res.rounds);
        }
        if (winner) {
            rec.elected.push_back(*winner);
            res.winners.push_back(*winner);
            res.rounds.push_back(std::move(rec));
            break;
        }

        // Choose whom to eliminate.
        std::vector<cand_t> out;
        if (round == 1 && opt.undeclared_write_in && continuing[*opt.undeclared_write_in])
            out.push_back(*opt.undeclared_write_in); // RCTab: undeclared write-ins go first, alone
        if (out.empty() && opt.batch_elimination) out = safe_batch(order.ascending(), tally);
        if (out.empty()) {
            const std::size_t known = informative_rounds;
            auto loser = tb.pick_loser(order.lowest(), round, "elimination", [&](std::vector<cand_t>& left) {
                history.narrow_to_fewest(left, known);
            });
            if (!loser) {
                res.rounds.push_back(std::move(rec));
                res.notes.push_back("count stopped at round " + std::to_string(round) +
                                    ": tie for elimination left unresolved");
                break;
            }
            out.push_back(*loser);
        }
        for (cand_t c : out) {
            order.erase(c);
            continuing[c] = 0;
            eliminated_round[c] = round;
            eliminated_order.push_back(c);
        }
        rec.eliminated = out;
        std::vector<cand_t> changed;
        for (cand_t c : out)
            ballots.transfer(c, rec.transfers, [&](cand_t to) {
                order.erase(to);
                changed.push_back(to);
            });
        for (cand_t c : changed) order.insert(c);
        received.insert(received.end(), changed.begin(), changed.end());
        res.rounds.push_back(std::move(rec));
        if (!res.rounds.back().transfers.empty()) informative_rounds = res.rounds.size();
    }

    finishing_order(res, continuing, eliminated_order, eliminated_round);
    res.scores = res.rounds.front().tallies;
    res.score_name = "first preferences";
    return res;
}

template <class Num> result count_plurality(const profile& p, const plurality_options& popt) {
    irv_options opt;
    opt.overvotes = popt.overvotes;
    opt.excluded = popt.excluded;
    opt.tie_break = popt.tie_break;
    result res;
    std::vector<char> continuing = start_count(p, opt.excluded, "plurality", res);
    tie_breaker tb(opt.tie_break, res);
    const std::size_t n = p.candidate_count();

    piles<Num> ballots(p, opt, continuing);
    const std::vector<Num>& tally = ballots.tally;
    Num total(0);
    round_record rec = record_round(continuing, tally, ballots.inactive, total);
    std::optional<Num> most;
    for (cand_t c = 0; c < n; ++c)
        if (continuing[c] && (!most || tally[c] > *most)) most = tally[c];
    std::vector<cand_t> top;
    for (cand_t c = 0; c < n; ++c)
        if (continuing[c] && tally[c] == *most) top.push_back(c);
    if (auto winner = tb.pick_winner(top, 1, "election")) {
        rec.elected.push_back(*winner);
        res.winners.push_back(*winner);
    }
    res.rounds.push_back(std::move(rec));

    // Everyone counted, by first preferences; the winner leads its tier when a tie was broken.
    const auto& tallies = res.rounds.back().tallies;
    std::vector<cand_t> all;
    for (cand_t c = 0; c < n; ++c)
        if (tallies[c]) all.push_back(c);
    push_grouped(res, all, tallies);
    if (!res.winners.empty()) {
        auto& first = res.ranking.front();
        if (first.size() > 1) {
            std::erase(first, res.winners.front());
            res.ranking.insert(res.ranking.begin(), {res.winners.front()});
        }
    }
    res.scores = tallies;
    res.score_name = "first preferences";
    return res;
}

} // namespace

result irv(const profile& p, const irv_options& opt) {
    if (p.integral()) return count_irv<std::int64_t>(p, opt);
    return count_irv<rational>(p, opt);
}

result plurality(const profile& p, const plurality_options& opt) {
    if (p.integral()) return count_plurality<std::int64_t>(p, opt);
    return count_plurality<rational>(p, opt);
}

} // namespace v0
} // namespace accord
