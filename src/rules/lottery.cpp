// Random dictator (lottery.hpp). Definition after pref_voting 1.18.1 (probabilistic_methods.py,
// random_dictator), ported, not copied. docs/methods/random-dictator.md.
#include "accord/rules/lottery.hpp"

#include "accord/rules/pairwise.hpp"
#include "lottery_draw.hpp"
#include "ranked_ballots.hpp"
#include "single_winner_adapters.hpp"

#include <random>

namespace accord {
inline namespace v0 {
namespace {
using namespace ranked_detail;

// A uniform integer in [0, bound), exactly: draw as many 64-bit words as `bound` needs, keep the
// bits it spans, reject anything at or above it (so every value is equally likely).
big_int uniform_below_big(std::mt19937_64& rng, const big_int& bound) {
    const std::size_t bits = boost::multiprecision::msb(bound) + 1;
    for (;;) {
        big_int x = 0;
        for (std::size_t got = 0; got < bits; got += 64) x = (x << 64) | big_int(rng());
        const std::size_t extra = ((bits + 63) / 64) * 64 - bits;
        x >>= extra;
        if (x < bound) return x;
    }
}

big_int lcm_of(const big_int& a, const big_int& b) { return a / boost::multiprecision::gcd(a, b) * b; }

} // namespace

namespace lottery_detail {
void draw_winner(result& r, const std::vector<cand_t>& cands, const std::vector<rational>& prob,
                 std::uint64_t seed) {
    // The draw: a uniform integer below the probabilities' common denominator, each candidate
    // owning as many values as its probability's numerator over that denominator, in candidate
    // order.
    big_int denominator = 1;
    for (cand_t c : cands) denominator = lcm_of(denominator, boost::multiprecision::denominator(prob[c]));
    std::mt19937_64 rng(seed);
    const big_int x = uniform_below_big(rng, denominator);
    big_int upto = 0;
    cand_t winner = cands.front();
    std::vector<cand_t> possible;
    for (cand_t c : cands)
        if (prob[c] > 0) possible.push_back(c);
    for (cand_t c : possible) {
        upto += boost::multiprecision::numerator(rational(prob[c] * denominator));
        if (x < upto) {
            winner = c;
            break;
        }
    }
    r.winners = {winner};
    tie_record draw;
    draw.round = 1;
    draw.purpose = "lottery draw";
    draw.candidates = possible;
    draw.policy = "random";
    draw.chosen = {winner};
    draw.seed = seed;
    draw.detail =
        "drew " + x.str() + " below " + denominator.str() +
        " (std::mt19937_64, 64-bit words, rejection); candidates own consecutive ranges in candidate "
        "order, as many values as their probability times " +
        denominator.str();
    r.ties.push_back(draw);
    r.notes.push_back("the winner is one seeded draw from the lottery in scores (seed " +
                      std::to_string(seed) + ")");
}
} // namespace lottery_detail

result random_dictator(const profile& p, const lottery_options& opt) {
    const std::string method = "random-dictator";
    const auto active = active_candidates(p, opt.excluded, method);
    const auto cands = members(active);
    rational none;
    const auto firsts = shared_firsts(ballots_of(p, active, method), active, &none);
    rational total = 0;
    for (cand_t c : cands) total += firsts[c];
    if (total == 0) throw error(errc::invalid, method + ": no ballot ranks a candidate taking part");
    result r;
    r.method = method;
    r.candidates = p.candidate_names();
    std::vector<rational> prob(p.candidate_count(), rational(0));
    r.scores.assign(p.candidate_count(), std::nullopt);
    for (cand_t c : cands) {
        prob[c] = firsts[c] / total;
        r.scores[c] = prob[c];
    }
    r.score_name = "probability of winning (the exact lottery)";
    r.ranking = tiers_by_score(cands, prob);
    auto rec = tally_round(active, firsts, "first preferences: each candidate wins with its share");
    rec.inactive.exhausted_choices = none;
    r.rounds.push_back(rec);
    lottery_detail::draw_winner(r, cands, prob, opt.seed);
    r.rounds.back().elected = r.winners;
    return r;
}

namespace detail {
result run_random_dictator(const profile& p, option_reader& o) {
    lottery_options opt;
    opt.excluded = o.candidates("excluded");
    if (auto v = o.get<std::uint64_t>("seed", opt.seed)) opt.seed = *v;
    o.finish();
    return random_dictator(p, opt);
}
} // namespace detail

} // namespace v0
} // namespace accord
