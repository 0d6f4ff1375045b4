// C API: version queries and the thread-local last error.
#include "accord/accord.h"

#include "c_api_internal.hpp"

#include <string>

namespace accord::c_api {
thread_local std::string last_error;
}

extern "C" {

unsigned accord_version_number(void) { return ACCORD_VERSION_NUMBER; }

const char* accord_version_string(void) { return "0.2.0"; }

const char* accord_last_error(void) { return accord::c_api::last_error.c_str(); }

} // extern "C"
