// Plurality veto, serial veto and simultaneous veto (veto.hpp). Definitions after pref_voting
// 1.18.1 (iterative_methods.py, plurality_veto), VoteKit (mggg/VoteKit, SerialVeto and
// SimultaneousVeto) and Kizilkaya & Kempe (IJCAI 2022; EC 2023); ported, not copied.
// docs/methods/plurality-veto.md, serial-veto.md, simultaneous-veto.md.
#include "accord/rules/veto.hpp"

#include "ranked_ballots.hpp"
#include "single_winner_adapters.hpp"

#include <algorithm>
#include <map>
#include <random>

namespace accord {
inline namespace v0 {
namespace {
using namespace ranked_detail;
constexpr std::uint64_t k_max_voters = 10'000'000;

// The voters of a sequential veto rule, in order, each as an index into `groups` (complete
// strict rankings of the candidates taking part).
struct voter_sequence {
    std::vector<cand_t> cands;
    std::vector<std::vector<cand_t>> groups;
    std::vector<std::uint64_t> sizes;
    std::vector<std::uint32_t> order;
};

voter_sequence sequence_of(const profile& p, const veto_options& opt, const std::string& method, result& r) {
    voter_sequence s;
    const auto active = active_candidates(p, opt.excluded, method);
    s.cands = members(active);
    auto so = strict_orders_of(p, ballots_of(p, active, method), s.cands, method, k_max_voters);
    auto& orders = so.orders;
    auto& counts = so.counts;
    const std::uint64_t voters = so.voters;
    if (opt.order == voter_order::random) {
        // Distinct rankings sorted first, so the draw depends on the ballots, not on the order the
        // profile was read in.
        std::map<std::vector<cand_t>, std::uint64_t> merged;
        for (std::size_t i = 0; i < orders.size(); ++i) merged[orders[i]] += counts[i];
        for (auto& [o, k] : merged) {
            s.groups.push_back(o);
            s.sizes.push_back(k);
        }
    } else {
        s.groups = std::move(orders);
        s.sizes = std::move(counts);
    }
    s.order.reserve(static_cast<std::size_t>(voters));
    for (std::size_t g = 0; g < s.groups.size(); ++g)
        s.order.insert(s.order.end(), s.sizes[g], static_cast<std::uint32_t>(g));
    if (opt.order == voter_order::random) {
        // Fisher-Yates with the unbiased draw every random tie-break uses (the same on every platform).
        std::mt19937_64 rng(opt.seed);
        for (std::size_t i = s.order.size(); i > 1; --i)
            std::swap(s.order[i - 1], s.order[detail::uniform_below(rng, i)]);
        r.notes.push_back("voter order: a uniform random permutation of the " + std::to_string(voters) +
                          " voters drawn with seed " + std::to_string(opt.seed) +
                          " (std::mt19937_64, Fisher-Yates over the distinct rankings in sorted order)");
    } else {
        r.notes.push_back(
            "voter order: the order the profile holds its distinct ballots, each one's voters together");
    }
    return s;
}

// First preferences of complete strict rankings, as exact counts.
std::vector<std::int64_t> firsts_of(const voter_sequence& s, std::size_t n) {
    std::vector<std::int64_t> score(n, 0);
    for (std::size_t g = 0; g < s.groups.size(); ++g)
        score[s.groups[g][0]] += static_cast<std::int64_t>(s.sizes[g]);
    return score;
}

round_record points_round(const std::vector<cand_t>& cands, const std::vector<std::int64_t>& score,
                          const std::vector<char>& shown, std::string note) {
    round_record rec;
    rec.tallies.assign(score.size(), std::nullopt);
    for (cand_t c : cands)
        if (shown[c]) rec.tallies[c] = rational(score[c]);
    rec.note = std::move(note);
    return rec;
}

} // namespace

result plurality_veto(const profile& p, const veto_options& opt) {
    result r = start_result(p, "plurality-veto");
    const auto s = sequence_of(p, opt, r.method, r);
    const std::size_t n = p.candidate_count();
    auto score = firsts_of(s, n);
    std::vector<char> alive(n, 0), shown(n, 0);
    std::size_t n_alive = 0;
    for (cand_t c : s.cands) {
        shown[c] = 1;
        if (score[c] > 0) {
            alive[c] = 1;
            ++n_alive;
        }
    }
    auto first =
        points_round(s.cands, score, shown, "first preferences; a candidate with none is eliminated at once");
    for (cand_t c : s.cands)
        if (!alive[c]) first.eliminated.push_back(c);
    r.scores = first.tallies;
    r.score_name = "first preferences (starting points)";
    r.rounds.push_back(first);
    std::vector<cand_t> out_order; // eliminated one at a time, in order
    std::uint64_t vetoes = 0;
    for (std::uint32_t g : s.order) {
        if (n_alive == 1) break;
        const auto& o = s.groups[g];
        cand_t bottom = o.back();
        for (auto it = o.rbegin(); it != o.rend(); ++it)
            if (alive[*it]) {
                bottom = *it;
                break;
            }
        ++vetoes;
        if (--score[bottom] == 0) {
            alive[bottom] = 0;
            --n_alive;
            out_order.push_back(bottom);
            std::vector<char> now = alive;
            now[bottom] = 1;
            auto rec =
                points_round(s.cands, score, now, "points left after " + std::to_string(vetoes) + " vetoes");
            rec.eliminated = {bottom};
            r.rounds.push_back(rec);
        }
    }
    // Points total the voters and each veto takes one, so one candidate is left by now.
    cand_t winner = s.cands.front();
    for (cand_t c : s.cands)
        if (alive[c]) winner = c;
    r.winners = {winner};
    r.rounds.back().elected = r.winners;
    r.ranking.push_back({winner});
    for (auto it = out_order.rbegin(); it != out_order.rend(); ++it) r.ranking.push_back({*it});
    if (!r.rounds.front().eliminated.empty()) r.ranking.push_back(r.rounds.front().eliminated);
    return r;
}

result serial_veto(const profile& p, const veto_options& opt) {
    result r = start_result(p, "serial-veto");
    const auto s = sequence_of(p, opt, r.method, r);
    tie_breaker tb(opt.tie_break, r);
    const std::size_t n = p.candidate_count();
    auto score = firsts_of(s, n);
    std::vector<char> alive(n, 0);
    for (cand_t c : s.cands) alive[c] = 1;
    std::size_t n_alive = s.cands.size();
    auto first = points_round(s.cands, score, alive, "first preferences (starting points)");
    r.scores = first.tallies;
    r.score_name = "first preferences (starting points)";
    r.rounds.push_back(first);
    std::vector<cand_t> out_order;
    std::uint64_t vetoes = 0;
    for (std::uint32_t g : s.order) {
        if (n_alive == 1) break;
        const auto& o = s.groups[g];
        ++vetoes;
        // From the bottom up: a candidate with no points left is eliminated as the voter reaches
        // it, at no cost; the first with points loses one.
        for (auto it = o.rbegin(); it != o.rend() && n_alive > 1; ++it) {
            if (!alive[*it]) continue;
            if (score[*it] > 0) {
                --score[*it];
                break;
            }
            alive[*it] = 0;
            --n_alive;
            out_order.push_back(*it);
            std::vector<char> now = alive;
            now[*it] = 1;
            auto rec =
                points_round(s.cands, score, now,
                             "voter " + std::to_string(vetoes) + " reaches a candidate with no points left");
            rec.eliminated = {*it};
            r.rounds.push_back(rec);
        }
    }
    std::vector<cand_t> left;
    for (cand_t c : s.cands)
        if (alive[c]) left.push_back(c);
    if (left.size() > 1) {
        auto rec = points_round(s.cands, score, alive, "every voter has vetoed: the candidates left tie");
        r.rounds.push_back(rec);
    }
    r.ranking.push_back(left);
    for (auto it = out_order.rbegin(); it != out_order.rend(); ++it) r.ranking.push_back({*it});
    if (left.size() == 1)
        r.winners = left;
    else if (auto w = tb.pick_winner(left, r.rounds.size(), "election"))
        r.winners = {*w};
    if (!r.winners.empty()) r.rounds.back().elected = r.winners;
    return r;
}

result simultaneous_veto(const profile& p, const simultaneous_veto_options& opt) {
    result r = start_result(p, "simultaneous-veto");
    tie_breaker tb(opt.tie_break, r);
    const auto active = active_candidates(p, opt.excluded, r.method);
    const auto ballots = ballots_of(p, active, r.method);
    const std::size_t n = p.candidate_count();
    std::vector<char> alive = active;
    rational blank = 0;
    auto score = shared_firsts(ballots, alive, &blank);
    auto first = tally_round(alive, score, "first preferences (starting scores)");
    first.inactive.blank = blank;
    r.scores = first.tallies;
    r.score_name = "first preferences (starting scores)";
    r.rounds.push_back(first);
    if (blank > 0)
        r.notes.push_back("ballots ranking none of the candidates neither score nor veto (" + blank.str() +
                          ")");
    std::vector<std::vector<cand_t>> out;
    rational t = 0; // time elapsed
    for (;;) {
        std::vector<cand_t> left = members(alive);
        if (left.size() == 1) {
            r.ranking.push_back(left);
            r.winners = left;
            break;
        }
        // Each ballot's veto rate (its weight) shared over its lowest tier of candidates left; the
        // candidates it does not rank are that tier while any is left.
        std::vector<rational> rate(n, rational(0));
        for (const auto& b : ballots) {
            if (b.tiers.empty()) continue;
            std::vector<char> ranked(n, 0);
            for (const auto& tier : b.tiers)
                for (cand_t c : tier) ranked[c] = 1;
            std::vector<cand_t> bottom;
            for (cand_t c : left)
                if (!ranked[c]) bottom.push_back(c);
            for (auto it = b.tiers.rbegin(); bottom.empty() && it != b.tiers.rend(); ++it)
                for (cand_t c : *it)
                    if (alive[c]) bottom.push_back(c);
            const rational share = b.w / static_cast<std::int64_t>(bottom.size());
            for (cand_t c : bottom) rate[c] += share;
        }
        std::optional<rational> step;
        for (cand_t c : left)
            if (rate[c] > 0 && (!step || score[c] / rate[c] < *step)) step = rational(score[c] / rate[c]);
        if (!step) throw error(errc::error, "simultaneous-veto: internal error: nobody is vetoed");
        t += *step;
        std::vector<cand_t> zero;
        bool all_zero = true;
        for (cand_t c : left) {
            score[c] -= *step * rate[c];
            if (score[c] != 0)
                all_zero = false;
            else if (rate[c] > 0)
                zero.push_back(c);
        }
        auto rec = tally_round(alive, score, "scores at time " + t.str());
        if (all_zero) {
            rec.note += ": every score left is zero, those left tie";
            r.rounds.push_back(rec);
            r.ranking.push_back(left);
            if (auto w = tb.pick_winner(left, r.rounds.size(), "election", r.rounds)) r.winners = {*w};
            break;
        }
        rec.eliminated = zero;
        r.rounds.push_back(rec);
        out.push_back(zero);
        for (cand_t c : zero) alive[c] = 0;
    }
    if (!r.winners.empty()) r.rounds.back().elected = r.winners;
    for (auto it = out.rbegin(); it != out.rend(); ++it) r.ranking.push_back(*it);
    return r;
}

namespace detail {
namespace {
veto_options read_veto(option_reader& o, bool ties) {
    veto_options opt;
    opt.excluded = o.candidates("excluded");
    if (auto v = o.choice("voter_order", {"random", "profile"},
                          opt.order == voter_order::random ? "random" : "profile")) {
        if (*v == "random")
            opt.order = voter_order::random;
        else if (*v == "profile")
            opt.order = voter_order::profile;
        else
            throw error(errc::invalid, o.method() +
                                           ": option 'voter_order' must be \"random\" or \"profile\", got '" +
                                           *v + "'");
    }
    if (ties) {
        opt.tie_break = o.tie_break(opt.tie_break); // reads 'seed' too
        opt.seed = opt.tie_break.seed;
    } else if (auto v = o.get<std::uint64_t>("seed", opt.seed)) {
        if (opt.order != voter_order::random)
            throw error(errc::invalid,
                        o.method() + ": option 'seed' is only used with voter_order \"random\"");
        opt.seed = *v;
    }
    return opt;
}
} // namespace
result run_plurality_veto(const profile& p, option_reader& o) {
    auto opt = read_veto(o, false);
    o.finish();
    return plurality_veto(p, opt);
}
result run_serial_veto(const profile& p, option_reader& o) {
    auto opt = read_veto(o, true);
    o.finish();
    return serial_veto(p, opt);
}
result run_simultaneous_veto(const profile& p, option_reader& o) {
    simultaneous_veto_options opt;
    opt.excluded = o.candidates("excluded");
    opt.tie_break = o.tie_break(opt.tie_break);
    o.finish();
    return simultaneous_veto(p, opt);
}
} // namespace detail

} // namespace v0
} // namespace accord
