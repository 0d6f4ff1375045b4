// Sequential STV (Hill & Gazeley, Voting matters 15, 2002; Hill, Voting matters 20, 2005): Meek
// counts of the probables plus one challenger at a time, until no challenger succeeds; loops
// resolved by exclusions (docs/methods/stv.md#sequential-stv).
#include "stv_count.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace accord {
inline namespace v0 {
namespace stv_detail {
namespace {

std::string names(const profile& p, const std::vector<cand_t>& s) {
    std::string out;
    for (cand_t c : s) out += (out.empty() ? "" : ", ") + p.candidate_name(c);
    return "{" + out + "}";
}

class sequential_count {
  public:
    sequential_count(const profile& p, const stv_options& opt)
        : p_(p), opt_(opt), seats_(seats_of(p, opt)), res_(fresh_result(p)),
          tb_(opt.ballots.tie_break, res_) {
        std::vector<char> out(p.candidate_count(), 0);
        for (cand_t c : opt.ballots.excluded) out.at(c) = 1;
        for (cand_t c = 0; c < p.candidate_count(); ++c)
            if (!p.withdrawn(c) && !out[c]) cands_.push_back(c);
        meek_ = opt;
        meek_.variant = stv_variant::meek;
        meek_.progress = {};
        meek_.quota.reset();
    }

    result run() {
        res_.notes.push_back("variant sequential-stv, " + std::to_string(seats_) +
                             " seats; every count by Meek's method");
        if (cands_.size() <= seats_) {
            res_.notes.push_back("no more continuing candidates than seats: all are elected");
            return finish(cands_);
        }
        // The initial count: its winners are the probables; the others queue in the reverse
        // order of their exclusion, the runner-up moved to last place (Hill 2005).
        const result first = stv(p_, meek_);
        if (!first.complete || first.winners.size() != seats_) {
            // Under tie_break "report" the initial count can stop at an unresolved tie: without
            // its probables there is nothing to challenge.
            result out = first;
            out.notes.insert(out.notes.begin(),
                             "variant sequential-stv: the initial Meek count left a tie unresolved "
                             "(tie_break report), so no challenge was counted; its partial result follows");
            out.complete = false;
            return out;
        }
        std::vector<cand_t> probables = first.winners;
        std::vector<cand_t> order; // exclusion order, first excluded first
        for (const auto& r : first.rounds)
            for (cand_t c : r.eliminated)
                if (std::find(order.begin(), order.end(), c) == order.end()) order.push_back(c);
        std::vector<cand_t> rest; // defeated when the seats were filled: lowest vote first
        const auto& final_tallies = first.rounds.back().tallies;
        for (cand_t c : cands_)
            if (std::find(probables.begin(), probables.end(), c) == probables.end() &&
                std::find(order.begin(), order.end(), c) == order.end())
                rest.push_back(c);
        std::stable_sort(rest.begin(), rest.end(), [&](cand_t x, cand_t y) {
            const rational vx = final_tallies[x].value_or(rational(0));
            const rational vy = final_tallies[y].value_or(rational(0));
            return vx < vy;
        });
        order.insert(order.end(), rest.begin(), rest.end());
        std::deque<cand_t> queue(order.rbegin(), order.rend());
        if (queue.size() > 1) {
            queue.push_back(queue.front());
            queue.pop_front();
        }
        for (const auto& t : first.ties) {
            tie_record copy = t;
            copy.round = 1;
            copy.purpose = "initial count: " + t.purpose;
            res_.ties.push_back(std::move(copy));
        }
        if (!first.complete) res_.complete = false;
        round_record r0 = first.rounds.back();
        r0.elected = probables;
        r0.eliminated.clear();
        r0.transfers.clear();
        r0.note =
            "initial Meek count: probables " + names(p_, sorted(probables)) + ", queue " + queue_text(queue);
        res_.rounds.push_back(std::move(r0));
        res_.scores = first.scores;
        res_.score_name = first.score_name;

        std::set<cand_t> ever(probables.begin(), probables.end()), always = ever;
        std::map<std::vector<cand_t>, std::vector<std::deque<cand_t>>> seen;
        std::set<std::vector<cand_t>> second_chance;
        std::vector<cand_t> last = sorted(probables);
        seen[last].push_back(queue);
        std::size_t quiet = 0; // challenges since the probables last changed
        std::uint64_t challenges = 0;
        while (!queue.empty() && quiet < queue.size()) {
            if (++challenges > opt_.max_challenges)
                throw error(errc::invalid, "stv: the sequential-stv count needs more than " +
                                               std::to_string(opt_.max_challenges) +
                                               " challenges (option 'max_challenges')");
            if (opt_.progress &&
                !opt_.progress(static_cast<double>(challenges) / static_cast<double>(opt_.max_challenges)))
                throw error(errc::cancelled, "stv: sequential-stv cancelled by the progress callback");
            const cand_t challenger = queue.front();
            queue.pop_front();
            const std::optional<cand_t> beaten = challenge(probables, challenger);
            if (beaten) {
                std::replace(probables.begin(), probables.end(), *beaten, challenger);
                queue.push_back(*beaten);
                quiet = 0;
                ever.insert(challenger);
                always.erase(*beaten);
            } else {
                queue.push_back(challenger);
                ++quiet;
            }
            res_.rounds.back().note += ", queue " + queue_text(queue);
            const std::vector<cand_t> now = sorted(probables);
            bool loop = false;
            if (now != last && seen.count(now)) {
                const auto& queues = seen[now];
                if (std::find(queues.begin(), queues.end(), queue) != queues.end() ||
                    second_chance.count(now))
                    loop = true;
                else
                    second_chance.insert(now);
            }
            if (!loop) {
                if (now != last) seen[now].push_back(queue);
                last = now;
                continue;
            }
            // A loop: exclude every continuing candidate never a probable since the last restart;
            // if there is none, the at-risk candidate (not always a probable) with the lowest
            // Borda score; then restart with the probables and queue as they stand.
            std::vector<cand_t> gone;
            for (cand_t c : queue)
                if (!ever.count(c)) gone.push_back(c);
            std::string why = "never a probable since the last restart";
            if (gone.empty()) {
                std::vector<cand_t> at_risk;
                for (cand_t c : probables)
                    if (!always.count(c)) at_risk.push_back(c);
                for (cand_t c : queue)
                    if (!always.count(c)) at_risk.push_back(c);
                std::sort(at_risk.begin(), at_risk.end());
                if (at_risk.empty()) break;
                gone.push_back(lowest_borda(probables, queue, at_risk));
                why = "the lowest Borda score of the candidates at risk";
            }
            for (cand_t c : gone) {
                if (std::find(probables.begin(), probables.end(), c) != probables.end()) {
                    std::erase(probables, c);
                    if (!queue.empty()) {
                        probables.push_back(queue.front());
                        queue.pop_front();
                    }
                } else {
                    std::erase(queue, c);
                }
            }
            round_record rec;
            rec.eliminated = gone;
            rec.note = "loop: " + names(p_, gone) + " excluded (" + why + "); restart with probables " +
                       names(p_, sorted(probables)) + ", queue " + queue_text(queue);
            res_.rounds.push_back(std::move(rec));
            ever = std::set<cand_t>(probables.begin(), probables.end());
            always = ever;
            seen.clear();
            second_chance.clear();
            last = sorted(probables);
            seen[last].push_back(queue);
            quiet = 0;
        }
        res_.notes.push_back(std::to_string(challenges) + " challenges counted");
        return finish(sorted(probables));
    }

  private:
    static std::vector<cand_t> sorted(std::vector<cand_t> v) {
        std::sort(v.begin(), v.end());
        return v;
    }
    std::string queue_text(const std::deque<cand_t>& q) const {
        return names(p_, std::vector<cand_t>(q.begin(), q.end()));
    }

    // A Meek count of the probables and the challenger for the seats. A tie between a probable and
    // the challenger keeps the probables (Hill 2005: "the challenger has not succeeded"): the
    // count's ties are broken in the order probables (in candidate order) before the challenger.
    std::optional<cand_t> challenge(const std::vector<cand_t>& probables, cand_t challenger) {
        stv_options o = meek_;
        std::vector<char> in(p_.candidate_count(), 0);
        for (cand_t c : probables) in[c] = 1;
        in[challenger] = 1;
        o.ballots.excluded = opt_.ballots.excluded;
        for (cand_t c : cands_)
            if (!in[c]) o.ballots.excluded.push_back(c);
        o.ballots.tie_break = tie_break_options{.policy = tie_policy::lexicographic};
        o.ballots.tie_break.order = sorted(probables);
        o.ballots.tie_break.order.push_back(challenger);
        const result r = stv(p_, o);
        const std::size_t round = res_.rounds.size() + 1;
        for (const auto& t : r.ties) {
            tie_record copy = t;
            copy.round = round;
            copy.purpose = "challenge by " + p_.candidate_name(challenger) + ": " + t.purpose;
            copy.detail =
                "probables before the challenger (Hill 2005)" + (t.detail.empty() ? "" : "; " + t.detail);
            res_.ties.push_back(std::move(copy));
        }
        std::optional<cand_t> beaten;
        const bool won = std::find(r.winners.begin(), r.winners.end(), challenger) != r.winners.end();
        if (won)
            for (cand_t c : probables)
                if (std::find(r.winners.begin(), r.winners.end(), c) == r.winners.end()) beaten = c;
        round_record rec = r.rounds.back();
        rec.transfers.clear();
        rec.elected = won ? std::vector<cand_t>{challenger} : std::vector<cand_t>{};
        rec.eliminated = {beaten ? *beaten : challenger};
        rec.note = "challenge by " + p_.candidate_name(challenger) + " against " +
                   names(p_, sorted(probables)) +
                   (beaten ? ": succeeded, " + p_.candidate_name(*beaten) + " beaten" : ": failed");
        res_.rounds.push_back(std::move(rec));
        return beaten;
    }

    // The Borda score of Hill 2005: over every paper, the continuing candidates each is preferred
    // to; candidates a paper leaves unranked share the points equally (here 2 points a candidate
    // beaten, so every share is whole, as the paper suggests). Ties: the tie-breaker.
    cand_t lowest_borda(const std::vector<cand_t>& probables, const std::deque<cand_t>& queue,
                        const std::vector<cand_t>& at_risk) {
        std::vector<char> in(p_.candidate_count(), 0);
        for (cand_t c : probables) in[c] = 1;
        for (cand_t c : queue) in[c] = 1;
        const auto m = static_cast<long long>(probables.size() + queue.size());
        const papers pp = strict_papers(p_, opt_);
        std::vector<rational> score(p_.candidate_count(), rational(0));
        for (std::size_t g = 0; g < pp.count.size(); ++g) {
            const rational mult = pp.weight(g) * rational(pp.count[g]);
            long long ranked = 0;
            std::vector<char> seen(p_.candidate_count(), 0);
            for (std::uint32_t j = pp.off[g]; j < pp.off[g + 1]; ++j) {
                const cand_t c = pp.seq[j];
                if (!in[c]) continue;
                seen[c] = 1;
                score[c] += mult * rational(2 * (m - 1 - ranked));
                ++ranked;
            }
            const long long unranked = m - ranked;
            for (cand_t c = 0; c < p_.candidate_count(); ++c)
                if (in[c] && !seen[c]) score[c] += mult * rational(unranked - 1);
        }
        rational low = score[at_risk.front()];
        for (cand_t c : at_risk) low = std::min(low, score[c]);
        std::vector<cand_t> tied;
        for (cand_t c : at_risk)
            if (score[c] == low) tied.push_back(c);
        res_.notes.push_back("Borda scores (2 points a candidate beaten) of the candidates at risk: " + [&] {
            std::string s;
            for (cand_t c : at_risk)
                s += (s.empty() ? "" : ", ") + p_.candidate_name(c) + " " + to_string(score[c]);
            return s;
        }());
        if (tied.size() == 1) return tied.front();
        const auto chosen = tb_.pick_loser(tied, res_.rounds.size() + 1, "exclusion: lowest Borda score");
        if (!chosen)
            throw error(errc::unsupported, "stv: sequential-stv needs a tie between the lowest Borda scores "
                                           "broken; tie_break 'report' cannot continue the count");
        return *chosen;
    }

    result finish(const std::vector<cand_t>& elected) {
        res_.winners = elected;
        if (!elected.empty()) res_.ranking.push_back(elected);
        std::vector<cand_t> rest;
        for (cand_t c = 0; c < p_.candidate_count(); ++c)
            if (std::find(elected.begin(), elected.end(), c) == elected.end()) rest.push_back(c);
        if (!rest.empty()) res_.ranking.push_back(rest);
        return std::move(res_);
    }

    const profile& p_;
    const stv_options& opt_;
    std::size_t seats_;
    result res_;
    tie_breaker tb_;
    std::vector<cand_t> cands_;
    stv_options meek_;
};

} // namespace

result stv_sequential(const profile& p, const stv_options& opt) { return sequential_count(p, opt).run(); }

} // namespace stv_detail
} // namespace v0
} // namespace accord
