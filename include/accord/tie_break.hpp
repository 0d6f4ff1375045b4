// accord/tie_break.hpp: the explicit, recorded breaking of ties.
//
// No rule breaks a tie silently: it asks a tie_breaker, which applies the caller's policy and
// appends a tie_record to the result.
#pragma once

#include "accord/result.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <optional>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace accord {
inline namespace v0 {

enum class tie_policy : std::uint8_t {
    report = 0,          ///< do not break: the result is marked incomplete
    lexicographic = 1,   ///< earlier in candidate order is favoured (or in `order`, if given)
    random = 2,          ///< seeded draw; the seed is recorded
    previous_rounds = 3, ///< compare the tied candidates' tallies in earlier rounds, latest first,
                         ///< then apply `fallback`
};

const char* tie_policy_name(tie_policy p) noexcept;
/// "report", "lexicographic", "random", "previous-rounds" (also accepts "backward").
tie_policy parse_tie_policy(std::string_view name);

/// One tie-break policy: the one table names, parsing, help and error texts come from.
struct tie_policy_info {
    tie_policy policy;
    const char* name;    ///< "previous-rounds"
    const char* aliases; ///< other names parse_tie_policy() takes, space-separated ("backward")
};
std::span<const tie_policy_info> tie_policy_table();
/// The table's names joined by `sep`, the last two by `last`.
std::string tie_policy_names(std::string_view sep, std::string_view last);

struct tie_break_options {
    tie_policy policy = tie_policy::previous_rounds;
    tie_policy fallback = tie_policy::lexicographic; ///< after previous-rounds; not previous-rounds
    std::uint64_t seed = 0;
    std::vector<cand_t>
        order; ///< for lexicographic: a priority order (favoured first); empty = profile order
};

namespace detail {

/// Whether a tie over `tied` (sorted) is kept as a change of the previous tie over `previous`
/// (sorted): it holds only candidates of `previous`, and fewer left than stayed. `left` then
/// holds those that left. (tie_breaker::keep_ties_as_changes, and count_irv's ties.)
inline bool tie_within_previous(const std::vector<cand_t>& previous, const std::vector<cand_t>& tied,
                                std::vector<cand_t>& left) {
    if (!std::includes(previous.begin(), previous.end(), tied.begin(), tied.end())) return false;
    left.clear();
    std::set_difference(previous.begin(), previous.end(), tied.begin(), tied.end(), std::back_inserter(left));
    return left.size() < tied.size();
}
/// A uniform draw in [0, n) from the seeded generator, unbiased (the top partial block of the
/// 64-bit range is rejected). The one draw of every random tie-break.
inline std::size_t uniform_below(std::mt19937_64& rng, std::size_t n) {
    const std::uint64_t range = n;
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;
    std::uint64_t x;
    do x = rng();
    while (x >= limit);
    return static_cast<std::size_t>(x % range);
}

/// Previous-rounds over recorded rounds (anything with `tallies[c]`, an optional number per
/// candidate), oldest first: from the latest, keep the candidates of `left` with the fewest
/// (loser) or most (winner) votes there, until one is left; a round missing one of them is
/// passed over.
template <class Rounds> void narrow_by_rounds(const Rounds& history, std::vector<cand_t>& left, bool loser) {
    for (auto it = std::rbegin(history); it != std::rend(history) && left.size() > 1; ++it) {
        const auto& t = it->tallies;
        if (!std::all_of(left.begin(), left.end(),
                         [&](cand_t c) { return c < t.size() && t[c].has_value(); }))
            continue;
        auto best = *t[left.front()];
        for (cand_t c : left) best = loser ? std::min(best, *t[c]) : std::max(best, *t[c]);
        std::vector<cand_t> keep;
        for (cand_t c : left)
            if (*t[c] == best) keep.push_back(c);
        left = std::move(keep);
    }
}

/// The tie-break policies themselves, written once: which candidate a policy chooses, and which
/// policy chose it. tie_breaker (libaccord, recording into a result) and the header-only counts
/// (irv-inl.hpp, recording into their outcome) both decide through it, so the header-only target
/// breaks every tie exactly as libaccord does; each caller only records the decision its way.
/// Inline, as accord::header-only links nothing.
class tie_policy_core {
  public:
    /// `n` candidates. errc::invalid for a previous-rounds fallback or an unknown `order` entry.
    tie_policy_core(const tie_break_options& opt, std::size_t n) : opt_(opt), rng_(opt.seed), prio_(n, n) {
        if (opt_.fallback == tie_policy::previous_rounds)
            throw error(errc::invalid, "the fallback tie-break policy cannot be previous-rounds");
        if (opt_.order.empty()) {
            for (std::size_t i = 0; i < n; ++i) prio_[i] = i;
        } else {
            for (std::size_t i = 0; i < opt_.order.size(); ++i) {
                if (opt_.order[i] >= n)
                    throw error(errc::invalid, "tie-break order names an unknown candidate");
                prio_[opt_.order[i]] = i;
            }
        }
    }

    struct decision {
        std::optional<cand_t> chosen; ///< none under tie_policy::report
        tie_policy applied;           ///< the policy that chose (previous_rounds if it separated them)
        bool fell_back = false;       ///< previous rounds did not separate them: `fallback` chose
    };

    /// Chooses the loser (or the winner) among `tied`: at least two candidates, sorted. Under
    /// previous-rounds, `narrow(left)` keeps those the earlier rounds do not separate (latest
    /// round first, the fewest votes for a loser, the most for a winner); if one is left it is
    /// chosen, else `fallback` chooses among those left.
    template <class Narrow> decision pick(std::vector<cand_t> tied, bool loser, Narrow&& narrow) {
        decision d{std::nullopt, opt_.policy};
        if (d.applied == tie_policy::previous_rounds) {
            narrow(tied);
            if (tied.size() == 1) {
                d.chosen = tied.front();
                return d;
            }
            d.applied = opt_.fallback;
            d.fell_back = true;
        }
        auto favoured = [&](cand_t a, cand_t b) { return priority(a) < priority(b); };
        switch (d.applied) {
        case tie_policy::report:
            break;
        case tie_policy::lexicographic:
            d.chosen = loser ? *std::max_element(tied.begin(), tied.end(), favoured)
                             : *std::min_element(tied.begin(), tied.end(), favoured);
            break;
        case tie_policy::random:
            d.chosen = tied[uniform_below(rng_, tied.size())];
            break;
        case tie_policy::previous_rounds:
            break; // refused as a fallback by the constructor
        }
        return d;
    }

    /// Orders all of `tied` (sorted) from favoured to disfavoured, for full rankings: by the
    /// policy, or its fallback under previous-rounds. nullopt under report.
    std::optional<std::vector<cand_t>> order(std::vector<cand_t> tied, tie_policy& applied) {
        applied = opt_.policy == tie_policy::previous_rounds ? opt_.fallback : opt_.policy;
        switch (applied) {
        case tie_policy::report:
        case tie_policy::previous_rounds:
            return std::nullopt;
        case tie_policy::lexicographic:
            std::sort(tied.begin(), tied.end(),
                      [&](cand_t a, cand_t b) { return priority(a) < priority(b); });
            return tied;
        case tie_policy::random:
            for (std::size_t i = tied.size() - 1; i > 0; --i)
                std::swap(tied[i], tied[uniform_below(rng_, i + 1)]);
            return tied;
        }
        return std::nullopt;
    }

    const tie_break_options& options() const noexcept { return opt_; }

  private:
    std::size_t priority(cand_t c) const { return c < prio_.size() ? prio_[c] : c; }

    tie_break_options opt_;
    std::mt19937_64 rng_;
    std::vector<std::size_t> prio_;
};
} // namespace detail

/// Breaks ties for one count. Random draws come from std::mt19937_64 (fully specified by the
/// C++ standard, so a seed gives the same draws everywhere) with unbiased rejection sampling.
class tie_breaker {
  public:
    tie_breaker(const tie_break_options& opt, result& out);

    /// Picks the candidate to lose among `tied` (e.g. to eliminate). `history` holds the tallies
    /// of earlier rounds (oldest first) for previous-rounds. Returns nullopt if the policy is
    /// "report" (the tie is recorded unresolved and the result marked incomplete).
    std::optional<cand_t> pick_loser(std::span<const cand_t> tied, std::size_t round,
                                     std::string_view purpose, std::span<const round_record> history = {});
    /// Narrows the tied candidates (sorted, in place) by the previous-rounds rule: latest earlier
    /// round first, keep those with the fewest (loser) votes there, until one remains.
    using history_filter = std::function<void(std::vector<cand_t>& left)>;
    /// pick_loser for counts that keep their own compact tally history (IRV with thousands of
    /// candidates cannot rescan every earlier round for every tie): `previous_rounds` must
    /// narrow exactly as the history overload would; the tie is recorded the same way.
    std::optional<cand_t> pick_loser(std::span<const cand_t> tied, std::size_t round,
                                     std::string_view purpose, const history_filter& previous_rounds);
    /// Picks the candidate to win among `tied`.
    std::optional<cand_t> pick_winner(std::span<const cand_t> tied, std::size_t round,
                                      std::string_view purpose, std::span<const round_record> history = {});
    /// pick_winner for counts that keep their own tally history (IRV's rounds are changes):
    /// `previous_rounds` must keep the most votes exactly as the history overload would.
    std::optional<cand_t> pick_winner(std::span<const cand_t> tied, std::size_t round,
                                      std::string_view purpose, const history_filter& previous_rounds);
    /// Orders all of `tied` from favoured to disfavoured (for full rankings); records one tie.
    std::optional<std::vector<cand_t>> order(std::span<const cand_t> tied, std::size_t round,
                                             std::string_view purpose);

    const tie_break_options& options() const noexcept { return core_.options(); }

    /// Once the ties recorded have named more than `names` candidates, records a tie that holds
    /// some of the previous tie's candidates (for the same purpose) as that change
    /// (tie_record::continues_previous). For counts with thousands of rounds (IRV eliminates
    /// thousands of zero-vote candidates one tie at a time), whose ties listed in full are
    /// quadratic in the candidates.
    void keep_ties_as_changes(std::size_t names) { changes_after_ = names; }

  private:
    std::optional<cand_t> pick(std::span<const cand_t> tied, std::size_t round, std::string_view purpose,
                               const history_filter& previous_rounds, bool loser);
    void record(tie_record rec);

    detail::tie_policy_core core_;
    result& out_;
    std::optional<std::size_t> changes_after_;
    std::size_t named_ = 0;        // candidates named by the ties recorded (keep_ties_as_changes)
    std::vector<cand_t> previous_; // the candidates of the last tie recorded, out_.ties[previous_at_]
    std::size_t previous_at_ = SIZE_MAX;
};

} // namespace v0
} // namespace accord
