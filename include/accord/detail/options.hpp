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
#include <string>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {

/// Thrown by option_reader::finish() in probe mode: the adapter has read all its options, and the
/// rule is not run. Not an std::exception, so no adapter's handler can swallow it.
struct option_probe_done {};

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

    template <class T> std::optional<T> get(const std::string& key) {
        check_declared(key);
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

    std::vector<cand_t> candidates(const std::string& key) {
        check_declared(key);
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
        if (auto s = get<std::string>("tie_break")) {
            auto colon = s->find(':');
            def.policy = parse_tie_policy(s->substr(0, colon));
            if (colon != std::string::npos) def.fallback = parse_tie_policy(s->substr(colon + 1));
            if (def.fallback == tie_policy::previous_rounds)
                throw error(
                    errc::invalid,
                    method_ + ": the fallback after previous-rounds must be lexicographic, random or report");
        }
        if (auto seed = get<std::uint64_t>("seed")) def.seed = *seed;
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
    void probe(std::vector<std::string>* seen) { probe_ = seen; }

  private:
    const nlohmann::json& j_;
    const profile& p_;
    std::string method_;
    std::set<std::string> used_;
    const std::vector<std::string>* declared_ = nullptr;
    std::vector<std::string>* probe_ = nullptr;

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

/// The ballot kinds a rule counts, as bits (method_entry::ballots). A rule given a profile of
/// another kind refuses it with errc::unsupported (tests/registry_options_test.cpp checks both).
enum class ballot_kinds : std::uint8_t {
    ranking = 1u << static_cast<unsigned>(ballot_kind::ranking),
    approval = 1u << static_cast<unsigned>(ballot_kind::approval),
    score = 1u << static_cast<unsigned>(ballot_kind::score),
    ranking_or_approval = ranking | approval,
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
    /// Why probing failed (no probe reached the adapter's finish()); run() reports it.
    std::string probe_error = {};
};

} // namespace detail
} // namespace v0
} // namespace accord
