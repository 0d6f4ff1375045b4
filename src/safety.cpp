// The defences every front door shares: bounded JSON, short excerpts, exception mapping, thread
// start failures, the memory budget, atomic file writes and a GMP allocator that throws
// (accord/detail/safety.hpp, docs/limits.md).
#include "accord/detail/safety.hpp"

#include <algorithm>
#include <gmp.h>

#include <atomic>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <new>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

#include <sys/stat.h>
#include <unistd.h>

// GMP's own allocators, exported by libgmp; weak so that a GMP without them still links (the
// throwing allocator is then installed only if nothing else was).
extern "C" {
// NOLINTNEXTLINE(bugprone-reserved-identifier): GMP's own exported name, declared, not defined.
void* __gmp_default_allocate(size_t) __attribute__((weak));
}

namespace accord {
inline namespace v0 {
namespace detail {

namespace {

/// Bytes that start a valid UTF-8 sequence of `len` bytes at s[i], or 0.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) return 1;
    if ((c & 0xE0) == 0xC0)
        len = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0)
        len = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0)
        len = 4, cp = c & 0x07;
    else
        return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

} // namespace

std::string text_excerpt(std::string_view text, std::size_t max_chars) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size() && out.size() < max_chars) {
        const std::size_t len = utf8_sequence(text, i);
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (len == 0 || (len == 1 && (c < 0x20 || c == 0x7F))) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
            ++i;
            continue;
        }
        if (len >= 2) {
            // Bidirectional controls and invisible characters are shown as \uXXXX, so a quote
            // cannot reorder or hide the message around it.
            std::uint32_t cp = len == 2 ? ((c & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F)
                               : len == 3 ? ((c & 0x0F) << 12) |
                                                ((static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
                                                (static_cast<unsigned char>(text[i + 2]) & 0x3F)
                                          : 0x10000;
            if ((cp >= 0x80 && cp <= 0x9F) || cp == 0xAD || cp == 0x200B || (cp >= 0x202A && cp <= 0x202E) ||
                (cp >= 0x2060 && cp <= 0x2069) || cp == 0xFEFF) {
                char buf[12];
                std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
                out += buf;
                i += len;
                continue;
            }
        }
        out.append(text.substr(i, len));
        i += len;
    }
    if (i < text.size()) out += "...";
    return out;
}

namespace {
// -1: not set (read the environment), else a hidden_characters value.
std::atomic<int> g_hidden_policy{-1};
// The distinct names accepted with such characters (a reader and then the profile check the
// same name: it counts once).
std::mutex g_hidden_mutex;
std::set<std::string, std::less<>> g_hidden_names;
} // namespace

void set_hidden_characters(hidden_characters policy) { g_hidden_policy.store(static_cast<int>(policy)); }
void reset_hidden_characters() { g_hidden_policy.store(-1); }

hidden_characters hidden_characters_policy() {
    const int set = g_hidden_policy.load();
    if (set >= 0) return static_cast<hidden_characters>(set);
    const char* env = std::getenv("ACCORD_HIDDEN_CHARACTERS");
    return env && std::string_view(env) == "allow" ? hidden_characters::allow : hidden_characters::refuse;
}

std::uint64_t hidden_names_accepted() {
    const std::lock_guard<std::mutex> lock(g_hidden_mutex);
    return g_hidden_names.size();
}

std::optional<name_problem> check_name_text(std::string_view s) {
    char buf[64];
    bool hidden_seen = false;
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t len = utf8_sequence(s, i);
        if (len == 0)
            return name_problem{i, "is not valid UTF-8 (byte " + std::to_string(i + 1) +
                                       "); expected UTF-8 text"};
        const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
        std::uint32_t cp = b(0);
        if (len == 2)
            cp = ((cp & 0x1F) << 6) | (b(1) & 0x3F);
        else if (len == 3)
            cp = ((cp & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
        else if (len == 4)
            cp = ((cp & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
        if ((cp < 0x20 && cp != '\t') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
            return name_problem{i, "contains a control character; expected printable text"};
        const bool bidi = (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
        const bool invisible = cp == 0x200B || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF || cp == 0xAD;
        if ((bidi || invisible) && hidden_characters_policy() == hidden_characters::allow) {
            hidden_seen = true; // allowed: counted once per name, for the caller's warning
            i += len;
            continue;
        }
        if (bidi) {
            std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
            return name_problem{i, std::string("contains the bidirectional control ") + buf +
                                       ", which displays text in another order than it is stored (allow "
                                       "with $ACCORD_HIDDEN_CHARACTERS=allow)"};
        }
        if (invisible) {
            std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
            return name_problem{i, std::string("contains the invisible character ") + buf +
                                       ", which makes distinct names look alike (allow with "
                                       "$ACCORD_HIDDEN_CHARACTERS=allow)"};
        }
        i += len;
    }
    if (hidden_seen) {
        const std::lock_guard<std::mutex> lock(g_hidden_mutex);
        if (g_hidden_names.find(s) == g_hidden_names.end()) g_hidden_names.emplace(s);
    }
    return std::nullopt;
}

void check_name(std::string_view name, const std::string& what) {
    if (auto p = check_name_text(name))
        throw error(errc::invalid, what + " '" + text_excerpt(name) + "' " + p->reason);
}

std::string json_error_text(const std::exception& e) {
    std::string_view m = e.what();
    if (m.rfind("[json.exception.", 0) == 0) {
        const auto close = m.find("] ");
        if (close != std::string_view::npos) m.remove_prefix(close + 2);
    }
    return text_excerpt(m, 100);
}

namespace {
/// `where` moved to byte i of `text` when it names a line (the text starts at that line):
/// the line and column of that byte, so a file's error points at it.
source_location at_byte(std::string_view text, const source_location& where, std::size_t i) {
    if (where.line == 0) return where;
    const auto head = text.substr(0, i);
    const auto nl = head.rfind('\n');
    return {where.file, where.line + static_cast<std::size_t>(std::count(head.begin(), head.end(), '\n')),
            nl == std::string_view::npos ? where.column + i : i - nl};
}
} // namespace

void check_json_depth(std::string_view text, const std::string& what, errc code,
                      const source_location& where) {
    // Nesting is measured before parsing: nlohmann's parser is iterative, but dump() and every
    // walk over the value recurse once per level.
    std::size_t depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"')
            in_string = true;
        else if (c == '[' || c == '{') {
            if (++depth > k_max_json_depth)
                throw error(code,
                            what + " nests arrays and objects deeper than " +
                                std::to_string(k_max_json_depth) + " levels (at byte " +
                                std::to_string(i + 1) + ")",
                            at_byte(text, where, i));
        } else if ((c == ']' || c == '}') && depth > 0)
            --depth;
    }
}

std::string json_excerpt(const nlohmann::json& v, std::size_t max_chars) {
    if (v.is_array())
        return "an array of " + std::to_string(v.size()) + (v.size() == 1 ? " value" : " values");
    if (v.is_object())
        return "an object with " + std::to_string(v.size()) + (v.size() == 1 ? " key" : " keys");
    if (v.is_string()) {
        const auto& s = v.get_ref<const std::string&>();
        return '"' + text_excerpt(s, max_chars) + '"';
    }
    return text_excerpt(v.dump(), max_chars); // numbers, booleans, null
}

std::pair<errc, std::string> describe_exception(std::exception_ptr ep) noexcept {
    try {
        try {
            std::rethrow_exception(std::move(ep));
        } catch (const error& e) {
            return {e.code(), e.what()};
        } catch (const std::bad_alloc&) {
            return {errc::nomem, "out of memory (the input needs more memory than the process may use)"};
        } catch (const std::length_error&) {
            return {errc::nomem, "out of memory: a size derived from the input is too large to allocate"};
        } catch (const nlohmann::json::type_error& e) {
            if (e.id == 316) return {errc::invalid, "output holds text that is not valid UTF-8"};
            return {errc::invalid, "JSON value of the wrong type: " + json_error_text(e)};
        } catch (const nlohmann::json::exception& e) {
            return {errc::invalid, "JSON: " + json_error_text(e)};
        } catch (const std::overflow_error& e) {
            // Boost.Multiprecision reports a zero divisor as overflow_error("Division by zero.").
            if (std::string_view(e.what()).find("ivision by zero") != std::string_view::npos)
                return {errc::invalid, "arithmetic on the input divides by zero (an option or count is zero "
                                       "or out of range)"};
            return {errc::overflow, "a number is too large: " + text_excerpt(e.what(), 120)};
        } catch (const std::system_error& e) {
            return {errc::error, "system error: " + text_excerpt(e.what(), 160)};
        } catch (const std::exception& e) {
            return {errc::error, "internal error: " + text_excerpt(e.what(), 160)};
        } catch (...) {
            return {errc::error, "unknown internal error"};
        }
    } catch (...) {
        return {errc::nomem, "out of memory"};
    }
}

namespace {
std::atomic<long> g_thread_starts_left{-1};
} // namespace

void fail_thread_starts_after(long n) { g_thread_starts_left.store(n); }

bool start_thread(std::vector<std::thread>& pool, std::function<void()> f) {
    long left = g_thread_starts_left.load();
    while (left >= 0) {
        if (left == 0) return false;
        if (g_thread_starts_left.compare_exchange_weak(left, left - 1)) break;
    }
    try {
        pool.reserve(pool.size() + 1);
        pool.emplace_back(std::move(f));
        return true;
    } catch (const std::system_error&) {
        return false;
    } catch (const std::bad_alloc&) {
        return false;
    }
}

namespace {
std::atomic<std::uint64_t> g_budget{0};

std::uint64_t parse_bytes(const char* s) {
    if (!s || !*s) return 0;
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(s, &end);
    if (errno || end == s || !(v > 0)) return 0;
    double mult = 1;
    switch (*end) {
    case 'k':
    case 'K':
        mult = 1024.0;
        ++end;
        break;
    case 'm':
    case 'M':
        mult = 1024.0 * 1024;
        ++end;
        break;
    case 'g':
    case 'G':
        mult = 1024.0 * 1024 * 1024;
        ++end;
        break;
    case 't':
    case 'T':
        mult = 1024.0 * 1024 * 1024 * 1024;
        ++end;
        break;
    default:
        break;
    }
    if (*end == 'i' || *end == 'I') ++end;
    if (*end == 'b' || *end == 'B') ++end;
    if (*end) return 0;
    const double bytes = v * mult;
    return bytes >= 1.8e19 ? UINT64_MAX : static_cast<std::uint64_t>(bytes);
}
} // namespace

std::uint64_t parse_byte_size(const char* text) { return parse_bytes(text); }

std::uint64_t memory_budget() {
    if (const auto b = g_budget.load()) return b;
    if (const auto env = parse_bytes(std::getenv("ACCORD_MAX_MEMORY"))) return env;
    return std::uint64_t{4} << 30;
}

void set_memory_budget(std::uint64_t bytes) { g_budget.store(bytes); }

std::string format_bytes(long double bytes) {
    const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
    int u = 0;
    while (bytes >= 1024 && u < 6) bytes /= 1024, ++u;
    char buf[64];
    if (u == 0)
        std::snprintf(buf, sizeof buf, "%.0Lf bytes", bytes);
    else if (bytes >= 1e6L)
        std::snprintf(buf, sizeof buf, "%.3Le %s", bytes, units[u]);
    else if (bytes < 10)
        std::snprintf(buf, sizeof buf, "%.2Lf %s", bytes, units[u]);
    else
        std::snprintf(buf, sizeof buf, "%.1Lf %s", bytes, units[u]);
    return buf;
}

void check_memory(long double need_bytes, const std::string& what, std::uint64_t budget) {
    const std::uint64_t limit = budget ? budget : memory_budget();
    if (need_bytes <= static_cast<long double>(limit)) return;
    throw error(errc::nomem, what + " needs about " + format_bytes(need_bytes) +
                                 " of memory, above the memory budget of " +
                                 format_bytes(static_cast<long double>(limit)) +
                                 " (raise the budget with $ACCORD_MAX_MEMORY, the CLI's --max-memory or "
                                 "accord_set_memory_budget())");
}

void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path target(path);
    // A symbolic link is followed, so the file it names is replaced, not the link.
    if (fs::is_symlink(target, ec)) {
        const auto resolved = fs::canonical(target, ec);
        if (!ec) target = resolved;
    }
    const auto st = fs::status(target, ec);
    if (fs::exists(st) && !fs::is_regular_file(st)) {
        // A device or pipe (/dev/stdout, a FIFO) cannot be replaced: write straight to it.
        std::ofstream out(target, std::ios::binary);
        if (!out) throw error(errc::io, "cannot open " + path + " for writing: " + std::strerror(errno));
        write(out);
        out.flush();
        if (!out) throw error(errc::io, "cannot write " + path);
        return;
    }
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string base(1, '.');
    base.append(target.filename().string()).append(".accord-XXXXXX");
    std::string tmpl = (dir / base).string();
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) throw error(errc::io, "cannot write " + path + ": " + std::strerror(errno));
    ::close(fd);
    const fs::path tmp(name.data());
    struct remover {
        fs::path p;
        bool armed = true;
        ~remover() {
            std::error_code e;
            if (armed) fs::remove(p, e);
        }
    } guard{tmp};
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw error(errc::io, "cannot write " + path + ": " + std::strerror(errno));
        write(out);
        out.flush();
        if (!out) throw error(errc::io, "cannot write " + path + " (disk full?)");
    }
    // Permissions: those of the file being replaced, else what a new file would get (umask).
    mode_t mode = 0666;
    if (fs::exists(st))
        mode = static_cast<mode_t>(st.permissions()) & 07777;
    else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode &= ~mask;
    }
    ::chmod(tmp.c_str(), mode);
    fs::rename(tmp, target, ec);
    if (ec) throw error(errc::io, "cannot write " + path + ": " + ec.message());
    guard.armed = false;
}

namespace {
// Test hook (docs/c-api.md, "Out of memory"): with $ACCORD_TEST_GMP_FAIL_ABOVE=N set when the
// library loads, every GMP allocation of more than N bytes fails as if memory had run out, so
// the tests can show, end to end through the C API, that GMP running out of memory is a status
// and not an abort. Read once, before any number is made; 0 (unset) = never.
const std::size_t g_gmp_fail_above = [] {
    const char* v = std::getenv("ACCORD_TEST_GMP_FAIL_ABOVE");
    return v && *v ? static_cast<std::size_t>(std::strtoull(v, nullptr, 10)) : std::size_t{0};
}();

void* throwing_allocate(size_t n) {
    if (g_gmp_fail_above != 0 && n > g_gmp_fail_above) throw std::bad_alloc();
    if (void* p = std::malloc(n)) return p;
    throw std::bad_alloc();
}
void* throwing_reallocate(void* p, size_t, size_t n) {
    if (g_gmp_fail_above != 0 && n > g_gmp_fail_above) throw std::bad_alloc(); // p stays valid
    if (void* q = std::realloc(p, n)) return q;
    throw std::bad_alloc(); // p is still valid and still owned by GMP's caller
}
void plain_free(void* p, size_t) { std::free(p); }
} // namespace

void install_gmp_allocator() noexcept {
    static std::once_flag once;
    std::call_once(once, [] {
        void* (*alloc)(size_t) = nullptr;
        void* (*realloc_fn)(void*, size_t, size_t) = nullptr;
        void (*free_fn)(void*, size_t) = nullptr;
        mp_get_memory_functions(&alloc, &realloc_fn, &free_fn);
        // A host that installed its own functions keeps them.
        if (&__gmp_default_allocate != nullptr && alloc != &__gmp_default_allocate) return;
        mp_set_memory_functions(throwing_allocate, throwing_reallocate, plain_free);
    });
}

namespace {
// Installed when the library loads, before any number is made.
const int g_gmp_installed = (install_gmp_allocator(), 0);
} // namespace

} // namespace detail
} // namespace v0
} // namespace accord
