// C API: power indices of weighted voting games, with progress and cancellation.
#include "c_api_internal.hpp"

#include "accord/motion.hpp"
#include "accord/power.hpp"

#include <memory>

struct accord_power_result {
    accord::power_result r;
    std::string json;
};

using accord::c_api::fail;

namespace {
// The game and options are read by the core (accord/power.hpp, accord/motion.hpp): this shim
// only marshals.
/// The indices of a game: Owen indices only when it has unions; the caller's progress callback.
std::unique_ptr<accord_power_result> compute(const accord::weighted_game& g, accord::power_options opt,
                                             accord_progress_fn progress, void* user_data) {
    opt = accord::fit_power_options(g, std::move(opt));
    if (progress) opt.progress = [progress, user_data](double f) { return progress(f, user_data) == 0; };
    auto h = std::make_unique<accord_power_result>();
    h->r = accord::power_indices(g, opt);
    h->json = accord::to_json(h->r);
    return h;
}
} // namespace

extern "C" {

accord_status accord_power(const char* game_json, const char* options_json, accord_progress_fn progress,
                           void* user_data, accord_power_result** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(game_json);
    ACCORD_API_BEGIN()
    const auto g = accord::power_game_from_json(game_json);
    *out = compute(g,
                   options_json && *options_json ? accord::power_options_from_json(options_json)
                                                 : accord::power_options{},
                   progress, user_data)
               .release();
    ACCORD_API_END()
}

accord_status accord_power_result_json(const accord_power_result* r, const char** out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = r->json.c_str();
    ACCORD_API_END()
}

void accord_power_result_free(accord_power_result* r) { delete r; }

accord_status accord_power_org(const accord_org* org, const char* rule_json, const char* options_json,
                               accord_progress_fn progress, void* user_data, accord_power_result** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(org);
    ACCORD_API_BEGIN()
    accord::decision_rule patients;
    patients.conditions.push_back({.name = "population", .basis = "population"});
    auto rule = accord::c_api::decision_rule_of(rule_json, patients);
    const auto o = accord::rule_power_options_from_json(options_json ? options_json : "");
    if (!o.level.empty()) rule.level = o.level;
    const auto g = accord::rule_game(org->org, rule, o.unions_by);
    *out = compute(g, o.power, progress, user_data).release();
    ACCORD_API_END()
}

} // extern "C"
