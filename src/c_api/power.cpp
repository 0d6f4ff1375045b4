// C API: power indices of weighted voting games, with progress and cancellation.
#include "c_api_internal.hpp"

#include "accord/motion.hpp"
#include "accord/power.hpp"

#include <nlohmann/json.hpp>

#include <charconv>
#include <memory>

struct accord_power_result {
    accord::power_result r;
    std::string json;
};

using accord::c_api::fail;

namespace {
using json = nlohmann::json;

json parse(const char* text, const char* what) { return accord::c_api::parse_json(text, what); }

std::uint64_t u64(const json& v, const std::string& what) {
    if (v.is_number_unsigned()) return v.get<std::uint64_t>();
    if (v.is_number_integer() && v.get<std::int64_t>() >= 0) return static_cast<std::uint64_t>(v.get<std::int64_t>());
    if (v.is_string()) {
        const auto s = v.get<std::string>();
        std::uint64_t x = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
        if (ec == std::errc() && p == s.data() + s.size() && !s.empty()) return x;
    }
    throw accord::error(accord::errc::invalid, what + " must be a non-negative whole number, got " + accord::detail::json_excerpt(v));
}

accord::weighted_majority majority_of(const json& m, const std::string& where) {
    if (!m.is_object() || !m.contains("quota") || !m.contains("weights") || !m["weights"].is_array())
        throw accord::error(accord::errc::invalid, where + " must be {\"quota\": q, \"weights\": [...]}");
    accord::weighted_majority out;
    out.quota = u64(m["quota"], where + " quota");
    std::size_t i = 0;
    for (const auto& w : m["weights"]) out.weights.push_back(u64(w, where + " weights[" + std::to_string(i++) + "]"));
    return out;
}

accord::weighted_game game_of(const json& j) {
    if (!j.is_object()) throw accord::error(accord::errc::invalid, "game must be a JSON object");
    accord::weighted_game g;
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "quota" && it.key() != "weights" && it.key() != "majorities" && it.key() != "players" &&
            it.key() != "unions")
            throw accord::error(accord::errc::invalid, "game: unknown member '" + it.key() + "'");
    if (j.contains("majorities")) {
        if (j.contains("quota") || j.contains("weights"))
            throw accord::error(accord::errc::invalid, "game: give either quota/weights or majorities, not both");
        std::size_t k = 0;
        for (const auto& m : j["majorities"]) g.majorities.push_back(majority_of(m, "majorities[" + std::to_string(k++) + "]"));
    } else {
        g.majorities.push_back(majority_of(j, "game"));
    }
    if (j.contains("players"))
        for (const auto& p : j["players"]) {
            if (!p.is_string()) throw accord::error(accord::errc::invalid, "game: players must be strings");
            g.players.push_back(p.get<std::string>());
        }
    if (j.contains("unions"))
        for (const auto& u : j["unions"]) {
            std::vector<accord::player_t> members;
            for (const auto& x : u) members.push_back(static_cast<accord::player_t>(u64(x, "union member")));
            g.unions.push_back(std::move(members));
        }
    accord::validate(g);
    return g;
}

unsigned index_bit(const std::string& name) {
    static const std::pair<const char*, unsigned> table[] = {
        {"banzhaf", accord::index_banzhaf},   {"shapley_shubik", accord::index_shapley_shubik},
        {"holler", accord::index_holler},     {"deegan_packel", accord::index_deegan_packel},
        {"johnston", accord::index_johnston}, {"coleman", accord::index_coleman},
        {"owen", accord::index_owen},         {"banzhaf_owen", accord::index_banzhaf_owen},
        {"all", accord::index_all}};
    for (auto& [n, b] : table)
        if (name == n) return b;
    throw accord::error(accord::errc::invalid, "unknown power index '" + name + "'");
}

accord::power_options options_of(const json& j) {
    accord::power_options opt;
    if (!j.is_object()) throw accord::error(accord::errc::invalid, "options must be a JSON object");
    for (auto it = j.begin(); it != j.end(); ++it) {
        const auto& k = it.key();
        const auto& v = it.value();
        if (k == "indices") {
            opt.indices = 0;
            if (v.is_string()) opt.indices = index_bit(v.get<std::string>());
            else if (v.is_array())
                for (const auto& x : v) {
                    if (!x.is_string()) throw accord::error(accord::errc::invalid, "option 'indices' must list names");
                    opt.indices |= index_bit(x.get<std::string>());
                }
            else throw accord::error(accord::errc::invalid, "option 'indices' must be a name or a list of names");
        } else if (k == "method") {
            const auto m = v.is_string() ? v.get<std::string>() : std::string();
            if (m == "auto") opt.method = accord::power_method::automatic;
            else if (m == "dp") opt.method = accord::power_method::dynamic_programming;
            else if (m == "enumeration") opt.method = accord::power_method::enumeration;
            else if (m == "monte-carlo") opt.method = accord::power_method::monte_carlo;
            else if (m == "fourier") opt.method = accord::power_method::fourier_bound;
            else throw accord::error(accord::errc::invalid, "option 'method' must be auto, dp, enumeration, monte-carlo or fourier, got " + accord::detail::json_excerpt(v));
        } else if (k == "samples") opt.samples = u64(v, "option 'samples'");
        else if (k == "seed") opt.seed = u64(v, "option 'seed'");
        else if (k == "threads") {
            const auto t = u64(v, "option 'threads'");
            if (t > 4096) throw accord::error(accord::errc::invalid, "option 'threads' must be 0 (all) to 4096");
            opt.threads = static_cast<unsigned>(t);
        } else if (k == "confidence") {
            if (!v.is_number() || v.get<double>() <= 0 || v.get<double>() >= 1)
                throw accord::error(accord::errc::invalid, "option 'confidence' must be a number in (0, 1)");
            opt.confidence = v.get<double>();
        } else throw accord::error(accord::errc::invalid, "unknown power option '" + k + "'");
    }
    return opt;
}
/// The indices of a game: Owen indices only when it has unions; the caller's progress callback.
std::unique_ptr<accord_power_result> compute(const accord::weighted_game& g, accord::power_options opt,
                                             accord_progress_fn progress, void* user_data) {
    if (g.unions.empty()) opt.indices &= ~unsigned(accord::index_owen | accord::index_banzhaf_owen);
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
    const auto g = game_of(parse(game_json, "game"));
    *out = compute(g, options_json && *options_json ? options_of(parse(options_json, "options")) : accord::power_options{},
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
    json o = options_json && *options_json ? parse(options_json, "options") : json::object();
    if (!o.is_object()) throw accord::error(accord::errc::invalid, "options must be a JSON object");
    std::string unions_by;
    for (const char* key : {"unions_by", "level"}) {
        if (!o.contains(key)) continue;
        if (!o[key].is_string()) throw accord::error(accord::errc::invalid, std::string("option '") + key + "' must be a string");
        (std::string(key) == "level" ? rule.level : unions_by) = o[key].get<std::string>();
        o.erase(key);
    }
    const auto g = accord::rule_game(org->org, rule, unions_by);
    *out = compute(g, options_of(o), progress, user_data).release();
    ACCORD_API_END()
}

} // extern "C"
