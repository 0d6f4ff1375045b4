// accord/rules/lottery.hpp: probabilistic rules, returning their exact lottery and one seeded
// draw from it (docs/methods/<rule>.md).
//
// Random dictator (pref_voting 1.18.1, probabilistic_methods.py): a voter drawn uniformly at
// random chooses, so each candidate wins with its share of the first preferences. The lottery is
// exact (rational probabilities in `scores`); the winner is one draw from it, made exactly (a
// uniform integer below the lottery's common denominator, by rejection from std::mt19937_64) and
// recorded in `ties` with its seed.
//
// Maximal lotteries (Fishburn 1984; Brandl, Brandt and Seedig 2016): the optimal mixed strategies
// of the symmetric zero-sum game whose payoff is the majority margin, computed by an exact
// rational simplex (src/lp.hpp). The set-valued rules built on them: the essential set (the union
// of their supports; Dutta and Laslier 1999) and the bipartisan set (the support of the unique
// maximal lottery of the tournament game; Laffond, Laslier and Le Breton 1993).
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"
#include "accord/rules/pairwise.hpp"

#include <cstdint>
#include <vector>

namespace accord {
inline namespace v0 {

struct lottery_options {
    std::vector<cand_t> excluded;
    std::uint64_t seed = 0; ///< seed of the draw
};

/// Random dictator: P(c) = c's first preferences / all first preferences (a ballot whose top
/// tier holds several candidates shares its weight equally among them; ballots ranking none of
/// the candidates taking part are left out). Needs ranking ballots.
result random_dictator(const profile& p, const lottery_options& opt = {});

/// The symmetric zero-sum game whose optimal strategies are the maximal lotteries: the payoff of
/// a against b is
enum class lottery_game : std::uint8_t {
    margins,  ///< the majority margin, support(a,b) - support(b,a) (Fishburn's maximal lotteries)
    majority, ///< +1, 0 or -1 as a beats, ties or loses to b (pref_voting's C1 maximal lottery)
};

struct maximal_lottery_options {
    lottery_game game = lottery_game::margins;
    unranked_rule unranked = unranked_rule::last;
    std::vector<cand_t> excluded;
    std::uint64_t seed = 0; ///< seed of the draw
};
/// Maximal lotteries: scores hold the exact lottery p (p >= 0, sum 1, p . M >= 0 for the game's
/// payoff matrix M); winners is one seeded draw from it, recorded in `ties`. When several
/// lotteries are maximal (possible only when some margins are even or zero), the one returned
/// is the leximin one: its smallest probability is as large as possible, then its next smallest,
/// and so on (a unique, neutral choice; docs/methods/maximal-lotteries.md). Needs ranking ballots.
result maximal_lotteries(const profile& p, const maximal_lottery_options& opt = {});

struct essential_set_options {
    lottery_game game = lottery_game::margins;
    pairwise_options pairwise;
};
/// The essential set (set-valued): every candidate with a positive probability in some maximal
/// lottery of the game. ranking = repeated essential sets of the candidates left; scores = the
/// leximin maximal lottery (every member has a positive probability in it).
result essential_set(const profile& p, const essential_set_options& opt = {});

/// The bipartisan set (set-valued): the support of the maximal lottery of the majority
/// (tournament) game, unique when no pair is tied. When the majority relation ties some pair it
/// is the essential set of that game, the generalisation of Dutta and Laslier (1999), and a note
/// says so. ranking and scores as essential_set.
result bipartisan_set(const profile& p, const pairwise_options& opt = {});

} // namespace v0
} // namespace accord
