// C API: version queries and the thread-local last error.
#include "accord/accord.h"

#include "c_api_internal.hpp"

#include <string>

namespace accord::c_api {
thread_local std::string last_error;
}

extern "C" {

unsigned accord_version_number(void) { return ACCORD_VERSION_NUMBER; }

#define ACCORD_STR_(x) #x
#define ACCORD_STR(x) ACCORD_STR_(x)
// From the header's numbers, so the string can never disagree with accord_version_number().
const char* accord_version_string(void) {
    return ACCORD_STR(ACCORD_VERSION_MAJOR) "." ACCORD_STR(ACCORD_VERSION_MINOR) "." ACCORD_STR(
        ACCORD_VERSION_PATCH);
}

const char* accord_last_error(void) { return accord::c_api::last_error.c_str(); }

void accord_set_memory_budget(uint64_t bytes) { accord::detail::set_memory_budget(bytes); }

uint64_t accord_memory_budget(void) { return accord::detail::memory_budget(); }

void accord_set_hidden_characters(int allow) {
    accord::detail::set_hidden_characters(allow ? accord::detail::hidden_characters::allow
                                                : accord::detail::hidden_characters::refuse);
}

int accord_hidden_characters(void) {
    return accord::detail::hidden_characters_policy() == accord::detail::hidden_characters::allow ? 1 : 0;
}

uint64_t accord_hidden_names_accepted(void) { return accord::detail::hidden_names_accepted(); }

} // extern "C"
