// C API: SMAA, sweeps and tipping points over a profile and an organisation; AHP, MCDA and
// synthetic electorates. Options and results as JSON (accord/analysis/interface.hpp does the
// parsing and printing) and, for the long ones, a progress callback that can cancel.
#include "c_api_internal.hpp"

#include "accord/analysis/groups.hpp"
#include "accord/analysis/interface.hpp"
#include "accord/analysis/monte_carlo.hpp"

#include <memory>

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
    const std::string text =
        f(p->p, org->org, options_json ? options_json : "", accord::c_api::progress_of(progress, user_data));
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

accord_status accord_analyse_groups(const accord_profile* p, const accord_org* org, const char* options_json,
                                    accord_progress_fn progress, void* user_data, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(p);
    ACCORD_API_BEGIN()
    *out = accord::c_api::new_string(accord::analyse_groups(p->p, org ? &org->org : nullptr,
                                                            options_json ? options_json : "",
                                                            accord::c_api::progress_of(progress, user_data)));
    ACCORD_API_END()
}

accord_status accord_ahp(const accord_org* org, const char* input_json, const char* options_json,
                         char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(input_json);
    ACCORD_API_BEGIN()
    *out = accord::c_api::new_string(
        accord::analyse_ahp(input_json, options_json ? options_json : "", org ? &org->org : nullptr));
    ACCORD_API_END()
}

accord_status accord_mcda(const char* table_json, const char* options_json, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(table_json);
    ACCORD_API_BEGIN()
    *out = accord::c_api::new_string(accord::analyse_mcda(table_json, options_json ? options_json : ""));
    ACCORD_API_END()
}

accord_status accord_mcda_smaa(const char* table_json, const char* options_json, accord_progress_fn progress,
                               void* user_data, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(table_json);
    ACCORD_API_BEGIN()
    *out = accord::c_api::new_string(accord::analyse_mcda_smaa(
        table_json, options_json ? options_json : "", accord::c_api::progress_of(progress, user_data)));
    ACCORD_API_END()
}

accord_status accord_generate(const char* model, const char* options_json, const accord_profile* source,
                              accord_profile** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(model);
    ACCORD_API_BEGIN()
    auto h = std::make_unique<accord_profile>();
    h->p = accord::generate_profile(model, options_json ? options_json : "", source ? &source->p : nullptr);
    *out = h.release();
    ACCORD_API_END()
}

accord_status accord_analyse_electorates(const accord_profile* reference, const char* options_json,
                                         accord_progress_fn progress, void* user_data, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(options_json);
    ACCORD_API_BEGIN()
    *out = accord::c_api::new_string(accord::analyse_electorates(
        reference ? &reference->p : nullptr, options_json, accord::c_api::progress_of(progress, user_data)));
    ACCORD_API_END()
}

accord_status accord_analyse_fold(const char* parts_json, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(parts_json);
    ACCORD_API_BEGIN()
    *out = accord::c_api::new_string(accord::fold_block_sums(parts_json));
    ACCORD_API_END()
}

} // extern "C"
