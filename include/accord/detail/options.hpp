// accord/detail/options.hpp: reading a rule's options from JSON, strictly.
//
// Every key must be consumed: an unknown key, or a value of the wrong type, is errc::invalid
// naming the option, so a typo never silently falls back to a default.
#pragma once

#include "accord/detail/safety.hpp"
#include "accord/error.hpp"
#include "accord/profile.hpp"
#include "accord/tie_break.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {

/// Thrown by option_reader::finish() in probe mode: the adapter has read all its options, and the
/// rule is not run. Not an std::exception, so no adapter's handler can swallow it.
struct option_probe_done {};

/// What probing learns of one option key from the accessor that reads it (method_entry::specs):
/// its type, the allowed values of a string choice, its default and whether it is required.
/// Its one-line description is not here but in src/option_docs.cpp (option_description()).
struct option_spec {
    std::string key;
    /// "bool", "integer", "integer >= 0", "number", "string", "exact number" (an integer or a
    /// string "p/q" / decimal), "candidate", "candidates" (a list), "object", "list" or "json".
    std::string type;
    std::vector<std::string> choices; ///< the values a string choice takes; empty otherwise
    nlohmann::json default_value;     ///< null: no default value (unset unless given; see `required`)
    bool required = false;            ///< the rule refuses to count without it
};

class option_reader {
  public:
    /// `declared`, when given, is the method's option list (method_entry::options, learnt from
    /// the adapter itself by probing, see probe()): reading a key it does not list is an
    /// internal error (a read the probe did not reach, e.g. one that depends on another
    /// option's value).
    option_reader(const nlohmann::json& j, const profile& p, std::string method,
                  const std::vector<std::string>* declared = nullptr)
        : j_(j), p_(p), method_(std::move(method)), declared_(declared) {
        if (!j_.is_object()) throw error(errc::invalid, method_ + ": options must be a JSON object");
    }

    bool has(const std::string& key) const {
        check_declared(key);
        return j_.contains(key);
    }

    /// The caller's progress callback (empty if none), for rules with long work.
    std::function<bool(double)> progress;

    /// The key's value, nullopt when absent or null. `def`, the value the adapter uses when the
    /// key is absent, is only recorded by probing (the listing shows it); it is not returned.
    template <class T>
    std::optional<T> get(const std::string& key, const std::optional<T>& def = std::nullopt) {
        check_declared(key);
        if (probe_) record(key, type_name<T>(), def ? nlohmann::json(*def) : nlohmann::json());
        auto it = j_.find(key);
        if (it == j_.end() || it->is_null()) {
            used_.insert(key);
            return std::nullopt;
        }
        used_.insert(key);
        try {
            if constexpr (std::is_same_v<T, bool>) {
                if (!it->is_boolean()) throw std::invalid_argument("boolean");
            } else if constexpr (std::is_integral_v<T>) {
                if (!it->is_number_integer()) throw std::invalid_argument("integer");
                if constexpr (std::is_unsigned_v<T>) {
                    if (it->is_number_integer() && !it->is_number_unsigned() &&
                        it->template get<std::int64_t>() < 0)
                        throw std::invalid_argument("non-negative integer");
                }
            } else if constexpr (std::is_same_v<T, std::string>) {
                if (!it->is_string()) throw std::invalid_argument("string");
            } else if constexpr (std::is_floating_point_v<T>) {
                if (!it->is_number()) throw std::invalid_argument("number");
            }
            return it->template get<T>();
        } catch (const std::invalid_argument& e) {
            throw error(errc::invalid, method_ + ": option '" + key + "' must be a " + e.what() + ", got " +
                                           json_excerpt(*it));
        } catch (const nlohmann::json::exception&) {
            throw error(errc::invalid,
                        method_ + ": option '" + key + "' has the wrong type: " + json_excerpt(*it));
        }
    }

    /// A candidate given by name or 0-based index.
    cand_t candidate(const nlohmann::json& v, const std::string& key) const {
        if (v.is_string()) {
            if (auto c = p_.find_candidate(v.get<std::string>())) return *c;
            throw error(errc::not_found, method_ + ": option '" + key + "' names unknown candidate '" +
                                             v.get<std::string>() + "'");
        }
        if (v.is_number_unsigned() && v.get<std::uint64_t>() < p_.candidate_count())
            return static_cast<cand_t>(v.get<std::uint64_t>());
        throw error(errc::invalid, method_ + ": option '" + key +
                                       "' must name a candidate (name or 0-based index), got " +
                                       json_excerpt(v));
    }

    /// A string that must be one of `choices` (which probing records: the listing shows them);
    /// the adapter still parses it, and tests check that it accepts every listed value.
    std::optional<std::string> choice(const std::string& key, const std::vector<std::string>& choices,
                                      const std::optional<std::string>& def = std::nullopt) {
        auto v = get<std::string>(key, def);
        if (probe_) record(key, "string", {}, false, &choices);
        return v;
    }

    /// One candidate (name or 0-based index), nullopt when absent or null.
    std::optional<cand_t> optional_candidate(const std::string& key) {
        check_declared(key);
        if (probe_) record(key, "candidate", {});
        used_.insert(key);
        auto it = j_.find(key);
        if (it == j_.end() || it->is_null()) return std::nullopt;
        return candidate(*it, key);
    }

    /// Marks the key required: throws errc::invalid with `why` when it is absent.
    void require(const std::string& key, const std::string& why) {
        check_declared(key);
        if (probe_) record(key, "", {}, true);
        if (!j_.contains(key)) throw error(errc::invalid, why);
    }

    /// Records the key's type and default for the listing when no typed accessor says it (a
    /// JSON value the adapter reads itself: an exact number, an object, a list).
    void describe(const std::string& key, const std::string& type, const nlohmann::json& def = {},
                  bool required = false) {
        check_declared(key);
        if (probe_) record(key, type, def, required, nullptr, true);
    }

    std::vector<cand_t> candidates(const std::string& key) {
        check_declared(key);
        if (probe_) record(key, "candidates", nlohmann::json::array());
        used_.insert(key);
        std::vector<cand_t> out;
        auto it = j_.find(key);
        if (it == j_.end() || it->is_null()) return out;
        if (!it->is_array())
            throw error(errc::invalid, method_ + ": option '" + key + "' must be a list of candidates");
        for (const auto& v : *it) out.push_back(candidate(v, key));
        return out;
    }

    /// tie_break ("previous-rounds", "lexicographic", "random", "report", or
    /// "previous-rounds:random"), seed, tie_order.
    tie_break_options tie_break(tie_break_options def = {}) {
        if (probe_) {
            std::vector<std::string> names;
            for (const auto& e : tie_policy_table()) names.push_back(e.name);
            for (const auto& e : tie_policy_table())
                if (e.policy != tie_policy::previous_rounds)
                    names.push_back(std::string(tie_policy_name(tie_policy::previous_rounds)) + ":" + e.name);
            std::string d = tie_policy_name(def.policy);
            if (def.policy == tie_policy::previous_rounds && def.fallback != tie_break_options{}.fallback)
                d += std::string(":") + tie_policy_name(def.fallback);
            check_declared("tie_break");
            record("tie_break", "string", d, false, &names);
        }
        if (auto s = get<std::string>("tie_break")) {
            auto colon = s->find(':');
            def.policy = parse_tie_policy(s->substr(0, colon));
            if (colon != std::string::npos) def.fallback = parse_tie_policy(s->substr(colon + 1));
            if (def.fallback == tie_policy::previous_rounds)
                throw error(
                    errc::invalid,
                    method_ + ": the fallback after previous-rounds must be lexicographic, random or report");
        }
        if (auto seed = get<std::uint64_t>("seed", def.seed)) def.seed = *seed;
        if (probe_) {
            check_declared("tie_order");
            record("tie_order", "candidates", nlohmann::json::array());
        }
        if (has("tie_order")) def.order = candidates("tie_order");
        used_.insert("tie_order");
        return def;
    }

    /// Throws for any key not consumed: an option this method does not use is refused, naming
    /// the option, the method and the options it does use.
    void finish() const {
        if (probe_) throw option_probe_done{};
        for (auto it = j_.begin(); it != j_.end(); ++it)
            if (!used_.count(it.key())) {
                std::string known;
                if (declared_)
                    for (const auto& k : *declared_) known += (known.empty() ? "" : ", ") + k;
                else
                    for (const auto& k : used_) known += (known.empty() ? "" : ", ") + k;
                throw error(errc::invalid, method_ + ": unknown option '" + it.key() + "' (" + method_ +
                                               " does not use it; its options: " + known + ")");
            }
    }

    const std::string& method() const { return method_; }

    /// Probe mode: every key the adapter looks up (has, get, candidates, tie_break) is appended
    /// to `*seen` once, in the order read, and finish() throws option_probe_done instead of
    /// checking, so the adapter stops before its rule runs. This is how the registry learns a
    /// rule's option keys from its adapter, so the list cannot drift (src/registry.cpp).
    void probe(std::vector<std::string>* seen, std::vector<option_spec>* specs = nullptr) {
        probe_ = seen;
        specs_ = specs;
    }

  private:
    const nlohmann::json& j_;
    const profile& p_;
    std::string method_;
    std::set<std::string> used_;
    const std::vector<std::string>* declared_ = nullptr;
    std::vector<std::string>* probe_ = nullptr;
    std::vector<option_spec>* specs_ = nullptr;

    template <class T> static const char* type_name() {
        if constexpr (std::is_same_v<T, bool>)
            return "bool";
        else if constexpr (std::is_integral_v<T> && std::is_unsigned_v<T>)
            return "integer >= 0";
        else if constexpr (std::is_integral_v<T>)
            return "integer";
        else if constexpr (std::is_floating_point_v<T>)
            return "number";
        else if constexpr (std::is_same_v<T, std::string>)
            return "string";
        else
            return "json";
    }

    /// Probe mode: what this read says of the key. A later, more specific read refines an
    /// earlier one: a type replaces "json" or none (`replace` for describe()), a default or
    /// choices fill what is missing, and required once stays required.
    void record(const std::string& key, const std::string& type, const nlohmann::json& def,
                bool required = false, const std::vector<std::string>* choices = nullptr,
                bool replace = false) {
        if (!specs_) return;
        auto it =
            std::find_if(specs_->begin(), specs_->end(), [&](const option_spec& s) { return s.key == key; });
        if (it == specs_->end()) it = specs_->insert(specs_->end(), option_spec{key, "", {}, {}, false});
        if (!type.empty() && (replace || it->type.empty() || it->type == "json")) it->type = type;
        if (it->default_value.is_null() && !def.is_null()) it->default_value = def;
        if (choices && it->choices.empty()) it->choices = *choices;
        it->required = it->required || required;
    }

    void check_declared(const std::string& key) const {
        if (probe_) {
            if (std::find(probe_->begin(), probe_->end(), key) == probe_->end()) probe_->push_back(key);
            return;
        }
        if (declared_ && std::find(declared_->begin(), declared_->end(), key) == declared_->end())
            throw error(errc::error, method_ + ": internal error: the adapter reads option '" + key +
                                         "', which probing it did not find (give its entry a probe "
                                         "that reaches the read, src/registry.cpp)");
    }
};

/// One line of the option descriptions (src/option_docs.cpp): `method` empty for the meaning
/// every method that reads `key` shares; a method's own line overrides it.
struct option_doc {
    const char* key;
    const char* method;
    const char* text;
};
std::span<const option_doc> option_docs();
/// The description of `key` as `method` reads it; empty when there is none (a test fails then).
std::string option_description(std::string_view method, std::string_view key);

/// Runs a method's adapter in probe mode (option_reader::probe) with these options, on the
/// registry's three-candidate probe profile (candidates A, B and C): returns when the adapter
/// reaches finish(), so every value given was accepted; throws what reading them threw
/// otherwise. Tests use it to check that every allowed value the listing shows is accepted.
void probe_method(std::string_view method, std::string_view options_json);

/// The ballot kinds a rule counts, as bits (method_entry::ballots). A rule given a profile of
/// another kind refuses it with errc::unsupported (tests/registry_options_test.cpp checks both).
enum class ballot_kinds : std::uint8_t {
    ranking = 1u << static_cast<unsigned>(ballot_kind::ranking),
    approval = 1u << static_cast<unsigned>(ballot_kind::approval),
    score = 1u << static_cast<unsigned>(ballot_kind::score),
    ranking_or_approval = ranking | approval,
    approval_or_score = approval | score,
};

constexpr bool accepts(ballot_kinds set, ballot_kind k) noexcept {
    return (static_cast<unsigned>(set) >> static_cast<unsigned>(k)) & 1u;
}

/// One registry entry. Families of rules append theirs in src/registry.cpp; the fields after
/// `run` have defaults, so most lines give only the first three.
struct method_entry {
    std::string name;
    std::string summary;
    result (*run)(const profile&, option_reader&);
    /// The count is a sum of per-ballot scores (the positional family): SMAA may sum scores
    /// instead of counting each sample (analysis asks this, never the rule's name).
    bool additive = false;
    /// The ballot kinds it counts (analysis and front doors ask this, never the rule's name).
    ballot_kinds ballots = ballot_kinds::ranking;
    /// Other names it answers to (run(), the C API, Python and the CLI accept them).
    std::vector<std::string> aliases = {};
    /// Its page; empty means docs/methods/NAME.md.
    std::string docs = {};
    /// Options (JSON) with which probing the adapter reads every key, when the default probes,
    /// `{}` and `{"seats": 1}`, stop early because the rule requires an option (e.g. positional's
    /// `points`). Candidates are named A, B and C.
    std::string probe = {};
    /// The option keys the adapter reads, in the order it reads them: learnt by probing it
    /// (src/registry.cpp), never written by hand.
    std::vector<std::string> options = {};
    /// The same keys, in the same order, with what probing learnt of each: type, allowed values,
    /// default, required.
    std::vector<option_spec> specs = {};
    /// Why probing failed (no probe reached the adapter's finish()); run() reports it.
    std::string probe_error = {};
};

} // namespace detail
} // namespace v0
} // namespace accord
