// accord/check.hpp: checks of a rule's result on one profile (docs/check.md).
//
// For a profile and a rule from the registry, each check says pass, fail or not-applicable with
// a reason: Condorcet winner and loser consistency, the majority and mutual-majority criteria,
// Smith and Pareto efficiency of the result; monotonicity, participation, independence of
// clones and coalitional manipulation by bounded deterministic searches that return the
// modified profile witnessing a violation; and for committees over approval ballots, JR, PJR
// and EJR by exact search over the common approvals of cohesive groups, with the witness group
// when one fails. Every comparison is exact (integers and rationals); the searches stop at
// stated limits and say so.
#pragma once

#include "accord/number.hpp"
#include "accord/profile.hpp"
#include "accord/result.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace accord {
inline namespace v0 {

enum class check_verdict : std::uint8_t {
    pass = 0,           ///< holds (exactly, or on every profile the bounded search tried: see exact)
    fail = 1,           ///< violated; the witness shows how
    not_applicable = 2, ///< the criterion says nothing here (no Condorcet winner, not a committee...)
    unknown = 3,        ///< an exact check stopped at its limit before deciding
};
const char* check_verdict_name(check_verdict v) noexcept;

struct check_options {
    std::string rule_options = "{}"; ///< the rule's options, as for accord::run
    /// The monotonicity, participation and clone searches each run the rule on at most this many
    /// modified profiles.
    std::uint64_t search_limit = 2000;
    /// JR/PJR/EJR: at most this many (candidate set, committee subset) pairs are examined in all.
    std::uint64_t cohesive_limit = 5'000'000;
    /// Only these checks (names as in check_item::name); empty means all.
    std::vector<std::string> only;
};

struct check_item {
    std::string name; ///< "condorcet-winner", "monotonicity", "manipulation", "ejr", ...
    check_verdict verdict = check_verdict::not_applicable;
    /// True when the verdict is proven (exact criteria, exhaustive searches); false for a pass of
    /// a bounded search, which only says no violation was among the profiles tried.
    bool exact = true;
    std::string reason;
    std::uint64_t evaluated = 0; ///< profiles run (searches) or sets examined (JR/PJR/EJR)
    /// Fail of a search: the modified profile on which the rule violates the criterion, its
    /// winners, and a sentence saying what was changed.
    std::optional<profile> witness;
    std::vector<cand_t> witness_winners; ///< indices into the witness profile's candidates
    std::string change;
    /// Fail of JR/PJR/EJR: the cohesive group (distinct ballot indices of the profile, and its
    /// weight) and the candidates all of its members approve.
    std::vector<std::size_t> group;
    rational group_weight;
    std::vector<cand_t> common;
    /// The candidates the verdict is about (the Condorcet winner, the majority set, ...).
    std::vector<cand_t> about;
};

struct check_report {
    std::string rule;
    result outcome; ///< the rule's result on the profile
    std::vector<check_item> items;
    const check_item* find(std::string_view name) const;
};

/// The names of every check, in report order.
const std::vector<std::string>& check_names();

/// Runs `rule` (a registry name) on `p` and checks its result. errc::not_found for an unknown
/// rule or check name; errc::invalid for bad options; the rule's own errors.
check_report check(const profile& p, std::string_view rule, const check_options& opt = {});

/// The report as JSON: {"rule", "winners", "checks": [{"name", "verdict", "exact", "reason",
/// "evaluated", and on failure "witness" ({"change", "ballots", "winners"}) or "group"}]}.
std::string to_json(const profile& p, const check_report& r, int indent = -1);

/// Options as JSON {"rule_options", "search_limit", "cohesive_limit", "checks"} (every key
/// checked), for the C API, Python and the CLI.
check_options check_options_from_json(std::string_view json);

/// check() then to_json(), in one call (the body of accord_check()).
std::string check_json(const profile& p, std::string_view rule, std::string_view options_json,
                       int indent = -1);

} // namespace v0
} // namespace accord
