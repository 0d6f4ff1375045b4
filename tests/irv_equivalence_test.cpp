// IRV and plurality give the same Result as the count they replaced (the one that sorted every
// candidate each round and rescanned every earlier round for a previous-rounds tie), on random
// small profiles with ties, truncation, equal ranks, skipped ranks, exclusions and weights, for
// every option that changes the path through the count. The reference below is that count,
// kept here unchanged as the oracle.
#include "../src/rules/ballot_walker.hpp"
#include "accord/rules/irv.hpp"

#include "fixtures.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>
#include <random>

namespace {
using namespace accord;
using namespace accord::detail;

template <class Num>
result reference_count(const profile& p, const irv_options& opt, bool single_round, std::string method) {
    if (p.kind() != ballot_kind::ranking)
        throw error(errc::unsupported, method + " needs ranking ballots, the profile holds " +
                                           ballot_kind_name(p.kind()) + " ballots");
    const std::size_t n = p.candidate_count();
    result res;
    res.method = std::move(method);
    res.candidates = p.candidate_names();
    std::vector<char> continuing(n, 1);
    for (cand_t c = 0; c < n; ++c)
        if (p.withdrawn(c)) continuing[c] = 0;
    for (cand_t c : opt.excluded) {
        if (c >= n) throw error(errc::invalid, "excluded candidate index out of range");
        continuing[c] = 0;
    }
    std::size_t n_cont = std::count(continuing.begin(), continuing.end(), 1);
    if (n_cont == 0) throw error(errc::invalid, res.method + ": no candidate to count");
    tie_breaker tb(opt.tie_break, res);

    const std::size_t m = p.unique_count();
    walker w{p, opt, continuing, p.flat_marks(), p.flat_offsets(), p.has_repeats()};
    std::vector<std::uint32_t> pos(m), cur(m, k_none);
    std::vector<std::int32_t> last(m, 0);
    std::vector<Num> val(m);
    std::vector<std::vector<std::uint32_t>> pile(n);
    std::vector<Num> tally(n, Num(0));
    inactive_votes inactive;
    for (std::size_t i = 0; i < m; ++i) {
        val[i] = value_of<Num>(p, i);
        pos[i] = p.flat_offsets()[i];
        why reason = why::active;
        cur[i] = w.next(i, pos[i], last[i], reason);
        if (cur[i] == k_none && p.flat_offsets()[i] == p.flat_offsets()[i + 1]) reason = why::blank;
        if (cur[i] == k_none)
            add_inactive(inactive, reason, val[i]);
        else {
            pile[cur[i]].push_back(static_cast<std::uint32_t>(i));
            tally[cur[i]] += val[i];
        }
    }

    std::vector<cand_t> eliminated_order; // in order of elimination, batches in tally order
    std::vector<std::size_t> eliminated_round(n, 0);
    // Rounds after the last one that moved a vote repeat the current tallies for every candidate
    // still in the count, so a previous-rounds tie-break (which looks at the latest rounds
    // first, and keeps the tied candidates' lowest) cannot be decided by them: it is given the
    // rounds up to that one only. The choice is the same; with 2,000 candidates mostly without
    // votes, each elimination no longer rescans every earlier round (O(n^3) in all).
    std::size_t informative_rounds = 0;
    std::size_t round = 0;
    while (true) {
        ++round;
        round_record rec;
        rec.tallies.assign(n, std::nullopt);
        Num total(0);
        std::vector<cand_t> cont;
        for (cand_t c = 0; c < n; ++c)
            if (continuing[c]) {
                rec.tallies[c] = exact(tally[c]);
                total += tally[c];
                cont.push_back(c);
            }
        rec.inactive = inactive;
        if constexpr (std::is_same_v<Num, std::int64_t>)
            rec.threshold = rational(total / 2 + 1);
        else
            rec.threshold = exact(total) / 2;
        if (!std::is_same_v<Num, std::int64_t>) rec.note = "a winner needs more than the threshold";

        // Order continuing candidates by tally, highest first.
        std::vector<cand_t> by_votes = cont;
        std::stable_sort(by_votes.begin(), by_votes.end(),
                         [&](cand_t a, cand_t b) { return tally[a] > tally[b]; });
        const cand_t leader = by_votes.front();
        const bool majority = Num(2) * tally[leader] > total;
        const bool leader_unique = by_votes.size() == 1 || tally[by_votes[1]] < tally[leader];

        std::optional<cand_t> winner;
        if (single_round) {
            std::vector<cand_t> top;
            for (cand_t c : cont)
                if (tally[c] == tally[leader]) top.push_back(c);
            winner = tb.pick_winner(top, round, "election");
        } else if (cont.size() == 1) {
            winner = leader;
        } else if (majority && leader_unique && (!opt.continue_until_two || cont.size() == 2)) {
            winner = leader;
        } else if (cont.size() == 2 && opt.continue_until_two) {
            std::vector<cand_t> top;
            for (cand_t c : cont)
                if (tally[c] == tally[leader]) top.push_back(c);
            winner = tb.pick_winner(top, round, "election", res.rounds);
        }
        if (winner || single_round) {
            if (winner) {
                rec.elected.push_back(*winner);
                res.winners.push_back(*winner);
            }
            res.rounds.push_back(std::move(rec));
            break;
        }

        // Choose whom to eliminate.
        std::vector<cand_t> out;
        if (round == 1 && opt.undeclared_write_in && continuing[*opt.undeclared_write_in])
            out.push_back(*opt.undeclared_write_in); // RCTab: undeclared write-ins go first, alone
        std::vector<cand_t> asc(by_votes.rbegin(), by_votes.rend());
        if (out.empty() && opt.batch_elimination) out = safe_batch(asc, tally);
        if (out.empty()) {
            std::vector<cand_t> low;
            for (cand_t c : asc)
                if (tally[c] == tally[asc.front()]) low.push_back(c);
            auto loser = tb.pick_loser(low, round, "elimination",
                                       std::span<const round_record>(res.rounds).first(informative_rounds));
            if (!loser) {
                res.rounds.push_back(std::move(rec));
                res.notes.push_back("count stopped at round " + std::to_string(round) +
                                    ": tie for elimination left unresolved");
                break;
            }
            out.push_back(*loser);
        }
        for (cand_t c : out) {
            continuing[c] = 0;
            eliminated_round[c] = round;
            eliminated_order.push_back(c);
        }
        rec.eliminated = out;
        // Transfer the piles of the eliminated candidates.
        std::vector<Num> moved(n + 1, Num(0));
        for (cand_t c : out) {
            std::fill(moved.begin(), moved.end(), Num(0));
            const auto& from = pile[c];
            for (std::size_t q = 0; q < from.size(); ++q) {
                // Ballots in a pile are scattered through the mark storage: prefetch a few ahead.
                if (q + 8 < from.size()) {
                    const std::uint32_t ahead = from[q + 8];
                    __builtin_prefetch(&w.all[pos[ahead]]);
                    __builtin_prefetch(&pos[ahead]);
                    __builtin_prefetch(&val[ahead]);
                }
                const std::uint32_t i = from[q];
                why reason = why::active;
                const std::uint32_t to = w.next(i, pos[i], last[i], reason);
                cur[i] = to;
                if (to == k_none) {
                    add_inactive(inactive, reason, val[i]);
                    moved[n] += val[i];
                } else {
                    pile[to].push_back(i);
                    tally[to] += val[i];
                    moved[to] += val[i];
                }
            }
            pile[c].clear();
            pile[c].shrink_to_fit();
            tally[c] = Num(0);
            for (cand_t to = 0; to <= n; ++to)
                if (moved[to] != Num(0))
                    rec.transfers.push_back({c, to == n ? k_exhausted : to, exact(moved[to])});
        }
        res.rounds.push_back(std::move(rec));
        if (!res.rounds.back().transfers.empty()) informative_rounds = res.rounds.size();
    }

    // Finishing order: winner, the others still continuing by final tally, then the
    // eliminated in reverse order of elimination (a batch ranked by its tallies).
    if (!res.winners.empty()) res.ranking.push_back({res.winners.front()});
    const auto& final_round = res.rounds.back();
    std::vector<cand_t> rest;
    for (cand_t c = 0; c < n; ++c)
        if (continuing[c] && (res.winners.empty() || c != res.winners.front())) rest.push_back(c);
    auto push_grouped = [&](std::vector<cand_t> group, const std::vector<std::optional<rational>>& t) {
        std::stable_sort(group.begin(), group.end(), [&](cand_t a, cand_t b) { return *t[a] > *t[b]; });
        for (std::size_t i = 0; i < group.size(); ++i) {
            if (i > 0 && *t[group[i]] == *t[group[i - 1]] && res.ranking.size() > 0)
                res.ranking.back().push_back(group[i]);
            else
                res.ranking.push_back({group[i]});
        }
    };
    if (!single_round) {
        // Candidates left when the count ended (a winner was found or it stopped).
        push_grouped(rest, final_round.tallies);
        for (auto it = eliminated_order.rbegin(); it != eliminated_order.rend();) {
            const std::size_t r = eliminated_round[*it];
            std::vector<cand_t> batch;
            while (it != eliminated_order.rend() && eliminated_round[*it] == r) batch.push_back(*it++);
            if (batch.size() == 1)
                res.ranking.push_back(batch);
            else
                push_grouped(batch, res.rounds[r - 1].tallies);
        }
    } else {
        res.ranking.clear();
        std::vector<cand_t> all;
        for (cand_t c = 0; c < n; ++c)
            if (final_round.tallies[c]) all.push_back(c);
        // the winner leads its tier when the tie was broken
        push_grouped(all, final_round.tallies);
        if (!res.winners.empty()) {
            auto& first = res.ranking.front();
            if (first.size() > 1) {
                std::erase(first, res.winners.front());
                res.ranking.insert(res.ranking.begin(), {res.winners.front()});
            }
        }
        res.scores = final_round.tallies;
        res.score_name = "first preferences";
    }
    if (!single_round) {
        res.scores = res.rounds.front().tallies;
        res.score_name = "first preferences";
    }
    return res;
}

result reference(const profile& p, const irv_options& opt, bool single_round, const char* method) {
    if (p.integral()) return reference_count<std::int64_t>(p, opt, single_round, method);
    return reference_count<rational>(p, opt, single_round, method);
}

// A random profile: n candidates, up to 40 distinct ballots, ranks with gaps and equal ranks
// (a weak order), a candidate ranked twice now and then, some weighted so the rational path is taken too.
profile random_profile(std::mt19937_64& rng, std::size_t n, bool weighted) {
    std::vector<std::string> names;
    for (std::size_t c = 0; c < n; ++c) names.push_back("c" + std::to_string(c));
    profile p(names);
    const std::size_t ballots = 1 + rng() % 40;
    for (std::size_t b = 0; b < ballots; ++b) {
        std::vector<cand_t> perm(n);
        std::iota(perm.begin(), perm.end(), cand_t{0});
        std::shuffle(perm.begin(), perm.end(), rng);
        const std::size_t len = rng() % (n + 1);
        std::vector<mark> marks;
        std::int32_t r = 0;
        for (std::size_t k = 0; k < len; ++k) {
            const auto roll = rng() % 10;
            if (k == 0 || roll >= 2) ++r; // else: equal rank with the previous
            if (roll == 9) ++r;           // a skipped rank
            marks.push_back({perm[k], r});
        }
        if (!marks.empty() && rng() % 8 == 0) marks.push_back({marks.front().candidate, r + 1}); // repeated
        const rational weight =
            weighted && rng() % 3 == 0 ? rational(1 + static_cast<long>(rng() % 5)) / 3 : rational(1);
        p.add(marks, 1 + rng() % 4, weight);
    }
    return p;
}

void expect_same(const result& a, const result& b) { EXPECT_EQ(to_json(a), to_json(b)); }

TEST(IrvEquivalence, RandomProfilesGiveTheReplacedCountsResult) {
    std::mt19937_64 rng(20261204);
    int compared = 0;
    for (int trial = 0; trial < 1500; ++trial) {
        const std::size_t n = 1 + rng() % 9;
        const profile p = random_profile(rng, n, trial % 4 == 3);
        irv_options opt;
        opt.batch_elimination = rng() % 4 == 0;
        opt.continue_until_two = rng() % 5 == 0;
        opt.overvotes = static_cast<overvote_rule>(rng() % 3);
        if (rng() % 4 == 0) opt.max_skipped_ranks = static_cast<int>(rng() % 2);
        if (rng() % 5 == 0) opt.max_rankings = 1 + static_cast<int>(rng() % 3);
        opt.exhaust_on_duplicate = rng() % 2 == 0;
        if (n > 2 && rng() % 5 == 0) opt.excluded = {static_cast<cand_t>(rng() % n)};
        if (rng() % 6 == 0) opt.undeclared_write_in = static_cast<cand_t>(rng() % n);
        opt.tie_break.policy = static_cast<tie_policy>(rng() % 4);
        opt.tie_break.seed = rng();
        if (opt.tie_break.policy == tie_policy::previous_rounds)
            opt.tie_break.fallback = static_cast<tie_policy>(rng() % 3);
        SCOPED_TRACE("trial " + std::to_string(trial));
        try {
            const result want = reference(p, opt, false, "irv");
            expect_same(irv(p, opt), want);
            ++compared;
        } catch (const error& e) {
            EXPECT_THROW(irv(p, opt), error);
        }
        plurality_options popt;
        popt.overvotes = opt.overvotes;
        popt.excluded = opt.excluded;
        popt.tie_break = opt.tie_break;
        irv_options as_irv;
        as_irv.overvotes = popt.overvotes;
        as_irv.excluded = popt.excluded;
        as_irv.tie_break = popt.tie_break;
        try {
            const result want = reference(p, as_irv, true, "plurality");
            expect_same(plurality(p, popt), want);
        } catch (const error& e) {
            EXPECT_THROW(plurality(p, popt), error);
        }
    }
    EXPECT_GT(compared, 1000);
}

// Many candidates tied at zero for many rounds: the case the new tie-break history is for.
TEST(IrvEquivalence, ManyZeroTalliesBreakTiesAsTheReplacedCountDid) {
    std::mt19937_64 rng(7);
    for (int trial = 0; trial < 20; ++trial) {
        const profile p = accord_test::skewed_profile(rng, 60, 50, 4, 20, 12);
        for (bool batch : {false, true}) {
            irv_options opt;
            opt.batch_elimination = batch;
            expect_same(irv(p, opt), reference(p, opt, false, "irv"));
        }
    }
}

} // namespace
