// Strict readers of JSON options for the analyses' JSON interface (json_options.hpp).
#include "json_options.hpp"

#include "accord/detail/safety.hpp"

#include <cmath>
#include <set>
#include <string_view>
#include <cstdlib>

namespace accord::analysis_json {

json parse_object(std::string_view text, const char* what) {
    if (text.empty()) return json::object();
    json j;
    j = detail::parse_json<json>(text, what);
    if (j.is_null()) return json::object();
    if (!j.is_object()) throw error(errc::invalid, std::string(what) + " must be a JSON object");
    return j;
}

void bad(const std::string& key, const char* expected) {
    throw error(errc::invalid, "option '" + key + "' must be " + expected);
}

void bad(const std::string& key, const char* expected, const std::string& got) {
    throw error(errc::invalid, "option '" + key + "' must be " + expected + ", got \"" + got + "\"");
}

std::string text_of(const json& v, const std::string& key) {
    if (!v.is_string()) bad(key, "a string");
    return v.get<std::string>();
}

std::vector<std::string> names_of(const json& v, const std::string& key) {
    std::vector<std::string> out;
    if (v.is_string())
        out.push_back(v.get<std::string>());
    else if (v.is_array())
        for (const auto& x : v) out.push_back(text_of(x, key));
    else
        bad(key, "a list of names");
    if (out.empty()) bad(key, "a non-empty list of names");
    for (const auto& n : out) detail::check_name(n, "option '" + key + "': name");
    return out;
}

std::vector<std::string> distinct_names_of(const json& v, const std::string& key) {
    auto out = names_of(v, key);
    std::set<std::string_view> seen;
    for (const auto& n : out)
        if (!seen.insert(n).second)
            throw error(errc::invalid, "option '" + key + "': the name '" + detail::text_excerpt(n) +
                                           "' is given twice; names must be distinct");
    return out;
}

std::uint64_t whole_of(const json& v, const std::string& key) {
    if (v.is_number_unsigned()) return v.get<std::uint64_t>();
    if (v.is_number_integer() && v.get<std::int64_t>() >= 0)
        return static_cast<std::uint64_t>(v.get<std::int64_t>());
    bad(key, "a non-negative whole number");
}

double number_of(const json& v, const std::string& key) {
    if (!v.is_number()) bad(key, "a number");
    return v.get<double>();
}

bool bool_of(const json& v, const std::string& key) {
    if (!v.is_boolean()) bad(key, "true or false");
    return v.get<bool>();
}

double number_of(std::string_view text, const std::string& what) {
    const std::string s(text);
    char* end = nullptr;
    const double x = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(x))
        throw error(errc::invalid, what + " must be a number, got '" + s + "'");
    return x;
}

rational exact_of(const json& v, const std::string& key) {
    if (v.is_number_integer()) return rational(v.get<std::int64_t>());
    if (v.is_string()) {
        try {
            return parse_rational(v.get<std::string>());
        } catch (const error&) {
        }
    }
    bad(key, "an exact number: an integer or a string such as \"1/1000\" or \"0.001\"");
}

std::string rule_options_of(const json& v, const std::string& key) {
    if (v.is_object()) return v.dump();
    if (v.is_string()) return parse_object(v.get<std::string>(), "option 'rule_options'").dump();
    bad(key, "a JSON object");
}

json options_object(const std::string& text) {
    return text.empty() ? json::object() : detail::parse_json<json>(text, "options");
}

bool monte_carlo_key(const std::string& key, const json& v, monte_carlo_options& mc) {
    if (key == "samples") {
        const auto n = whole_of(v, key);
        if (n == 0) throw error(errc::invalid, "option 'samples' must be at least 1");
        if (n > k_max_monte_carlo_samples)
            throw error(errc::invalid, "option 'samples' (" + std::to_string(n) + ") is above the limit of " +
                                           std::to_string(k_max_monte_carlo_samples) + " samples");
        mc.samples = static_cast<std::size_t>(n);
    } else if (key == "seed")
        mc.seed = whole_of(v, key);
    else if (key == "threads") {
        const auto t = whole_of(v, key);
        if (t > 1024) bad(key, "at most 1024");
        mc.threads = static_cast<unsigned>(t);
    } else
        return false;
    return true;
}

void put_acceptability(json& j, const std::vector<std::string>& names, const acceptability& a,
                       const std::vector<std::string>& parameter_names, bool with_central) {
    json ranks = json::object(), win = json::object(), se = json::object(), expected = json::object(),
         central = json::object();
    for (std::size_t c = 0; c < a.candidates && c < names.size(); ++c) {
        ranks[names[c]] = a.by_rank[c];
        win[names[c]] = a.winner[c];
        se[names[c]] = a.winner_se[c];
        double e = 0;
        for (std::size_t k = 0; k < a.by_rank[c].size(); ++k)
            e += static_cast<double>(k + 1) * a.by_rank[c][k];
        expected[names[c]] = e;
        if (a.central_weights[c].empty()) {
            central[names[c]] = nullptr;
        } else {
            json w = json::object();
            for (std::size_t d = 0; d < a.central_weights[c].size() && d < parameter_names.size(); ++d)
                w[parameter_names[d]] = a.central_weights[c][d];
            central[names[c]] = std::move(w);
        }
    }
    j["rank_acceptability"] = std::move(ranks);
    j["winner_probability"] = std::move(win);
    j["winner_probability_se"] = std::move(se);
    j["expected_rank"] = std::move(expected);
    if (with_central) j["central_weights"] = std::move(central);
}

} // namespace accord::analysis_json
