// accord/motion.hpp: yes/no decisions that bind an organisation's members — majorities of
// units, of patients, of groups, qualified majorities as exact fractions, several at once,
// quorums, vetoes, observers, a chair's casting vote — and decision policies that say which
// rule each category of decision needs. See docs/motions.md.
#pragma once

#include "accord/number.hpp"
#include "accord/organisation.hpp"
#include "accord/power.hpp"
#include "accord/weighting.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {

enum class vote_choice : std::uint8_t { yes = 0, no = 1, abstain = 2 };

/// "yes"/"y"/"for"/"aye", "no"/"n"/"against", "abstain"/"abstention" (any case).
vote_choice parse_vote_choice(std::string_view text);

/// One voter's vote, tagged with the unit (id) it speaks for. A unit may have several voters
/// (partners of a practice): each holds an equal share of the unit.
struct unit_vote {
    std::string unit;
    vote_choice choice;
};

/// Reads a votes CSV: a header naming `unit_column` and `vote_column` (other columns ignored),
/// one row per voter. Errors name the file and line (errc::parse).
std::vector<unit_vote> read_votes(const std::filesystem::path& path, const std::string& unit_column = "unit",
                                  const std::string& vote_column = "vote");
std::vector<unit_vote> read_votes_text(std::string_view text, std::string_view name,
                                       const std::string& unit_column = "unit",
                                       const std::string& vote_column = "vote");

/// One majority that must hold.
struct majority_condition {
    std::string name; ///< e.g. "practices"; default from the basis
    /// What is counted: "units" (one per voting unit), "population" (registered patients),
    /// "groups" (groups of `group_level` whose cast unit votes are mostly yes), or
    /// "weights:SCHEME" (the shares of a weighting scheme, docs/weighting.md).
    std::string basis = "units";
    rational fraction{1, 2};  ///< the share needed
    bool strict = true;       ///< more than `fraction` (true) or at least (false)
    bool of_eligible = false; ///< of all eligible units (true) or of the votes cast
    std::string group_level = "pcn";
    /// Two-level weighting (basis "weights:SCHEME" only): SCHEME inside each group of
    /// `group_level`, this scheme across the groups (compute_two_level_weights). Empty: one level.
    std::string group_scheme;
};

/// The weights a "weights:SCHEME" condition gives the voting units (indices into org, in
/// order): the scheme's report, or with a group_scheme the two-level report's combined shares.
weight_report condition_weights(const organisation& org, const std::vector<std::uint32_t>& units,
                                const majority_condition& c);

enum class abstention_rule : std::uint8_t {
    excluded = 0,      ///< abstentions are not votes cast (default)
    count_as_cast = 1, ///< abstentions count in the base, so they weigh like "no"
};

struct decision_rule {
    std::string name;
    std::vector<majority_condition> conditions;
    std::optional<rational> quorum_units;      ///< share of eligible units that must take part
    std::optional<rational> quorum_population; ///< share of eligible population that must take part
    std::vector<std::string> veto;             ///< unit ids whose "no" defeats the motion
    std::vector<std::string> observers;        ///< unit ids that may speak but do not count
    abstention_rule abstentions = abstention_rule::excluded;
    std::string level; ///< voting units' kind (default: the leaves)
};

/// Named rules: "simple-majority" (more than half of the units voting), "double-majority"
/// (more than half of units and of patients, of votes cast), "triple-majority" (and more than
/// half of the groups), "two-thirds", "three-quarters" (of units voting, at least),
/// "75-75" (at least 3/4 of units and of patients voting), "unanimity" (every unit voting
/// yes and none no).
decision_rule preset_rule(std::string_view name);
/// A rule from JSON (docs/motions.md): {"name", "conditions": [{"name", "basis", "fraction"
/// ("2/3" or a number), "strict", "of": "cast"|"eligible", "group_level", "group_scheme"}], "quorum":
/// {"units", "population"}, "veto": [ids], "observers": [ids], "abstentions":
/// "excluded"|"count-as-cast", "level", or "preset": NAME}. Unknown keys are errors.
decision_rule parse_decision_rule(std::string_view json_text);
/// The rule a policy gives a category: {"categories": {"NAME": RULE, ...}} (RULE as above).
decision_rule policy_rule(std::string_view policy_json, std::string_view category);
/// A rule as the C API and Python give it: "" gives `fallback`; {"policy": POLICY, "category":
/// NAME} gives policy_rule(POLICY, NAME) (no other key); anything else is parse_decision_rule().
decision_rule decision_rule_from_json(std::string_view json_text, decision_rule fallback);
/// Units' votes as the C API and Python give them: {"UNIT": "yes|no|abstain", ...} or
/// [["UNIT", "yes|no|abstain"], ...] (a unit may appear more than once in the list form: one
/// entry per voter). errc::invalid naming the entry otherwise.
std::vector<unit_vote> unit_votes_from_json(std::string_view json_text);
/// Category names a policy defines, in file order.
std::vector<std::string> policy_categories(std::string_view policy_json);

struct condition_outcome {
    std::string name;
    bool passed = false;
    rational have; ///< yes votes on this basis (units, patients, groups or weight share)
    rational need; ///< the least "have" that passes, given the same base
    rational base; ///< what the fraction is of (votes cast or eligible)
    std::string detail;
    bool casting_vote_used = false;
};

struct decision {
    std::string rule;
    bool passed = false;
    std::vector<condition_outcome> conditions; ///< quorum, vetoes, then each majority
    rational yes_units, no_units, abstain_units, absent_units;
    rational yes_population, no_population, abstain_population, absent_population;
    std::vector<std::string> notes;
};

/// Decides a motion. `casting` is the chair's casting vote, used only when a "more than"
/// condition is exactly tied (yes equals the fraction of the base); it is recorded.
/// Errors: errc::not_found for a vote or veto naming no voting unit; errc::invalid for a rule
/// with no conditions, fractions outside [0, 1], an unknown basis.
decision decide(const organisation& org, const std::vector<unit_vote>& votes, const decision_rule& rule,
                std::optional<vote_choice> casting = std::nullopt);

/// JSON: {"rule", "passed", "conditions": [{"name", "passed", "have", "need", "base" and their
/// "_exact" strings, "detail", "casting_vote"}], "votes": {...}, "notes"}.
std::string to_json(const decision& d, int indent = -1);

/// The simple game a decision rule makes of an organisation's voting units, for power indices:
/// "what power does each practice have under our constitution?" A priori every eligible unit
/// votes yes or no as one bloc (nobody abstains or stays away, so quorums are met and "of the
/// votes cast" is "of all eligible units"). Each condition on units, population or scheme
/// weights becomes one weighted majority, its exact shares scaled to the smallest whole numbers
/// in the same proportions; the veto holders make one more majority that needs all of them;
/// observers are not players. Players are named by unit id. `unions_by` (a kind such as "pcn")
/// adds the a-priori unions the Owen indices use. Errors: errc::unsupported for a "groups"
/// condition (a majority of group majorities is a composite game, not a weighted one);
/// errc::not_found for an unknown level, observer or veto holder; errc::overflow when scheme
/// weights do not scale to whole numbers whose total fits 64 bits; errc::invalid for a rule
/// that no coalition or every coalition meets.
weighted_game rule_game(const organisation& org, const decision_rule& rule,
                        const std::string& unions_by = "");

/// What the power of a rule (rule_game, then power_indices) is asked: power_options_from_json's
/// keys, plus "level" (the kind of the players; empty: the rule's own) and "unions_by" (a kind).
struct rule_power_options {
    power_options power;
    std::string level;
    std::string unions_by;
};
/// Strict: an unknown key or a value of the wrong type is errc::invalid naming it; "" is {}.
rule_power_options rule_power_options_from_json(std::string_view json_text);

/// Exact non-negative weights as the smallest whole numbers in the same proportions;
/// errc::overflow (naming `what`) when their total does not fit 64 bits.
std::vector<std::uint64_t> whole_weights(const std::vector<rational>& weights, const std::string& what);

} // namespace v0
} // namespace accord
