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

#include <functional>
#include <unordered_map>
#include <vector>

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

/// A SAX handler that builds the document's tree as nlohmann's DOM parser does (a repeated key
/// keeps its last value), except the elements of the root object's "CVR" array: the tree gets an
/// empty array there, and each element is built alone and handed to `on_cvr` when set (only those
/// of the "CVR" key numbered `cvr_wanted`, the last one, which is the one a tree keeps), or
/// dropped unbuilt.
class cdf_sax {
  public:
    json root;
    std::size_t cvr_keys = 0;       ///< "CVR" keys met in the root object
    bool last_cvr_is_array = false; ///< the last of them holds an array
    std::size_t cvr_wanted = 0;     ///< which "CVR" key's elements go to on_cvr (1 = the first)
    std::function<void(const json&)> on_cvr;

    bool null() { return scalar(json(nullptr)); }
    bool boolean(bool v) { return scalar(json(v)); }
    bool number_integer(json::number_integer_t v) { return scalar(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return scalar(json(v)); }
    bool number_float(json::number_float_t v, const json::string_t&) { return scalar(json(v)); }
    bool string(json::string_t& v) { return scalar(json(std::move(v))); }
    bool binary(json::binary_t& v) { return scalar(json(std::move(v))); }
    bool start_object(std::size_t) { return open(json::value_t::object); }
    bool start_array(std::size_t) { return open(json::value_t::array); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(json::string_t& k) {
        if (skip_) return true;
        builder& b = current();
        if (!in_cvr_ && b.stack.size() == 1) { // a key of the root object
            next_is_root_cvr_ = k == "CVR";
            if (next_is_root_cvr_) ++cvr_keys;
        }
        b.slot = &(*b.stack.back())[k];
        return true;
    }
    template <class Exception> bool parse_error(std::size_t, const std::string&, const Exception& ex) {
        throw ex; // what nlohmann's json::parse throws, with the same byte position
    }

  private:
    struct builder {
        json* target;
        std::vector<json*> stack; // the objects and arrays still open
        json* slot = nullptr;     // where the open object's next value goes
    };
    builder dom_{&root, {}}, cvr_{&cvr_value_, {}};
    json cvr_value_;
    bool in_cvr_ = false, counted_ = false, next_is_root_cvr_ = false;
    std::size_t skip_ = 0; // depth inside a CVR element that is dropped

    builder& current() { return in_cvr_ ? cvr_ : dom_; }

    static json* place(builder& b, json&& v) {
        if (b.stack.empty()) {
            *b.target = std::move(v);
            return b.target;
        }
        json* top = b.stack.back();
        if (top->is_array()) {
            auto& a = top->get_ref<json::array_t&>();
            a.push_back(std::move(v));
            return &a.back();
        }
        *b.slot = std::move(v);
        return b.slot;
    }
    bool scalar(json&& v) {
        if (skip_) return true;
        if (next_is_root_cvr_) next_is_root_cvr_ = last_cvr_is_array = false;
        if (in_cvr_ && cvr_.stack.empty()) { // a CVR that is not an object (refused when counted)
            if (counted_) {
                cvr_value_ = std::move(v);
                done();
            }
            return true;
        }
        place(current(), std::move(v));
        return true;
    }
    bool open(json::value_t type) {
        if (skip_) return ++skip_, true;
        if (next_is_root_cvr_) { // the value of a "CVR" key of the root
            next_is_root_cvr_ = false;
            last_cvr_is_array = type == json::value_t::array;
            if (last_cvr_is_array) {
                *dom_.slot = json::array();
                in_cvr_ = true;
                counted_ = on_cvr && cvr_keys == cvr_wanted;
                return true;
            }
        }
        if (in_cvr_ && cvr_.stack.empty() && !counted_) return skip_ = 1, true;
        builder& b = current();
        b.stack.push_back(place(b, json(type)));
        return true;
    }
    bool close() {
        if (skip_) return --skip_, true;
        if (in_cvr_ && cvr_.stack.empty()) return in_cvr_ = false, true; // the end of "CVR"
        builder& b = current();
        b.stack.pop_back();
        if (in_cvr_ && b.stack.empty()) done();
        return true;
    }
    void done() {
        on_cvr(cvr_value_);
        cvr_value_ = json();
    }
};

/// Parses `text` with `sax`, turning nlohmann's errors into errc::parse naming the place.
void parse_cdf(std::string_view text, std::string_view name, cdf_sax& sax) {
    try {
        json::sax_parse(text.data(), text.data() + text.size(), &sax);
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
}
} // namespace

profile read_cdf_json(std::string_view text, std::string_view name, const read_options& opt,
                      read_report& report) {
    detail::check_json_depth(text, "CDF document", errc::parse, source_location{std::string(name), 1, 1});
    cdf_sax first; // the election; the CVRs are counted in a second pass, below
    parse_cdf(text, name, first);
    const json& doc = first.root;
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
    const json& cvrs = member(doc, "CVR", name, "CDF document");
    auto count = [&](const json& cvr) {
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
                return;
            }
            bad(name, where + ": " + e.detail());
        }
    };
    if (first.last_cvr_is_array) {
        cdf_sax second;
        second.cvr_wanted = first.cvr_keys;
        second.on_cvr = count;
        parse_cdf(text, name, second);
    } else {
        for (const auto& cvr : cvrs) count(cvr);
    }
    return p;
}

} // namespace detail
} // namespace v0
} // namespace accord
