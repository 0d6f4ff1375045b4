// C API: motions (accord_decide) and apportionment of seats (accord_apportion), JSON in and out.
#include "c_api_internal.hpp"

#include "accord/apportion.hpp"
#include "accord/motion.hpp"

#include <nlohmann/json.hpp>

using accord::c_api::fail;

namespace {
using json = nlohmann::json;

json parse(const char* text, const char* what) { return accord::c_api::parse_json(text, what); }

std::vector<accord::unit_vote> votes_from(const json& j) {
    std::vector<accord::unit_vote> out;
    if (j.is_object()) {
        for (auto it = j.begin(); it != j.end(); ++it) {
            if (!it->is_string())
                throw accord::error(accord::errc::invalid,
                                    "votes: the vote of '" + it.key() + "' must be a string");
            out.push_back({it.key(), accord::parse_vote_choice(it->get<std::string>())});
        }
    } else if (j.is_array()) {
        for (const auto& x : j) {
            if (!x.is_array() || x.size() != 2 || !x[0].is_string() || !x[1].is_string())
                throw accord::error(accord::errc::invalid,
                                    "votes: each entry must be [\"UNIT\", \"yes|no|abstain\"], got " +
                                        accord::detail::json_excerpt(x));
            out.push_back({x[0].get<std::string>(), accord::parse_vote_choice(x[1].get<std::string>())});
        }
    } else {
        throw accord::error(accord::errc::invalid, "votes must be a JSON object or list");
    }
    return out;
}
} // namespace

namespace accord::c_api {
accord::decision_rule decision_rule_of(const char* rule_json, accord::decision_rule fallback) {
    if (!rule_json || !*rule_json) return fallback;
    const json r = parse(rule_json, "rule");
    if (r.is_object() && r.contains("policy")) {
        if (!r.contains("category") || !r["category"].is_string())
            throw accord::error(accord::errc::invalid, "rule: a policy needs a \"category\" string");
        if (r.size() != 2)
            throw accord::error(accord::errc::invalid,
                                "rule: with \"policy\" only \"category\" may be given");
        return accord::policy_rule(r["policy"].dump(), r["category"].get<std::string>());
    }
    return accord::parse_decision_rule(rule_json);
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
    const auto votes = votes_from(parse(votes_json, "votes"));
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
