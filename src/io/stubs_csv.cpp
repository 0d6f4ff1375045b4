// Temporary stubs for the CSV and CDF readers; replaced by src/io/csv.cpp and src/io/cdf_json.cpp.
#include "formats.hpp"

namespace accord {
inline namespace v0 {
namespace detail {
namespace {
[[noreturn]] void not_yet(const char* what) {
    throw error(errc::unsupported, std::string(what) + " is not implemented yet");
}
} // namespace

profile read_cdf_json(std::string_view, std::string_view, const read_options&, read_report&) { not_yet("CDF JSON reader"); }
} // namespace detail
} // namespace v0
} // namespace accord
