// BLT (David Hill / ERS / OpenSTV / Droop) reader and writer.
//
// The format: "ncand nseats", optional withdrawn candidates "-k", ballots "value c1 c2 ... 0",
// a lone "0", the quoted candidate names, and a quoted title (Hill, Wichmann & Woodall,
// "Algorithm 123", Computer Journal 30(3), 1987). Newlines are ordinary white space as in the
// original, though every real file we hold keeps one ballot per line. Dialect features read here
// because real files use them (see docs/formats.md for the list and the files that need each):
// OpenSTV '#' comments, ballot ids "(id)", equal rankings "2=3", skipped ranks "-"; Droop's
// options "[nick ...]", "[withdrawn ...]", "[tie ...]", "[droop ...]"; a missing final "0"
// (Tideman's D01.HIL); a DOS end-of-file byte; several names per line; notes after the title.
#include "formats.hpp"
#include "text_scan.hpp"

#include <algorithm>
#include <ostream>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {
namespace {

enum class tok_kind { end, word, quoted, option, id };

struct token {
    tok_kind kind = tok_kind::end;
    std::string_view text; ///< for quoted/option/id: the inside, without delimiters
    std::size_t line = 0;
    std::size_t column = 0;
};

/// Splits BLT text into tokens, skipping white space and '#' comments, tracking line and column.
class blt_lexer {
  public:
    blt_lexer(std::string_view text, std::string_view name) : text_(text), name_(name) {
        while (!text_.empty() && text_.back() == '\x1a') text_.remove_suffix(1); // DOS EOF byte
    }

    token peek() {
        if (!peeked_) {
            next_ = scan();
            peeked_ = true;
        }
        return next_;
    }
    token next() {
        token t = peek();
        peeked_ = false;
        return t;
    }
    /// Skips every token up to the end of `line` (lenient recovery).
    void skip_through_line(std::size_t line) {
        while (true) {
            token t = peek();
            if (t.kind == tok_kind::end || t.line > line) return;
            next();
        }
    }

  private:
    token scan() {
        while (pos_ < text_.size()) {
            const char c = text_[pos_];
            if (c == '\n') {
                ++line_;
                line_start_ = ++pos_;
            } else if (is_space(c)) {
                ++pos_;
            } else if (c == '#') {
                while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
            } else {
                break;
            }
        }
        token t;
        t.line = line_;
        t.column = pos_ - line_start_ + 1;
        if (pos_ >= text_.size()) {
            // End of input: name the last line that exists, not the empty one after its newline.
            if (line_start_ == text_.size() && line_ > 1) {
                t.line = line_ - 1;
                t.column = 0;
            }
            return t;
        }
        const char c = text_[pos_];
        auto delimited = [&](char close, tok_kind kind, const char* what) {
            const std::size_t start = pos_ + 1;
            std::size_t end = start;
            while (end < text_.size() && text_[end] != close && text_[end] != '\n') ++end;
            if (end >= text_.size() || text_[end] != close)
                fail(errc::parse, name_, t.line, t.column,
                     std::string("unterminated ") + what + "; expected '" + close + "' on the same line");
            t.kind = kind;
            t.text = text_.substr(start, end - start);
            if (!t.text.empty() && t.text.back() == '\r') t.text.remove_suffix(1);
            pos_ = end + 1;
        };
        if (c == '"')
            delimited('"', tok_kind::quoted, "quoted string");
        else if (c == '[')
            delimited(']', tok_kind::option, "option '['");
        else if (c == '(')
            delimited(')', tok_kind::id, "ballot id '('");
        else {
            const std::size_t start = pos_;
            while (pos_ < text_.size() && !is_space(text_[pos_]) && text_[pos_] != '\n' && text_[pos_] != '"')
                ++pos_;
            t.kind = tok_kind::word;
            t.text = text_.substr(start, pos_ - start);
        }
        return t;
    }

    std::string_view text_;
    std::string_view name_;
    std::size_t pos_ = 0;
    std::size_t line_ = 1;
    std::size_t line_start_ = 0;
    token next_;
    bool peeked_ = false;
};

struct pending_ballot {
    std::size_t first_mark;
    std::size_t mark_count;
    std::uint64_t count;
    std::size_t weight; ///< index into weights, or npos for 1
    std::size_t line;
};

struct ballot_problem {
    errc code;
    token where;
    std::string message;
};

class blt_reader {
  public:
    blt_reader(std::string_view text, std::string_view name, const read_options& opt, read_report& report)
        : lex_(text, name), text_size_(text.size()), name_(name), opt_(opt), report_(report) {}

    profile read() {
        read_header();
        read_options_and_withdrawn();
        read_ballots();
        std::vector<std::string> names = read_names();
        std::string title = read_title();
        profile p;
        try {
            p = profile(std::move(names));
        } catch (const error& e) {
            fail(errc::parse, name_, name_line_, 1, e.detail());
        }
        p.title = std::move(title);
        p.seats = seats_;
        for (cand_t c : withdrawn_) p.set_withdrawn(c);
        std::vector<mark> m;
        const rational one(1);
        for (const auto& b : ballots_) {
            m.assign(marks_.begin() + static_cast<std::ptrdiff_t>(b.first_mark),
                     marks_.begin() + static_cast<std::ptrdiff_t>(b.first_mark + b.mark_count));
            try {
                p.add(m, b.count, b.weight == std::string_view::npos ? one : weights_[b.weight]);
            } catch (const error& e) {
                fail(e.code() == errc::overflow ? errc::overflow : errc::parse, name_, b.line, 1, e.detail());
            }
        }
        return p;
    }

  private:
    std::uint32_t header_number(const token& t, const char* what) {
        std::uint64_t v = 0;
        if (t.kind == tok_kind::end)
            fail(errc::parse, name_, t.line, t.column, std::string("file ends; expected the ") + what);
        auto st = t.kind == tok_kind::word ? parse_count(t.text, v) : count_status::not_a_number;
        if (st == count_status::overflow || (st == count_status::ok && v > 0xFFFFFFF0u))
            fail(errc::overflow, name_, t.line, t.column,
                 std::string("the ") + what + " " + quoted(t.text) + " is too large");
        if (st != count_status::ok)
            fail(errc::parse, name_, t.line, t.column,
                 std::string("expected the ") + what + " (a whole number), got " + quoted(t.text));
        return static_cast<std::uint32_t>(v);
    }

    void read_header() {
        token t = lex_.next();
        if (t.kind == tok_kind::end)
            fail(errc::parse, name_, t.line, t.column, "empty file; expected '<candidates> <seats>'");
        n_ = header_number(t, "number of candidates");
        if (n_ == 0)
            fail(errc::parse, name_, t.line, t.column, "the file declares 0 candidates; expected at least 1");
        // Each candidate needs a quoted name later, so a count beyond the file size is a lie (and
        // must not make us allocate for it).
        if (n_ > text_size_ / 3)
            fail(errc::parse, name_, t.line, t.column,
                 "the file declares " + std::to_string(n_) + " candidates but is too short to name them");
        token s = lex_.next();
        seats_ = header_number(s, "number of seats");
        if (seats_ == 0)
            fail(errc::parse, name_, s.line, s.column, "the file declares 0 seats; expected at least 1");
        if (seats_ > n_)
            fail(errc::parse, name_, s.line, s.column,
                 "the file declares " + std::to_string(seats_) + " seats for " + std::to_string(n_) +
                     " candidates");
        header_line_ = t.line;
    }

    /// A candidate reference on a ballot, in an option or a withdrawn line: a number 1..n or a
    /// nickname from [nick ...]. Returns false (and sets msg) if it is neither.
    bool candidate_of(std::string_view s, cand_t& out, std::string& msg) const {
        std::uint32_t v = 0;
        if (all_digits(s)) {
            if (!parse_index(s, v) || v < 1 || v > n_) {
                msg = "candidate " + quoted(s) + " out of range; expected 1.." + std::to_string(n_);
                return false;
            }
            out = v - 1;
            return true;
        }
        if (auto it = nick_.find(s); it != nick_.end()) {
            out = it->second;
            return true;
        }
        msg = "expected a candidate number 1.." + std::to_string(n_) + (nick_.empty() ? "" : " or nickname") +
              ", got " + quoted(s);
        return false;
    }

    static std::vector<std::pair<std::string_view, std::size_t>> words_of(std::string_view s) {
        std::vector<std::pair<std::string_view, std::size_t>> out;
        std::size_t i = 0;
        while (i < s.size()) {
            while (i < s.size() && is_space(s[i])) ++i;
            const std::size_t start = i;
            while (i < s.size() && !is_space(s[i])) ++i;
            if (i > start) out.emplace_back(s.substr(start, i - start), start);
        }
        return out;
    }

    void read_options_and_withdrawn() {
        while (true) {
            token t = lex_.peek();
            if (t.kind == tok_kind::option) {
                lex_.next();
                apply_option(t);
                continue;
            }
            if (t.kind == tok_kind::word && t.text.size() > 1 && t.text[0] == '-' &&
                all_digits(t.text.substr(1))) {
                lex_.next();
                cand_t c;
                std::string msg;
                if (!candidate_of(t.text.substr(1), c, msg))
                    fail(errc::parse, name_, t.line, t.column + 1, msg);
                withdrawn_.push_back(c);
                continue;
            }
            return;
        }
    }

    void apply_option(const token& t) {
        auto words = words_of(t.text);
        if (words.empty()) fail(errc::parse, name_, t.line, t.column, "empty option '[]'");
        const std::string_view key = words[0].first;
        auto col = [&](std::size_t k) { return t.column + 1 + words[k].second; };
        if (key == "nick") {
            if (words.size() - 1 != n_)
                fail(errc::parse, name_, t.line, t.column,
                     "[nick] lists " + std::to_string(words.size() - 1) + " nicknames for " +
                         std::to_string(n_) + " candidates");
            for (std::size_t k = 1; k < words.size(); ++k) {
                if (all_digits(words[k].first))
                    fail(errc::parse, name_, t.line, col(k),
                         "a nickname cannot be a number: " + quoted(words[k].first));
                if (!nick_.emplace(words[k].first, static_cast<cand_t>(k - 1)).second)
                    fail(errc::parse, name_, t.line, col(k),
                         "nickname " + quoted(words[k].first) + " given twice");
            }
        } else if (key == "withdrawn" || key == "tie" || key == "undeclared") {
            // [tie ...] (a predetermined tie-breaking order) and [undeclared ...] (Minneapolis
            // undeclared write-ins) are Droop count options, not ballot data: they are validated
            // here and not kept. Rules take tie-breaking as an option (tie_break_options).
            for (std::size_t k = 1; k < words.size(); ++k) {
                cand_t c;
                std::string msg;
                if (!candidate_of(words[k].first, c, msg)) fail(errc::parse, name_, t.line, col(k), msg);
                if (key == "withdrawn") withdrawn_.push_back(c);
            }
        }
        // [droop ...] and unknown options are count settings for other programs; Droop's own
        // format notes say a reader may skip options it does not know.
    }

    void problem(const ballot_problem& b, std::size_t ballot_line) {
        if (!opt_.lenient || b.code == errc::overflow)
            fail(b.code, name_, b.where.line, b.where.column, b.message);
        skip_line(report_, ballot_line, b.message);
        // Resume on the next line; but a quoted string that ended a ballot early is the first
        // candidate name and must not be skipped.
        const bool at_names = b.where.kind == tok_kind::quoted || b.where.kind == tok_kind::end;
        lex_.skip_through_line(at_names ? ballot_line : std::max(ballot_line, b.where.line));
        marks_.resize(mark_mark_);
    }

    void read_ballots() {
        while (true) {
            token t = lex_.peek();
            if (t.kind == tok_kind::end)
                fail(errc::parse, name_, t.line, t.column,
                     "file ends in the ballots; expected '0' and the candidate names");
            if (t.kind == tok_kind::quoted) return; // names follow without the final '0' (D01.HIL)
            lex_.next();
            const std::size_t ballot_line = t.line;
            mark_mark_ = marks_.size();
            if (t.kind == tok_kind::id) {
                // OpenSTV ballot id: identifies one paper, so it is not kept (it would defeat the
                // merging of identical ballots); the ballot itself is read as usual.
                t = lex_.next();
            }
            if (t.kind != tok_kind::word) {
                problem({errc::parse, t,
                         "expected a ballot value (or '0' to end the ballots), got " +
                             (t.kind == tok_kind::end ? std::string("end of file") : quoted(t.text))},
                        ballot_line);
                continue;
            }
            if (t.text == "0") return;
            std::uint64_t count = 1;
            std::size_t weight = std::string_view::npos;
            switch (parse_count(t.text, count)) {
            case count_status::ok:
                break;
            case count_status::overflow:
                problem({errc::overflow, t, "ballot value " + quoted(t.text) + " exceeds 2^63 - 1"},
                        ballot_line);
                continue;
            case count_status::not_a_number: {
                rational w;
                try {
                    w = parse_rational(t.text);
                } catch (const error&) {
                    problem({errc::parse, t,
                             "expected a ballot value (whole number, decimal or p/q), got " + quoted(t.text)},
                            ballot_line);
                    continue;
                }
                if (w <= 0) {
                    problem({errc::parse, t, "ballot value " + quoted(t.text) + " must be positive"},
                            ballot_line);
                    continue;
                }
                if (boost::multiprecision::denominator(w) == 1) {
                    const big_int num = boost::multiprecision::numerator(w);
                    if (num > INT64_MAX) {
                        problem({errc::overflow, t, "ballot value " + quoted(t.text) + " exceeds 2^63 - 1"},
                                ballot_line);
                        continue;
                    }
                    count = num.convert_to<std::uint64_t>();
                } else {
                    weight = weights_.size();
                    weights_.push_back(std::move(w));
                }
                break;
            }
            }
            if (count == 0) { // "00": a zero value that is not the end marker
                problem({errc::parse, t, "ballot value is 0; expected at least 1"}, ballot_line);
                continue;
            }
            if (!read_preferences(ballot_line)) continue;
            ballots_.push_back({mark_mark_, marks_.size() - mark_mark_, count, weight, ballot_line});
        }
    }

    bool read_preferences(std::size_t ballot_line) {
        seen_.resize(n_);
        seen_.clear();
        std::int32_t rank = 0;
        while (true) {
            token t = lex_.peek();
            if (t.kind != tok_kind::word) {
                problem({errc::parse, t,
                         "ballot not ended by '0'; expected a candidate or '0', got " +
                             (t.kind == tok_kind::end ? std::string("end of file") : "a quoted string")},
                        ballot_line);
                return false;
            }
            lex_.next();
            if (t.text == "0") return true;
            if (rank == INT32_MAX - 1) {
                problem({errc::parse, t, "too many ranks on one ballot"}, ballot_line);
                return false;
            }
            ++rank;
            if (t.text == "-") continue; // OpenSTV skipped rank
            std::size_t start = 0;
            while (true) {
                const std::size_t eq = t.text.find('=', start);
                std::string_view part =
                    t.text.substr(start, eq == std::string_view::npos ? t.text.npos : eq - start);
                token where = t;
                where.column += start;
                cand_t c;
                std::string msg;
                if (part.empty()) {
                    problem({errc::parse, where, "empty candidate in an equal ranking " + quoted(t.text)},
                            ballot_line);
                    return false;
                }
                if (!candidate_of(part, c, msg)) {
                    problem({errc::parse, where, msg}, ballot_line);
                    return false;
                }
                if (seen_.insert_seen(c)) {
                    problem(
                        {errc::parse, where, "candidate " + quoted(part) + " appears twice on one ballot"},
                        ballot_line);
                    return false;
                }
                marks_.push_back({c, rank});
                if (eq == std::string_view::npos) break;
                start = eq + 1;
            }
        }
    }

    std::vector<std::string> read_names() {
        std::vector<std::string> names;
        names.reserve(n_);
        std::unordered_map<std::string_view, std::size_t> first_line;
        for (std::uint32_t k = 1; k <= n_; ++k) {
            token t = lex_.next();
            if (t.kind != tok_kind::quoted)
                fail(errc::parse, name_, t.line, t.column,
                     "expected the quoted name of candidate " + std::to_string(k) + " of " +
                         std::to_string(n_) + ", got " +
                         (t.kind == tok_kind::end ? std::string("end of file") : quoted(t.text)));
            std::string_view nm = trim(t.text);
            if (nm.empty())
                fail(errc::parse, name_, t.line, t.column,
                     "candidate " + std::to_string(k) + " has an empty name");
            check_name_text(nm, name_, t.line, t.column + 1, "candidate name");
            if (auto [it, fresh] = first_line.emplace(nm, t.line); !fresh)
                fail(errc::parse, name_, t.line, t.column,
                     "duplicate candidate name " + quoted(nm) + " (first on line " +
                         std::to_string(it->second) + ")");
            names.emplace_back(nm);
            name_line_ = t.line;
        }
        return names;
    }

    std::string read_title() {
        token t = lex_.next();
        if (t.kind != tok_kind::quoted)
            fail(errc::parse, name_, t.line, t.column,
                 "expected the quoted title after the " + std::to_string(n_) + " candidate names, got " +
                     (t.kind == tok_kind::end ? std::string("end of file") : quoted(t.text)));
        check_name_text(t.text, name_, t.line, t.column + 1, "title");
        // Anything after the title (Wichmann's source and comment fields, notes in Droop's test
        // files) is not election data and is not read.
        return std::string(trim(t.text));
    }

    blt_lexer lex_;
    std::size_t text_size_;
    std::string_view name_;
    const read_options& opt_;
    read_report& report_;
    std::uint32_t n_ = 0;
    std::uint32_t seats_ = 1;
    std::size_t header_line_ = 1;
    std::size_t name_line_ = 1;
    std::vector<cand_t> withdrawn_;
    std::unordered_map<std::string_view, cand_t> nick_;
    std::vector<pending_ballot> ballots_;
    std::vector<mark> marks_;
    std::size_t mark_mark_ = 0;
    std::vector<rational> weights_;
    seen_set seen_;
};

// ---- writer ------------------------------------------------------------------------------

[[noreturn]] void cannot(const std::string& why) {
    throw error(errc::unsupported, "cannot write this profile as BLT: " + why);
}

/// Exact decimal text if the denominator has no prime factor but 2 and 5, else "p/q".
std::string exact_text(const rational& r) {
    big_int num = boost::multiprecision::numerator(r);
    big_int den = boost::multiprecision::denominator(r);
    if (den == 1) return num.str();
    big_int d = den;
    std::size_t twos = 0, fives = 0;
    while (d % 2 == 0) {
        d /= 2;
        ++twos;
    }
    while (d % 5 == 0) {
        d /= 5;
        ++fives;
    }
    if (d != 1) return num.str() + '/' + den.str();
    const std::size_t places = std::max(twos, fives);
    big_int scale = 1;
    for (std::size_t i = 0; i < places; ++i) scale *= 10;
    big_int scaled = num * (scale / den);
    std::string digits = scaled.str();
    if (digits.size() <= places) digits = std::string(places - digits.size() + 1, '0') + digits;
    const std::size_t split = digits.size() - places;
    return digits.substr(0, split) + '.' + digits.substr(split);
}

void check_quotable(const std::string& s, const char* what) {
    if (s.find('"') != std::string::npos || s.find('\n') != std::string::npos ||
        s.find('\r') != std::string::npos)
        cannot(std::string(what) + " '" + s + "' contains a double quote or a line break");
}

} // namespace

profile read_blt(std::string_view text, std::string_view name, const read_options& opt, read_report& report) {
    blt_reader r(text, name, opt, report);
    profile p = r.read();
    report.lines = std::count(text.begin(), text.end(), '\n') + (!text.empty() && text.back() != '\n');
    return p;
}

void write_blt(std::ostream& out, const profile& p) {
    const std::size_t n = p.candidate_count();
    if (n == 0) cannot("it has no candidates");
    if (p.kind() != ballot_kind::ranking)
        cannot(std::string("BLT holds rankings; this profile holds ") + ballot_kind_name(p.kind()) +
               " ballots");
    if (!p.units().empty()) cannot("ballots are tagged with units, which BLT cannot record");
    if (p.seats == 0 || p.seats > n) cannot("seats must be between 1 and the number of candidates");
    for (cand_t c = 0; c < n; ++c) check_quotable(p.candidate_name(c), "candidate name");
    check_quotable(p.title, "title");
    // Check every ballot before writing anything.
    seen_set seen;
    seen.resize(n);
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        seen.clear();
        for (const auto& m : b.marks) {
            if (m.candidate == k_overvote) cannot("ballot " + std::to_string(i + 1) + " records an overvote");
            if (seen.insert_seen(m.candidate))
                cannot("ballot " + std::to_string(i + 1) + " ranks '" + p.candidate_name(m.candidate) +
                       "' twice");
        }
    }
    out << n << ' ' << p.seats << '\n';
    bool any = false;
    for (cand_t c = 0; c < n; ++c)
        if (p.withdrawn(c)) {
            out << (any ? " " : "") << '-' << c + 1;
            any = true;
        }
    if (any) out << '\n';
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        // A BLT line's first number is the value of the line: voters x weight. BLT cannot tell
        // 2 voters of weight 1 from 1 voter of weight 2 (docs/formats.md).
        if (b.weight && *b.weight != 1)
            out << exact_text(*b.weight * b.count);
        else
            out << b.count;
        std::int32_t prev = 0;
        for (std::size_t k = 0; k < b.marks.size(); ++k) {
            const auto& m = b.marks[k];
            if (k > 0 && m.value == prev) {
                out << '=' << m.candidate + 1;
                continue;
            }
            for (std::int32_t r = prev + 1; r < m.value; ++r) out << " -"; // skipped ranks
            out << ' ' << m.candidate + 1;
            prev = m.value;
        }
        out << " 0\n";
    }
    out << "0\n";
    for (cand_t c = 0; c < n; ++c) out << '"' << p.candidate_name(c) << "\"\n";
    out << '"' << p.title << "\"\n";
}

} // namespace detail
} // namespace v0
} // namespace accord
