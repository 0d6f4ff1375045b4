// accord/error.hpp: the one exception type of the C++ API and its error codes.
//
// The numeric values of accord::errc are the C API's accord_status values (accord.h); they are
// frozen once released, so the C shim maps an exception to a status mechanically.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

namespace accord {
inline namespace v0 {

/// Error codes shared with the C API (ACCORD_OK, ACCORD_ERROR, ...). Never renumber.
enum class errc : int {
    ok = 0,
    error = -1,          ///< unspecified internal failure
    invalid = -2,        ///< an argument or option is invalid (bad value, wrong type, unknown option)
    not_found = -3,      ///< unknown method, candidate, unit or file
    nomem = -4,          ///< allocation failed
    parse = -5,          ///< malformed input file or string; file/line/column say where
    io = -6,             ///< the file could not be opened or read
    overflow = -7,       ///< a count or weight does not fit the exact type that holds it
    unresolved_tie = -8, ///< a tie had to be broken and the policy is "report"
    cancelled = -9,      ///< a progress callback asked to stop
    unsupported = -10,   ///< the method does not accept this kind of ballot or option
};

/// Short stable name of a code ("invalid", "parse", ...).
constexpr const char* errc_name(errc code) noexcept {
    switch (code) {
    case errc::ok:
        return "ok";
    case errc::error:
        return "error";
    case errc::invalid:
        return "invalid";
    case errc::not_found:
        return "not_found";
    case errc::nomem:
        return "nomem";
    case errc::parse:
        return "parse";
    case errc::io:
        return "io";
    case errc::overflow:
        return "overflow";
    case errc::unresolved_tie:
        return "unresolved_tie";
    case errc::cancelled:
        return "cancelled";
    case errc::unsupported:
        return "unsupported";
    }
    return "error";
}

/// Where in an input a problem was found. line and column are 1-based; 0 means "not known".
struct source_location {
    std::string file;
    std::size_t line = 0;
    std::size_t column = 0;
};

/// The exception thrown by every accord function. what() is a complete one-line message that
/// already names the file, line and column when they are known.
class error : public std::runtime_error {
  public:
    error(errc code, const std::string& message)
        : std::runtime_error(message), code_(code), detail_(message) {}
    error(errc code, const std::string& message, source_location where)
        : std::runtime_error(format(message, where)), code_(code), detail_(message),
          where_(std::move(where)) {}

    errc code() const noexcept { return code_; }
    /// The message without the location prefix.
    const std::string& detail() const noexcept { return detail_; }
    const source_location& where() const noexcept { return where_; }

  private:
    static std::string format(const std::string& message, const source_location& w) {
        std::string out = w.file.empty() ? std::string("<input>") : w.file;
        if (w.line) {
            out += ':' + std::to_string(w.line);
            if (w.column) out += ':' + std::to_string(w.column);
        }
        return out + ": " + message;
    }
    errc code_;
    std::string detail_;
    source_location where_;
};

} // namespace v0
} // namespace accord
