// C API: profiles as mergeable summaries (exact merge, serialisation) for sharded counts.
#include "c_api_internal.hpp"

#include "accord/summary.hpp"

#include <memory>

extern "C" {

accord_status accord_profile_merge(accord_profile* into, const accord_profile* from) {
    ACCORD_CHECK_ARG(into);
    ACCORD_CHECK_ARG(from);
    ACCORD_API_BEGIN()
    if (into == from) {
        const accord::profile copy = from->p;
        accord::merge_into(into->p, copy);
    } else {
        accord::merge_into(into->p, from->p);
    }
    ACCORD_API_END()
}

accord_status accord_profile_serialize(const accord_profile* p, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(p);
    ACCORD_API_BEGIN()
    *out = accord::c_api::new_string(accord::serialize(p->p));
    ACCORD_API_END()
}

accord_status accord_profile_budget_json(const accord_profile* p, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(p);
    ACCORD_API_BEGIN()
    *out = accord::c_api::new_string(accord::budget_json(p->p));
    ACCORD_API_END()
}

accord_status accord_profile_set_budget_json(accord_profile* p, const char* json) {
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(json);
    ACCORD_API_BEGIN()
    accord::set_budget_json(p->p, json);
    ACCORD_API_END()
}

accord_status accord_profile_deserialize(const char* text, size_t length, accord_profile** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(text);
    ACCORD_API_BEGIN()
    auto h = std::make_unique<accord_profile>();
    h->p = accord::deserialize(std::string_view(text, length));
    *out = h.release();
    ACCORD_API_END()
}

} // extern "C"
