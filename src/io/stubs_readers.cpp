// Temporary stubs for the readers not yet written; each is replaced by src/io/<format>.cpp.
// Helpers: delete the stub of a function when you implement it.
#include "formats.hpp"

namespace accord {
inline namespace v0 {
namespace detail {
namespace {
[[noreturn]] void not_yet(const char* what) {
    throw error(errc::unsupported, std::string(what) + " is not implemented yet");
}
} // namespace

profile read_preflib(std::string_view, std::string_view, file_format, const read_options&, read_report&) { not_yet("PrefLib reader"); }
profile read_blt(std::string_view, std::string_view, const read_options&, read_report&) { not_yet("BLT reader"); }
profile read_debian(std::string_view, std::string_view, const read_options&, read_report&) { not_yet("Debian reader"); }
void write_preflib(std::ostream&, const profile&, file_format) { not_yet("PrefLib writer"); }
void write_blt(std::ostream&, const profile&) { not_yet("BLT writer"); }
void write_debian(std::ostream&, const profile&) { not_yet("Debian writer"); }
} // namespace detail
} // namespace v0
} // namespace accord
