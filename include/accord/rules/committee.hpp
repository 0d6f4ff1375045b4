// accord/rules/committee.hpp: proportional committees from approval ballots (Thiele's PAV and
// its sequential form, Phragmén's sequential rule, the Method of Equal Shares) and
// participatory budgeting (which priorities to fund within a budget). Exact rationals
// throughout; every tie is broken by the caller's policy and recorded. See docs/methods/.
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"
#include "accord/tie_break.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace accord {
inline namespace v0 {

/// How ranking ballots become approval sets (approval ballots are used as they are).
enum class approval_source : std::uint8_t {
    refuse = 0,     ///< ranking ballots are an error (errc::unsupported)
    first_tier = 1, ///< the candidates ranked first (e.g. PrefLib .toc approval data)
    all_ranked = 2, ///< every ranked candidate
};

struct committee_options {
    std::size_t seats = 0;                        ///< committee size (required, >= 1)
    std::vector<cand_t> excluded;
    approval_source from_ranking = approval_source::refuse;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
    /// pav: give up (errc::invalid) when more than this many committees would have to be
    /// examined without pruning; use seq-pav beyond.
    std::uint64_t max_committees = 50'000'000;
    /// equal-shares: how seats left when no candidate is affordable are filled:
    /// "phragmen" (seq-Phragmén from the loads left, as in abcvoting), or "none".
    std::string completion = "phragmen";
};

/// Proportional approval voting (Thiele): the committee maximising sum over voters of
/// H(|approved ∩ committee|), exactly (branch and bound). Other optimal committees are
/// reported as a tie.
result pav(const profile& p, const committee_options& opt);
/// Sequential PAV: repeatedly add the candidate with the largest marginal PAV score.
result seq_pav(const profile& p, const committee_options& opt);
/// Phragmén's sequential rule: each elected candidate costs 1, spread over its supporters so
/// that the maximal voter load is as small as possible.
result seq_phragmen(const profile& p, const committee_options& opt);
/// The Method of Equal Shares (Peters & Skowron): each voter holds seats / n of the budget;
/// a candidate costs 1, paid equally by its supporters (capped by what each has left); the
/// candidate needing the smallest per-voter payment is bought; completion as configured.
result equal_shares(const profile& p, const committee_options& opt);

struct budget_options {
    rational budget{0};             ///< total budget (> 0)
    std::vector<rational> costs;    ///< cost per candidate (project), > 0
    enum class method_t : std::uint8_t { greedy = 0, equal_shares = 1 } method = method_t::greedy;
    /// equal-shares utilities: "approval" (1 per approved project) or "cost" (its cost).
    bool cost_utilities = false;
    /// equal-shares: spend what is left greedily (by approvals) after the method stops.
    bool greedy_completion = false;
    std::vector<cand_t> excluded;
    approval_source from_ranking = approval_source::refuse;
    tie_break_options tie_break{.policy = tie_policy::lexicographic};
};

/// Participatory budgeting: which projects to fund within the budget.
/// greedy: by approvals, highest first, skipping what no longer fits. equal-shares: MES with
/// each voter holding budget / n.
result participatory_budget(const profile& p, const budget_options& opt);

} // namespace v0
} // namespace accord
