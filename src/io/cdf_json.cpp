// NIST SP 1500-103 Common Data Format cast-vote records in JSON, as RCTab reads them.
//
// Candidates come from the election's Candidate list (their Name), in file order; each
// CVRContestSelection of the chosen contest contributes a mark at each SelectionPosition's Rank
// (positions with HasIndication "no" are ignored). Several candidates at one rank are an
// overvote; ranks with no mark are skipped ranks and stay gaps.
#include "accord/detail/safety.hpp"
#include "formats.hpp"
#include "text_scan.hpp"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace accord {
inline namespace v0 {
namespace detail {
namespace {
using json = nlohmann::json;

[[noreturn]] void bad(std::string_view name, const std::string& what) {
    throw error(errc::parse, what, source_location{std::string(name), 0, 0});
}

const json& member(const json& j, const char* key, std::string_view name, const std::string& where) {
    if (!j.is_object() || !j.contains(key)) bad(name, where + ": expected a \"" + key + "\" member");
    return j[key];
}

std::string string_of(const json& j, std::string_view name, const std::string& where) {
    if (!j.is_string()) bad(name, where + ": expected a string, got " + detail::json_excerpt(j));
    return j.get<std::string>();
}

/// An optional string member: `def` when absent. Not an object, or a member that is not a
/// string, is an error naming it (nlohmann's value() would throw its own type_error).
std::string optional_string(const json& j, const char* key, const char* def, std::string_view name,
                            const std::string& where) {
    if (!j.is_object()) bad(name, where + ": expected an object, got " + detail::json_excerpt(j));
    if (!j.contains(key)) return def;
    return string_of(j[key], name, where + " " + key);
}
} // namespace

profile read_cdf_json(std::string_view text, std::string_view name, const read_options& opt,
                      read_report& report) {
    json doc;
    detail::check_json_depth(text, "CDF document", errc::parse, source_location{std::string(name), 1, 1});
    try {
        doc = json::parse(text);
    } catch (const json::parse_error& e) {
        // Turn the byte offset into a line and column.
        std::size_t line = 1, col = 1;
        for (std::size_t i = 0; i + 1 < e.byte && i < text.size(); ++i) {
            if (text[i] == '\n') {
                ++line;
                col = 1;
            } else {
                ++col;
            }
        }
        throw error(errc::parse, "not valid JSON: " + detail::json_error_text(e),
                    source_location{std::string(name), line, col});
    } catch (const json::exception& e) {
        // e.g. a number too large for a double (out_of_range 406), found by fuzzing
        throw error(errc::parse, "not valid JSON: " + detail::json_error_text(e),
                    source_location{std::string(name), 1, 1});
    }
    const json& elections = member(doc, "Election", name, "CDF document");
    if (!elections.is_array() || elections.empty())
        bad(name, "CDF document: expected a non-empty \"Election\" array");
    const json& election = elections[0];

    // Candidates by @id.
    std::vector<std::string> names;
    std::unordered_map<std::string, cand_t> cand_by_id;
    std::unordered_map<std::string, std::string> id_by_name;
    for (const auto& c : member(election, "Candidate", name, "Election")) {
        const std::string id = string_of(member(c, "@id", name, "Candidate"), name, "Candidate @id");
        const std::string nm = c.contains("Name") ? string_of(c["Name"], name, "Candidate Name") : id;
        // Two @ids with one Name are refused, not merged: pooling their votes would change the
        // count silently (docs/formats.md).
        const auto idx = static_cast<cand_t>(names.size());
        if (!cand_by_id.emplace(id, idx).second) bad(name, "Candidate @id \"" + id + "\" appears twice");
        if (auto [it, fresh] = id_by_name.emplace(nm, id); !fresh)
            bad(name, "Candidates @id \"" + detail::text_excerpt(it->second) + "\" and @id \"" +
                          detail::text_excerpt(id) + "\" have the same Name \"" + detail::text_excerpt(nm) +
                          "\"; names must be distinct");
        names.push_back(nm);
    }
    if (names.empty()) bad(name, "Election has no candidates");

    // The contest.
    const json& contests = member(election, "Contest", name, "Election");
    const json* contest = nullptr;
    for (const auto& c : contests) {
        const std::string id = optional_string(c, "@id", "", name, "Contest"),
                          nm = optional_string(c, "Name", "", name, "Contest");
        if (opt.contest.empty() || opt.contest == id || opt.contest == nm) {
            if (contest && opt.contest.empty())
                bad(name, "the file has several contests; choose one with the contest option (name or @id)");
            contest = &c;
        }
    }
    if (!contest) bad(name, "no contest named \"" + opt.contest + "\"");
    const std::string contest_id = string_of(member(*contest, "@id", name, "Contest"), name, "Contest @id");
    std::unordered_map<std::string, cand_t> cand_by_selection;
    for (const auto& s : member(*contest, "ContestSelection", name, "Contest")) {
        const std::string sid =
            string_of(member(s, "@id", name, "ContestSelection"), name, "ContestSelection @id");
        const json& ids = member(s, "CandidateIds", name, "ContestSelection " + sid);
        if (!ids.is_array() || ids.size() != 1)
            bad(name, "ContestSelection " + sid + ": expected exactly one candidate id");
        const std::string cid = string_of(ids[0], name, "CandidateIds");
        auto it = cand_by_id.find(cid);
        if (it == cand_by_id.end())
            bad(name, "ContestSelection " + sid + " names unknown candidate \"" + cid + "\"");
        cand_by_selection[sid] = it->second;
    }

    profile p(names);
    std::vector<mark> marks;
    std::size_t n = 0;
    for (const auto& cvr : member(doc, "CVR", name, "CDF document")) {
        ++n;
        const std::string where = "CVR " + std::to_string(n);
        const json& snaps = member(cvr, "CVRSnapshot", name, where);
        const std::string current = optional_string(cvr, "CurrentSnapshotId", "", name, where);
        const json* snap = nullptr;
        for (const auto& s : snaps)
            if (current.empty() || optional_string(s, "@id", "", name, where + " CVRSnapshot") == current) {
                snap = &s;
                break;
            }
        if (!snap) bad(name, where + ": no CVRSnapshot with the CurrentSnapshotId \"" + current + "\"");
        marks.clear();
        if (snap->contains("CVRContest"))
            for (const auto& cc : (*snap)["CVRContest"]) {
                if (optional_string(cc, "ContestId", "", name, where + " CVRContest") != contest_id) continue;
                if (!cc.contains("CVRContestSelection")) continue;
                for (const auto& sel : cc["CVRContestSelection"]) {
                    const std::string sid =
                        optional_string(sel, "ContestSelectionId", "", name, where + " CVRContestSelection");
                    auto it = cand_by_selection.find(sid);
                    if (it == cand_by_selection.end())
                        bad(name, where + ": unknown ContestSelectionId \"" + sid + "\"");
                    if (!sel.contains("SelectionPosition")) continue;
                    for (const auto& pos : sel["SelectionPosition"]) {
                        if (optional_string(pos, "HasIndication", "yes", name,
                                            where + " SelectionPosition") == "no")
                            continue;
                        const json& rank = member(pos, "Rank", name, where + " SelectionPosition");
                        if (!rank.is_number_integer() || rank.get<std::int64_t>() < 1 ||
                            rank.get<std::int64_t>() > 1'000'000)
                            bad(name, where + ": Rank must be a whole number from 1, got " +
                                          detail::json_excerpt(rank));
                        marks.push_back({it->second, static_cast<std::int32_t>(rank.get<std::int64_t>())});
                    }
                }
            }
        try {
            p.add(marks);
        } catch (const error& e) {
            if (opt.lenient && e.code() != errc::overflow) {
                report.skipped.push_back({0, where + ": " + e.detail()});
                continue;
            }
            bad(name, where + ": " + e.detail());
        }
    }
    return p;
}

} // namespace detail
} // namespace v0
} // namespace accord
