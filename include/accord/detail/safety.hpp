// accord/detail/safety.hpp: the defences every front door shares (docs/limits.md).
//
// - parse_json: JSON from outside (files, options, C API arguments) with a nesting limit, so no
//   later recursive walk or dump can exhaust the stack, and errors without nlohmann's internals.
// - json_excerpt / text_excerpt: what an error message may quote of the user's input (a short
//   excerpt, never the whole value).
// - describe_exception: one mapping from any exception to an accord code and a message that
//   names the problem (never "std::bad_alloc", "vector::reserve" or "Division by zero.").
// - start_thread: thread creation that reports failure instead of unwinding past joinable threads.
// - memory budget: an estimate checked before a big allocation, refused naming the option.
// - write_file_atomically: outputs go to a temporary file beside the target, then rename.
#pragma once

#include "accord/error.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <iosfwd>
#include <optional>
#include <exception>
#include <functional>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {

/// Deepest nesting of arrays and objects accepted in any JSON input.
constexpr std::size_t k_max_json_depth = 64;

/// Refuses JSON text nesting arrays and objects deeper than k_max_json_depth (errc `code`,
/// message starting with `what`), before any parser or walk recurses on it.
void check_json_depth(std::string_view text, const std::string& what, errc code = errc::invalid,
                      const source_location& where = {});

/// The message of a nlohmann exception without its "[json.exception.x.n] " prefix, shortened.
std::string json_error_text(const std::exception& e);

/// Parses JSON from outside. Malformed text, or nesting deeper than k_max_json_depth, is an
/// accord::error with `code` whose message starts with `what` and quotes no more than an excerpt.
template <class Json = nlohmann::json>
Json parse_json(std::string_view text, const std::string& what, errc code = errc::invalid,
                const source_location& where = {}) {
    check_json_depth(text, what, code, where);
    try {
        return Json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw error(code, what + " is not valid JSON: " + json_error_text(e), where);
    }
}

/// At most `max_chars` characters that show a JSON value in an error message: scalars as JSON
/// (long strings and numbers cut with "..."), containers as "an array of N values" / "an object
/// with N keys". Never recursive.
std::string json_excerpt(const nlohmann::json& v, std::size_t max_chars = 40);

/// At most `max_chars` bytes of `text` for an error message: control characters and invalid
/// UTF-8 shown as \xNN, and "..." when cut.
std::string text_excerpt(std::string_view text, std::size_t max_chars = 40);

/// The name policy (docs/formats.md, "Names"), one function for every reader and API: a name
/// must be valid UTF-8 without control characters (C0 but tab, DEL, C1), without bidirectional
/// overrides or isolates (U+202A-202E, U+2066-2069, which make text display in an order other
/// than its bytes) and without invisible characters that make distinct names look alike
/// (U+200B, U+2060-2064, U+FEFF, U+00AD). Returns the byte offset and the reason of the first
/// problem, or nothing.
struct name_problem {
    std::size_t offset;
    std::string reason;
};
std::optional<name_problem> check_name_text(std::string_view name);

/// Bidirectional controls and invisible characters in names: refused (the default), or allowed
/// and counted, so the caller can warn (docs/formats.md, "Names"). Control characters and
/// invalid UTF-8 are refused either way. Process-wide: set_hidden_characters(), else
/// $ACCORD_HIDDEN_CHARACTERS ("allow" or "refuse"), else refuse.
enum class hidden_characters : std::uint8_t { refuse = 0, allow = 1 };
void set_hidden_characters(hidden_characters policy);
/// Back to the default ($ACCORD_HIDDEN_CHARACTERS, else refuse).
void reset_hidden_characters();
hidden_characters hidden_characters_policy();
/// How many distinct names holding such characters were accepted under "allow" since the
/// process began.
std::uint64_t hidden_names_accepted();
/// Throws errc::invalid "<what> <excerpt>: <reason>" when the name breaks the policy.
void check_name(std::string_view name, const std::string& what);

/// Any exception as an accord code and a one-line message naming the problem.
std::pair<errc, std::string> describe_exception(std::exception_ptr e) noexcept;

/// Starts a thread running f. Returns false (and starts nothing) when the system refuses one
/// (a process or thread limit), so callers carry on with the threads they have.
bool start_thread(std::vector<std::thread>& pool, std::function<void()> f);

/// Test hook: after this many more successful start_thread calls, the next ones fail (-1: never).
void fail_thread_starts_after(long n);

/// The memory budget in bytes for the big algorithms (pairwise matrices, Kemeny, grids): from
/// set_memory_budget(), else $ACCORD_MAX_MEMORY (bytes, or with a K/M/G/T suffix), else 4 GiB.
std::uint64_t memory_budget();
/// "4294967296", "512M", "4G", "1.5GiB" as bytes; 0 if the text is not such a size.
std::uint64_t parse_byte_size(const char* text);
/// Sets the process-wide budget (0 restores the default).
void set_memory_budget(std::uint64_t bytes);
/// Throws errc::nomem "<what> needs about N of memory, above the memory budget of M (raise the
/// budget with $ACCORD_MAX_MEMORY, ...)" when need_bytes exceeds the budget
/// (`budget` if non-zero, else memory_budget()).
void check_memory(long double need_bytes, const std::string& what, std::uint64_t budget = 0);
/// Bytes in human units ("1.2 GiB").
std::string format_bytes(long double bytes);

/// Writes a file so that a failure leaves any existing file untouched: `write` fills a temporary
/// file in the target's folder, which then replaces the target. The temporary file is removed on
/// failure. errc::io names the path.
void write_file_atomically(const std::string& path, const std::function<void(std::ostream&)>& write);

/// Installs GMP memory functions that throw std::bad_alloc instead of aborting the process, unless
/// the host already installed its own. Called once when the library loads; idempotent.
void install_gmp_allocator() noexcept;

} // namespace detail
} // namespace v0
} // namespace accord
