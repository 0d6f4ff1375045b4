// accord/rules/condorcet.hpp: rules decided by the pairwise matrix (pairwise.hpp).
//
// Condorcet winner/loser, Copeland, Minimax (winning votes, margins, pairwise opposition),
// Schulze (winning votes, margins, ratio; full ranking), Ranked Pairs (Tideman), the Smith and
// Schwartz sets, and Black. Each returns the pairwise matrix it used in result::pairwise.
// One page per rule in docs/methods/.
#pragma once

#include "accord/rules/pairwise.hpp"
#include "accord/tie_break.hpp"

namespace accord {
inline namespace v0 {

/// How the strength of a pairwise defeat a > b is measured (Schulze 2011, section 2.1;
/// Tideman 1987 for ranked pairs).
enum class defeat_strength : std::uint8_t {
    winning_votes = 0, ///< support(a,b); ties broken by the smaller support(b,a) where the rule says so
    margins = 1,       ///< support(a,b) - support(b,a)
    ratio = 2,         ///< support(a,b) / support(b,a) (infinite when nobody prefers b)
    /// support(a,b) alone: equal winning votes are equally strong whatever the opposition
    /// (how Condorcet PHP counts "Winning"; see docs/methods/condorcet-php-comparison.md).
    winning_votes_only = 3,
};
/// "winning" (or "winning-votes"), "margin" (or "margins"), "ratio", "winning-only".
defeat_strength parse_defeat_strength(std::string_view text, std::string_view method);

/// Options every pairwise rule shares.
struct condorcet_common {
    unranked_rule unranked = unranked_rule::last;
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};

/// Condorcet winner and loser. winners = {the Condorcet winner}, or empty (with a note) when
/// there is none; ranking = winner, everyone else, loser (where they exist).
result condorcet(const profile& p, const condorcet_common& opt = {});

struct copeland_options {
    /// Points for a pairwise tie (a win scores 1, a loss 0). 1/2 is the usual Copeland score
    /// (equivalent to wins minus losses); 0 and 1 give Copeland's other published variants.
    rational tie_value = rational(1, 2);
    condorcet_common common;
};
result copeland(const profile& p, const copeland_options& opt = {});
/// Set-valued Copeland: the winners are every candidate with the highest Copeland score (no
/// tie broken; opt.common.tie_break is not used), the ranking the same tiers as copeland().
result copeland_set(const profile& p, const copeland_options& opt = {});

enum class minimax_variant : std::uint8_t {
    winning_votes = 0,       ///< worst defeat measured by the winner's support; 0 if undefeated
    margins = 1,             ///< largest support(b,a) - support(a,b) over b (may be negative)
    pairwise_opposition = 2, ///< largest support(b,a) over b, defeat or not
};
struct minimax_options {
    minimax_variant variant = minimax_variant::winning_votes;
    condorcet_common common;
};
/// Simpson-Kramer minimax: the candidate whose worst pairwise score is least bad wins; the
/// ranking orders all by that score.
result minimax(const profile& p, const minimax_options& opt = {});

struct schulze_options {
    defeat_strength strength = defeat_strength::winning_votes;
    condorcet_common common;
};
/// Schulze (beatpath): strongest paths by the widest-path recurrence; a ranks above b when the
/// strongest path from a to b is stronger than the one back (Schulze 2011, section 4).
result schulze(const profile& p, const schulze_options& opt = {});

struct ranked_pairs_options {
    defeat_strength strength = defeat_strength::winning_votes;
    condorcet_common common;
};
/// Tideman's ranked pairs: lock majorities strongest first unless they close a cycle. Equal
/// majorities whose order matters are ordered by a tie-breaking ranking of the candidates
/// (Zavist & Tideman 1989), drawn once from the tie_breaker and recorded.
result ranked_pairs(const profile& p, const ranked_pairs_options& opt = {});

/// The Smith set (smallest set beating everyone outside it). A set-valued rule: winners is the
/// whole set; ranking lists the strong components of the majority graph in order.
result smith(const profile& p, const condorcet_common& opt = {});
/// The Schwartz set (union of minimal undominated sets); ranking repeats it on what is left.
result schwartz(const profile& p, const condorcet_common& opt = {});

/// Which covering relation defines the uncovered set (docs/methods/uncovered-set.md; the names
/// and definitions are pref_voting's `uc_gill`, `uc_fish`, `uc_bordes`, `uc_mckelvey`).
enum class covering : std::uint8_t {
    gillies,  ///< a covers b: a beats b, and whoever beats a beats b
    fishburn, ///< a covers b: whoever beats a beats b, and not the other way round
    bordes,   ///< a covers b: a beats b, and whoever beats or ties a beats or ties b
    mckelvey, ///< a covers b both as Gillies and as Bordes
};
struct uncovered_set_options {
    covering variant = covering::gillies;
    condorcet_common common;
};
/// The uncovered set (set-valued): the candidates no other candidate covers, over the majority
/// relation of the pairwise matrix. ranking = repeated uncovered sets of the candidates left.
result uncovered_set(const profile& p, const uncovered_set_options& opt = {});

/// The most candidates banks() searches: it walks every subset (2^k bytes, 2^k k steps).
inline constexpr std::size_t k_banks_max_candidates = 20;
/// The Banks set (set-valued): the tops of the maximal chains of the strict majority relation
/// (subsets it orders transitively that no other candidate extends). ranking = repeated Banks
/// sets of the candidates left. More than k_banks_max_candidates active candidates is
/// errc::unsupported (docs/methods/banks.md).
result banks(const profile& p, const condorcet_common& opt = {});

/// Black: the Condorcet winner if there is one, else the Borda winner (Borda counted from the
/// pairwise matrix, so equal rankings and unranked candidates follow `unranked`).
result black(const profile& p, const condorcet_common& opt = {});

} // namespace v0
} // namespace accord
