// accord/analysis/groups.hpp: results per group (per precinct, per practice, per PCN, ...).
//
// The same count, with the same rule and options, run once on each group's ballots and once on
// them all, so a reader sees where the overall result is carried and where it is not. A group is
// a ballot's unit (the precinct or practice a CSV's unit column names), or with an organisation
// the unit's ancestor of a kind ("pcn", "icb"). Every group's count is a full, exact count with
// its own ties; nothing is estimated. docs/analysis.md, "Results per group".
#pragma once

#include "accord/organisation.hpp"
#include "accord/profile.hpp"
#include "accord/result.hpp"
#include "accord/weighting.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {

struct group_count_options {
    std::string rule;                ///< a registered method (required)
    std::string rule_options = "{}"; ///< its options, as for run()
    /// What a group is: "unit" (each ballot's own unit) or, with an organisation, a kind of its
    /// units ("pcn"): each ballot's unit's ancestor of that kind.
    std::string per = "unit";
    /// With an organisation: weight each group's ballots by their units, as run_weighted() does
    /// for the whole count (pooled or normalised; a two-stage count is already per group and is
    /// errc::unsupported here). Absent: every voter counts 1, as in run().
    std::optional<weighting_scheme> scheme;
    aggregate_options aggregate;
    /// progress(groups done, groups); returning false cancels (errc::cancelled).
    std::function<bool(std::size_t, std::size_t)> progress;
};

struct group_count {
    std::string id;        ///< the unit id (or the organisation unit's id)
    std::string name;      ///< the organisation unit's name; the id when there is none
    big_int voters;        ///< ballots cast in the group (sum of multiplicities)
    std::size_t units = 0; ///< distinct ballot units in the group
    /// The group's result; empty when the rule could not count this group (see `error`).
    std::optional<result> outcome;
    std::string error; ///< why the group could not be counted (e.g. fewer candidates than seats)
};

struct group_counts {
    result overall;                  ///< the same count over every ballot
    std::vector<group_count> groups; ///< groups in order: organisation order, else first appearance
};

/// Counts each group's ballots with the rule, and all ballots together. Every ballot must name
/// a unit (errc::invalid, counting those that do not, otherwise); with `org`, every unit must be
/// in it and have an ancestor of kind `per` (errc::not_found / errc::invalid, naming the unit).
/// The overall count runs first: an error in it (an unknown rule or option) is thrown; a group
/// the rule cannot count keeps its reason in `error` and the others are still counted.
group_counts count_by_group(const profile& p, const organisation* org, const group_count_options& opt);

/// The profile of one group's ballots: every candidate (withdrawn kept), seats, title and kind of
/// `p`, and the ballots `keep` selects (by distinct ballot index), with count, weight and unit.
profile profile_subset(const profile& p, const std::vector<std::size_t>& keep);

/// Options {"rule", "rule_options", "per", "scheme", "mode", "level", "group_scheme",
/// "group_level", "results"} as for accord_analyse_groups(); `results` (default true) is returned
/// through `with_results`.
group_count_options group_options_from_json(std::string_view json, bool* with_results = nullptr);

/// The report: "analysis": "groups", "settings", "candidates", "per", "overall" {"winners",
/// "result"}, "groups" [{"id", "name", "voters", "units", "winners", "ties_broken", "complete",
/// "agrees", "error", "result"}], "wins" (name -> groups won), "agreeing" (groups whose winners
/// are the overall winners), "counted", "failed". "result" objects are to_json(result) and are
/// left out when `with_results` is false.
std::string group_counts_json(const profile& p, const group_count_options& opt, const group_counts& g,
                              bool with_results = true, int indent = -1);

/// Parse, count and print in one call (the body of accord_analyse_groups()).
std::string analyse_groups(const profile& p, const organisation* org, std::string_view options_json,
                           const std::function<bool(std::size_t, std::size_t)>& progress = {});

} // namespace v0
} // namespace accord
