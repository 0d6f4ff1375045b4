// JSON and text forms of a result. The JSON layout is the CLI's contract (docs/formats.md).
#include "accord/result.hpp"

#include "accord/detail/reports.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <sstream>

namespace accord {
inline namespace v0 {

namespace {
using json = nlohmann::ordered_json;

// Integers stay JSON integers (when they fit); other rationals become doubles, with the exact
// value always available beside them as a string.
json number_json(const rational& r) {
    if (boost::multiprecision::denominator(r) == 1) {
        const auto& n = boost::multiprecision::numerator(r);
        if (n >= INT64_MIN && n <= INT64_MAX) return json(n.convert_to<std::int64_t>());
    }
    return json(to_double(r));
}

std::string cname(const result& r, cand_t c) {
    if (c == k_exhausted) return "exhausted";
    if (c == k_overvote) return "overvote";
    return c < r.candidates.size() ? r.candidates[c] : std::to_string(c);
}

json names(const result& r, const std::vector<cand_t>& cs) {
    json a = json::array();
    for (cand_t c : cs) a.push_back(cname(r, c));
    return a;
}

// Adds a key to an object built from distinct candidate names without ordered_map's linear key
// search: operator[] made a result of n candidates O(n^2) to serialise (plurality --json on
// 100,000 candidates took over a minute).
void append(json& obj, const std::string& key, json value) {
    using base = std::vector<json::object_t::value_type, json::object_t::allocator_type>;
    static_cast<base&>(obj.get_ref<json::object_t&>()).emplace_back(key, std::move(value));
}
} // namespace

std::vector<std::optional<rational>> round_tallies(const result& r, std::size_t k) {
    if (k >= r.rounds.size())
        throw error(errc::not_found, "round " + std::to_string(k + 1) + " out of range (" +
                                         std::to_string(r.rounds.size()) + " rounds)");
    if (!r.tallies_as_changes) return r.rounds[k].tallies;
    std::vector<std::optional<rational>> t(r.candidates.size());
    for (std::size_t i = 0; i <= k; ++i)
        for (const auto& ch : r.rounds[i].changes) t.at(ch.candidate) = ch.votes;
    return t;
}

void advance_tallies(const result& r, std::size_t k, std::vector<std::optional<rational>>& tallies) {
    if (k >= r.rounds.size())
        throw error(errc::not_found, "round " + std::to_string(k + 1) + " out of range (" +
                                         std::to_string(r.rounds.size()) + " rounds)");
    if (!r.tallies_as_changes) {
        tallies = r.rounds[k].tallies;
        return;
    }
    if (k == 0) tallies.assign(r.candidates.size(), std::nullopt);
    for (const auto& ch : r.rounds[k].changes) tallies.at(ch.candidate) = ch.votes;
}

std::size_t full_tally_entries(const result& r) {
    if (!r.tallies_as_changes) {
        std::size_t n = 0;
        for (const auto& rd : r.rounds)
            n += static_cast<std::size_t>(std::count_if(rd.tallies.begin(), rd.tallies.end(),
                                                        [](const auto& t) { return t.has_value(); }));
        return n;
    }
    std::vector<char> in(r.candidates.size(), 0);
    std::size_t continuing = 0, n = 0;
    for (const auto& rd : r.rounds) {
        for (const auto& ch : rd.changes) {
            const char now = ch.votes.has_value();
            continuing += static_cast<std::size_t>(now) - static_cast<std::size_t>(in.at(ch.candidate));
            in[ch.candidate] = now;
        }
        n += continuing;
    }
    return n;
}

namespace {
// Whether tie `t` is tie `prev` less the one candidate `prev` chose (both sorted by candidate).
bool continues_previous_tie(const tie_record& prev, const tie_record& t) {
    if (prev.purpose != t.purpose || prev.chosen.size() != 1 ||
        t.candidates.size() + 1 != prev.candidates.size())
        return false;
    std::size_t j = 0;
    for (cand_t c : prev.candidates) {
        if (c == prev.chosen.front()) continue;
        if (j >= t.candidates.size() || t.candidates[j] != c) return false;
        ++j;
    }
    return j == t.candidates.size();
}
} // namespace

nlohmann::ordered_json detail::result_report(const result& r) {
    json j;
    j["method"] = r.method;
    j["candidates"] = r.candidates;
    j["winners"] = names(r, r.winners);
    json ranking = json::array();
    for (const auto& tier : r.ranking) ranking.push_back(names(r, tier));
    j["ranking"] = ranking;
    j["complete"] = r.complete;
    if (!r.scores.empty()) {
        json s = json::object(), se = json::object();
        for (std::size_t c = 0; c < r.scores.size(); ++c) {
            if (!r.scores[c]) continue;
            append(s, cname(r, c), number_json(*r.scores[c]));
            append(se, cname(r, c), to_string(*r.scores[c]));
        }
        j["score_name"] = r.score_name;
        j["scores"] = s;
        j["scores_exact"] = se;
    }
    if (!r.pairwise.empty()) {
        json m = json::array();
        for (const auto& row : r.pairwise) {
            json jr = json::array();
            for (const auto& v : row) jr.push_back(number_json(v));
            m.push_back(jr);
        }
        j["pairwise"] = m;
    }
    json rounds = json::array();
    // A result that keeps its rounds as changes is written in full while the table is small
    // (every client reads "tallies"), else as each round's changes, said by "round_tallies".
    const bool as_changes = r.tallies_as_changes && full_tally_entries(r) > k_full_round_tallies;
    std::vector<std::optional<rational>> full;
    for (std::size_t i = 0; i < r.rounds.size(); ++i) {
        const auto& rd = r.rounds[i];
        json jr;
        jr["round"] = i + 1;
        json t = json::object(), te = json::object();
        if (as_changes) {
            for (const auto& ch : rd.changes) {
                append(t, cname(r, ch.candidate), ch.votes ? number_json(*ch.votes) : json(nullptr));
                append(te, cname(r, ch.candidate), ch.votes ? json(to_string(*ch.votes)) : json(nullptr));
            }
            jr["tally_changes"] = t;
            jr["tally_changes_exact"] = te;
        } else {
            if (r.tallies_as_changes) advance_tallies(r, i, full);
            const auto& tallies = r.tallies_as_changes ? full : rd.tallies;
            for (std::size_t c = 0; c < tallies.size(); ++c) {
                if (!tallies[c]) continue;
                append(t, cname(r, c), number_json(*tallies[c]));
                append(te, cname(r, c), to_string(*tallies[c]));
            }
            jr["tallies"] = t;
            jr["tallies_exact"] = te;
        }
        jr["elected"] = names(r, rd.elected);
        jr["eliminated"] = names(r, rd.eliminated);
        jr["exhausted"] = number_json(rd.inactive.total());
        jr["exhausted_exact"] = to_string(rd.inactive.total());
        jr["inactive"] = {{"exhausted_choices", number_json(rd.inactive.exhausted_choices)},
                          {"overvotes", number_json(rd.inactive.overvotes)},
                          {"skipped_ranks", number_json(rd.inactive.skipped_ranks)},
                          {"repeated_ranks", number_json(rd.inactive.repeated_ranks)},
                          {"blank", number_json(rd.inactive.blank)}};
        if (rd.threshold) {
            jr["threshold"] = number_json(*rd.threshold);
            jr["threshold_exact"] = to_string(*rd.threshold);
        }
        if (rd.transfer_value) {
            jr["transfer_value"] = number_json(*rd.transfer_value);
            jr["transfer_value_exact"] = to_string(*rd.transfer_value);
        }
        if (rd.lost) {
            jr["lost"] = number_json(*rd.lost);
            jr["lost_exact"] = to_string(*rd.lost);
        }
        json tr = json::array();
        for (const auto& x : rd.transfers)
            tr.push_back({{"from", cname(r, x.from)},
                          {"to", cname(r, x.to)},
                          {"votes", number_json(x.amount)},
                          {"votes_exact", to_string(x.amount)}});
        jr["transfers"] = tr;
        if (!rd.note.empty()) jr["note"] = rd.note;
        rounds.push_back(jr);
    }
    if (as_changes) j["round_tallies"] = "changes";
    j["rounds"] = rounds;
    json ties = json::array();
    // Many candidates tied at zero votes are eliminated one per round, each tie the one before
    // less the candidate it chose: 10,000 candidates make 5 x 10^7 tied names. Past the size of
    // a full table such a tie says "same_tie" instead of listing them, flagged by "tie_candidates".
    std::size_t tied_names = 0;
    for (const auto& t : r.ties) tied_names += t.candidates.size();
    const bool compact_ties = tied_names > k_full_round_tallies;
    for (std::size_t i = 0; i < r.ties.size(); ++i) {
        const auto& t = r.ties[i];
        json jt;
        jt["round"] = t.round;
        jt["purpose"] = t.purpose;
        if (compact_ties && i > 0 && continues_previous_tie(r.ties[i - 1], t))
            jt["same_tie"] = true;
        else
            jt["candidates"] = names(r, t.candidates);
        jt["policy"] = t.policy;
        jt["chosen"] = names(r, t.chosen);
        if (t.seed) jt["seed"] = *t.seed;
        if (!t.detail.empty()) jt["detail"] = t.detail;
        ties.push_back(jt);
    }
    if (compact_ties) j["tie_candidates"] = "changes";
    j["ties"] = ties;
    if (!r.notes.empty()) j["notes"] = r.notes;
    return j;
}

std::string to_json(const result& r, int indent) { return detail::result_report(r).dump(indent); }

namespace {
// For people: an exact decimal when the value has one of at most 12 places (every count that
// rounds to a fixed precision), otherwise the exact fraction with a decimal approximation.
std::string human(const rational& v) {
    big_int den = boost::multiprecision::denominator(v);
    int twos = 0, fives = 0;
    while (den % 2 == 0 && twos <= 12) {
        den /= 2;
        ++twos;
    }
    while (den % 5 == 0 && fives <= 12) {
        den /= 5;
        ++fives;
    }
    if (den != 1 || twos > 12 || fives > 12) {
        std::ostringstream o;
        o << to_string(v) << " (~" << to_double(v) << ")";
        return o.str();
    }
    const int places = std::max(twos, fives);
    if (places == 0) return to_string(v);
    big_int scale = 1;
    for (int i = 0; i < places; ++i) scale *= 10;
    const rational scaled = v * rational(scale);
    big_int n = boost::multiprecision::numerator(scaled); // exact: den divides 10^places
    const bool neg = n < 0;
    if (neg) n = -n;
    std::string digits = n.str();
    if (digits.size() <= static_cast<std::size_t>(places))
        digits.insert(0, static_cast<std::size_t>(places) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(places), ".");
    return (neg ? "-" : "") + digits;
}
} // namespace

namespace {

/// The rounds as a table that lines up: a row per candidate (blank once out of the count), then
/// exhausted votes, transfer values and rounding losses where there are any, a column per round;
/// then one line per round saying who was elected or eliminated.
std::string rounds_table(const result& r) {
    std::vector<std::string> labels;
    std::vector<std::vector<std::string>> rows;
    const std::size_t n = r.rounds.size();
    auto add_row = [&](std::string label, auto cell) {
        std::vector<std::string> row(n);
        bool any = false;
        for (std::size_t i = 0; i < n; ++i) {
            row[i] = cell(r.rounds[i]);
            any = any || !row[i].empty();
        }
        if (!any) return;
        labels.push_back(std::move(label));
        rows.push_back(std::move(row));
    };
    // A result kept as changes: the table in full while it is small, else only who was elected
    // or eliminated at each round (the tallies are in --json, as each round's changes).
    std::vector<std::vector<std::optional<rational>>> full;
    const bool too_large = r.tallies_as_changes && full_tally_entries(r) > k_full_round_tallies;
    if (r.tallies_as_changes && !too_large) {
        std::vector<std::optional<rational>> t;
        for (std::size_t i = 0; i < n; ++i) {
            advance_tallies(r, i, t);
            full.push_back(t);
        }
    }
    for (cand_t c = 0; c < r.candidates.size() && !too_large; ++c) {
        if (r.tallies_as_changes) {
            std::size_t k = 0;
            add_row(cname(r, c), [&, c](const round_record&) {
                const auto& t = full[k++];
                return t[c] ? human(*t[c]) : std::string();
            });
            continue;
        }
        add_row(cname(r, c), [c](const round_record& rd) {
            return c < rd.tallies.size() && rd.tallies[c] ? human(*rd.tallies[c]) : std::string();
        });
    }
    add_row("exhausted", [](const round_record& rd) { return human(rd.inactive.total()); });
    add_row("transfer value", [](const round_record& rd) {
        return rd.transfer_value ? human(*rd.transfer_value) : std::string();
    });
    add_row("lost to rounding", [](const round_record& rd) {
        return rd.lost && *rd.lost != 0 ? human(*rd.lost) : std::string();
    });
    std::size_t label_width = 5; // "round"
    for (const auto& l : labels) label_width = std::max(label_width, l.size());
    std::vector<std::size_t> width(n);
    for (std::size_t i = 0; i < n; ++i) {
        width[i] = std::to_string(i + 1).size();
        for (const auto& row : rows) width[i] = std::max(width[i], row[i].size());
    }
    std::ostringstream out;
    auto line = [&](const std::string& label, auto cell) {
        std::string text = "  " + label + std::string(label_width - label.size(), ' ');
        for (std::size_t i = 0; i < n; ++i) {
            const std::string v = cell(i);
            text += "  " + std::string(width[i] - v.size(), ' ') + v;
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        out << text << '\n';
    };
    out << "rounds:\n";
    if (too_large)
        out << "  (" << r.rounds.size() << " rounds: the table of every candidate's tally at every round is "
            << full_tally_entries(r) << " entries; --json gives each round's changes)\n";
    if (!too_large) {
        line("round", [](std::size_t i) { return std::to_string(i + 1); });
        for (std::size_t k = 0; k < rows.size(); ++k)
            line(labels[k], [&](std::size_t i) { return rows[k][i]; });
    }
    for (std::size_t i = 0; i < n; ++i) {
        const auto& rd = r.rounds[i];
        if (rd.elected.empty() && rd.eliminated.empty()) continue;
        out << "  round " << i + 1 << ":";
        if (!rd.elected.empty()) {
            out << " elected";
            for (std::size_t k = 0; k < rd.elected.size(); ++k)
                out << (k ? ", " : " ") << cname(r, rd.elected[k]);
            if (!rd.eliminated.empty()) out << ";";
        }
        if (!rd.eliminated.empty()) {
            out << " eliminated";
            for (std::size_t k = 0; k < rd.eliminated.size(); ++k)
                out << (k ? ", " : " ") << cname(r, rd.eliminated[k]);
        }
        out << '\n';
    }
    return out.str();
}

} // namespace

std::string to_text(const result& r) {
    std::ostringstream out;
    out << "method: " << r.method << '\n';
    out << "winners:";
    for (cand_t c : r.winners) out << ' ' << cname(r, c) << (c == r.winners.back() ? "" : ",");
    if (r.winners.empty()) out << " (none)";
    out << '\n';
    if (!r.complete) out << "INCOMPLETE: a tie was left unresolved (policy report)\n";
    if (!r.ranking.empty()) {
        out << "ranking:\n";
        std::size_t place = 1;
        for (const auto& tier : r.ranking) {
            out << "  " << place << ". ";
            for (std::size_t i = 0; i < tier.size(); ++i) out << (i ? " = " : "") << cname(r, tier[i]);
            out << '\n';
            place += tier.size();
        }
    }
    if (!r.rounds.empty()) out << rounds_table(r);
    std::size_t tied_names = 0; // as in the JSON: past a full table, a tie that continues the
    for (const auto& t : r.ties) tied_names += t.candidates.size(); // previous one says so
    for (std::size_t i = 0; i < r.ties.size(); ++i) {
        const auto& t = r.ties[i];
        out << "tie";
        if (t.round) out << " in round " << t.round;
        out << " (" << t.purpose << ")";
        if (tied_names > k_full_round_tallies && i > 0 && continues_previous_tie(r.ties[i - 1], t)) {
            out << " among the same " << t.candidates.size() << " less the last chosen";
        } else {
            out << " among";
            for (cand_t c : t.candidates) out << ' ' << cname(r, c);
        }
        out << ": " << t.policy << " chose";
        for (cand_t c : t.chosen) out << ' ' << cname(r, c);
        if (t.chosen.empty()) out << " nobody (unresolved)";
        if (t.seed) out << " (seed " << *t.seed << ")";
        out << '\n';
    }
    for (const auto& n : r.notes) out << "note: " << n << '\n';
    return out.str();
}

} // namespace v0
} // namespace accord
