// accord/rules/cardinal.hpp: rules over approval and score ballots.
//
// Approval, score/range (sum or mean), STAR (score then automatic runoff), majority judgment
// (median grade with the majority-gauge tie-break) and cumulative/dot voting with a points
// budget. Scores are exact rationals. See docs/methods/<rule>.md.
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"
#include "accord/tie_break.hpp"

#include <optional>

namespace accord {
inline namespace v0 {

struct cardinal_common {
    std::vector<cand_t> excluded;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};

/// Approval: most approvals wins. Needs approval ballots.
result approval(const profile& p, const cardinal_common& opt = {});

struct score_options {
    bool mean = false; ///< false: total score; true: mean over the voters who scored the candidate
    cardinal_common common;
};
/// Score (range) voting on score ballots; an unscored candidate gets nothing from that ballot.
result score(const profile& p, const score_options& opt = {});

/// STAR: the two highest total scores meet in an automatic runoff won by whoever more voters
/// scored higher (unscored = 0); a runoff tie goes to the higher total, then the tie-breaker.
result star(const profile& p, const cardinal_common& opt = {});

struct majority_judgment_options {
    /// Grade of a candidate a ballot leaves ungraded (the lowest grade, "reject", by default 0).
    std::int32_t ungraded = 0;
    cardinal_common common;
};
/// Majority judgment (Balinski & Laraki): highest median (lower median) grade wins; equal
/// medians are ordered by the majority gauge.
result majority_judgment(const profile& p, const majority_judgment_options& opt = {});

struct cumulative_options {
    /// Points each voter may distribute; nullopt = no check.
    std::optional<std::int64_t> budget;
    /// A ballot over budget: false = error naming it; true = not counted (reported in notes).
    bool skip_over_budget = false;
    cardinal_common common;
};
/// Cumulative (dot) voting: total points wins; points must be >= 0 and within the budget.
result cumulative(const profile& p, const cumulative_options& opt = {});

} // namespace v0
} // namespace accord
