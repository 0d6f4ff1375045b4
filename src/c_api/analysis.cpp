// C API: SMAA, sweeps and tipping points over a profile and an organisation, with options and
// results as JSON (accord/analysis/interface.hpp does the parsing and printing) and a progress
// callback that can cancel.
#include "c_api_internal.hpp"

#include "accord/analysis/interface.hpp"

using accord::c_api::fail;

namespace {
using analysis_fn = std::string (*)(const accord::profile&, const accord::organisation&, std::string_view,
                                    const accord::analysis_progress&);

/// One body for the three entry points: arguments checked, progress adapted, exceptions caught.
accord_status analyse(analysis_fn f, const accord_profile* p, const accord_org* org, const char* options_json,
                      accord_progress_fn progress, void* user_data, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(org);
    ACCORD_API_BEGIN()
    accord::analysis_progress cb;
    if (progress)
        cb = [progress, user_data](std::size_t done, std::size_t total) {
            const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
            return progress(fraction, user_data) == 0;
        };
    const std::string text = f(p->p, org->org, options_json ? options_json : "", cb);
    *out = accord::c_api::new_string(text);
    ACCORD_API_END()
}
} // namespace

extern "C" {

accord_status accord_analyse_smaa(const accord_profile* p, const accord_org* org, const char* options_json,
                                  accord_progress_fn progress, void* user_data, char** out) {
    return analyse(&accord::analyse_smaa, p, org, options_json, progress, user_data, out);
}

accord_status accord_analyse_sweep(const accord_profile* p, const accord_org* org, const char* options_json,
                                   accord_progress_fn progress, void* user_data, char** out) {
    return analyse(&accord::analyse_sweep, p, org, options_json, progress, user_data, out);
}

accord_status accord_analyse_tipping(const accord_profile* p, const accord_org* org, const char* options_json,
                                     accord_progress_fn progress, void* user_data, char** out) {
    return analyse(&accord::analyse_tipping, p, org, options_json, progress, user_data, out);
}

} // extern "C"
