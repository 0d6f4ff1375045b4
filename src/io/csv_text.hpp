// Internal: the text layer of the CSV reader and writer (src/io/csv.cpp, src/io/csv_write.cpp):
// the RFC 4180 scanner, the row memo of the reader's fast path, and what both sides must agree
// on: header keys, identifier columns, rank labels and headers, grid headers, the escaping of
// spreadsheet formulas, the Windows-1252 decoder, the delimiter guess and the guards' thresholds.
#pragma once

#include "formats.hpp"
#include "text_scan.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#if defined(__SSE2__)
#  include <emmintrin.h>
#endif

namespace accord {
inline namespace v0 {
namespace detail::csv_text {

struct field {
    std::string_view text; ///< unquoted, unescaped content
    std::size_t column;    ///< 1-based byte column of the field's start
};

/// The first '\n' or '"' in [b, e), or nullptr: one pass over a line for the reader's fast path,
/// which takes a line only when no quote comes before its end. Sixteen bytes a step with SSE2
/// (every x86-64), a byte a step elsewhere; the same answer either way (tests/csv_test.cpp).
inline const char* line_end_unquoted(const char* b, const char* e) noexcept {
    const char* p = b;
#if defined(__SSE2__)
    const __m128i nl = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"');
    for (; e - p >= 16; p += 16) {
        const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const auto hits = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, quote))));
        if (hits) return p + __builtin_ctz(hits);
    }
#endif
    for (; p < e; ++p)
        if (*p == '\n' || *p == '"') return p;
    return nullptr;
}

/// Splits the text into records of fields, following RFC 4180.
class csv_scanner {
  public:
    csv_scanner(std::string_view text, std::string_view name, char delim, std::size_t first_line = 1)
        : t_(text), name_(name), d_(delim), line_(first_line) {}

    /// Next record; false at the end. `line` is the 1-based line where the record starts.
    bool next(std::vector<field>& out, std::size_t& line) {
        out.clear();
        if (pos_ >= t_.size()) return false;
        line = line_;
        record_start_ = pos_;
        std::size_t line_start = line_start_;
        while (true) {
            const std::size_t col = pos_ - line_start + 1;
            if (pos_ < t_.size() && t_[pos_] == '"') {
                // Quoted field.
                ++pos_;
                std::size_t start = pos_;
                bool escaped = false;
                while (true) {
                    if (pos_ >= t_.size())
                        fail(errc::parse, name_, line, col,
                             "unterminated quoted field; expected a closing '\"'");
                    const char c = t_[pos_];
                    if (c == '"') {
                        if (pos_ + 1 < t_.size() && t_[pos_ + 1] == '"') {
                            escaped = true;
                            pos_ += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == '\n') {
                        ++line_;
                        line_start = line_start_ = pos_ + 1;
                    }
                    ++pos_;
                }
                std::string_view raw = t_.substr(start, pos_ - start);
                ++pos_; // closing quote
                if (escaped) {
                    std::string& s = arena_.emplace_back();
                    s.reserve(raw.size());
                    for (std::size_t i = 0; i < raw.size(); ++i) {
                        s += raw[i];
                        if (raw[i] == '"') ++i;
                    }
                    raw = s;
                }
                out.push_back({raw, col});
                if (pos_ < t_.size() && t_[pos_] != d_ && t_[pos_] != '\n' && t_[pos_] != '\r')
                    fail(errc::parse, name_, line_, pos_ - line_start + 1,
                         "unexpected character after a quoted field; expected the delimiter or the end of "
                         "the line");
            } else {
                std::size_t end = pos_;
                while (end < t_.size() && t_[end] != d_ && t_[end] != '\n') ++end;
                std::string_view raw = t_.substr(pos_, end - pos_);
                if (!raw.empty() && raw.back() == '\r' && (end >= t_.size() || t_[end] == '\n'))
                    raw.remove_suffix(1);
                if (raw.find('"') != std::string_view::npos)
                    fail(errc::parse, name_, line_, pos_ - line_start + 1 + raw.find('"'),
                         "a quote inside an unquoted field; expected the whole field in quotes");
                out.push_back({raw, col});
                pos_ = end;
            }
            if (pos_ < t_.size() && t_[pos_] == '\r') ++pos_;
            if (pos_ >= t_.size()) break;
            if (t_[pos_] == d_) {
                ++pos_;
                continue;
            }
            if (t_[pos_] == '\n') {
                ++pos_;
                ++line_;
                line_start_ = pos_;
                break;
            }
        }
        return true;
    }

    /// The next record when it is one line without quotes (the common case), as its text
    /// without the line end; false (and nothing consumed) otherwise or at the end.
    bool next_plain(std::string_view& out, std::size_t& line) {
        if (pos_ >= t_.size()) return false;
        const char* b = t_.data() + pos_;
        const std::size_t rest = t_.size() - pos_;
        const char* nl = line_end_unquoted(b, b + rest);
        if (nl && *nl == '"') return false;
        const std::size_t len = nl ? static_cast<std::size_t>(nl - b) : rest;
        line = line_;
        record_start_ = pos_;
        out = std::string_view(b, len);
        if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
        pos_ += len;
        if (nl) {
            ++pos_;
            ++line_;
            line_start_ = pos_;
        }
        return true;
    }

    /// The raw text of the record last returned (without its line end).
    std::string_view raw() const noexcept {
        std::size_t e = pos_;
        while (e > record_start_ && (t_[e - 1] == '\n' || t_[e - 1] == '\r')) --e;
        return t_.substr(record_start_, e - record_start_);
    }

  private:
    std::size_t record_start_ = 0;
    std::string_view t_, name_;
    char d_;
    std::size_t pos_ = 0, line_ = 1, line_start_ = 0;
    std::deque<std::string> arena_; // unescaped copies of fields with doubled quotes
};

struct sv_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
struct sv_eq {
    using is_transparent = void;
    bool operator()(std::string_view a, std::string_view b) const noexcept { return a == b; }
};

/// A fast hash of a short text, 8 bytes at a time (the row tails of a cast-vote record).
inline std::uint64_t text_hash(std::string_view s) noexcept {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    // The last 0-7 bytes as a little-endian word, without a variable-length copy (a call): the
    // text's last 8 bytes shifted past those already hashed, or byte by byte when it is shorter.
    const std::size_t rest = s.size() - i;
    std::uint64_t w = 0;
    if (rest && s.size() >= 8) {
        std::memcpy(&w, s.data() + s.size() - 8, 8);
        w >>= 8 * (8 - rest);
    } else {
        for (std::size_t j = 0; j < rest; ++j)
            w |= std::uint64_t(static_cast<unsigned char>(s[i + j])) << (8 * j);
    }
    h = (h ^ w) * 0x94D049BB133111EBull;
    return h ^ (h >> 29);
}

/// a == b for two texts of the same size n, inline (n is a row's or a name's: short): 8 bytes at a
/// time, the last word overlapping.
inline bool same_text(const unsigned char* a, const unsigned char* b, std::size_t n) noexcept {
    if (n < 8) {
        for (std::size_t j = 0; j < n; ++j)
            if (a[j] != b[j]) return false;
        return true;
    }
    std::uint64_t x, y;
    for (std::size_t i = 0; i + 8 < n; i += 8) {
        std::memcpy(&x, a + i, 8);
        std::memcpy(&y, b + i, 8);
        if (x != y) return false;
    }
    std::memcpy(&x, a + n - 8, 8);
    std::memcpy(&y, b + n - 8, 8);
    return x == y;
}

/// Row text -> (ballot, count), open addressing in one flat array of 8-byte slots. Each row's
/// record (its ballot, count, repeats pending, hash and size, then its text) sits in one arena,
/// and a slot holds the hash's high 32 bits and the record's place: a repeated row costs one
/// slot and one record, read together, and the slots of the rows read ahead are fetched while
/// this one is compared (prefetch()). On a 1,000,000-row cast-vote record with 69,000 distinct rows the
/// memo outgrows the core's own cache, so these reads, not the arithmetic, are the loop's cost.
class row_memo {
  public:
    struct entry {
        std::uint64_t ballot = 0;
        std::uint64_t count = 0;
        std::uint64_t pending = 0; // repeats not yet added to the profile (the reader's deferral)
        std::uint64_t hash = 0;
        std::uint64_t size = 0;
        // the text follows, padded to 8 bytes
    };
    entry* find(std::string_view s, std::uint64_t h) noexcept {
        if (slots_.empty()) return nullptr;
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const std::uint64_t v = slots_[i];
            if (!v) return nullptr;
            if ((v >> 32) != (h >> 32)) continue;
            entry* e = at(v);
            if (e->size == s.size() &&
                same_text(reinterpret_cast<const unsigned char*>(s.data()), text_of(e), s.size()))
                return e;
        }
    }
    /// Asks the cache for the slot a row of hash h starts at (a hint; nothing else happens).
    void prefetch(std::uint64_t h) const noexcept {
        if (!slots_.empty()) __builtin_prefetch(slots_.data() + (h & mask_));
    }
    void insert(std::string_view s, std::uint64_t h, std::size_t ballot, std::uint64_t count) {
        const std::size_t bytes = record_size(s.size());
        if ((arena_.size() + bytes) / 8 >= 0xFFFFFFF0u) return; // not worth remembering more
        if ((count_ + 1) * 2 > slots_.size()) grow();
        const std::size_t off = arena_.size();
        arena_.resize(off + bytes);
        entry* e = ::new (arena_.data() + off) entry{ballot, count, 0, h, s.size()};
        std::memcpy(text_of(e), s.data(), s.size());
        ++count_;
        place((h & 0xFFFFFFFF00000000ull) | (off / 8 + 1), h);
    }
    /// Calls f(ballot, pending) for each row with repeats pending, in the order the rows were
    /// first read, and clears them.
    template <class F> void for_each_pending(F&& f) {
        for (std::size_t off = 0; off < arena_.size();) {
            entry* e = record(off);
            if (e->pending) {
                const std::uint64_t n = e->pending;
                e->pending = 0;
                f(static_cast<std::size_t>(e->ballot), n);
            }
            off += record_size(e->size);
        }
    }

  private:
    static std::size_t record_size(std::size_t text) noexcept { return sizeof(entry) + (text + 7) / 8 * 8; }
    entry* record(std::size_t off) noexcept {
        return std::launder(reinterpret_cast<entry*>(arena_.data() + off));
    }
    entry* at(std::uint64_t v) noexcept { return record(((v & 0xFFFFFFFFu) - 1) * 8); }
    static unsigned char* text_of(entry* e) noexcept { return reinterpret_cast<unsigned char*>(e + 1); }
    void place(std::uint64_t v, std::uint64_t h) {
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_)
            if (!slots_[i]) {
                slots_[i] = v;
                return;
            }
    }
    void grow() {
        slots_.assign(std::max<std::size_t>(1024, slots_.size() * 2), 0);
        mask_ = slots_.size() - 1;
        for (std::size_t off = 0; off < arena_.size();) {
            const entry* e = record(off);
            place((e->hash & 0xFFFFFFFF00000000ull) | (off / 8 + 1), e->hash);
            off += record_size(e->size);
        }
    }
    std::vector<std::uint64_t> slots_;
    // The records, each 8-byte aligned (the allocation is, and every record's size is a multiple).
    std::vector<unsigned char> arena_;
    std::size_t count_ = 0;
    std::size_t mask_ = 0;
};

/// Cell text -> what the reader made of it (a candidate's index, an overvote, a skipped label),
/// for the cells of rank columns read before: the name index, the label lists and the formula
/// unescaping are then paid once per distinct cell text, not once per cell (a cast-vote record
/// of 69,000 distinct rows has a few dozen distinct cells). Open addressing over 16-byte slots,
/// the texts kept in one arena; a reader stops adding after k_max_cells texts (write-ins).
class cell_memo {
  public:
    static constexpr std::uint32_t k_skipped = 0xFFFFFFFFu;
    static constexpr std::size_t k_max_cells = 1u << 16;
    /// The value remembered for text s of hash h, or nullptr.
    const std::uint32_t* find(std::string_view s, std::uint64_t h) const noexcept {
        if (slots_.empty()) return nullptr;
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const slot& e = slots_[i];
            if (!e.size_plus1) return nullptr;
            if (e.hash == h && e.size_plus1 - 1 == s.size() &&
                same_text(reinterpret_cast<const unsigned char*>(s.data()),
                          reinterpret_cast<const unsigned char*>(text_.data()) + e.offset, s.size()))
                return &e.value;
        }
    }
    void insert(std::string_view s, std::uint64_t h, std::uint32_t value) {
        if (count_ >= k_max_cells || s.size() >= 0xFFFFFFFEu || text_.size() + s.size() > 0xFFFFFFFFu) return;
        if ((count_ + 1) * 2 > slots_.size()) grow();
        const auto offset = static_cast<std::uint32_t>(text_.size());
        text_.append(s);
        place({h, offset, static_cast<std::uint32_t>(s.size() + 1), value});
        ++count_;
    }

  private:
    struct slot {
        std::uint64_t hash = 0;
        std::uint32_t offset = 0;
        std::uint32_t size_plus1 = 0; // 0: empty
        std::uint32_t value = 0;
    };
    void place(const slot& v) {
        for (std::size_t i = v.hash & mask_;; i = (i + 1) & mask_)
            if (!slots_[i].size_plus1) {
                slots_[i] = v;
                return;
            }
    }
    void grow() {
        std::vector<slot> old = std::move(slots_);
        slots_.assign(std::max<std::size_t>(64, old.size() * 2), slot{});
        mask_ = slots_.size() - 1;
        for (const auto& e : old)
            if (e.size_plus1) place(e);
    }
    std::vector<slot> slots_;
    std::string text_;
    std::size_t count_ = 0;
    std::size_t mask_ = 0;
};

/// A record that is one empty field: an empty (or white-space) line, never a ballot.
inline bool is_blank_line(const std::vector<field>& r) { return r.size() == 1 && trim(r[0].text).empty(); }

inline bool is_blank_record(const std::vector<field>& r) {
    for (const auto& f : r)
        if (!trim(f.text).empty()) return false;
    return true;
}

inline bool in(const std::vector<std::string>& labels, std::string_view s) {
    for (const auto& l : labels)
        if (s == l) return true;
    return false;
}

inline char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

inline std::string lowered(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = lower(c);
    return out;
}

/// A header name compared case- and space-insensitively: lower case, without spaces, '_', '-',
/// '.', '#', ':' and parentheses ("Ballot ID", "ballot_id" and "BallotID" are all "ballotid").
inline std::string header_key(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '#' || c == ':' || c == '(' || c == ')' ||
            c == '\t')
            continue;
        out += lower(c);
    }
    return out;
}

/// Identifier and metadata columns that cast-vote records and form exports carry beside the
/// ballot: ignored by name (docs/formats.md keeps this list).
inline constexpr std::string_view k_identifier_columns[] = {
    // cast-vote records (tabulators, ranked_voting/pyrankvote drivers, RCTab, vendors)
    "id", "ballotid", "ballot", "ballotnumber", "ballotno", "cvr", "cvrid", "cvrnumber", "castvoterecord",
    "castvoterecordid", "recordid", "recordnumber", "rownumber", "row", "rowid", "index", "voterid",
    "precinct", "precinctid", "precinctname", "precinctcode", "precinctportion", "precinctsplit",
    "ballotstyle", "ballotstyleid", "ballottype", "batch", "batchid", "batchnumber", "tabulator",
    "tabulatorid", "tabulatornumber", "scanner", "imprintedid", "countinggroup", "pollingplace", "ward",
    // star.vote's ballot export (voterID is above)
    "votetime", "pollid",
    // online forms (Microsoft Forms, Google Forms, SurveyMonkey, Qualtrics)
    "starttime", "completiontime", "endtime", "lastmodifiedtime", "submittime", "submittedat",
    "submissiontime", "submissiondate", "submissionid", "timestamp", "date", "datetime", "createdat",
    "startdate", "enddate", "recordeddate", "email", "emailaddress", "name", "fullname", "firstname",
    "lastname", "ipaddress", "respondentid", "collectorid", "responseid", "customdata1", "status", "progress",
    "durationinseconds", "finished"};

inline bool is_identifier_column(std::string_view header) {
    const std::string k = header_key(header);
    for (auto id : k_identifier_columns)
        if (k == id) return true;
    return false;
}

inline bool is_sep(char c) {
    return c == ' ' || c == '_' || c == '-' || c == '#' || c == ':' || c == '.' || c == '\t';
}

inline std::string_view trim_seps(std::string_view s) {
    while (!s.empty() && is_sep(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_sep(s.back())) s.remove_suffix(1);
    return s;
}

inline constexpr std::string_view k_ordinal_words[] = {
    "first", "second", "third",    "fourth",  "fifth",      "sixth",      "seventh",  "eighth",
    "ninth", "tenth",  "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth"};
inline constexpr std::string_view k_rank_words[] = {"choice",  "preference", "pref", "rank",
                                                    "ranking", "place",      "pick"};

inline bool is_rank_word(std::string_view w) {
    for (auto k : k_rank_words)
        if (w == k) return true;
    return false;
}

/// 1st, 2nd, 23rd, first, second ... (lower case); 0 if not an ordinal.
inline std::uint32_t ordinal(std::string_view w) {
    for (std::size_t i = 0; i < std::size(k_ordinal_words); ++i)
        if (w == k_ordinal_words[i]) return static_cast<std::uint32_t>(i + 1);
    std::size_t d = 0;
    while (d < w.size() && w[d] >= '0' && w[d] <= '9') ++d;
    if (d == 0 || d > 6 || w.size() != d + 2) return 0;
    const auto suf = w.substr(d);
    if (suf != "st" && suf != "nd" && suf != "rd" && suf != "th") return 0;
    std::uint32_t k = 0;
    parse_index(w.substr(0, d), k);
    return k;
}

inline std::vector<std::string_view> words_of(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_sep(s[i])) ++i;
        std::size_t j = i;
        while (j < s.size() && !is_sep(s[j])) ++j;
        if (j > i) out.push_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

/// The largest number read as a rank label (larger ones are not ranks: ids, counts, years...).
inline constexpr std::uint32_t k_max_rank_label = 1'000'000;

/// A rank written as a cell or a grid item: "2", "2nd", "2nd choice", "Second", "Second
/// preference", "Rank 2", "Choice 2"; 0 if the text is not one.
inline std::uint32_t rank_label(std::string_view text) {
    const std::string s = lowered(trim(text));
    std::uint32_t k = 0;
    if (all_digits(s)) return parse_index(s, k) && k <= k_max_rank_label ? k : 0;
    const auto w = words_of(s);
    if (w.size() == 1) {
        // "rank2", "choice2"
        for (auto kw : k_rank_words)
            if (w[0].size() > kw.size() && w[0].substr(0, kw.size()) == kw &&
                all_digits(w[0].substr(kw.size())))
                return parse_index(w[0].substr(kw.size()), k) && k <= k_max_rank_label ? k : 0;
        return ordinal(w[0]);
    }
    if (w.size() == 2 && ordinal(w[0]) && is_rank_word(w[1])) return ordinal(w[0]);
    if (w.size() == 2 && is_rank_word(w[0]) && all_digits(w[1]))
        return parse_index(w[1], k) && k <= k_max_rank_label ? k : 0;
    return 0;
}

/// A header naming a rank: "rank1", "Rank 1", "Choice 1", "1st choice", "Preference 1",
/// "Mayor (1)", "Mayor - Rank 1", "choice 1 of 5". `contest` gets the prefix ("Mayor"), if any.
inline std::uint32_t rank_header(std::string_view header, std::string& contest) {
    std::string_view h = trim(header);
    const std::string low = lowered(h);
    std::string_view s = low;
    // "... of N"
    if (auto of = s.rfind(" of "); of != std::string_view::npos && all_digits(trim(s.substr(of + 4))))
        s = s.substr(0, of);
    s = trim(s);
    std::uint32_t k = 0;
    auto prefix = [&](std::size_t end) { contest = std::string(trim_seps(h.substr(0, end))); };
    // "Mayor (1)"
    if (s.size() >= 3 && s.back() == ')') {
        const auto open = s.rfind('(');
        if (open != std::string_view::npos && all_digits(trim(s.substr(open + 1, s.size() - open - 2))) &&
            parse_index(trim(s.substr(open + 1, s.size() - open - 2)), k) && k >= 1) {
            prefix(open);
            return k;
        }
        return 0;
    }
    // trailing number after a rank word: "rank1", "Rank 1", "Mayor - Rank 1", "r1"
    std::size_t d = s.size();
    while (d > 0 && s[d - 1] >= '0' && s[d - 1] <= '9') --d;
    if (d < s.size() && s.size() - d <= 6) {
        parse_index(s.substr(d), k);
        std::string_view before = s.substr(0, d);
        while (!before.empty() && is_sep(before.back())) before.remove_suffix(1);
        if (before == "r") {
            contest.clear();
            return k;
        }
        for (auto kw : k_rank_words)
            if (before.size() >= kw.size() && before.substr(before.size() - kw.size()) == kw &&
                (before.size() == kw.size() || is_sep(before[before.size() - kw.size() - 1]))) {
                prefix(before.size() - kw.size());
                return k >= 1 ? k : 0;
            }
        return 0;
    }
    // ordinals: "1st choice", "Mayor 2nd preference", "1st", "First choice"
    const auto w = words_of(s);
    if (w.empty()) return 0;
    std::size_t last = w.size() - 1;
    const bool word_after = is_rank_word(w[last]);
    if (word_after) {
        if (last == 0) return 0;
        --last;
    }
    k = ordinal(w[last]);
    if (k == 0) return 0;
    const bool digits = w[last][0] >= '0' && w[last][0] <= '9';
    if (!word_after && (!digits || last != 0)) return 0; // "First" alone could be a name
    prefix(static_cast<std::size_t>(w[last].data() - s.data()));
    return k;
}

/// Google Forms grid header "Question [Item]": true with the two parts.
inline bool grid_header(std::string_view header, std::string& question, std::string& item) {
    const auto h = trim(header);
    if (h.size() < 4 || h.back() != ']') return false;
    const auto open = h.rfind('[');
    if (open == std::string_view::npos || open == 0) return false;
    question = std::string(trim(h.substr(0, open)));
    item = std::string(trim(h.substr(open + 1, h.size() - open - 2)));
    return !question.empty() && !item.empty();
}

/// Spreadsheet formula prefixes: the writer puts a ' before a name starting with one of them
/// (after any run of 's), so a spreadsheet shows the name as text; the reader takes it off.
inline bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@'; }

inline std::string_view unescape_formula(std::string_view s) {
    if (s.empty() || s[0] != '\'') return s;
    std::size_t i = 0;
    while (i < s.size() && s[i] == '\'') ++i;
    return i < s.size() && formula_start(s[i]) ? s.substr(1) : s;
}

inline std::string escape_formula(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size() && s[i] == '\'') ++i;
    return i < s.size() && formula_start(s[i]) ? "'" + s : s;
}

/// Windows-1252 (a superset of Latin-1's printable characters) to UTF-8.
inline std::string cp1252_to_utf8(std::string_view s) {
    static constexpr std::uint16_t k_80_9f[32] = {
        0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D,   0x017D, 0x8F,   0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
        0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (unsigned char c : s) {
        unsigned u = c;
        if (c >= 0x80 && c < 0xA0) u = k_80_9f[c - 0x80];
        if (u < 0x80) {
            out += static_cast<char>(u);
        } else if (u < 0x800) {
            out += static_cast<char>(0xC0 | (u >> 6));
            out += static_cast<char>(0x80 | (u & 0x3F));
        } else {
            out += static_cast<char>(0xE0 | (u >> 12));
            out += static_cast<char>(0x80 | ((u >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (u & 0x3F));
        }
    }
    return out;
}

/// The delimiter of a file whose options leave it open: ',' unless the first line (outside
/// quotes) holds no comma but ';' or tabs (European Excel writes ';').
inline char detect_delimiter(std::string_view text) {
    std::size_t commas = 0, semis = 0, tabs = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '\n') break;
        commas += c == ',';
        semis += c == ';';
        tabs += c == '\t';
    }
    if (commas == 0 && semis > 0 && semis >= tabs) return ';';
    if (commas == 0 && tabs > 0) return '\t';
    return ',';
}

/// Guards against a guessed reading: thresholds shared with the writer (which lists its
/// candidates whenever a guard could fire, so accord's own files always read back).
inline constexpr std::size_t k_guard_rows = 20;    // rows needed before distinctness means anything
inline constexpr std::size_t k_sequence_rows = 10; // rows needed to call a column a row counter
inline constexpr std::size_t k_writer_safe_candidates = 10;

} // namespace detail::csv_text
} // namespace v0
} // namespace accord
