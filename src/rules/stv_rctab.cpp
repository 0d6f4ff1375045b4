// RCTab's multi-seat tabulation (winnerElectionMode): several winners per round with
// fractional surplus transfer, one winner per round, bottoms-up, and sequential (multi-pass)
// IRV. Papers continue past candidates under the same rules as IRV (ballot_walker.hpp).
//
// Arithmetic follows RCTab: ballot values are decimals with `decimals` places; a winner's
// surplus fraction (votes - threshold) / votes and each paper's new value (value x fraction)
// are truncated to that many places; what a winner keeps above the threshold because of the
// truncation is reported as residual surplus (`lost`). The threshold is fixed in round 1 from
// the active votes: floor(votes / (seats + 1)) + 1, or with a fractional threshold
// trunc(votes / (seats + 1)) + 10^-decimals; Hare: votes / seats rounded up.
#include "accord/rules/stv.hpp"

#include "ballot_walker.hpp"
#include "full_rounds.hpp"

#include <algorithm>
#include <numeric>

namespace accord {
inline namespace v0 {
namespace {
using namespace detail;

using fx = std::int64_t; // value x 10^decimals

struct rctab_count {
    const profile& p;
    const stv_options& opt;
    std::size_t n, seats;
    fx scale = 1;
    result res;
    tie_breaker tb;
    std::vector<char> continuing;
    walker w;
    std::vector<std::uint32_t> pos, cur;
    std::vector<std::int32_t> last;
    std::vector<fx> val;
    std::vector<std::vector<std::uint32_t>> pile;
    std::vector<fx> tally;
    inactive_votes inactive;
    fx threshold = 0, lost = 0;
    std::vector<char> won;
    std::vector<fx> kept; // per winner: what its papers keep after the surplus left
    std::vector<cand_t> eliminated_order;

    static result fresh(const profile& pr) {
        result r;
        r.method = "stv";
        r.candidates = pr.candidate_names();
        return r;
    }

    rctab_count(const profile& pr, const stv_options& o, std::size_t s)
        : p(pr), opt(o), n(pr.candidate_count()), seats(s), res(fresh(pr)), tb(o.ballots.tie_break, res),
          continuing(n, 1),
          w{pr, o.ballots, continuing, pr.flat_marks(), pr.flat_offsets(), pr.has_repeats()} {
        if (opt.decimals > 12) throw error(errc::invalid, "stv: rctab decimals must be at most 12");
        for (unsigned i = 0; i < opt.decimals; ++i) scale *= 10;
        for (cand_t c = 0; c < n; ++c)
            if (p.withdrawn(c)) continuing[c] = 0;
        for (cand_t c : opt.ballots.excluded) continuing.at(c) = 0;
        won.assign(n, 0);
        kept.assign(n, 0);
        tally.assign(n, 0);
        pile.resize(n);
    }

    static fx checked(int128 v) {
        if (v > INT64_MAX / 4)
            throw error(errc::overflow,
                        "stv: rctab tally does not fit; too many ballots for the decimal places");
        return static_cast<fx>(v);
    }
    fx paper_value(std::size_t i) const {
        // The value of one paper of ballot i (its weight, 1 unless weighted), in units of
        // 10^-decimals; it must be exact at that precision.
        const auto b = p.ballot(i);
        const rational s = (b.weight ? *b.weight : rational(1)) * scale;
        if (boost::multiprecision::denominator(s) != 1)
            throw error(errc::invalid, "stv: rctab needs ballot weights exact at " +
                                           std::to_string(opt.decimals) + " decimal places");
        const big_int x = boost::multiprecision::numerator(s);
        if (x > big_int(INT64_MAX / 4)) throw error(errc::overflow, "stv: rctab ballot weight too large");
        return x.convert_to<fx>();
    }
    rational exact(fx v) const { return rational(big_int(v), big_int(scale)); }
    fx of_paper(std::size_t i) const {
        return checked(static_cast<int128>(val[i]) * static_cast<int128>(p.counts()[i]));
    }

    void place(std::uint32_t i, std::vector<fx>* moved) {
        why reason = why::active;
        const std::uint32_t to = w.next(i, pos[i], last[i], reason);
        cur[i] = to;
        const fx v = of_paper(i);
        if (to == k_none) {
            if (pos[i] == p.flat_offsets()[i] && p.flat_offsets()[i] == p.flat_offsets()[i + 1])
                reason = why::blank;
            add_inactive(inactive, reason, exact(v));
            if (moved) (*moved)[n] += v;
        } else {
            pile[to].push_back(i);
            tally[to] += v;
            if (moved) (*moved)[to] += v;
        }
    }

    std::vector<cand_t> cont() const {
        std::vector<cand_t> v;
        for (cand_t c = 0; c < n; ++c)
            if (continuing[c]) v.push_back(c);
        return v;
    }
    std::size_t winners() const { return res.winners.size(); }

    round_record snapshot() const {
        round_record r;
        r.tallies.assign(n, std::nullopt);
        for (cand_t c = 0; c < n; ++c)
            if (continuing[c] || won[c]) r.tallies[c] = exact(tally[c]);
        r.inactive = inactive;
        r.threshold = exact(threshold);
        r.lost = exact(lost);
        return r;
    }

    void set_threshold() {
        fx active = 0;
        for (cand_t c : cont()) active += tally[c];
        const rational v = exact(active);
        if (opt.mode == rctab_mode::bottoms_up && opt.bottoms_up_threshold > 0) {
            const rational t = v * opt.bottoms_up_threshold * scale;
            threshold = floor_int(t).convert_to<fx>();
            return;
        }
        const stv_quota q = opt.quota.value_or(stv_quota::droop);
        const fx unit = opt.fractional_threshold ? 1 : scale; // one unit in the last place kept
        if (q == stv_quota::hare) {
            const int128 num = active, den = static_cast<int128>(seats) * unit;
            // No active vote: a threshold of 0 would elect every continuing candidate at once.
            threshold = active == 0 ? unit : checked((num + den - 1) / den * unit);
        } else {
            const int128 den = static_cast<int128>(seats + 1) * unit;
            threshold = checked(static_cast<int128>(active) / den * unit + unit);
        }
    }

    // Elected at the end of this round: the papers of each winner keep threshold's share and move on
    // with the rest (the surplus fraction, truncated; each paper's new value truncated).
    void transfer_surplus(cand_t c, round_record& rec) {
        const fx votes = tally[c];
        const fx extra = votes - threshold;
        const fx fraction = extra > 0 ? checked(static_cast<int128>(extra) * scale / votes) : 0;
        std::vector<fx> moved(n + 1, 0);
        fx keep = 0;
        std::vector<std::uint32_t> from;
        from.swap(pile[c]);
        for (std::uint32_t i : from) {
            const fx nv = checked(static_cast<int128>(val[i]) * fraction / scale);
            keep += checked(static_cast<int128>(val[i] - nv) * static_cast<int128>(p.counts()[i]));
            val[i] = nv;
            if (nv == 0) continue; // nothing left to move
            place(i, &moved);
        }
        const fx residual = keep - threshold;
        if (residual > 0) lost += residual;
        tally[c] = threshold;
        for (cand_t to = 0; to <= n; ++to)
            if (moved[to] != 0) rec.transfers.push_back({c, to == n ? k_exhausted : to, exact(moved[to])});
        rec.transfer_value = exact(fraction);
    }

    void eliminate(cand_t c, round_record& rec) {
        continuing[c] = 0;
        eliminated_order.push_back(c);
        rec.eliminated.push_back(c);
        std::vector<fx> moved(n + 1, 0);
        std::vector<std::uint32_t> from;
        from.swap(pile[c]);
        for (std::uint32_t i : from) place(i, &moved);
        tally[c] = 0;
        for (cand_t to = 0; to <= n; ++to)
            if (moved[to] != 0) rec.transfers.push_back({c, to == n ? k_exhausted : to, exact(moved[to])});
    }

    result run() {
        const std::size_t m = p.unique_count();
        pos.resize(m);
        cur.assign(m, k_none);
        last.assign(m, 0);
        val.resize(m);
        for (std::size_t i = 0; i < m; ++i) {
            val[i] = paper_value(i);
            pos[i] = p.flat_offsets()[i];
            place(static_cast<std::uint32_t>(i), nullptr);
        }
        const bool bottoms_up = opt.mode == rctab_mode::bottoms_up;
        const bool by_percentage = bottoms_up && opt.bottoms_up_threshold > 0;
        std::size_t round = 0;
        bool done = false;
        while (!done) {
            ++round;
            // Bottoms-up with a percentage recomputes the threshold from each round's continuing
            // votes unless round 1 determines it (RCTab's doesFirstRoundDetermineThreshold).
            if (round == 1 || (bottoms_up && !opt.first_round_threshold)) set_threshold();
            round_record rec = snapshot();
            auto c = cont();
            std::vector<cand_t> new_winners;
            if (bottoms_up) {
                const bool all_pass =
                    opt.bottoms_up_threshold > 0
                        ? std::all_of(c.begin(), c.end(), [&](cand_t x) { return tally[x] >= threshold; })
                        : c.size() <= seats;
                if (all_pass) new_winners = c;
            } else if (winners() + c.size() <= seats) {
                new_winners = c; // the continuing candidates fill the remaining seats
            } else {
                for (cand_t x : c)
                    if (tally[x] >= threshold) new_winners.push_back(x);
                if (opt.mode == rctab_mode::one_per_round && new_winners.size() > 1) {
                    fx top = 0;
                    for (cand_t x : new_winners) top = std::max(top, tally[x]);
                    std::vector<cand_t> best;
                    for (cand_t x : new_winners)
                        if (tally[x] == top) best.push_back(x);
                    auto pick = best.size() == 1 ? std::optional<cand_t>(best.front())
                                                 : tb.pick_winner(best, round, "election", res.rounds);
                    new_winners = pick ? std::vector<cand_t>{*pick} : std::vector<cand_t>{};
                }
            }
            std::stable_sort(new_winners.begin(), new_winners.end(),
                             [&](cand_t a, cand_t b) { return tally[a] > tally[b]; });
            if (!new_winners.empty()) {
                for (cand_t x : new_winners) {
                    continuing[x] = 0;
                    won[x] = 1;
                    res.winners.push_back(x);
                    rec.elected.push_back(x);
                }
                // Only a winner above the threshold has a surplus: one elected below it (the last
                // continuing candidates filling the seats) keeps its votes.
                if (!bottoms_up)
                    for (cand_t x : new_winners)
                        if (tally[x] > threshold) transfer_surplus(x, rec);
                res.rounds.push_back(std::move(rec));
                if (bottoms_up || winners() >= seats) {
                    if (!bottoms_up) {
                        // RCTab tabulates one more round to show the last surpluses transferred.
                        round_record fin = snapshot();
                        fin.note = "final tallies after the last surplus transfers";
                        res.rounds.push_back(std::move(fin));
                    }
                    done = true;
                }
                continue;
            }
            if (c.empty()) {
                res.rounds.push_back(std::move(rec));
                res.notes.push_back(
                    by_percentage ? std::string("no continuing candidates left")
                                  : "no continuing candidates left: " + std::to_string(seats - winners()) +
                                        " seat(s) unfilled");
                break;
            }
            // Eliminate: undeclared write-in first, then a safe batch, else the lowest.
            std::vector<cand_t> out;
            if (round == 1 && opt.ballots.undeclared_write_in && continuing[*opt.ballots.undeclared_write_in])
                out.push_back(*opt.ballots.undeclared_write_in);
            std::vector<cand_t> asc = c;
            std::stable_sort(asc.begin(), asc.end(), [&](cand_t a, cand_t b) { return tally[a] < tally[b]; });
            // RCTab's cutoffElimination: everyone below the percentage threshold goes at once
            // (not everyone: then the lowest alone, as without it).
            if (out.empty() && bottoms_up && opt.cutoff_elimination) {
                for (cand_t x : asc)
                    if (tally[x] < threshold) out.push_back(x);
                if (out.size() == asc.size()) out.clear();
            }
            if (out.empty() && opt.ballots.batch_elimination) out = safe_batch(asc, tally);
            if (out.empty()) {
                std::vector<cand_t> low;
                for (cand_t x : asc)
                    if (tally[x] == tally[asc.front()]) low.push_back(x);
                auto loser = low.size() == 1 ? std::optional<cand_t>(low.front())
                                             : tb.pick_loser(low, round, "elimination", res.rounds);
                if (!loser) {
                    res.rounds.push_back(std::move(rec));
                    res.notes.push_back("count stopped: a tie for elimination was left unresolved");
                    break;
                }
                out.push_back(*loser);
            }
            for (cand_t x : out) eliminate(x, rec);
            res.rounds.push_back(std::move(rec));
        }
        for (cand_t c : res.winners) res.ranking.push_back({c});
        std::vector<cand_t> rest = cont();
        std::stable_sort(rest.begin(), rest.end(), [&](cand_t a, cand_t b) { return tally[a] > tally[b]; });
        for (cand_t c : rest) res.ranking.push_back({c});
        for (auto it = eliminated_order.rbegin(); it != eliminated_order.rend(); ++it)
            res.ranking.push_back({*it});
        res.scores = res.rounds.front().tallies;
        res.score_name = "first preferences";
        res.notes.push_back(std::string("variant rctab (") +
                            (opt.mode == rctab_mode::multiple_per_round ? "several winners per round"
                             : opt.mode == rctab_mode::one_per_round    ? "one winner per round"
                                                                        : "bottoms-up") +
                            "), values truncated to " + std::to_string(opt.decimals) + " decimal places");
        if (by_percentage)
            res.notes.push_back("elected: everyone left once all continuing candidates reach " +
                                to_string(opt.bottoms_up_threshold) + " of the continuing votes (threshold " +
                                (opt.first_round_threshold ? "fixed in round 1" : "recomputed each round") +
                                (opt.cutoff_elimination ? "; everyone below it eliminated at once" : "") +
                                ")");
        return std::move(res);
    }
};

// multiPassIrv: an IRV count per seat, each excluding the winners before it.
result sequential(const profile& p, const stv_options& opt, std::size_t seats) {
    result out;
    out.method = "stv";
    out.candidates = p.candidate_names();
    irv_options io = opt.ballots;
    for (std::size_t k = 0; k < seats; ++k) {
        std::size_t left = 0;
        for (cand_t c = 0; c < p.candidate_count(); ++c)
            if (!p.withdrawn(c) && std::find(io.excluded.begin(), io.excluded.end(), c) == io.excluded.end())
                ++left;
        if (left == 0) break;
        result pass = irv(p, io);
        // One pass's changes do not continue the pass before: its rounds go in full.
        detail::write_rounds_in_full(pass);
        for (auto& rd : pass.rounds) {
            rd.note = "pass " + std::to_string(k + 1) + (rd.note.empty() ? "" : ": " + rd.note);
            out.rounds.push_back(std::move(rd));
        }
        for (auto& t : pass.ties) out.ties.push_back(std::move(t));
        if (!pass.complete) out.complete = false;
        if (pass.winners.empty()) break;
        out.winners.push_back(pass.winners.front());
        io.excluded.push_back(pass.winners.front());
    }
    for (cand_t c : out.winners) out.ranking.push_back({c});
    if (!out.rounds.empty()) {
        out.scores = out.rounds.front().tallies;
        out.score_name = "first preferences";
    }
    out.notes.push_back("variant rctab (sequential IRV): one IRV count per seat, earlier winners excluded");
    return out;
}

} // namespace

result stv_rctab(const profile& p, const stv_options& opt) {
    const std::size_t seats = opt.seats ? opt.seats : p.seats;
    if (opt.mode == rctab_mode::sequential) return sequential(p, opt, seats);
    return rctab_count(p, opt, seats).run();
}

} // namespace v0
} // namespace accord
