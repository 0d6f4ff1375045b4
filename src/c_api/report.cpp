// C API: the HTML report (0.5), built as `accord report` builds it (report_input_from).
#include "c_api_internal.hpp"

#include "accord/analysis/report_options.hpp"

extern "C" {

accord_status accord_report_html(const accord_profile* p, const accord_org* org, const char* options_json,
                                 accord_progress_fn progress, void* user_data, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(org);
    ACCORD_API_BEGIN()
    const auto in =
        accord::report_input_from(p->p, org->org, options_json && *options_json ? options_json : "{}",
                                  accord::c_api::progress_of(progress, user_data));
    *out = accord::c_api::new_string(accord::html_report(in));
    ACCORD_API_END()
}

} // extern "C"
