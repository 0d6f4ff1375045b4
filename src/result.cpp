// JSON and text forms of a result. The JSON layout is the CLI's contract (docs/formats.md).
#include "accord/result.hpp"

#include "accord/detail/reports.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
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
// Whether tie `t` is tie `prev` less the one candidate `prev` chose, given both ties' candidates.
bool continues_previous_tie(const tie_record& prev, const std::vector<cand_t>& prev_candidates,
                            const tie_record& t, const std::vector<cand_t>& candidates) {
    if (prev.purpose != t.purpose || prev.chosen.size() != 1 ||
        candidates.size() + 1 != prev_candidates.size())
        return false;
    std::size_t j = 0;
    for (cand_t c : prev_candidates) {
        if (c == prev.chosen.front()) continue;
        if (j >= candidates.size() || candidates[j] != c) return false;
        ++j;
    }
    return j == candidates.size();
}

// Whether tie i is tie i - 1 less the one candidate that tie chose (what "same_tie" says).
bool repeats_previous_tie(const result& r, tie_reader& reader, std::size_t i) {
    if (i == 0) return false;
    const auto& prev = r.ties[i - 1];
    const auto& t = r.ties[i];
    if (t.continues_previous) // the previous tie less `left`
        return prev.purpose == t.purpose && prev.chosen.size() == 1 && t.left == prev.chosen;
    return continues_previous_tie(prev, prev.continues_previous ? reader.candidates(i - 1) : prev.candidates,
                                  t, t.candidates);
}
} // namespace

tie_reader::tie_reader(const result& r) : r_(&r), gone_(r.candidates.size(), 0) {}

void tie_reader::seek(std::size_t i) {
    const auto& ties = r_->ties;
    if (i >= ties.size())
        throw error(errc::not_found, "tie " + std::to_string(i + 1) + " out of range (" +
                                         std::to_string(ties.size()) + " ties)");
    if (started_ && at_ == i) return;
    if (!started_ || i < at_) {
        // Back to the last tie listed in full at or before i.
        std::size_t b = i;
        while (ties[b].continues_previous) {
            if (b == 0) throw error(errc::invalid, "the first tie cannot continue a previous one");
            --b;
        }
        for (cand_t c : gone_list_) gone_[c] = 0;
        gone_list_.clear();
        base_ = at_ = b;
        started_ = true;
    }
    while (at_ < i) {
        const tie_record& t = ties[++at_];
        if (!t.continues_previous) {
            for (cand_t c : gone_list_) gone_[c] = 0;
            gone_list_.clear();
            base_ = at_;
            continue;
        }
        for (cand_t c : t.left) {
            if (c >= gone_.size() || gone_[c])
                throw error(errc::invalid,
                            "tie " + std::to_string(at_ + 1) + " leaves a candidate no longer tied");
            gone_[c] = 1;
            gone_list_.push_back(c);
        }
    }
}

std::size_t tie_reader::size(std::size_t i) {
    seek(i);
    return r_->ties[base_].candidates.size() - gone_list_.size();
}

const std::vector<cand_t>& tie_reader::candidates(std::size_t i) {
    if (listed_ && list_of_ == i) return list_;
    seek(i);
    list_.clear();
    for (cand_t c : r_->ties[base_].candidates)
        if (c >= gone_.size() || !gone_[c]) list_.push_back(c);
    list_of_ = i;
    listed_ = true;
    return list_;
}

std::vector<cand_t> tie_candidates(const result& r, std::size_t i) {
    if (i < r.ties.size() && !r.ties[i].continues_previous) return r.ties[i].candidates;
    tie_reader reader(r);
    return reader.candidates(i);
}

namespace {
std::string_view cname_view(const result& r, cand_t c, std::string& buf) {
    if (c == k_exhausted) return "exhausted";
    if (c == k_overvote) return "overvote";
    if (c < r.candidates.size()) return r.candidates[c];
    buf = std::to_string(c);
    return buf;
}

// A result's JSON is described once (write_result below) and written through one of two
// writers: tree_writer builds the nlohmann tree (result_report: the CLI's tables and the reports
// that embed a result read it), text_writer writes the text that tree's dump() gives, byte for
// byte, without building it (IRV over 10,000 candidates spent most of its --json in the tree).

// Appends values to an ordered_json tree. An object's members are appended without
// ordered_map's linear key search: operator[] made a result of n candidates O(n^2) to
// serialise (plurality --json on 100,000 candidates took over a minute).
class tree_writer {
  public:
    json root;
    void begin_object() { open(json::object()); }
    void begin_array() { open(json::array()); }
    void end() { stack_.pop_back(); }
    void key(std::string_view k) { key_.assign(k); }
    void string(std::string_view s) { put(json(std::string(s))); }
    void unsigned_integer(std::uint64_t v) { put(json(v)); }
    void boolean(bool v) { put(json(v)); }
    void null() { put(json(nullptr)); }
    void number(const rational& v) { put(number_json(v)); }
    void exact(const rational& v) { put(json(to_string(v))); }

  private:
    json* put(json v) {
        if (stack_.empty()) {
            root = std::move(v);
            return &root;
        }
        json& top = *stack_.back();
        if (top.is_array()) {
            auto& a = top.get_ref<json::array_t&>();
            a.push_back(std::move(v));
            return &a.back();
        }
        using base = std::vector<json::object_t::value_type, json::object_t::allocator_type>;
        auto& members = static_cast<base&>(top.get_ref<json::object_t&>());
        members.emplace_back(key_, std::move(v));
        return &members.back().second;
    }
    void open(json v) { stack_.push_back(put(std::move(v))); }

    std::vector<json*> stack_; // each the last element of its parent: nothing moves it while open
    std::string key_;
};

// Writes what nlohmann's dump(indent) writes for the same calls: "{}" and "[]" when empty,
// ", " nowhere, ": " and a newline per element when indent >= 0, strings escaped as dump()
// escapes them (plain ASCII as is; anything else through nlohmann itself), integers in decimal,
// doubles through nlohmann's own shortest-digits conversion.
class text_writer {
  public:
    text_writer(std::string& out, int indent) : out_(out), indent_(indent) {}
    void begin_object() { open('{'); }
    void begin_array() { open('['); }
    void end() {
        const level l = stack_.back();
        stack_.pop_back();
        if (!l.empty && indent_ >= 0) {
            out_ += '\n';
            out_.append(stack_.size() * static_cast<std::size_t>(indent_), ' ');
        }
        out_ += l.object ? '}' : ']';
    }
    void key(std::string_view k) {
        element();
        quoted(k);
        out_ += indent_ >= 0 ? ": " : ":";
        after_key_ = true;
    }
    void string(std::string_view s) {
        value();
        quoted(s);
    }
    void unsigned_integer(std::uint64_t v) {
        value();
        digits(v);
    }
    void boolean(bool v) {
        value();
        out_ += v ? "true" : "false";
    }
    void null() {
        value();
        out_ += "null";
    }
    // number_json's rule: an integer within 64 bits as an integer, anything else as a double.
    void number(const rational& v) {
        value();
        const auto* q = v.backend().data();
        if (mpz_cmp_ui(mpq_denref(q), 1) == 0 && mpz_fits_slong_p(mpq_numref(q))) {
            digits(static_cast<std::int64_t>(mpz_get_si(mpq_numref(q))));
            return;
        }
        const double d = to_double(v);
        if (!std::isfinite(d)) {
            out_ += "null";
            return;
        }
        char buf[64];
        const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, d);
        out_.append(buf, static_cast<std::size_t>(end - buf));
    }
    void exact(const rational& v) {
        value();
        out_ += '"';
        const auto* q = v.backend().data();
        if (mpz_cmp_ui(mpq_denref(q), 1) == 0 && mpz_fits_slong_p(mpq_numref(q)))
            digits(static_cast<std::int64_t>(mpz_get_si(mpq_numref(q))));
        else
            out_ += to_string(v); // digits, '-' and '/': nothing to escape
        out_ += '"';
    }

  private:
    static_assert(sizeof(long) == sizeof(std::int64_t), "mpz_fits_slong_p stands for the int64 range");
    struct level {
        bool object;
        bool empty;
    };
    // Before a key, or a value in an array (or at the top).
    void element() {
        if (stack_.empty()) return;
        level& l = stack_.back();
        if (!l.empty) out_ += ',';
        l.empty = false;
        if (indent_ >= 0) {
            out_ += '\n';
            out_.append(stack_.size() * static_cast<std::size_t>(indent_), ' ');
        }
    }
    void value() {
        if (after_key_)
            after_key_ = false;
        else
            element();
    }
    void open(char c) {
        value();
        out_ += c;
        stack_.push_back({c == '{', true});
    }
    template <class Int> void digits(Int v) {
        char buf[24];
        const auto res = std::to_chars(buf, buf + sizeof buf, v);
        out_.append(buf, static_cast<std::size_t>(res.ptr - buf));
    }
    void quoted(std::string_view s) {
        const bool plain = std::all_of(s.begin(), s.end(), [](char ch) {
            const auto u = static_cast<unsigned char>(ch);
            return u >= 0x20 && u < 0x7F && ch != '"' && ch != '\\';
        });
        if (plain) {
            out_ += '"';
            out_ += s;
            out_ += '"';
        } else {
            out_ += json(std::string(s)).dump(); // nlohmann's escaping, and its refusal of bad UTF-8
        }
    }

    std::string& out_;
    int indent_;
    std::vector<level> stack_;
    bool after_key_ = false;
};

template <class W> void names(W& w, const result& r, const std::vector<cand_t>& cs, std::string& buf) {
    w.begin_array();
    for (cand_t c : cs) w.string(cname_view(r, c, buf));
    w.end();
}

template <class W> void number_pair(W& w, std::string_view key, const rational& v) {
    w.key(key);
    w.number(v);
    std::string exact_key(key);
    exact_key += "_exact";
    w.key(exact_key);
    w.exact(v);
}

// The JSON layout of a result (docs/formats.md), written through `w`.
template <class W> void write_result(const result& r, W& w) {
    std::string buf;
    w.begin_object();
    w.key("method");
    w.string(r.method);
    w.key("candidates");
    w.begin_array();
    for (const auto& c : r.candidates) w.string(c);
    w.end();
    w.key("winners");
    names(w, r, r.winners, buf);
    w.key("ranking");
    w.begin_array();
    for (const auto& tier : r.ranking) names(w, r, tier, buf);
    w.end();
    w.key("complete");
    w.boolean(r.complete);
    if (!r.scores.empty()) {
        w.key("score_name");
        w.string(r.score_name);
        w.key("scores");
        w.begin_object();
        for (std::size_t c = 0; c < r.scores.size(); ++c) {
            if (!r.scores[c]) continue;
            w.key(cname_view(r, static_cast<cand_t>(c), buf));
            w.number(*r.scores[c]);
        }
        w.end();
        w.key("scores_exact");
        w.begin_object();
        for (std::size_t c = 0; c < r.scores.size(); ++c) {
            if (!r.scores[c]) continue;
            w.key(cname_view(r, static_cast<cand_t>(c), buf));
            w.exact(*r.scores[c]);
        }
        w.end();
    }
    if (!r.pairwise.empty()) {
        w.key("pairwise");
        w.begin_array();
        for (const auto& row : r.pairwise) {
            w.begin_array();
            for (const auto& v : row) w.number(v);
            w.end();
        }
        w.end();
    }
    // A result that keeps its rounds as changes is written in full while the table is small
    // (every client reads "tallies"), else as each round's changes, said by "round_tallies".
    const bool as_changes = r.tallies_as_changes && full_tally_entries(r) > k_full_round_tallies;
    if (as_changes) {
        w.key("round_tallies");
        w.string("changes");
    }
    w.key("rounds");
    w.begin_array();
    std::vector<std::optional<rational>> full;
    for (std::size_t i = 0; i < r.rounds.size(); ++i) {
        const auto& rd = r.rounds[i];
        w.begin_object();
        w.key("round");
        w.unsigned_integer(i + 1);
        if (as_changes) {
            w.key("tally_changes");
            w.begin_object();
            for (const auto& ch : rd.changes) {
                w.key(cname_view(r, ch.candidate, buf));
                if (ch.votes)
                    w.number(*ch.votes);
                else
                    w.null();
            }
            w.end();
            w.key("tally_changes_exact");
            w.begin_object();
            for (const auto& ch : rd.changes) {
                w.key(cname_view(r, ch.candidate, buf));
                if (ch.votes)
                    w.exact(*ch.votes);
                else
                    w.null();
            }
            w.end();
        } else {
            if (r.tallies_as_changes) advance_tallies(r, i, full);
            const auto& tallies = r.tallies_as_changes ? full : rd.tallies;
            w.key("tallies");
            w.begin_object();
            for (std::size_t c = 0; c < tallies.size(); ++c) {
                if (!tallies[c]) continue;
                w.key(cname_view(r, static_cast<cand_t>(c), buf));
                w.number(*tallies[c]);
            }
            w.end();
            w.key("tallies_exact");
            w.begin_object();
            for (std::size_t c = 0; c < tallies.size(); ++c) {
                if (!tallies[c]) continue;
                w.key(cname_view(r, static_cast<cand_t>(c), buf));
                w.exact(*tallies[c]);
            }
            w.end();
        }
        w.key("elected");
        names(w, r, rd.elected, buf);
        w.key("eliminated");
        names(w, r, rd.eliminated, buf);
        number_pair(w, "exhausted", rd.inactive.total());
        w.key("inactive");
        w.begin_object();
        w.key("exhausted_choices");
        w.number(rd.inactive.exhausted_choices);
        w.key("overvotes");
        w.number(rd.inactive.overvotes);
        w.key("skipped_ranks");
        w.number(rd.inactive.skipped_ranks);
        w.key("repeated_ranks");
        w.number(rd.inactive.repeated_ranks);
        w.key("blank");
        w.number(rd.inactive.blank);
        w.end();
        if (rd.threshold) number_pair(w, "threshold", *rd.threshold);
        if (rd.transfer_value) number_pair(w, "transfer_value", *rd.transfer_value);
        if (rd.lost) number_pair(w, "lost", *rd.lost);
        w.key("transfers");
        w.begin_array();
        for (const auto& x : rd.transfers) {
            w.begin_object();
            w.key("from");
            w.string(cname_view(r, x.from, buf));
            w.key("to");
            w.string(cname_view(r, x.to, buf));
            number_pair(w, "votes", x.amount);
            w.end();
        }
        w.end();
        if (!rd.note.empty()) {
            w.key("note");
            w.string(rd.note);
        }
        w.end();
    }
    w.end();
    // Many candidates tied at zero votes are eliminated one per round, each tie the one before
    // less the candidate it chose: 10,000 candidates make 5 x 10^7 tied names. Past the size of
    // a full table such a tie says "same_tie" instead of listing them, flagged by "tie_candidates".
    std::size_t tied_names = 0;
    {
        tie_reader sizes(r);
        for (std::size_t i = 0; i < r.ties.size(); ++i) tied_names += sizes.size(i);
    }
    const bool compact_ties = tied_names > k_full_round_tallies;
    if (compact_ties) {
        w.key("tie_candidates");
        w.string("changes");
    }
    w.key("ties");
    w.begin_array();
    tie_reader reader(r);
    for (std::size_t i = 0; i < r.ties.size(); ++i) {
        const auto& t = r.ties[i];
        w.begin_object();
        w.key("round");
        w.unsigned_integer(t.round);
        w.key("purpose");
        w.string(t.purpose);
        if (compact_ties && repeats_previous_tie(r, reader, i)) {
            w.key("same_tie");
            w.boolean(true);
        } else {
            w.key("candidates");
            names(w, r, t.continues_previous ? reader.candidates(i) : t.candidates, buf);
        }
        w.key("policy");
        w.string(t.policy);
        w.key("chosen");
        names(w, r, t.chosen, buf);
        if (t.seed) {
            w.key("seed");
            w.unsigned_integer(*t.seed);
        }
        if (!t.detail.empty()) {
            w.key("detail");
            w.string(t.detail);
        }
        w.end();
    }
    w.end();
    if (!r.notes.empty()) {
        w.key("notes");
        w.begin_array();
        for (const auto& n : r.notes) w.string(n);
        w.end();
    }
    w.end();
}
} // namespace

nlohmann::ordered_json detail::result_report(const result& r) {
    tree_writer w;
    write_result(r, w);
    return std::move(w.root);
}

std::string to_json(const result& r, int indent) {
    std::string out;
    text_writer w(out, indent);
    write_result(r, w);
    return out;
}

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
    // As in the JSON: past a full table, a tie that is the previous one less its choice says so.
    tie_reader sizes(r), reader(r);
    std::size_t tied_names = 0;
    for (std::size_t i = 0; i < r.ties.size(); ++i) tied_names += sizes.size(i);
    for (std::size_t i = 0; i < r.ties.size(); ++i) {
        const auto& t = r.ties[i];
        out << "tie";
        if (t.round) out << " in round " << t.round;
        out << " (" << t.purpose << ")";
        if (tied_names > k_full_round_tallies && repeats_previous_tie(r, reader, i)) {
            out << " among the same " << sizes.size(i) << " less the last chosen";
        } else {
            out << " among";
            for (cand_t c : t.continues_previous ? reader.candidates(i) : t.candidates)
                out << ' ' << cname(r, c);
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
