// Power games and options from JSON: the one reader the C API and the CLI marshal into, and the
// one table of default indices (so `accord power`, accord_power() and Python's power() compute
// the same indices when none is named).
#include "power_internal.hpp"

#include "accord/detail/safety.hpp"
#include "accord/power.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <string>

namespace accord {
inline namespace v0 {
namespace {
using json = nlohmann::json;

// Short excerpt of a JSON value for a message (never the whole of a large input).
std::string excerpt(const json& v) {
    std::string s =
        v.is_structured() ? (v.is_array() ? std::string("a list") : std::string("an object")) : v.dump();
    if (s.size() > 40) s = s.substr(0, 37) + "...";
    return s;
}

// Text from outside: the nesting limit first (a deep document would overflow the stack when
// freed), then strict parsing; "" is {}.
json parse(std::string_view text, const char* what) {
    if (text.empty()) return json::object();
    return detail::parse_json<json>(text, what);
}

// A whole number >= 0: a JSON integer or a decimal string (exact beyond 2^53).
std::uint64_t whole(const json& v, const std::string& what) {
    if (v.is_number_unsigned()) return v.get<std::uint64_t>();
    if (v.is_number_integer())
        throw error(errc::invalid, what + " must be a whole number >= 0, got " + excerpt(v));
    if (v.is_string()) {
        const auto s = v.get<std::string>();
        std::uint64_t x = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), x);
        if (ec == std::errc::result_out_of_range)
            throw error(errc::invalid, what + " does not fit in 64 bits, got " + excerpt(v));
        if (ec == std::errc() && p == s.data() + s.size() && !s.empty()) return x;
    }
    throw error(errc::invalid, what + " must be a whole number >= 0, got " + excerpt(v));
}

weighted_majority majority_of(const json& m, const std::string& where) {
    if (!m.is_object() || !m.contains("quota") || !m.contains("weights") || !m["weights"].is_array())
        throw error(errc::invalid, where + " must be {\"quota\": q, \"weights\": [...]}");
    weighted_majority out;
    out.quota = whole(m["quota"], where + " quota");
    std::size_t i = 0;
    for (const auto& w : m["weights"])
        out.weights.push_back(whole(w, where + " weights[" + std::to_string(i++) + "]"));
    return out;
}

} // namespace

unsigned default_power_indices(const weighted_game& g, power_method m) {
    if (m == power_method::monte_carlo) return index_banzhaf | index_shapley_shubik;
    if (m == power_method::fourier_bound) return index_banzhaf;
    const std::size_t n = g.player_count();
    unsigned out = index_banzhaf | index_shapley_shubik | index_coleman;
    if (g.majorities.size() == 1) out |= index_holler | index_deegan_packel;
    if (n <= 20) out |= index_johnston | index_holler | index_deegan_packel;
    if (!g.unions.empty()) out |= index_owen | index_banzhaf_owen;
    return out;
}

std::span<const power_index_info> power_index_table() {
    static constexpr power_index_info table[] = {
        {"banzhaf", "Banzhaf (normalised and absolute, with the swings)", index_banzhaf,
         &power_result::banzhaf, "docs/methods/power.md"},
        {"shapley_shubik", "Shapley-Shubik", index_shapley_shubik, &power_result::shapley_shubik,
         "docs/methods/power.md"},
        {"holler", "Holler (public good)", index_holler, &power_result::holler, "docs/methods/power.md"},
        {"deegan_packel", "Deegan-Packel", index_deegan_packel, &power_result::deegan_packel,
         "docs/methods/power.md"},
        {"johnston", "Johnston", index_johnston, &power_result::johnston, "docs/methods/power.md"},
        {"coleman", "Coleman's three powers", index_coleman, nullptr, "docs/methods/power.md"},
        {"owen", "Owen (needs unions)", index_owen, &power_result::owen, "docs/methods/power.md"},
        {"banzhaf_owen", "Banzhaf-Owen (needs unions)", index_banzhaf_owen, &power_result::banzhaf_owen,
         "docs/methods/power.md"},
        {"chow", "Chow parameters and the number of winning coalitions", index_chow, nullptr,
         "docs/methods/power.md"},
        {"rae", "Rae", index_rae, &power_result::rae, "docs/methods/power.md"},
        {"colomer", "Colomer-Martínez (one majority)", index_colomer, &power_result::colomer,
         "docs/methods/power.md"},
        {"minimal_winning", "minimal winning coalitions containing each player, and their number",
         index_minimal_winning, nullptr, "docs/methods/power.md"},
        {"koenig_braeuninger", "König-Bräuninger", index_koenig_braeuninger,
         &power_result::koenig_braeuninger, "docs/methods/power.md"},
        {"nevison", "Nevison", index_nevison, &power_result::nevison, "docs/methods/power.md"},
        {"public_help", "public help index theta", index_public_help, &power_result::public_help,
         "docs/methods/power.md"},
        {"felsenthal", "Felsenthal (least-size minimal winning coalitions)", index_felsenthal,
         &power_result::felsenthal, "docs/methods/power.md"},
        {"tijs", "Tijs (shared by the veto players; needs one)", index_tijs, &power_result::tijs,
         "docs/methods/power.md"},
        {"public_help_xi", "public help index xi", index_public_help_xi, &power_result::public_help_xi,
         "docs/methods/power.md"},
        {"harsanyi_nash", "Harsanyi-Nash (as EPIC)", index_harsanyi_nash, &power_result::harsanyi_nash,
         "docs/methods/power.md"},
        {"null_player_free_f", "null-player-free index F (Deegan-Packel over winning coalitions)",
         index_null_player_free_f, &power_result::null_player_free_f, "docs/methods/power.md"},
        {"null_player_free_g", "null-player-free index G (public good over winning coalitions)",
         index_null_player_free_g, &power_result::null_player_free_g, "docs/methods/power.md"},
        {"symmetric_coalitional_banzhaf", "symmetric coalitional Banzhaf (needs unions)",
         index_symmetric_coalitional_banzhaf, &power_result::symmetric_coalitional_banzhaf,
         "docs/methods/power.md"},
    };
    return table;
}

std::string power_indices_json() {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& i : power_index_table())
        out.push_back(nlohmann::ordered_json{{"name", i.name}, {"summary", i.summary}, {"docs", i.docs}});
    return out.dump();
}

std::span<const power_method_info> power_method_table() {
    static constexpr power_method_info table[] = {
        {"auto", power_method::automatic,
         "default: exact when the exact programme's tables fit an eighth of the memory budget (512 MiB "
         "by default), else the proven-bound Fourier estimate of Banzhaf, labelled"},
        {"dp", power_method::dynamic_programming, ""},
        {"enumeration", power_method::enumeration, ""},
        {"monte-carlo", power_method::monte_carlo, "estimates with intervals"},
        {"fourier", power_method::fourier_bound,
         "Banzhaf of a one-majority game with a proven error bound; fast for the 1,297 PCNs of England"},
    };
    return table;
}

namespace {
template <class Table> std::string joined(const Table& t, std::string_view sep, std::string_view last) {
    std::string out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (i) out += i + 1 == t.size() ? last : sep;
        out += t[i].name;
    }
    return out;
}
} // namespace

std::string power_index_names(std::string_view sep, std::string_view last) {
    return joined(power_index_table(), sep, last);
}
std::string power_method_names(std::string_view sep, std::string_view last) {
    return joined(power_method_table(), sep, last);
}

unsigned parse_power_index(std::string_view name) {
    if (name == "all") return index_all;
    for (const auto& i : power_index_table())
        if (name == i.name) return i.bit;
    throw error(errc::invalid, "unknown power index '" + std::string(name.substr(0, 40)) + "' (" +
                                   power_index_names() + ", all)");
}

power_method parse_power_method(std::string_view m) {
    for (const auto& i : power_method_table())
        if (m == i.name) return i.method;
    throw error(errc::invalid, "option 'method' must be " + power_method_names(", ", " or ") + ", got '" +
                                   std::string(m.substr(0, 40)) + "'");
}

power_options fit_power_options(const weighted_game& g, power_options opt) {
    // "all" keeps Colomer-Martinez only where it is defined (one weighted majority), and Tijs
    // only where it is (a game with a veto player).
    if (g.majorities.size() > 1 && (opt.indices & index_all) == index_all)
        opt.indices &= ~unsigned(index_colomer);
    if ((opt.indices & index_all) == index_all) {
        const auto veto = power_detail::veto_players(g);
        if (std::find(veto.begin(), veto.end(), true) == veto.end()) opt.indices &= ~unsigned(index_tijs);
    }
    if (g.unions.empty() && !(opt.indices & index_defaults))
        opt.indices &= ~unsigned(index_owen | index_banzhaf_owen | index_symmetric_coalitional_banzhaf);
    return opt;
}

weighted_game power_game_from_json(std::string_view text) {
    const json j = parse(text, "game");
    if (!j.is_object()) throw error(errc::invalid, "game must be a JSON object");
    weighted_game g;
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "quota" && it.key() != "weights" && it.key() != "majorities" &&
            it.key() != "players" && it.key() != "unions")
            throw error(errc::invalid, "game: unknown member '" + it.key().substr(0, 40) + "'");
    if (j.contains("majorities")) {
        if (j.contains("quota") || j.contains("weights"))
            throw error(errc::invalid, "game: give either quota/weights or majorities, not both");
        if (!j["majorities"].is_array()) throw error(errc::invalid, "game: majorities must be a list");
        std::size_t k = 0;
        for (const auto& m : j["majorities"])
            g.majorities.push_back(majority_of(m, "majorities[" + std::to_string(k++) + "]"));
    } else {
        g.majorities.push_back(majority_of(j, "game"));
    }
    if (j.contains("players")) {
        if (!j["players"].is_array()) throw error(errc::invalid, "game: players must be a list of strings");
        for (const auto& p : j["players"]) {
            if (!p.is_string()) throw error(errc::invalid, "game: players must be strings");
            g.players.push_back(p.get<std::string>());
        }
    }
    if (j.contains("unions")) {
        if (!j["unions"].is_array()) throw error(errc::invalid, "game: unions must be a list of lists");
        for (const auto& u : j["unions"]) {
            if (!u.is_array())
                throw error(errc::invalid, "game: each union must be a list of player indices");
            std::vector<player_t> members;
            for (const auto& x : u) {
                const auto v = whole(x, "union member");
                if (v > 0xFFFFFFFFu)
                    throw error(errc::invalid, "union member " + std::to_string(v) + " is not a player");
                members.push_back(static_cast<player_t>(v));
            }
            g.unions.push_back(std::move(members));
        }
    }
    validate(g);
    return g;
}

power_options power_options_from_json(std::string_view text) {
    const json j = parse(text, "power options");
    if (!j.is_object()) throw error(errc::invalid, "options must be a JSON object");
    power_options opt;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const auto& k = it.key();
        const auto& v = it.value();
        if (k == "indices") {
            opt.indices = 0;
            auto add = [&](std::string_view names) {
                // A name, or several separated by commas ("banzhaf,shapley_shubik").
                while (true) {
                    const auto comma = names.find(',');
                    opt.indices |= parse_power_index(names.substr(0, comma));
                    if (comma == std::string_view::npos) break;
                    names.remove_prefix(comma + 1);
                }
            };
            if (v.is_string())
                add(v.get_ref<const std::string&>());
            else if (v.is_array())
                for (const auto& x : v) {
                    if (!x.is_string()) throw error(errc::invalid, "option 'indices' must list names");
                    add(x.get_ref<const std::string&>());
                }
            else
                throw error(errc::invalid, "option 'indices' must be a name or a list of names");
        } else if (k == "method") {
            if (!v.is_string())
                throw error(errc::invalid, "option 'method' must be a string, got " + excerpt(v));
            opt.method = parse_power_method(v.get_ref<const std::string&>());
        } else if (k == "samples") {
            opt.samples = whole(v, "option 'samples'");
            if (opt.samples == 0 || opt.samples > k_max_power_samples)
                throw error(errc::invalid,
                            "option 'samples' must be between 1 and " + std::to_string(k_max_power_samples) +
                                " (the limit on Monte Carlo samples), got " + std::to_string(opt.samples));
        } else if (k == "seed")
            opt.seed = whole(v, "option 'seed'");
        else if (k == "threads") {
            const auto t = whole(v, "option 'threads'");
            if (t > 4096) throw error(errc::invalid, "option 'threads' must be 0 (all cores) to 4096");
            opt.threads = static_cast<unsigned>(t);
        } else if (k == "confidence") {
            if (!v.is_number() || v.get<double>() <= 0 || v.get<double>() >= 1)
                throw error(errc::invalid, "option 'confidence' must be a number in (0, 1)");
            opt.confidence = v.get<double>();
        } else
            throw error(errc::invalid, "unknown power option '" + k.substr(0, 40) + "'");
    }
    // Options only Monte Carlo reads would be ignored by the other methods: refused.
    if (opt.method != power_method::monte_carlo)
        for (const char* k : {"samples", "seed", "confidence"})
            if (j.contains(k))
                throw error(errc::invalid,
                            std::string("option '") + k + "' is only used by method monte-carlo");
    return opt;
}

} // namespace v0
} // namespace accord
