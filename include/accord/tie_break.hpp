// accord/tie_break.hpp: the explicit, recorded breaking of ties.
//
// No rule breaks a tie silently: it asks a tie_breaker, which applies the caller's policy and
// appends a tie_record to the result.
#pragma once

#include "accord/result.hpp"

#include <cstddef>
#include <cstdint>
#include <functional>
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

namespace detail {
/// A uniform draw in [0, n) from the seeded generator, unbiased (the top partial block of the
/// 64-bit range is rejected). The one draw of every random tie-break, inline so that the
/// header-only counts (accord::header-only) draw exactly as libaccord does.
inline std::size_t uniform_below(std::mt19937_64& rng, std::size_t n) {
    const std::uint64_t range = n;
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;
    std::uint64_t x;
    do x = rng();
    while (x >= limit);
    return static_cast<std::size_t>(x % range);
}
} // namespace detail

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

    const tie_break_options& options() const noexcept { return opt_; }

  private:
    std::optional<cand_t> pick(std::span<const cand_t> tied, std::size_t round, std::string_view purpose,
                               const history_filter& previous_rounds, bool loser);
    std::size_t draw(std::size_t n);
    std::size_t priority(cand_t c) const;

    tie_break_options opt_;
    result& out_;
    std::mt19937_64 rng_;
    std::vector<std::size_t> prio_;
};

} // namespace v0
} // namespace accord
