// accord/result.hpp: what every rule returns, and its JSON form.
//
// A result carries the winners in order of election, the full ranking where the rule defines one
// (tiers of equally placed candidates), scores, the round-by-round trace with transfers and
// exhausted votes, and every tie that had to be broken. All numbers are exact rationals.
#pragma once

#include "accord/number.hpp"
#include "accord/profile.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {

/// Destination of votes that leave the count (exhausted / non-transferable).
inline constexpr cand_t k_exhausted = 0xFFFFFFFDu;

struct transfer {
    cand_t from;     ///< the candidate whose votes moved
    cand_t to;       ///< receiving candidate, or k_exhausted
    rational amount; ///< votes moved (weighted)
};

/// Ballots that stopped counting, by reason (cumulative at the round's tally).
struct inactive_votes {
    rational exhausted_choices; ///< no continuing candidate left on the ballot
    rational overvotes;         ///< reached an overvote (or an equal ranking) the rule exhausts
    rational skipped_ranks;     ///< more consecutive skipped ranks than allowed
    rational repeated_ranks;    ///< a candidate ranked twice, where the rule exhausts on that
    /// Ballots that ranked nobody at all (blank / all undervotes). Reported apart and not in
    /// total(): they never counted for anyone, as RCTab reports them.
    rational blank;
    rational total() const { return exhausted_choices + overvotes + skipped_ranks + repeated_ranks; }
};

/// A tally that changed at a round (see round_record::changes).
struct tally_change {
    cand_t candidate;
    std::optional<rational> votes; ///< the new tally; nullopt when the candidate left the count
};

struct round_record {
    /// Votes per candidate at this round's tally (indexed by candidate); nullopt when the
    /// candidate is no longer (or not) in the count. Empty when the result keeps its rounds as
    /// changes (result::tallies_as_changes): read round_tallies() then.
    std::vector<std::optional<rational>> tallies;
    /// Only when result::tallies_as_changes: the tallies that differ from the previous round's,
    /// by candidate (round 1: every candidate in the count). A round then costs what it
    /// changed, not every candidate (IRV with 10,000 candidates has 10,000 rounds).
    std::vector<tally_change> changes;
    std::vector<cand_t> elected;       ///< elected at this round
    std::vector<cand_t> eliminated;    ///< eliminated at the end of this round
    std::vector<transfer> transfers;   ///< movements caused by this round's elections/eliminations
    inactive_votes inactive;           ///< cumulative, at this round's tally
    std::optional<rational> threshold; ///< votes needed to win at this round, if the rule has one
    /// STV: the fraction of each paper's value that moved with the surplus transferred at this
    /// stage (surplus / votes, before any rounding of individual papers the rule prescribes).
    std::optional<rational> transfer_value;
    /// STV: votes lost to the rule's rounding so far (cumulative), if the rule rounds.
    std::optional<rational> lost;
    std::string note;
};

/// One tie the rule had to break.
struct tie_record {
    std::size_t round = 0;             ///< 1-based round, or 0 when the rule has no rounds
    std::string purpose;               ///< "elimination", "election", "ranking", ...
    std::vector<cand_t> candidates;    ///< those tied, by candidate; empty when continues_previous
    std::string policy;                ///< the policy that decided: "previous-rounds", "random", ...
    std::vector<cand_t> chosen;        ///< who was picked (to lose, for eliminations); empty if unresolved
    std::optional<std::uint64_t> seed; ///< for random draws
    std::string detail;
    /// The tie holds the previous tie's candidates less `left` (by candidate: the one chosen
    /// there, and any who have since left the tie), and `candidates` is empty. IRV keeps its ties
    /// so once they have named k_full_round_tallies candidates: 10,000 candidates tied at zero
    /// votes leave one per round, and listing every tie in full took 200 MB. tie_candidates()
    /// (or a tie_reader) gives the candidates either way.
    bool continues_previous = false;
    std::vector<cand_t> left; ///< only when continues_previous
};

struct result {
    std::string method;
    std::vector<std::string> candidates;         ///< names, in profile order
    std::vector<cand_t> winners;                 ///< in order of election
    std::vector<std::vector<cand_t>> ranking;    ///< tiers, best first; empty if undefined
    std::vector<std::optional<rational>> scores; ///< per candidate, if the rule scores
    std::string score_name;                      ///< what `scores` are ("first preferences", ...)
    std::vector<std::vector<rational>> pairwise; ///< n x n pairwise support, if computed
    std::vector<round_record> rounds;
    std::vector<tie_record> ties;
    bool complete = true; ///< false when a tie was left unresolved under the "report" policy
    std::vector<std::string> notes;
    /// The rounds hold `changes` and leave `tallies` empty (IRV does: its full table is
    /// rounds x candidates). round_tallies() gives any round's full tallies either way.
    bool tallies_as_changes = false;
};

/// Round k's (0-based) tallies by candidate, whichever form the result keeps: nullopt for a
/// candidate not in the count. O(candidates + the changes of rounds 0..k) for a result that
/// keeps changes.
std::vector<std::optional<rational>> round_tallies(const result& r, std::size_t k);

/// How many tallies a full table of the rounds holds: the candidates in the count, summed over
/// the rounds.
std::size_t full_tally_entries(const result& r);

/// to_json() and to_text() write every round's full tallies while full_tally_entries() stays
/// within this; beyond it, a result kept as changes is written as each round's changes
/// (docs/formats.md, "round_tallies").
inline constexpr std::size_t k_full_round_tallies = 1'000'000;

/// Brings `tallies` (round k-1's, or empty for k = 0) to round k's: walks every round in turn
/// at the cost of its changes (a full copy per round for a result that keeps full tallies).
void advance_tallies(const result& r, std::size_t k, std::vector<std::optional<rational>>& tallies);

/// Tie i's candidates (sorted by candidate), whichever form the result keeps them in. Costs the
/// candidates of the last tie listed in full at or before i, plus the ties since; a tie_reader
/// reads many ties for less.
std::vector<cand_t> tie_candidates(const result& r, std::size_t i);

/// Reads the ties of a result kept as changes (tie_record::continues_previous): the candidates of
/// tie i at the cost of the ties since the last one read (or since the last tie listed in full),
/// plus the list itself. Reading ties in order is cheapest; the result must outlive the reader.
class tie_reader {
  public:
    explicit tie_reader(const result& r);
    /// How many candidates tie i holds.
    std::size_t size(std::size_t i);
    /// Tie i's candidates, sorted by candidate; valid until the next call.
    const std::vector<cand_t>& candidates(std::size_t i);

  private:
    void seek(std::size_t i);
    const result* r_;
    std::size_t at_ = 0; // the tie the state below describes (valid when started_)
    bool started_ = false;
    std::size_t base_ = 0;   // the last tie at or before at_ listed in full
    std::vector<char> gone_; // candidates of base_ no longer tied at at_
    std::vector<cand_t> gone_list_;
    std::vector<cand_t> list_; // tie list_of_'s candidates
    std::size_t list_of_ = 0;
    bool listed_ = false;
};

/// The result as one JSON object (the CLI's --json contract; see docs/formats.md).
/// indent < 0 gives a single line.
std::string to_json(const result& r, int indent = -1);

/// A human-readable summary table.
std::string to_text(const result& r);

} // namespace v0
} // namespace accord
