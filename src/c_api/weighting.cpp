// C API: organisations, weight reports and weighted counts.
#include "c_api_internal.hpp"

#include "accord/analysis/defaults.hpp"
#include "accord/weighting.hpp"

#include <cstdlib>
#include <cstring>
#include <memory>

using accord::c_api::fail;

extern "C" {

accord_status accord_org_load(const char* path, const char* options_json, accord_org** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(path);
    ACCORD_API_BEGIN()
    std::string list_sizes;
    const auto o = accord::org_csv_options_from_json(options_json ? options_json : "", &list_sizes);
    auto h = std::make_unique<accord_org>();
    h->org = list_sizes.empty() ? accord::read_organisation(path, o)
                                : accord::read_nhs_organisation(path, list_sizes, o);
    *out = h.release();
    ACCORD_API_END()
}

accord_status accord_org_join_nhs(const char* map_path, const char* sizes_path, const char* options_json,
                                  char** out_csv, char** out_report) {
    ACCORD_CHECK_ARG(out_csv);
    *out_csv = nullptr;
    if (out_report) *out_report = nullptr;
    ACCORD_CHECK_ARG(map_path);
    ACCORD_CHECK_ARG(sizes_path);
    ACCORD_API_BEGIN()
    accord::check_nhs_join_options_json(options_json ? options_json : "");
    accord::nhs_join_report rep;
    const std::string text = accord::join_nhs_practice_files(map_path, sizes_path, &rep);
    std::unique_ptr<char, void (*)(void*)> csv(accord::c_api::new_string(text), std::free);
    if (out_report) *out_report = accord::c_api::new_string(accord::to_json(rep));
    *out_csv = csv.release();
    ACCORD_API_END()
}

void accord_org_free(accord_org* org) { delete org; }

accord_status accord_org_set_attribute(accord_org* org, const char* unit, const char* key,
                                       const char* value) {
    ACCORD_CHECK_ARG(org);
    ACCORD_CHECK_ARG(unit);
    ACCORD_CHECK_ARG(key);
    ACCORD_CHECK_ARG(value);
    ACCORD_API_BEGIN()
    const auto i = org->org.find(unit);
    if (!i) return fail(ACCORD_ENOTFOUND, std::string("unknown unit '") + unit + "'");
    org->org.set_attribute(*i, key, value);
    ACCORD_API_END()
}

accord_status accord_org_unit_count(const accord_org* org, size_t* out) {
    ACCORD_CHECK_ARG(org);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = org->org.size();
    ACCORD_API_END()
}

accord_status accord_weights(const accord_org* org, const char* scheme, const char* level, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(org);
    ACCORD_CHECK_ARG(scheme);
    ACCORD_API_BEGIN()
    const std::string kind = level && *level ? level : org->org.kinds().front();
    const auto units = org->org.of_kind(kind);
    if (units.empty()) return fail(ACCORD_ENOTFOUND, "no units of kind '" + kind + "'");
    const std::string text =
        accord::to_json(org->org, accord::compute_weights(org->org, units, accord::parse_scheme(scheme)));
    *out = accord::c_api::new_string(text);
    ACCORD_API_END()
}

accord_status accord_weights_two_level(const accord_org* org, const char* within, const char* across,
                                       const char* level, const char* group_level, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(org);
    ACCORD_CHECK_ARG(within);
    ACCORD_CHECK_ARG(across);
    ACCORD_API_BEGIN()
    const std::string kind = level && *level ? level : org->org.kinds().front();
    const std::string groups = group_level && *group_level ? group_level : accord::k_default_group_level;
    const auto units = org->org.of_kind(kind);
    if (units.empty()) return fail(ACCORD_ENOTFOUND, "no units of kind '" + kind + "'");
    if (org->org.of_kind(groups).empty()) return fail(ACCORD_ENOTFOUND, "no units of kind '" + groups + "'");
    const auto in = accord::parse_scheme(within), over = accord::parse_scheme(across);
    const auto rep = accord::compute_two_level_weights(org->org, units, in, over, groups);
    *out = accord::c_api::new_string(accord::to_json(org->org, rep, in, over, groups));
    ACCORD_API_END()
}

accord_status accord_analysis_defaults(char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_API_BEGIN()
    *out = accord::c_api::new_string(accord::analysis_defaults_json());
    ACCORD_API_END()
}

void accord_string_free(char* s) { std::free(s); }

} // extern "C"

char* accord::c_api::new_string(const std::string& text) {
    char* s = static_cast<char*>(std::malloc(text.size() + 1));
    if (!s) throw std::bad_alloc();
    std::memcpy(s, text.c_str(), text.size() + 1);
    return s;
}

extern "C" {

accord_status accord_profile_add_ranking_for(accord_profile* p, const char* unit, const int32_t* ranks,
                                             size_t n, uint64_t count, const char* weight) {
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(unit);
    if (!ranks && n) return fail(ACCORD_EINVALID, "ranks must not be NULL");
    ACCORD_API_BEGIN()
    if (n != p->p.candidate_count())
        return fail(ACCORD_EINVALID, "ranks has " + std::to_string(n) + " entries, the profile has " +
                                         std::to_string(p->p.candidate_count()) + " candidates");
    accord::rational w(1);
    if (weight) {
        try {
            w = accord::parse_rational(weight);
        } catch (const accord::error& e) {
            return fail(ACCORD_EINVALID, std::string("weight: ") + e.detail());
        }
    }
    const auto marks = accord::c_api::marks_of_ranks(ranks, n);
    const auto u = p->p.intern_unit(unit);
    p->p.add(marks, count, w, u);
    ACCORD_API_END()
}

accord_status accord_run_weighted(const accord_profile* p, const accord_org* org, const char* scheme,
                                  const char* method, const char* options_json, const char* aggregate_json,
                                  accord_result** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(org);
    ACCORD_CHECK_ARG(scheme);
    ACCORD_CHECK_ARG(method);
    ACCORD_API_BEGIN()
    const auto ag = accord::aggregate_options_from_json(aggregate_json ? aggregate_json : "");
    const std::string opts = options_json && *options_json ? options_json : "{}";
    auto h = std::make_unique<accord_result>();
    h->r = accord::run_weighted(p->p, org->org, accord::parse_scheme(scheme), method, opts, ag);
    *out = h.release();
    ACCORD_API_END()
}

} // extern "C"
