// Excel workbooks (.xlsx, Office Open XML SpreadsheetML): one sheet turned into RFC 4180 CSV text
// in memory, which the CSV reader then reads with the caller's options, so every CSV layout
// and flag means the same for a workbook. The zip container is read with libzip and the XML
// with expat (streamed, never held whole); every size is checked against a limit before
// anything is allocated for it (docs/formats.md, "Excel workbooks").
#include "formats.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {

namespace {

// Excel's own limits (Excel specifications and limits): 16,384 columns (XFD), 1,048,576 rows.
constexpr std::uint32_t k_max_columns = 16384;
constexpr std::uint32_t k_max_rows = 1048576;

[[noreturn]] void refuse(std::string_view file, const std::string& msg) {
    throw error(errc::parse, msg, source_location{std::string(file), 0, 0});
}

// ---- the zip container (libzip) ----------------------------------------------------------

class archive {
  public:
    archive(std::string_view bytes, std::string_view file, std::uint64_t budget)
        : file_(file), budget_(budget) {
        zip_error_t err;
        zip_error_init(&err);
        zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
        if (!src) {
            zip_error_fini(&err);
            throw std::bad_alloc();
        }
        zip_ = zip_open_from_source(src, ZIP_RDONLY, &err);
        if (!zip_) {
            zip_source_free(src);
            const std::string why = zip_error_strerror(&err);
            zip_error_fini(&err);
            refuse(file_, "not a readable .xlsx workbook: the zip container is damaged (" + why +
                              "); open it in Excel and save it again, or save the sheet as CSV");
        }
        zip_error_fini(&err);
    }
    archive(const archive&) = delete;
    archive& operator=(const archive&) = delete;
    ~archive() {
        if (zip_) zip_discard(zip_);
    }

    bool has(const std::string& part) const {
        return zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE) >= 0;
    }

    /// Streams a part's uncompressed bytes to `sink`, refusing a part that would take the total
    /// read past the budget (checked on the declared size first, then on the bytes themselves).
    void stream(const std::string& part, const std::function<void(const char*, std::size_t)>& sink) {
        const zip_int64_t i = zip_name_locate(zip_, part.c_str(), ZIP_FL_NOCASE);
        if (i < 0)
            refuse(file_, "the workbook has no part '" + part +
                              "'; is it an .xlsx file saved by a spreadsheet program?");
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(zip_, static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_SIZE))
            refuse(file_, "cannot read the size of part '" + part + "' in the zip container");
        if (st.size > budget_) too_big(part, st.size);
        std::unique_ptr<zip_file_t, int (*)(zip_file_t*)> f(
            zip_fopen_index(zip_, static_cast<zip_uint64_t>(i), 0), zip_fclose);
        if (!f) refuse(file_, "cannot open part '" + part + "': " + zip_strerror(zip_));
        std::array<char, 65536> buf;
        std::uint64_t got = 0;
        for (;;) {
            const zip_int64_t n = zip_fread(f.get(), buf.data(), buf.size());
            if (n < 0) refuse(file_, "part '" + part + "' is damaged: " + zip_file_strerror(f.get()));
            if (n == 0) break;
            got += static_cast<std::uint64_t>(n);
            if (got > st.size)
                refuse(file_, "part '" + part + "' holds more bytes than its zip entry declares");
            if (got > budget_) too_big(part, got);
            sink(buf.data(), static_cast<std::size_t>(n));
        }
        budget_ -= got;
    }

  private:
    [[noreturn]] void too_big(const std::string& part, std::uint64_t size) {
        refuse(file_, "part '" + part + "' uncompresses to " + std::to_string(size) +
                          " bytes, more than the " + std::to_string(budget_) +
                          " bytes left of the limit (read option xlsx_max_bytes, CLI --xlsx-max-bytes)");
    }
    zip_t* zip_ = nullptr;
    std::string file_;
    std::uint64_t budget_;
};

// ---- XML (expat, namespace-aware so prefixed writers read the same) --------------------------

std::string_view local_name(const XML_Char* name) {
    std::string_view n(name);
    const auto bar = n.rfind('|');
    return bar == std::string_view::npos ? n : n.substr(bar + 1);
}

const XML_Char* attribute(const XML_Char** atts, std::string_view want) {
    for (std::size_t i = 0; atts[i]; i += 2)
        if (local_name(atts[i]) == want) return atts[i + 1];
    return nullptr;
}

struct xml_handler {
    virtual ~xml_handler() = default;
    virtual void start(std::string_view name, const XML_Char** atts) = 0;
    virtual void end(std::string_view name) = 0;
    virtual void text(const char*, std::size_t) {}
};

void parse_part(archive& zip, const std::string& part, xml_handler& h, std::string_view file) {
    std::unique_ptr<std::remove_pointer_t<XML_Parser>, void (*)(XML_Parser)> p(
        XML_ParserCreateNS(nullptr, '|'), XML_ParserFree);
    if (!p) throw std::bad_alloc();
    struct ctx {
        xml_handler* h;
        XML_Parser p;
        std::string error;
    } c{&h, p.get(), {}};
    // Nothing may unwind through expat's C frames: a handler's exception stops the parser and
    // is raised again here.
    XML_SetUserData(p.get(), &c);
    XML_SetElementHandler(
        p.get(),
        [](void* u, const XML_Char* n, const XML_Char** a) {
            auto* x = static_cast<ctx*>(u);
            try {
                x->h->start(local_name(n), a);
            } catch (const error& e) {
                x->error = e.detail();
                XML_StopParser(x->p, XML_FALSE);
            } catch (...) {
                x->error = "out of memory";
                XML_StopParser(x->p, XML_FALSE);
            }
        },
        [](void* u, const XML_Char* n) {
            auto* x = static_cast<ctx*>(u);
            try {
                x->h->end(local_name(n));
            } catch (const error& e) {
                x->error = e.detail();
                XML_StopParser(x->p, XML_FALSE);
            } catch (...) {
                x->error = "out of memory";
                XML_StopParser(x->p, XML_FALSE);
            }
        });
    XML_SetCharacterDataHandler(p.get(), [](void* u, const XML_Char* s, int len) {
        auto* x = static_cast<ctx*>(u);
        try {
            x->h->text(s, static_cast<std::size_t>(len));
        } catch (const error& e) {
            x->error = e.detail();
            XML_StopParser(x->p, XML_FALSE);
        } catch (...) {
            x->error = "out of memory";
            XML_StopParser(x->p, XML_FALSE);
        }
    });
    // SpreadsheetML never needs a DTD; refusing one shuts out entity expansion attacks.
    XML_SetStartDoctypeDeclHandler(
        p.get(), [](void* u, const XML_Char*, const XML_Char*, const XML_Char*, int) {
            auto* x = static_cast<ctx*>(u);
            x->error = "the XML has a document type declaration (DTD), which SpreadsheetML never has";
            XML_StopParser(x->p, XML_FALSE);
        });
    auto failed = [&]() {
        if (!c.error.empty()) refuse(file, c.error);
        refuse(file, "part '" + part + "' is not well-formed XML (line " +
                         std::to_string(XML_GetCurrentLineNumber(p.get())) +
                         "): " + XML_ErrorString(XML_GetErrorCode(p.get())));
    };
    zip.stream(part, [&](const char* data, std::size_t n) {
        if (XML_Parse(p.get(), data, static_cast<int>(n), XML_FALSE) != XML_STATUS_OK) failed();
    });
    if (XML_Parse(p.get(), nullptr, 0, XML_TRUE) != XML_STATUS_OK) failed();
}

// ECMA-376 Part 1, 22.4.2.4 (ST_Xstring): "_xHHHH_" stands for the UTF-16 code unit HHHH.
void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80)
        out += static_cast<char>(cp);
    else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string decode_xstring(const std::string& s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        std::uint32_t v = 0;
        if (i + 7 <= s.size() && s[i] == '_' && s[i + 1] == 'x' && s[i + 6] == '_' &&
            std::from_chars(s.data() + i + 2, s.data() + i + 6, v, 16).ptr == s.data() + i + 6) {
            // A surrogate pair arrives as two escapes.
            std::uint32_t lo = 0;
            if (v >= 0xD800 && v < 0xDC00 && i + 14 <= s.size() && s[i + 7] == '_' && s[i + 8] == 'x' &&
                s[i + 13] == '_' &&
                std::from_chars(s.data() + i + 9, s.data() + i + 13, lo, 16).ptr == s.data() + i + 13 &&
                lo >= 0xDC00 && lo < 0xE000) {
                append_utf8(out, 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00));
                i += 14;
                continue;
            }
            if (v < 0xD800 || v >= 0xE000) {
                append_utf8(out, v);
                i += 7;
                continue;
            }
        }
        out += s[i++];
    }
    return out;
}

// ---- the parts around the sheet ----------------------------------------------------------------

struct relationships : xml_handler {
    std::unordered_map<std::string, std::string> target_of;   // Id -> Target
    std::vector<std::pair<std::string, std::string>> by_type; // Type -> Target
    void start(std::string_view name, const XML_Char** a) override {
        if (name != "Relationship") return;
        const char* id = attribute(a, "Id");
        const char* target = attribute(a, "Target");
        const char* type = attribute(a, "Type");
        if (!target) return;
        if (id) target_of[id] = target;
        if (type) by_type.emplace_back(type, target);
    }
    void end(std::string_view) override {}
    std::string of_type(std::string_view suffix) const {
        for (const auto& [t, target] : by_type)
            if (t.size() >= suffix.size() && t.compare(t.size() - suffix.size(), suffix.size(), suffix) == 0)
                return target;
        return {};
    }
};

/// A relationship target resolved against the folder of the part that names it.
std::string resolve(const std::string& base_dir, const std::string& target) {
    std::vector<std::string> parts;
    auto push_path = [&](std::string_view p) {
        std::size_t i = 0;
        while (i <= p.size()) {
            auto j = p.find('/', i);
            if (j == std::string_view::npos) j = p.size();
            const auto seg = p.substr(i, j - i);
            if (seg == "..") {
                if (!parts.empty()) parts.pop_back();
            } else if (!seg.empty() && seg != ".") {
                parts.emplace_back(seg);
            }
            i = j + 1;
        }
    };
    if (target.empty() || target[0] != '/') push_path(base_dir);
    push_path(target);
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string folder_of(const std::string& part) {
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? std::string() : part.substr(0, slash);
}

std::string rels_of(const std::string& part) {
    const auto dir = folder_of(part);
    return (dir.empty() ? "" : dir + "/") + "_rels/" + part.substr(dir.empty() ? 0 : dir.size() + 1) +
           ".rels";
}

struct workbook : xml_handler {
    struct sheet {
        std::string name, rel_id;
        bool hidden = false;
    };
    std::vector<sheet> sheets;
    bool date1904 = false;
    void start(std::string_view name, const XML_Char** a) override {
        if (name == "sheet") {
            const char* n = attribute(a, "name");
            const char* id = attribute(a, "id");       // r:id
            const char* state = attribute(a, "state"); // "hidden" or "veryHidden"
            sheets.push_back({n ? n : "", id ? id : "", state && std::string_view(state) != "visible"});
        } else if (name == "workbookPr") {
            const char* d = attribute(a, "date1904");
            date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
        }
    }
    void end(std::string_view) override {}
};

struct shared_strings : xml_handler {
    std::vector<std::string> strings;
    std::uint64_t max_count;
    std::string cur;
    bool in_si = false, in_t = false;
    int phonetic = 0;
    explicit shared_strings(std::uint64_t cap) : max_count(cap) {}
    void start(std::string_view name, const XML_Char** a) override {
        if (name == "sst") {
            // The declared count only sizes the table when it is plausible for the part's size.
            const char* u = attribute(a, "uniqueCount");
            std::uint64_t n = 0;
            if (u && std::from_chars(u, u + std::char_traits<char>::length(u), n).ec == std::errc() &&
                n <= max_count)
                strings.reserve(static_cast<std::size_t>(n));
        } else if (name == "si") {
            in_si = true;
            cur.clear();
        } else if (name == "rPh") {
            ++phonetic; // phonetic guides (furigana) are not part of the text
        } else if (name == "t" && in_si && !phonetic) {
            in_t = true;
        }
    }
    void end(std::string_view name) override {
        if (name == "si") {
            strings.push_back(decode_xstring(cur));
            in_si = false;
        } else if (name == "rPh") {
            --phonetic;
        } else if (name == "t") {
            in_t = false;
        }
    }
    void text(const char* s, std::size_t n) override {
        if (in_t) cur.append(s, n);
    }
};

/// Which cell styles show numbers as dates or times (xl/styles.xml: cellXfs and numFmts).
struct styles : xml_handler {
    enum class kind : std::uint8_t { number, date, time, datetime };
    std::unordered_map<std::uint32_t, kind> custom;
    std::vector<kind> xf;
    bool in_cell_xfs = false;

    static kind builtin(std::uint32_t id) {
        // ECMA-376 Part 1, 18.8.30: built-in formats 14-17 dates, 18-21 times, 22 date and time,
        // 45-47 times; 27-36 and 50-58 are dates in East Asian locales.
        if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) ||
            (id >= 50 && id <= 58))
            return kind::date;
        if ((id >= 18 && id <= 21) || (id >= 32 && id <= 33) || (id >= 45 && id <= 47)) return kind::time;
        if (id == 22) return kind::datetime;
        return kind::number;
    }
    static kind classify(std::string_view code) {
        bool date = false, time = false, quoted = false;
        for (std::size_t i = 0; i < code.size(); ++i) {
            const char c = code[i];
            if (quoted) {
                quoted = c != '"';
                continue;
            }
            if (c == '"')
                quoted = true;
            else if (c == '\\' || c == '_' || c == '*')
                ++i; // an escaped or padding character
            else if (c == '[') {
                const auto close = code.find(']', i);
                if (close == std::string_view::npos) break;
                i = close; // colours, conditions, locales; elapsed [h] counts as a number
            } else if (c == ';')
                break; // the first section decides
            else {
                const char l = static_cast<char>(c | 0x20);
                if (l == 'y' || l == 'd')
                    date = true;
                else if (l == 'h' || l == 's')
                    time = true;
            }
        }
        if (date && time) return kind::datetime;
        if (date) return kind::date;
        if (time) return kind::time;
        return kind::number;
    }
    void start(std::string_view name, const XML_Char** a) override {
        if (name == "numFmt") {
            const char* id = attribute(a, "numFmtId");
            const char* code = attribute(a, "formatCode");
            std::uint32_t v = 0;
            if (id && code &&
                std::from_chars(id, id + std::char_traits<char>::length(id), v).ec == std::errc())
                custom[v] = classify(code);
        } else if (name == "cellXfs") {
            in_cell_xfs = true;
        } else if (name == "xf" && in_cell_xfs) {
            const char* id = attribute(a, "numFmtId");
            std::uint32_t v = 0;
            if (id) std::from_chars(id, id + std::char_traits<char>::length(id), v);
            auto it = custom.find(v);
            xf.push_back(it != custom.end() ? it->second : builtin(v));
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") in_cell_xfs = false;
    }
};

// Days from 1970-01-01 to a civil date and back (H. Hinnant, "chrono-compatible low-level date
// algorithms").
void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const auto doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
}

std::string two(unsigned v) { return {static_cast<char>('0' + v / 10), static_cast<char>('0' + v % 10)}; }

/// An Excel serial date as ISO 8601 text, or "" if it is out of Excel's range.
std::string excel_date(double serial, styles::kind k, bool date1904) {
    if (!(serial >= 0) || serial > 2958466) return {};
    auto days = static_cast<std::int64_t>(std::floor(serial));
    auto secs = static_cast<std::int64_t>(std::llround((serial - static_cast<double>(days)) * 86400.0));
    if (secs >= 86400) {
        ++days;
        secs -= 86400;
    }
    std::string date;
    if (k != styles::kind::time) {
        std::int64_t y;
        unsigned m, d;
        if (date1904) {
            civil_from_days(days - 24107, y, m, d); // 1904-01-01 is day -24107 from 1970-01-01
        } else if (days == 60) {
            y = 1900, m = 2, d = 29; // Excel keeps Lotus 1-2-3's 29 February 1900
        } else {
            civil_from_days(days - 25569 + (days < 60 ? 1 : 0), y, m, d); // 1899-12-30 is day -25569
        }
        date = std::to_string(y) + "-" + two(m) + "-" + two(d);
    }
    if (k == styles::kind::date) return date;
    const auto h = static_cast<unsigned>(secs / 3600), mi = static_cast<unsigned>(secs / 60 % 60),
               s = static_cast<unsigned>(secs % 60);
    const std::string time = two(h) + ":" + two(mi) + ":" + two(s);
    return k == styles::kind::time ? time : date + " " + time;
}

// ---- the sheet -----------------------------------------------------------------------------------

std::string cell_name(std::uint32_t row, std::uint32_t col) {
    std::string letters;
    for (std::uint32_t c = col + 1; c > 0; c = (c - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
    return letters + std::to_string(row + 1);
}

/// "B7" -> (row 6, column 1), both 0-based; false if it is not a cell reference within Excel's limits.
bool parse_ref(std::string_view ref, std::uint32_t& row, std::uint32_t& col) {
    std::size_t i = 0;
    std::uint64_t c = 0;
    while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 4)
        c = c * 26 + static_cast<std::uint64_t>(ref[i++] - 'A' + 1);
    std::uint64_t r = 0;
    const std::size_t digits = i;
    while (i < ref.size() && ref[i] >= '0' && ref[i] <= '9' && i - digits < 8)
        r = r * 10 + static_cast<std::uint64_t>(ref[i++] - '0');
    if (c == 0 || r == 0 || i != ref.size() || c > k_max_columns || r > k_max_rows) return false;
    row = static_cast<std::uint32_t>(r - 1);
    col = static_cast<std::uint32_t>(c - 1);
    return true;
}

struct cell {
    std::uint32_t row, col;
    std::string text;
};

struct merge {
    std::uint32_t r1, c1, r2, c2;
    std::string ref;
};

struct sheet_reader : xml_handler {
    std::string_view file;
    const std::vector<std::string>& strings;
    const styles& st;
    bool date1904;
    std::uint64_t max_cells;
    std::uint64_t text_budget;
    std::vector<cell> cells;
    std::vector<merge> merges;

    std::uint32_t row = 0, col = 0, last_row = 0;
    bool row_seen = false, cell_seen = false;
    std::string type, value, inline_text;
    std::uint32_t style = 0;
    bool in_v = false, in_is_t = false, in_is = false, has_formula = false, has_v = false;
    int phonetic = 0;

    sheet_reader(std::string_view f, const std::vector<std::string>& s, const styles& y, bool d1904,
                 std::uint64_t cells_cap, std::uint64_t bytes_cap)
        : file(f), strings(s), st(y), date1904(d1904), max_cells(cells_cap), text_budget(bytes_cap) {}

    [[noreturn]] void bad(const std::string& msg) { throw error(errc::parse, msg); }

    void start(std::string_view name, const XML_Char** a) override {
        if (name == "row") {
            const char* r = attribute(a, "r");
            std::uint64_t n = 0;
            if (r) {
                if (std::from_chars(r, r + std::char_traits<char>::length(r), n).ec != std::errc() ||
                    n == 0 || n > k_max_rows)
                    bad(std::string("row number '") + r + "' is outside Excel's 1.." +
                        std::to_string(k_max_rows));
                row = static_cast<std::uint32_t>(n - 1);
            } else {
                row = row_seen ? row + 1 : 0;
            }
            if (row_seen && row <= last_row)
                bad("row " + std::to_string(row + 1) + " comes after row " + std::to_string(last_row + 1) +
                    " (rows must be listed once each, in order)");
            row_seen = true;
            last_row = row;
            cell_seen = false;
        } else if (name == "c") {
            const char* r = attribute(a, "r");
            if (r) {
                std::uint32_t rr = 0, cc = 0;
                if (!parse_ref(r, rr, cc))
                    bad(std::string("cell reference '") + r +
                        "' is not a cell within Excel's limits (A1..XFD1048576)");
                if (rr != row) bad(std::string("cell ") + r + " is inside row " + std::to_string(row + 1));
                if (cell_seen && cc <= col)
                    bad(std::string("cell ") + r + " comes after " + cell_name(row, col));
                col = cc;
            } else {
                col = cell_seen ? col + 1 : 0;
                if (col >= k_max_columns)
                    bad("more than Excel's " + std::to_string(k_max_columns) + " columns in row " +
                        std::to_string(row + 1));
            }
            cell_seen = true;
            const char* t = attribute(a, "t");
            type = t ? t : "n";
            const char* s = attribute(a, "s");
            style = 0;
            if (s) std::from_chars(s, s + std::char_traits<char>::length(s), style);
            value.clear();
            inline_text.clear();
            has_formula = has_v = false;
        } else if (name == "v") {
            in_v = has_v = true;
        } else if (name == "f") {
            has_formula = true;
        } else if (name == "is") {
            in_is = true;
        } else if (name == "rPh") {
            ++phonetic;
        } else if (name == "t" && in_is && !phonetic) {
            in_is_t = true;
        } else if (name == "mergeCell") {
            const char* ref = attribute(a, "ref");
            std::string_view r = ref ? ref : "";
            const auto colon = r.find(':');
            if (merges.size() >= max_cells) bad("more merged ranges than the cell limit (xlsx_max_cells)");
            merge m{};
            m.ref = std::string(r);
            if (colon == std::string_view::npos || !parse_ref(r.substr(0, colon), m.r1, m.c1) ||
                !parse_ref(r.substr(colon + 1), m.r2, m.c2) || m.r2 < m.r1 || m.c2 < m.c1)
                bad("merged range '" + m.ref + "' is not a range like A1:C1");
            merges.push_back(std::move(m));
        } else if (name == "dimension") {
            // Only a refusal criterion: nothing is sized from it.
            const char* ref = attribute(a, "ref");
            std::string_view r = ref ? ref : "";
            const auto colon = r.find(':');
            std::uint32_t r1 = 0, c1 = 0, r2 = 0, c2 = 0;
            if (colon != std::string_view::npos && parse_ref(r.substr(0, colon), r1, c1) &&
                parse_ref(r.substr(colon + 1), r2, c2) && r2 >= r1 && c2 >= c1) {
                const std::uint64_t n = std::uint64_t(r2 - r1 + 1) * (c2 - c1 + 1);
                if (n > max_cells)
                    bad("the sheet declares the range " + std::string(r) + " (" + std::to_string(n) +
                        " cells), more than the limit of " + std::to_string(max_cells) +
                        " cells (read option xlsx_max_cells, CLI --xlsx-max-cells)");
            }
        }
    }
    void end(std::string_view name) override {
        if (name == "v") {
            in_v = false;
        } else if (name == "t") {
            in_is_t = false;
        } else if (name == "is") {
            in_is = false;
        } else if (name == "rPh") {
            --phonetic;
        } else if (name == "c") {
            finish_cell();
        }
    }
    void text(const char* s, std::size_t n) override {
        if (in_v)
            value.append(s, n);
        else if (in_is_t)
            inline_text.append(s, n);
        if (value.size() + inline_text.size() > text_budget)
            bad("a cell holds more text than the size limit (xlsx_max_bytes)");
    }

    void finish_cell() {
        const std::string where = cell_name(row, col);
        std::string out;
        if ((type == "s" || type == "b") && !has_v) return; // an empty cell that only carries a style
        if (type == "s") {
            std::uint64_t i = 0;
            if (std::from_chars(value.data(), value.data() + value.size(), i).ec != std::errc() ||
                i >= strings.size())
                bad("cell " + where + " refers to shared string " + value + ", but the workbook has " +
                    std::to_string(strings.size()));
            out = strings[static_cast<std::size_t>(i)];
        } else if (type == "inlineStr") {
            out = decode_xstring(inline_text);
        } else if (type == "str") {
            if (has_formula && !has_v)
                bad("cell " + where +
                    " holds a formula that was never calculated; open the workbook in Excel and save it");
            out = decode_xstring(value);
        } else if (type == "b") {
            if (value == "1")
                out = "TRUE";
            else if (value == "0")
                out = "FALSE";
            else
                bad("cell " + where + " is a boolean holding '" + value + "'");
        } else if (type == "e") {
            bad("cell " + where + " holds the spreadsheet error " + value + "; correct it in the sheet");
        } else if (type == "d") {
            out = value; // ISO 8601 already (strict SpreadsheetML)
        } else if (type == "n") {
            if (has_formula && !has_v)
                bad("cell " + where +
                    " holds a formula that was never calculated; open the workbook in Excel and save it");
            out = value;
            const auto k = style < st.xf.size() ? st.xf[style] : styles::kind::number;
            if (k != styles::kind::number && !value.empty()) {
                double serial = 0;
                const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), serial);
                if (ec != std::errc() || p != value.data() + value.size())
                    bad("cell " + where + " is a date holding '" + value + "', not a number");
                out = excel_date(serial, k, date1904);
                if (out.empty()) bad("cell " + where + " is a date " + value + " outside Excel's calendar");
            }
        } else {
            bad("cell " + where + " has the unknown type t=\"" + type + "\"");
        }
        if (out.empty()) return;
        if (cells.size() >= max_cells)
            bad("more than " + std::to_string(max_cells) +
                " cells hold values (read option xlsx_max_cells, CLI --xlsx-max-cells)");
        // The cells held in memory count against the byte limit too: their text and their slot.
        const std::uint64_t held = out.size() + sizeof(cell);
        if (held > text_budget) bad("the cells take more memory than the size limit (xlsx_max_bytes)");
        text_budget -= held;
        cells.push_back({row, col, std::move(out)});
    }
};

void put_csv_field(std::string& out, const std::string& f) {
    if (f.find_first_of(",\"\r\n") == std::string::npos &&
        (f.empty() || (f.front() != ' ' && f.back() != ' '))) {
        out += f;
        return;
    }
    out += '"';
    for (char c : f) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

} // namespace

std::string xlsx_to_csv(std::string_view bytes, std::string_view file, const xlsx_read_options& opt) {
    if (bytes.size() >= 8 && bytes.substr(0, 8) == std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
        refuse(
            file,
            "this is a legacy .xls workbook or a password-protected one (an OLE compound file), not .xlsx; "
            "save it from Excel as .xlsx without a password, or as CSV");
    archive zip(bytes, file, opt.max_bytes);

    // The workbook part, from the package relationships (ECMA-376 Part 2, 9.3).
    std::string wb_part = "xl/workbook.xml";
    if (zip.has("_rels/.rels")) {
        relationships pkg;
        parse_part(zip, "_rels/.rels", pkg, file);
        const auto t = pkg.of_type("/officeDocument");
        if (!t.empty()) wb_part = resolve("", t);
    }
    if (!zip.has(wb_part))
        refuse(file, "no workbook part ('" + wb_part +
                         "') in the zip container; is this an Excel .xlsx file? "
                         "(.xlsm, .xlsb and .ods are not read: save as .xlsx or CSV)");
    workbook wb;
    parse_part(zip, wb_part, wb, file);
    if (wb.sheets.empty()) refuse(file, "the workbook lists no sheets");
    const workbook::sheet* chosen = &wb.sheets.front();
    if (opt.sheet.empty() && chosen->hidden)
        throw error(errc::parse,
                    "the first sheet, '" + chosen->name +
                        "', is hidden; name the sheet to read (option sheet, CLI --sheet)",
                    source_location{std::string(file), 0, 0});
    if (!opt.sheet.empty()) {
        chosen = nullptr;
        for (const auto& s : wb.sheets)
            if (s.name == opt.sheet) chosen = &s;
        if (!chosen) {
            std::string names;
            for (const auto& s : wb.sheets) names += (names.empty() ? "'" : ", '") + s.name + "'";
            throw error(errc::not_found, "no sheet named '" + opt.sheet + "'; the workbook has " + names,
                        source_location{std::string(file), 0, 0});
        }
    }
    const std::string wb_dir = folder_of(wb_part);
    relationships rels;
    if (zip.has(rels_of(wb_part))) parse_part(zip, rels_of(wb_part), rels, file);
    const auto target = rels.target_of.find(chosen->rel_id);
    if (target == rels.target_of.end())
        refuse(file, "sheet '" + chosen->name + "' has no part in the workbook's relationships");
    const std::string sheet_part = resolve(wb_dir, target->second);

    shared_strings sst(opt.max_cells);
    if (auto t = rels.of_type("/sharedStrings"); !t.empty() && zip.has(resolve(wb_dir, t)))
        parse_part(zip, resolve(wb_dir, t), sst, file);
    styles sty;
    if (auto t = rels.of_type("/styles"); !t.empty() && zip.has(resolve(wb_dir, t)))
        parse_part(zip, resolve(wb_dir, t), sty, file);

    sheet_reader sr(file, sst.strings, sty, wb.date1904, opt.max_cells, opt.max_bytes);
    try {
        parse_part(zip, sheet_part, sr, file);
    } catch (const error& e) {
        throw error(e.code(), "sheet '" + chosen->name + "': " + e.detail(),
                    source_location{std::string(file), 0, 0});
    }
    if (sr.cells.empty()) refuse(file, "sheet '" + chosen->name + "' is empty");

    // Merged cells: a title merged across the top above the header is dropped (its row becomes
    // blank); any other merge would give one value to several columns or rows, and is refused.
    std::uint32_t min_col = k_max_columns, max_col = 0;
    for (const auto& c : sr.cells) min_col = std::min(min_col, c.col), max_col = std::max(max_col, c.col);
    std::set<std::uint32_t> blank_rows;
    if (!sr.merges.empty()) {
        std::map<std::uint32_t, std::size_t> per_row;
        for (const auto& c : sr.cells) ++per_row[c.row];
        auto values_in_row = [&](std::uint32_t r) {
            const auto it = per_row.find(r);
            return it == per_row.end() ? std::size_t{0} : it->second;
        };
        std::uint32_t first_table_row = k_max_rows;
        for (const auto& [r, n] : per_row)
            if (n > 1) {
                first_table_row = r;
                break;
            }
        for (const auto& m : sr.merges) {
            if (m.r1 == m.r2 && m.r1 < first_table_row && values_in_row(m.r1) <= 1) {
                blank_rows.insert(m.r1);
                continue;
            }
            throw error(
                errc::parse,
                "sheet '" + chosen->name + "': cells " + m.ref + " are merged (row " +
                    std::to_string(m.r1 + 1) + (m.r2 != m.r1 ? "-" + std::to_string(m.r2 + 1) : "") +
                    "), so one value would stand for several columns or rows; unmerge them and give each "
                    "column its own header (or save the sheet as CSV and check it)",
                source_location{std::string(file), m.r1 + 1, m.c1 + 1});
        }
    }

    const std::uint64_t rows = std::uint64_t(sr.cells.back().row) + 1, width = max_col - min_col + 1;
    if (rows * width > opt.max_cells)
        refuse(file, "sheet '" + chosen->name + "' spans " + std::to_string(rows) + " rows by " +
                         std::to_string(width) + " columns, more than the limit of " +
                         std::to_string(opt.max_cells) +
                         " cells (read option xlsx_max_cells, CLI --xlsx-max-cells)");
    // One CSV line per sheet row, from row 1, so a line number in an error is the sheet's row
    // (while no cell holds a line break); every line as wide as the widest row, as Excel's own
    // CSV export writes them.
    std::string out;
    std::size_t k = 0;
    for (std::uint32_t r = 0; r < rows; ++r) {
        const bool blank = blank_rows.count(r) > 0;
        if (k < sr.cells.size() && sr.cells[k].row == r && !blank) {
            for (std::uint32_t c = min_col; c <= max_col; ++c) {
                if (c > min_col) out += ',';
                if (k < sr.cells.size() && sr.cells[k].row == r && sr.cells[k].col == c)
                    put_csv_field(out, sr.cells[k++].text);
            }
        }
        while (k < sr.cells.size() && sr.cells[k].row == r) ++k;
        out += "\r\n";
        if (out.size() > opt.max_bytes)
            refuse(file, "the sheet as CSV exceeds the size limit of " + std::to_string(opt.max_bytes) +
                             " bytes (read option xlsx_max_bytes, CLI --xlsx-max-bytes)");
    }
    return out;
}

profile read_xlsx(std::string_view bytes, std::string_view name, const read_options& opt,
                  read_report& report) {
    if (opt.csv.delimiter != '\0' && opt.csv.delimiter != ',')
        throw error(
            errc::invalid,
            "the CSV delimiter option does not apply to an .xlsx workbook (its cells are already separate)");
    if (opt.csv.encoding != "utf-8" && !opt.csv.encoding.empty())
        throw error(errc::invalid,
                    "the CSV encoding option does not apply to an .xlsx workbook (its text is UTF-8 XML)");
    const std::string text = xlsx_to_csv(bytes, name, opt.xlsx);
    read_options as_csv = opt; // the sheet as RFC 4180 text: comma-separated, whatever its cells hold
    as_csv.csv.delimiter = ',';
    return read_csv(text, name, as_csv, report);
}

} // namespace detail
} // namespace v0
} // namespace accord
