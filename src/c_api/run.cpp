// C API: the method registry and counting.
#include "c_api_internal.hpp"

#include "accord/apportion.hpp"
#include "accord/power.hpp"
#include "accord/registry.hpp"

#include <functional>
#include <memory>

using accord::c_api::fail;

namespace {
const std::vector<accord::method_info>& method_table() {
    static const std::vector<accord::method_info> t = accord::methods();
    return t;
}
} // namespace

extern "C" {

accord_status accord_method_count(size_t* out) {
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = method_table().size();
    ACCORD_API_END()
}

accord_status accord_method_name(size_t i, const char** out) {
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    if (i >= method_table().size()) return accord::c_api::out_of_range("method", i, method_table().size());
    *out = method_table()[i].name.c_str();
    ACCORD_API_END()
}

accord_status accord_method_summary(size_t i, const char** out) {
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    if (i >= method_table().size()) return accord::c_api::out_of_range("method", i, method_table().size());
    *out = method_table()[i].summary.c_str();
    ACCORD_API_END()
}

accord_status accord_methods_json(const char** out) {
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    static const std::string json = accord::methods_json();
    *out = json.c_str();
    ACCORD_API_END()
}

accord_status accord_apportion_methods_json(const char** out) {
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    static const std::string json = accord::apportion_methods_json();
    *out = json.c_str();
    ACCORD_API_END()
}

accord_status accord_power_indices_json(const char** out) {
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    static const std::string json = accord::power_indices_json();
    *out = json.c_str();
    ACCORD_API_END()
}

accord_status accord_run(const accord_profile* p, const char* method, const char* options_json,
                         accord_result** out) {
    return accord_run_progress(p, method, options_json, nullptr, nullptr, out);
}

accord_status accord_run_progress(const accord_profile* p, const char* method, const char* options_json,
                                  accord_progress_fn progress, void* user_data, accord_result** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(method);
    ACCORD_API_BEGIN()
    std::function<bool(double)> tick;
    if (progress) tick = [progress, user_data](double f) { return progress(f, user_data) == 0; };
    auto h = std::make_unique<accord_result>();
    h->r = accord::run(p->p, method, options_json ? options_json : "{}", tick);
    *out = h.release();
    ACCORD_API_END()
}

} // extern "C"
