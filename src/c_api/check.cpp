// C API: accord_check(), a rule's result on one profile checked against voting criteria
// (accord/check.hpp; docs/check.md). Options and the report cross as JSON.
#include "c_api_internal.hpp"

#include "accord/check.hpp"

extern "C" {

accord_status accord_check(const accord_profile* p, const char* method, const char* options_json,
                           char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(method);
    ACCORD_API_BEGIN()
    *out = accord::c_api::new_string(accord::check_json(p->p, method, options_json ? options_json : ""));
    ACCORD_API_END()
}

} // extern "C"
