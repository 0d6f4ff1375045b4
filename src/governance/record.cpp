// Results records anyone can verify: SHA-256 of every input (OpenSSL libcrypto), the
// invocation, the outcome; verification by recount; the printable declaration and the
// representative's brief drawn from a record (accord/governance.hpp, docs/governance.md).
#include "accord/detail/safety.hpp"
#include "accord/governance.hpp"

#include "accord/accord.h"

#include "governance_internal.hpp"
#include "../html_escape.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

namespace accord {
inline namespace v0 {

using json = nlohmann::ordered_json;
namespace gd = governance_detail;

std::string sha256_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(errc::io, "cannot open '" + path.string() + "'");
    std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1)
        throw error(errc::error, "SHA-256 is not available");
    char buf[1 << 16];
    while (in) {
        in.read(buf, sizeof buf);
        if (in.gcount() > 0) EVP_DigestUpdate(ctx.get(), buf, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) throw error(errc::io, "cannot read '" + path.string() + "'");
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned len = 0;
    EVP_DigestFinal_ex(ctx.get(), md, &len);
    static const char* hex = "0123456789abcdef";
    std::string out;
    for (unsigned k = 0; k < len; ++k) {
        out += hex[md[k] >> 4];
        out += hex[md[k] & 15];
    }
    return out;
}

// The one place governance writes a file: atomically, so a failed write leaves an existing
// record or declaration untouched (accord/detail/safety.hpp).
void write_text_file(const std::filesystem::path& path, const std::string& text) {
    detail::write_file_atomically(path.string(), [&](std::ostream& out) { out << text; });
}

namespace {

// The input files an invocation reads, by role.
std::vector<std::pair<std::string, std::string>> inputs_of(const json& inv) {
    std::vector<std::pair<std::string, std::string>> out;
    const std::string cmd = inv.value("command", "");
    auto file_at = [&](const char* obj, const char* role) {
        if (inv.contains(obj) && inv[obj].is_object() && inv[obj].contains("file") &&
            inv[obj]["file"].is_string())
            out.emplace_back(role, inv[obj]["file"].get<std::string>());
    };
    if (cmd == "run") {
        file_at("ballots", "ballots");
        file_at("org", "organisation");
    } else if (cmd == "decide") {
        file_at("votes", "votes");
        file_at("org", "organisation");
    } else if (cmd == "vote") {
        const std::string cf = inv.value("constitution", "");
        out.emplace_back("constitution", cf);
        out.emplace_back("organisation", read_constitution(cf).organisation_file.string());
        out.emplace_back("ballots", inv.value("ballots", ""));
    } else if (cmd == "brief") {
        // The vote record (which pins its own inputs by SHA-256), and the constitution the brief
        // reads its latitude from.
        const std::string rf = inv.value("record", "");
        out.emplace_back("vote record", rf);
        const json vote = gd::parse_json(gd::read_file(rf), rf);
        if (vote.is_object() && vote.contains("invocation") && vote["invocation"].is_object())
            out.emplace_back("constitution", vote["invocation"].value("constitution", ""));
    }
    return out;
}

std::string now_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

// Field-by-field comparison; differences are reported by their path in the record.
void compare(const json& recorded, const json& recount, const std::string& path,
             std::vector<std::string>& out) {
    if (out.size() >= 20) return;
    if (recorded.type() != recount.type() && !(recorded.is_number() && recount.is_number())) {
        out.push_back(path + ": recorded " + recorded.dump() + ", recount gives " + recount.dump());
        return;
    }
    if (recorded.is_object()) {
        for (auto it = recount.begin(); it != recount.end(); ++it) {
            if (!recorded.contains(it.key()))
                out.push_back(path + "." + it.key() + ": missing from the record");
            else
                compare(recorded[it.key()], it.value(), path + "." + it.key(), out);
        }
        for (auto it = recorded.begin(); it != recorded.end(); ++it)
            if (!recount.contains(it.key()))
                out.push_back(path + "." + it.key() + ": in the record but not in the recount");
        return;
    }
    if (recorded.is_array()) {
        if (recorded.size() != recount.size()) {
            out.push_back(path + ": recorded " + std::to_string(recorded.size()) +
                          " entries, recount gives " + std::to_string(recount.size()));
            return;
        }
        for (std::size_t k = 0; k < recorded.size(); ++k)
            compare(recorded[k], recount[k], path + "[" + std::to_string(k) + "]", out);
        return;
    }
    if (recorded.is_number_float() || recount.is_number_float()) {
        if (std::fabs(recorded.get<double>() - recount.get<double>()) > 1e-9)
            out.push_back(path + ": recorded " + recorded.dump() + ", recount gives " + recount.dump());
        return;
    }
    if (recorded != recount)
        out.push_back(path + ": recorded " + recorded.dump() + ", recount gives " + recount.dump());
}

std::string esc(const std::string& s) { return detail::html_escape(s); }

std::string pct(const std::string& exact) {
    const rational r = parse_rational(exact);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * to_double(r));
    return buf;
}

} // namespace

std::string make_record(const std::string& invocation_json) {
    const json inv = gd::parse_json(invocation_json, "invocation");
    const json outcome = json::parse(evaluate_invocation(invocation_json));
    json rec;
    rec["record"] = "accord-record/1";
    rec["accord_version"] = std::to_string(ACCORD_VERSION_MAJOR) + "." +
                            std::to_string(ACCORD_VERSION_MINOR) + "." + std::to_string(ACCORD_VERSION_PATCH);
    rec["created_utc"] = now_utc();
    rec["invocation"] = inv;
    json ins = json::array();
    for (const auto& [role, file] : inputs_of(inv))
        ins.push_back({{"role", role},
                       {"file", file},
                       {"bytes", std::filesystem::file_size(file)},
                       {"sha256", sha256_file(file)}});
    rec["inputs"] = ins;
    rec["outcome"] = outcome;
    return rec.dump(2);
}

verify_report verify_record(const std::filesystem::path& record_path) {
    verify_report v;
    const json rec = gd::parse_json(gd::read_file(record_path.string()), record_path.string());
    for (const char* k : {"record", "invocation", "inputs", "outcome"})
        if (!rec.is_object() || !rec.contains(k))
            throw error(errc::parse, std::string("not an accord record: no '") + k + "'",
                        {record_path.string(), 0, 0});
    if (rec["record"] != "accord-record/1")
        throw error(errc::parse, "unknown record version " + rec["record"].dump(),
                    {record_path.string(), 0, 0});
    const json& inv = rec["invocation"];
    // 1. Every input file as it was.
    std::map<std::string, std::string> recorded;
    for (const auto& in : rec["inputs"]) recorded[in.value("file", "")] = in.value("sha256", "");
    bool inputs_ok = true;
    std::vector<std::pair<std::string, std::string>> expected;
    try {
        expected = inputs_of(inv);
    } catch (const error& e) {
        v.problems.push_back(std::string("the inputs could not be read: ") + e.what());
        return v;
    }
    for (const auto& [role, file] : expected) {
        auto it = recorded.find(file);
        if (it == recorded.end()) {
            v.problems.push_back("input '" + role + "' (" + file + ") is not listed in the record's inputs");
            inputs_ok = false;
            continue;
        }
        std::string now;
        try {
            now = sha256_file(file);
        } catch (const error&) {
            v.problems.push_back("input '" + role + "' (" + file + ") cannot be read");
            inputs_ok = false;
            continue;
        }
        if (now != it->second) {
            v.problems.push_back("input '" + role + "' (" + file + ") has changed: SHA-256 recorded " +
                                 it->second.substr(0, 16) + "..., now " + now.substr(0, 16) + "...");
            inputs_ok = false;
        } else {
            v.checked.push_back("input '" + role + "' (" + file + ") unchanged, SHA-256 " +
                                now.substr(0, 16) + "...");
        }
    }
    // 2. The recount, field by field (only when the inputs are the recorded ones).
    if (inputs_ok) {
        const json recount = json::parse(evaluate_invocation(inv.dump()));
        std::vector<std::string> diffs;
        compare(rec["outcome"], recount, "outcome", diffs);
        if (diffs.empty()) v.checked.push_back("recount matches every recorded figure");
        for (auto& d : diffs) v.problems.push_back(std::move(d));
        // A brief stands only on a vote record that stands: verify that one too.
        if (inv.value("command", "") == "brief") {
            const verify_report vote = verify_record(inv.value("record", ""));
            if (vote.ok)
                v.checked.push_back(
                    "the vote record stands: its inputs are unchanged and its recount matches");
            for (const auto& p : vote.problems) v.problems.push_back("vote record: " + p);
        }
    }
    v.ok = v.problems.empty();
    return v;
}

std::string to_json(const verify_report& v, int indent) {
    return json{{"ok", v.ok}, {"problems", v.problems}, {"checked", v.checked}}.dump(indent);
}

// ---- the declaration -------------------------------------------------------------------------

namespace {
// The sections of a brief's declaration: what the representative carries and may agree.
void brief_sections(std::ostream& h, const json& b) {
    h << "<p class=\"result\">";
    if (!b.value("meeting", "").empty())
        h << "For the meeting <b>" << esc(b.value("meeting", "")) << "</b>. ";
    if (!b.value("expires", "").empty())
        h << "This mandate expires on <b>" << esc(b.value("expires", "")) << "</b>.";
    if (b.contains("constitution"))
        h << " Under <b>" << esc(b["constitution"].value("name", "")) << "</b>, version "
          << esc(b["constitution"].value("version", "")) << ".";
    h << "</p>\n<h2>The agreed order</h2><p>Support: the returns that put the option in their top "
      << b["top_k"] << ".</p><table><tr><th>place</th><th>option</th><th>support</th></tr>";
    for (const auto& e : b["agreed_order"])
        h << "<tr><td>" << e["place"] << "</td><td>" << esc(e.value("option", "")) << "</td><td>"
          << e["in_top_k"] << " of " << e["returns"] << "</td></tr>";
    h << "</table>\n<h2>Voted down</h2>";
    if (b["voted_down"].empty())
        h << "<p>None: no option was put in the bottom half by more than half.</p>";
    else {
        h << "<ul>";
        for (const auto& e : b["voted_down"])
            h << "<li>" << esc(e.value("option", "")) << ": " << e["in_bottom_half"] << " of " << e["returns"]
              << " returns put it in their bottom half</li>";
        h << "</ul>";
    }
    h << "\n<h2>May agree on behalf of " << esc(b.value("body", "")) << "</h2><ul>";
    for (const auto& e : b["latitude"])
        h << "<li>" << esc(e.value("category", ""))
          << (e.contains("up_to") ? " up to " + esc(e.value("up_to", "")) : std::string()) << " (rule "
          << esc(e.value("rule", "")) << ")</li>";
    h << "</ul>\n<h2>Must refer back</h2><ul>";
    for (const auto& e : b["refer_back"])
        h << "<li>" << esc(e.value("category", "")) << ": " << esc(e.value("why", "")) << "</li>";
    h << "</ul>\n";
}
} // namespace

std::string declaration_html(const std::string& record_json) {
    const json rec = gd::parse_json(record_json, "record");
    if (!rec.is_object() || !rec.contains("outcome") || !rec.contains("invocation"))
        throw error(errc::parse, "not an accord record (no 'outcome' or 'invocation')");
    const json& o = rec["outcome"];
    const json& inv = rec["invocation"];
    const std::string cmd = inv.value("command", "");
    std::ostringstream h;
    const bool brief = cmd == "brief";
    std::string title = brief ? "Representative's brief" : "Declaration of the result";
    if (brief)
        title = "Representative's brief: " +
                (o.value("representative", "").empty() ? std::string("the representative")
                                                       : o.value("representative", "")) +
                " for " + o.value("body", "");
    else if (o.contains("body") && o["body"].is_object())
        title += ": " + o["body"].value("name", o["body"].value("id", ""));
    h << "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" << esc(title)
      << "</title><style>"
      << "body{font-family:Georgia,serif;max-width:60em;margin:2em "
         "auto;color:#111;line-height:1.45;overflow-wrap:anywhere}"
      << "h1{font-size:1.6em;border-bottom:3px solid "
         "#123a7a;padding-bottom:.3em}h2{font-size:1.2em;color:#123a7a}"
      << "table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #999;padding:.25em "
         ".5em;text-align:left}"
      << "th{background:#e8eef8}.small{font-size:.8em;color:#444}.result{font-size:1.25em;background:#f3f6fb;"
         "padding:.6em;border-left:6px solid #123a7a}"
      << "@media print{body{margin:0}.noprint{display:none}}</style></head><body>\n";
    h << "<h1>" << esc(title) << "</h1>\n";
    if (o.contains("constitution") && !brief)
        h << "<p>Under <b>" << esc(o["constitution"].value("name", "")) << "</b>, version "
          << esc(o["constitution"].value("version", "")) << ", on the matter <b>"
          << esc(o.value("category", "")) << "</b>"
          << (o.contains("amount") ? " (amount " + esc(o.value("amount", "")) + ")" : std::string())
          << ".</p>\n";
    if (o.contains("mandate")) {
        h << "<h2>Why this body decides</h2><ol>";
        for (const auto& s : o["mandate"]) h << "<li>" << esc(s.get<std::string>()) << "</li>";
        h << "</ol>\n";
    }
    if (brief)
        brief_sections(h, o);
    else
        h << "<h2>The result</h2>\n";
    std::set<std::string> top;
    if (o.contains("result")) {
        const json& r = o["result"];
        const bool decided = o.value("decided", true);
        h << "<p class=\"result\">";
        if (!decided) h << "<b>No decision</b>: the vote was not quorate. ";
        if (r.contains("winners") && !r["winners"].empty()) {
            h << "The first priority agreed is <b>" << esc(r["winners"][0].get<std::string>())
              << "</b> (counted by " << esc(r.value("method", "")) << ").";
        }
        h << "</p>\n<h2>The agreed order</h2><ol>";
        std::size_t place = 1; // tied options share a place; the next place skips past them
        for (const auto& tier : r["ranking"]) {
            std::string line;
            for (const auto& cnd : tier) line += (line.empty() ? "" : " = ") + cnd.get<std::string>();
            h << "<li value=\"" << place << "\">" << esc(line) << "</li>";
            place += tier.size();
        }
        h << "</ol>\n";
        if (r.contains("ties") && !r["ties"].empty()) {
            h << "<h2>Ties and how they were broken</h2><ul>";
            for (const auto& t : r["ties"]) {
                std::string tied, chosen;
                for (const auto& x : t["candidates"])
                    tied += (tied.empty() ? "" : ", ") + x.get<std::string>();
                for (const auto& x : t["chosen"])
                    chosen += (chosen.empty() ? "" : ", ") + x.get<std::string>();
                h << "<li>"
                  << (t.value("round", 0) ? "Round " + std::to_string(t.value("round", 0)) + ", "
                                          : std::string())
                  << esc(t.value("purpose", "")) << ": " << esc(tied) << " were tied; the rule '"
                  << esc(t.value("policy", "")) << "' chose "
                  << (chosen.empty() ? std::string("nobody (left unresolved)") : esc(chosen))
                  << (t.contains("seed") ? " (random draw, seed " + t["seed"].dump() + ")" : std::string())
                  << ".</li>";
            }
            h << "</ul>\n";
        } else {
            h << "<p>No tie had to be broken.</p>\n";
        }
    }
    if (o.contains("decision")) {
        const json& d = o["decision"];
        h << "<p class=\"result\">The motion <b>" << (d.value("passed", false) ? "PASSED" : "DID NOT PASS")
          << "</b> under the rule '" << esc(d.value("rule", ""))
          << "'.</p>\n<table><tr><th>condition</th><th>met</th><th>yes</th><th>needed</th><th>of</th></tr>";
        for (const auto& c : d["conditions"])
            h << "<tr><td>" << esc(c.value("name", "")) << "</td><td>"
              << (c.value("passed", false) ? "yes" : "no") << "</td><td>" << esc(c.value("have_exact", ""))
              << "</td><td>" << esc(c.value("need_exact", "")) << "</td><td>"
              << esc(c.value("base_exact", "")) << "</td></tr>";
        h << "</table>\n";
    }
    if (o.contains("turnout")) {
        const json& t = o["turnout"];
        h << "<h2>Who took part</h2><p>" << t["units"].get<std::uint64_t>() << " of "
          << t["eligible_units"].get<std::uint64_t>() << " members returned a vote ("
          << pct(t.value("units_share", "0")) << "), representing " << t["population"].get<std::uint64_t>()
          << " of " << t["eligible_population"].get<std::uint64_t>() << " registered patients ("
          << pct(t.value("population_share", "0")) << ").";
        if (o.contains("missing") && !o["missing"].empty()) {
            h << " No return from:";
            for (const auto& m : o["missing"]) h << " " << esc(m.get<std::string>());
            h << ".";
        }
        h << "</p>\n";
    }
    if (o.contains("consensus")) {
        const json& c = o["consensus"];
        h << "<h2>How widely the result is shared</h2><ul>";
        if (c.contains("winner_first_share"))
            h << "<li>" << c["winner_first"] << " of " << c["ballots"] << " returns put the winner first ("
              << pct(c["winner_first_share"]) << "); " << c["winner_in_top_k"] << " put it in their top "
              << c["top_k"] << " (" << pct(c["winner_in_top_k_share"]) << ").</li>";
        if (c.contains("population_winner_in_top_k_share"))
            h << "<li>" << pct(c["population_winner_in_top_k_share"])
              << " of the patients of the members who voted are registered with a practice that put the "
                 "winner in its top "
              << c["top_k"] << ".</li>";
        if (c.contains("mean_kendall_tau_b")) {
            char buf[32];
            std::snprintf(buf, sizeof buf, "%.2f", c["mean_kendall_tau_b"].get<double>());
            h << "<li>Average agreement of each return with the agreed order (Kendall's tau-b, 1 = "
                 "identical, -1 = reversed): "
              << buf << ".</li>";
        }
        if (c.contains("units_with_outcome_share"))
            h << "<li>" << c["units_with_outcome"] << " of " << c["units_voting"] << " members voting ("
              << pct(c["units_with_outcome_share"]) << ") and " << pct(c["population_with_outcome_share"])
              << " of their patients voted with the outcome.</li>";
        h << "</ul>\n";
    }
    if (o.contains("roll_call")) {
        const json& rc = o["roll_call"];
        // A strip with one square per return: dark blue where the winner is in the member's top
        // choices (or the member voted with the outcome), pale otherwise.
        const std::size_t n = rc.size();
        const int cell = 44;
        h << "<h2>Roll-call</h2><svg width=\"" << std::max<std::size_t>(n, 1) * (cell + 4) + 8
          << "\" height=\"" << cell + 30 << "\" role=\"img\" aria-label=\"one square per member\">";
        for (std::size_t k = 0; k < n; ++k) {
            const json& e = rc[k];
            bool with = e.value("winner_in_top_k", false);
            if (e.contains("vote") && o.contains("decision"))
                with = (e.value("vote", "") == "yes") == o["decision"].value("passed", false) &&
                       e.value("vote", "") != "absent";
            const bool absent = e.value("vote", "") == "absent";
            h << "<rect x=\"" << 4 + k * (cell + 4) << "\" y=\"4\" width=\"" << cell << "\" height=\"" << cell
              << "\" fill=\""
              << (absent ? "#dddddd"
                  : with ? "#123a7a"
                         : "#9fb6dc")
              << "\"><title>" << esc(e.value("unit", "")) << "</title></rect>";
            h << "<text x=\"" << 4 + k * (cell + 4) + cell / 2 << "\" y=\"" << cell + 22
              << "\" font-size=\"9\" text-anchor=\"middle\">" << esc(e.value("unit", "")) << "</text>";
        }
        h << "</svg><p class=\"small\">Dark blue: "
          << (o.contains("decision") ? "voted with the outcome" : "the winner is in the member's top choices")
          << "; pale: otherwise; grey: no return.</p>\n";
        h << "<table><tr><th>member</th><th>name</th><th>PCN</th><th>"
          << (o.contains("decision") ? "vote" : "first choice") << "</th>"
          << (o.contains("decision") ? "" : "<th>place given to the winner</th>") << "</tr>";
        for (const auto& e : rc) {
            h << "<tr><td>" << esc(e.value("unit", "")) << "</td><td>" << esc(e.value("name", ""))
              << "</td><td>" << esc(e.value("pcn", "")) << "</td>";
            if (e.contains("ranking")) {
                std::string first;
                if (!e["ranking"].empty())
                    for (const auto& nm : e["ranking"][0])
                        first += (first.empty() ? "" : " = ") + nm.get<std::string>();
                char buf[16];
                std::snprintf(buf, sizeof buf, "%g", e.value("winner_rank", 0.0));
                h << "<td>" << esc(first) << "</td><td>" << buf << "</td>";
            } else {
                h << "<td>" << esc(e.value("vote", "")) << "</td>";
            }
            h << "</tr>";
        }
        h << "</table>\n";
    }
    if (o.contains("by_pcn")) {
        h << "<h2>By Primary Care Network</h2><table><tr>";
        const json& by = o["by_pcn"];
        if (!by.empty())
            for (auto it = by[0].begin(); it != by[0].end(); ++it) h << "<th>" << esc(it.key()) << "</th>";
        h << "</tr>";
        for (const auto& row : by) {
            h << "<tr>";
            for (auto it = row.begin(); it != row.end(); ++it) {
                if (it->is_number_float()) {
                    char buf[32];
                    std::snprintf(buf, sizeof buf, "%.2f", it->get<double>());
                    h << "<td>" << buf << "</td>";
                } else {
                    h << "<td>" << esc(it->is_string() ? it->get<std::string>() : it->dump()) << "</td>";
                }
            }
            h << "</tr>";
        }
        h << "</table>\n";
    }
    if (o.contains("organisation_snapshot") && !o["organisation_snapshot"].empty()) {
        h << "<p>Practices, PCNs and list sizes as published by NHS England:";
        for (auto it = o["organisation_snapshot"].begin(); it != o["organisation_snapshot"].end(); ++it)
            h << " " << esc(it.key() == "list_size_extract_date" ? "list sizes of" : "PCN membership of")
              << " " << esc(it->get<std::string>()) << ";";
        h << "</p>\n";
    }
    h << "<h2>How to check this declaration</h2><p>Anyone with the same files can recount: <code>accord "
         "verify RECORD</code>. "
      << "The files counted, with their SHA-256 "
         "fingerprints:</p><table><tr><th>role</th><th>file</th><th>SHA-256</th></tr>";
    for (const auto& in : rec["inputs"])
        h << "<tr><td>" << esc(in.value("role", "")) << "</td><td>" << esc(in.value("file", ""))
          << "</td><td class=\"small\">" << esc(in.value("sha256", "")) << "</td></tr>";
    h << "</table><p class=\"small\">Counted by accord " << esc(rec.value("accord_version", "")) << " on "
      << esc(rec.value("created_utc", "")) << " (" << esc(cmd) << ").</p>\n</body></html>\n";
    return h.str();
}

// ---- the representative's brief ---------------------------------------------------------------

std::string make_brief(const std::string& record_json, const std::string& brief_options_json) {
    const json rec = gd::parse_json(record_json, "record");
    const json opt = gd::parse_json(brief_options_json, "brief options");
    if (!opt.is_object()) throw error(errc::invalid, "brief options: expected a JSON object");
    for (auto it = opt.begin(); it != opt.end(); ++it)
        if (it.key() != "meeting" && it.key() != "expires" && it.key() != "representative" &&
            it.key() != "body")
            throw error(errc::invalid, "brief options: unknown option '" + it.key() + "'");
    if (!rec.is_object() || !rec.contains("invocation") || rec["invocation"].value("command", "") != "vote" ||
        !rec["outcome"].contains("result"))
        throw error(errc::invalid,
                    "a brief is drawn from the record of a ranked vote (accord vote ... --record)");
    const std::string expires = opt.value("expires", "");
    if (!expires.empty() && !gd::is_iso_date(expires))
        throw error(errc::invalid, "brief: 'expires' is not a date written YYYY-MM-DD");
    const json& o = rec["outcome"];
    const json& r = o["result"];
    std::vector<std::string> names;
    for (const auto& n : r["candidates"]) names.push_back(n.get<std::string>());
    const std::size_t n = names.size(), top_k = o["consensus"].value("top_k", 3);
    // Support from the roll-call: how many returns put each option in their top k, and how many
    // in their bottom half (mid-rank above (n + 1) / 2).
    std::vector<std::uint64_t> in_top(n), in_bottom(n);
    std::uint64_t returns = 0;
    for (const auto& e : o["roll_call"]) {
        std::map<std::string, double> place;
        double pos = 0;
        for (const auto& tier : e["ranking"]) {
            const double mid = pos + (static_cast<double>(tier.size()) + 1) / 2;
            for (const auto& nm : tier) place[nm.get<std::string>()] = mid;
            pos += static_cast<double>(tier.size());
        }
        const std::uint64_t cnt = e.value("count", 1);
        returns += cnt;
        for (std::size_t c = 0; c < n; ++c) {
            const double p = place.count(names[c]) ? place[names[c]] : (pos + 1 + static_cast<double>(n)) / 2;
            if (p <= static_cast<double>(top_k)) in_top[c] += cnt;
            if (p > (static_cast<double>(n) + 1) / 2) in_bottom[c] += cnt;
        }
    }
    json order = json::array(), down = json::array();
    std::size_t place = 1;
    for (const auto& tier : r["ranking"]) {
        for (const auto& cnd : tier) {
            const std::size_t c = static_cast<std::size_t>(
                std::find(names.begin(), names.end(), cnd.get<std::string>()) - names.begin());
            if (c >= n)
                throw error(errc::parse, "record: the ranking names an option that is not a candidate");
            order.push_back({{"place", place},
                             {"option", names[c]},
                             {"in_top_k", in_top[c]},
                             {"returns", returns},
                             {"support", returns ? to_string(rational(in_top[c], returns)) : "0"}});
            if (2 * in_bottom[c] > returns)
                down.push_back(
                    {{"option", names[c]}, {"in_bottom_half", in_bottom[c]}, {"returns", returns}});
        }
        place += tier.size();
    }
    // Latitude and what must be referred back, from the constitution.
    const constitution c = read_constitution(rec["invocation"].value("constitution", ""));
    const std::string body_id = opt.value("body", o["body"].value("id", ""));
    if (!c.find_body(body_id))
        throw error(errc::not_found, "brief: the constitution has no body '" + body_id + "'");
    json latitude = json::array(), refer = json::array();
    // Latitude: what the scheme of delegation gives the body (in force on the expiry date), with
    // its rule and limit; everything else goes back to whoever decides it.
    for (const auto& cat : c.categories) {
        const delegation* given = nullptr;
        for (const auto& d : c.delegations)
            if (d.category == cat.id && d.to == body_id &&
                (expires.empty() || ((d.valid_from.empty() || d.valid_from <= expires) &&
                                     (d.valid_until.empty() || expires <= d.valid_until))))
                given = &d;
        if (given || (body_id == c.sovereign && !cat.reserved)) {
            json l = {{"category", cat.id},
                      {"description", cat.description},
                      {"rule", given ? given->rule.name : cat.rule.name}};
            if (given && given->limit) {
                l["up_to"] = to_string(*given->limit);
                refer.push_back({{"category", cat.id},
                                 {"why", "amounts above " + to_string(*given->limit) + ": " + given->from +
                                             " decides them"}});
            }
            latitude.push_back(l);
        } else if (body_id == c.sovereign) {
            latitude.push_back({{"category", cat.id},
                                {"description", cat.description},
                                {"rule", cat.rule.name},
                                {"reserved", true}});
        } else {
            const mandate_answer m = mandate(c, c.sovereign, cat.id, expires);
            refer.push_back({{"category", cat.id},
                             {"why", cat.reserved ? "a reserved matter: only " + c.sovereign + " decides it"
                                                  : m.decider + " decides it"}});
        }
    }
    json b = {{"representative", opt.value("representative", "")},
              {"body", body_id},
              {"meeting", opt.value("meeting", "")},
              {"expires", expires},
              {"constitution", {{"name", c.name}, {"version", c.version}}},
              {"from_vote",
               {{"category", o.value("category", "")},
                {"method", o.value("method", "")},
                {"quorate", o.value("quorate", true)}}},
              {"top_k", top_k},
              {"agreed_order", order},
              {"voted_down", down},
              {"latitude", latitude},
              {"refer_back", refer}};
    return b.dump(2);
}

std::string brief_text(const std::string& brief_json) {
    const json b = gd::parse_json(brief_json, "brief");
    std::ostringstream s;
    s << "Brief for "
      << (b.value("representative", "").empty() ? "the representative" : b.value("representative", ""))
      << " of " << b.value("body", "") << "\n";
    if (!b.value("meeting", "").empty()) s << "Meeting: " << b.value("meeting", "") << "\n";
    if (!b.value("expires", "").empty()) s << "This mandate expires on " << b.value("expires", "") << "\n";
    s << "Agreed order (support: returns with the option in their top " << b["top_k"] << "):\n";
    for (const auto& e : b["agreed_order"])
        s << "  " << e["place"] << ". " << e.value("option", "") << "  (" << e["in_top_k"] << " of "
          << e["returns"] << ")\n";
    s << "Voted down (more than half put it in their bottom half):";
    if (b["voted_down"].empty()) s << " none";
    s << "\n";
    for (const auto& e : b["voted_down"])
        s << "  " << e.value("option", "") << " (" << e["in_bottom_half"] << " of " << e["returns"] << ")\n";
    s << "May agree on behalf of " << b.value("body", "") << ":\n";
    for (const auto& e : b["latitude"])
        s << "  " << e.value("category", "")
          << (e.contains("up_to") ? " up to " + e.value("up_to", "") : std::string()) << " (rule "
          << e.value("rule", "") << ")\n";
    s << "Must refer back:\n";
    for (const auto& e : b["refer_back"])
        s << "  " << e.value("category", "") << ": " << e.value("why", "") << "\n";
    return s.str();
}

} // namespace v0
} // namespace accord
