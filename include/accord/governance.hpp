// accord/governance.hpp: who decides what. A constitution as data (groupings of practices,
// bodies with seats, a scheme of delegation with limits, reserved matters and sub-delegation
// rights), the questions it answers (may body B decide category C? under which rule, and why?),
// votes run through it (eligibility, turnout, quorum, roll-call, consensus), and results records
// anyone can verify by recounting. See docs/governance.md.
#pragma once

#include "accord/motion.hpp"
#include "accord/number.hpp"
#include "accord/organisation.hpp"
#include "accord/power.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {

// ---- the constitution ------------------------------------------------------------------------

/// A seat's voting right. `casting` is a full vote plus the chair's casting vote on an exact tie.
enum class voting_right : std::uint8_t { full = 0, observer = 1, casting = 2 };
const char* voting_right_name(voting_right v) noexcept;

/// A set of practices with a kind ("pcn", "federation", "lmc_area", "sub_icb", "icb", ...). A
/// practice may sit in any number of groupings. The organisation file's own levels (PCN, sub-ICB,
/// ICB) become groupings automatically; local ones are listed in the constitution.
struct grouping {
    std::string id, kind, name;
    std::vector<std::string> members; ///< practice ids, in organisation order
    std::uint64_t population = 0;     ///< registered patients of the members
    bool local = false;               ///< declared in the constitution (not from the NHS file)
};

struct seat {
    std::string id;         ///< unique within the body
    std::string holder;     ///< who holds it ("" = vacant)
    std::string represents; ///< a grouping id or a practice id
    voting_right vote = voting_right::full;
    std::string term_start, term_end; ///< ISO dates (YYYY-MM-DD); "" = open
};

/// A decision-making body. Either every practice of `members_of` (a grouping) holds a seat
/// ("all practices"), or `seats` lists the seats.
struct body {
    std::string id, name;
    std::string members_of;
    std::vector<seat> seats;
};

/// A decision category of the scheme of delegation.
struct category {
    std::string id, description;
    bool reserved = false; ///< only the sovereign body may decide it; never delegated
    bool delegable = true; ///< false: a body it is delegated to must decide it itself
    decision_rule rule;    ///< the rule when the sovereign body decides
    std::string method;    ///< "" for yes/no motions; a registry method for ranked or approval votes
    std::string method_options = "{}";
};

/// One step of the scheme of delegation: `from` gives `to` the power to decide `category`.
struct delegation {
    std::string category, from, to;
    decision_rule rule;                  ///< the rule `to` decides under
    std::optional<rational> limit;       ///< spending ceiling; above it the matter goes back to `from`
    std::string valid_from, valid_until; ///< ISO dates; "" = open
};

struct constitution {
    std::string name, version, adopted, review_by;
    std::filesystem::path source; ///< the file it was read from
    std::string source_text;      ///< its text, so findings can name their line
    std::filesystem::path organisation_file;
    std::vector<std::string> within; ///< organisation filter (unit ids)
    organisation org;
    std::vector<std::string> snapshot_dates; ///< "column=date" of the NHS file's extract dates
    std::vector<grouping> groupings;
    std::vector<body> bodies;
    std::string sovereign; ///< the body every power comes from (all practices)
    std::vector<category> categories;
    std::vector<delegation> delegations;
    /// Sub-delegation rights: a body other than the sovereign may delegate only to a body it
    /// is listed with here.
    std::vector<std::pair<std::string, std::string>> sub_delegation;

    const body* find_body(std::string_view id) const;
    const category* find_category(std::string_view id) const;
    const grouping* find_grouping(std::string_view id) const;
};

/// Reads a constitution JSON (docs/governance.md) and the organisation it names (a path
/// relative to the constitution's folder). Errors name the file, the line and the JSON path:
/// errc::parse for malformed JSON, wrong types, unknown or missing keys, bad dates; errc::io
/// or errc::parse from the organisation file; and, when `validate` is true, errc::invalid for
/// the first error that check_constitution() finds.
constitution read_constitution(const std::filesystem::path& path, bool validate = true);

/// One thing validation has to say.
struct finding {
    bool error = true;    ///< false: a warning (expired term, overdue review)
    std::string path;     ///< JSON pointer into the constitution file
    std::size_t line = 0; ///< 1-based line of that value, 0 if not known
    std::string message;
};

/// Every problem of a constitution, errors first: a category no body decides, an unknown body
/// or category, a delegation cycle, a reserved matter delegated, a non-delegable category
/// passed on, a sub-delegation without the right, two delegations of one category from one
/// body, a seat representing nothing known; warnings for terms that ended before `as_of` (or
/// end within 90 days), and a review date that has passed. `as_of` is an ISO date.
std::vector<finding> check_constitution(const constitution& c, const std::string& as_of);
std::string to_json(const std::vector<finding>& f, int indent = -1);

// ---- questions -------------------------------------------------------------------------------

struct mandate_answer {
    bool allowed = false; ///< `body` decides this matter
    std::string category, body;
    std::string decider;               ///< the body that decides it (on that date, for that amount)
    decision_rule rule;                ///< the decider's rule
    std::string rule_json;             ///< as written in the constitution
    std::vector<std::string> chain;    ///< the delegation chain, one sentence per step
    std::vector<std::string> warnings; ///< expired seats of the decider, overdue review
    std::string reason;                ///< one sentence: why allowed or not
};

/// May `body` decide `category` on `date` (ISO, "" = no date check) for `amount` (nullopt =
/// no amount)? The chain starts at the sovereign body and follows each delegation in force on
/// that date whose limit the amount does not exceed. errc::not_found for an unknown body or
/// category.
mandate_answer mandate(const constitution& c, const std::string& body, const std::string& category,
                       const std::string& date = "", const std::optional<rational>& amount = std::nullopt);
std::string to_json(const mandate_answer& m, int indent = -1);
/// A mandate question as the C API and Python give it: {"body", "category" (strings, required),
/// "date" (ISO string), "amount" (an exact number as a string)}; strict, errors name the key.
struct mandate_query {
    std::string body, category, date;
    std::optional<rational> amount;
};
mandate_query mandate_query_from_json(std::string_view json_text);

/// The voting units of a body as an organisation: its member practices (with their PCNs and
/// populations), or one unit per seat (kind "seat", population of what it represents, parent
/// nothing). `rule` is completed with the body's observers and level.
organisation body_organisation(const constitution& c, const body& b);
decision_rule body_rule(const constitution& c, const body& b, decision_rule rule);

/// Power in a body under the rule it decides `category` by, whenever it decides it (the
/// sovereign's rule for the category, or the rule of the delegation to the body), through
/// motion.hpp's rule_game. errc::invalid when nothing gives the body that category.
power_result body_power(const constitution& c, const std::string& body, const std::string& category,
                        const power_options& opt = {});

struct seat_status {
    std::string body, seat, holder, term_end;
    std::string status; ///< "expired", "expires-soon" (within 90 days) or "vacant"
};
/// Seats whose terms have ended, end within 90 days of `as_of`, or are vacant.
std::vector<seat_status> seats_needing_attention(const constitution& c, const std::string& as_of);

// ---- running a vote and keeping a record ----------------------------------------------------

/// A vote run through the constitution, as JSON options: {"constitution": PATH, "ballots": PATH,
/// "category": C, "amount": "…", "date": "YYYY-MM-DD", "duplicates": "refuse"|"identical-once"|
/// "share", "casting_vote": "yes"|"no", "top_k": 3}. The deciding body and rule come from the
/// mandate. Returns the outcome JSON (body, rule, eligibility, turnout, quorum, result or
/// decision, roll-call, per-PCN breakdown, consensus).
std::string run_vote(const std::string& invocation_json);

/// A decision rule as JSON that parse_decision_rule() reads back to the same rule.
std::string rule_to_json(const decision_rule& r);

/// Evaluates an invocation ({"command": "run"|"decide"|"vote"|"brief", ...}, docs/governance.md) and
/// returns its outcome as JSON: the same function makes and verifies records.
std::string evaluate_invocation(const std::string& invocation_json);

/// A record: the invocation, SHA-256 of each input file, accord version, constitution version,
/// organisation snapshot dates, the outcome and a UTC timestamp. Returns the record JSON.
std::string make_record(const std::string& invocation_json);
/// Writes text to a file (the one place governance writes files; errc::io on failure).
void write_text_file(const std::filesystem::path& path, const std::string& text);

struct verify_report {
    bool ok = false;
    std::vector<std::string>
        problems; ///< "input 'ballots' (FILE) has changed", "outcome.x: recorded 3, recount 4"
    std::vector<std::string> checked; ///< what was checked and held
};
/// Checks a record: every input's SHA-256, then a recount compared field by field.
verify_report verify_record(const std::filesystem::path& record_path);
std::string to_json(const verify_report& v, int indent = -1);

/// SHA-256 of a file's bytes as 64 lower-case hex digits (OpenSSL libcrypto).
std::string sha256_file(const std::filesystem::path& path);

/// A printable, plain-language HTML declaration of a record's result.
std::string declaration_html(const std::string& record_json);

/// A representative's brief from a vote record of a ranked vote: {"meeting", "expires",
/// "representative", "top_k"}. Returns JSON: agreed order with support, options voted down,
/// latitude (categories the representative's body may decide, with limits), what must be
/// referred back, meeting and expiry.
std::string make_brief(const std::string& record_json, const std::string& brief_options_json);
std::string brief_text(const std::string& brief_json);

} // namespace v0
} // namespace accord
