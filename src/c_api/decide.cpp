// C API: motions (accord_decide) and apportionment of seats (accord_apportion), JSON in and out.
#include "c_api_internal.hpp"

#include "accord/apportion.hpp"
#include "accord/motion.hpp"

using accord::c_api::fail;

namespace accord::c_api {
accord::decision_rule decision_rule_of(const char* rule_json, accord::decision_rule fallback) {
    return accord::decision_rule_from_json(rule_json ? rule_json : "", std::move(fallback));
}
} // namespace accord::c_api

extern "C" {

accord_status accord_decide(const accord_org* org, const char* votes_json, const char* rule_json,
                            const char* casting_vote, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(org);
    ACCORD_CHECK_ARG(votes_json);
    ACCORD_API_BEGIN()
    const auto votes = accord::unit_votes_from_json(votes_json);
    const accord::decision_rule rule =
        accord::c_api::decision_rule_of(rule_json, accord::preset_rule("double-majority"));
    std::optional<accord::vote_choice> casting;
    if (casting_vote) {
        casting = accord::parse_vote_choice(casting_vote);
        if (*casting == accord::vote_choice::abstain)
            return fail(ACCORD_EINVALID, "casting_vote must be yes or no");
    }
    *out = accord::c_api::new_string(accord::to_json(accord::decide(org->org, votes, rule, casting)));
    ACCORD_API_END()
}

accord_status accord_apportion(const accord_org* org, const char* level, uint64_t seats,
                               const char* options_json, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(org);
    ACCORD_API_BEGIN()
    const std::string kind = level && *level ? level : "pcn";
    const auto o = accord::apportion_options_from_json(options_json ? options_json : "", seats,
                                                       org->org.of_kind(kind).size());
    *out = accord::c_api::new_string(
        accord::to_json(org->org, accord::apportion_units(org->org, kind, o), seats));
    ACCORD_API_END()
}

} // extern "C"
