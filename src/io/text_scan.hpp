// Internal: small line/number scanning helpers shared by the PrefLib, BLT and Debian readers.
//
// Readers work on the whole text as a string_view: no iostreams, no regex, numbers through
// std::from_chars. Every error carries the file name, the 1-based line and column.
#pragma once

#include "accord/detail/safety.hpp"
#include "accord/error.hpp"
#include "accord/io/read.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {

/// Splits text into lines; handles LF and CRLF, a missing final newline, and a DOS end-of-file
/// mark (0x1A) at the very end, as old Tideman/Hill files carry.
class line_reader {
  public:
    explicit line_reader(std::string_view text) : text_(text) {
        while (!text_.empty() && (text_.back() == '\x1a')) text_.remove_suffix(1);
    }
    /// Next line without its terminator; false at the end.
    bool next(std::string_view& line) {
        if (pos_ >= text_.size()) return false;
        auto nl = text_.find('\n', pos_);
        if (nl == std::string_view::npos) nl = text_.size();
        line = text_.substr(pos_, nl - pos_);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        pos_ = nl + 1;
        ++number_;
        return true;
    }
    std::size_t line_number() const noexcept { return number_; }

  private:
    std::string_view text_;
    std::size_t pos_ = 0;
    std::size_t number_ = 0;
};

inline bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

inline std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

inline bool is_blank(std::string_view s) noexcept { return trim(s).empty(); }

inline bool all_digits(std::string_view s) noexcept {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

/// A parse error at a place in a named input.
[[noreturn]] inline void fail(errc code, std::string_view file, std::size_t line, std::size_t column,
                              const std::string& message) {
    throw error(code, message, source_location{std::string(file), line, column});
}

/// Quotes a token for a message, cutting very long ones so a message stays one readable line.
inline std::string quoted(std::string_view s) {
    constexpr std::size_t k_max = 40;
    std::string out = "'";
    if (s.size() > k_max) {
        out.append(s.substr(0, k_max));
        out += "...";
    } else {
        out.append(s);
    }
    for (auto& c : out)
        if (static_cast<unsigned char>(c) < 0x20) c = '?';
    return out + "'";
}

enum class count_status { ok, not_a_number, overflow };

/// Parses an unsigned decimal multiplicity that must fit in int64 (the profile's limit, 2^63-1).
inline count_status parse_count(std::string_view s, std::uint64_t& out) noexcept {
    if (!all_digits(s)) return count_status::not_a_number;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (ec == std::errc::result_out_of_range) return count_status::overflow;
    if (ec != std::errc() || p != s.data() + s.size()) return count_status::not_a_number;
    if (out > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return count_status::overflow;
    return count_status::ok;
}

/// Parses a small positive index (candidate number, rank); false if not digits or too large.
inline bool parse_index(std::string_view s, std::uint32_t& out) noexcept {
    if (!all_digits(s)) return false;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

/// Offset of the first byte that is not part of well-formed UTF-8 (RFC 3629: no overlongs, no
/// surrogates, nothing above U+10FFFF), or npos if the text is valid.
inline std::size_t invalid_utf8_at(std::string_view s) noexcept {
    const auto* b = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned c = b[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF)
            len = 2;
        else if (c == 0xE0) {
            len = 3;
            lo = 0xA0;
        } else if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF)
            len = 3;
        else if (c == 0xED) {
            len = 3;
            hi = 0x9F;
        } else if (c == 0xF0) {
            len = 4;
            lo = 0x90;
        } else if (c >= 0xF1 && c <= 0xF3)
            len = 4;
        else if (c == 0xF4) {
            len = 4;
            hi = 0x8F;
        } else
            return i;
        if (i + len > n) return i;
        if (b[i + 1] < lo || b[i + 1] > hi) return i;
        for (std::size_t k = 2; k < len; ++k)
            if (b[i + k] < 0x80 || b[i + k] > 0xBF) return i;
        i += len;
    }
    return std::string_view::npos;
}

/// Throws errc::parse if `name` (found at line/column) is not valid UTF-8 or holds control bytes.
inline void check_name_text(std::string_view name, std::string_view file, std::size_t line,
                            std::size_t column, const char* what) {
    // The one name policy of every reader and API (accord/detail/safety.hpp).
    if (auto p = detail::check_name_text(name))
        fail(errc::parse, file, line, column + p->offset, std::string(what) + " " + p->reason);
}

/// Latin-1 bytes to UTF-8, for legacy files whose names are not UTF-8 (see the Debian reader).
inline std::string latin1_to_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (unsigned char c : s) {
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

/// "Seen in this ballot" flags for candidates, cleared in O(1) per ballot by bumping a
/// generation number, so many ballots over many candidates stay linear in the input size.
class seen_set {
  public:
    void resize(std::size_t n) {
        if (stamp_.size() != n) {
            stamp_.assign(n, 0);
            gen_ = 0;
        }
    }
    void clear() {
        if (++gen_ == 0) {
            std::fill(stamp_.begin(), stamp_.end(), 0u);
            gen_ = 1;
        }
    }
    bool contains(std::size_t c) const { return stamp_[c] == gen_; }
    /// Marks c; returns true if it was already marked since the last clear().
    bool insert_seen(std::size_t c) {
        if (stamp_[c] == gen_) return true;
        stamp_[c] = gen_;
        return false;
    }

  private:
    std::vector<std::uint32_t> stamp_;
    std::uint32_t gen_ = 0;
};

/// Records a skipped ballot line (lenient mode).
inline void skip_line(read_report& report, std::size_t line, std::string reason) {
    report.skipped.push_back(skipped_ballot{line, std::move(reason)});
}

} // namespace detail
} // namespace v0
} // namespace accord
