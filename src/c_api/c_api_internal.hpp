// Internal helpers of the C API shim: the exception barrier every entry point sits inside.
#pragma once

#include <nlohmann/json.hpp>

#include "accord/accord.h"
#include "accord/error.hpp"
#include "accord/detail/safety.hpp"

#include <new>
#include <string>

namespace accord::c_api {

extern thread_local std::string last_error;

inline accord_status fail(accord_status s, const std::string& msg) noexcept {
    try {
        last_error = msg;
    } catch (...) {
    }
    return s;
}

} // namespace accord::c_api

// Every C entry point: ACCORD_API_BEGIN ... ACCORD_API_END. Converts every exception to a status
// and a message; clears the last error on success.
#define ACCORD_API_BEGIN() try {
#define ACCORD_API_END() \
  accord::c_api::last_error.clear(); \
  return ACCORD_OK; \
  } \
  catch (const accord::error& e) { \
    return accord::c_api::fail(static_cast<accord_status>(e.code()), e.what()); \
  } \
  catch (...) { \
    auto [code_, msg_] = accord::detail::describe_exception(std::current_exception()); \
    return accord::c_api::fail(static_cast<accord_status>(code_), msg_); \
  }

#define ACCORD_CHECK_OUT(p) \
  do { \
    if (!(p)) return accord::c_api::fail(ACCORD_EINVALID, #p " must not be NULL"); \
  } while (0)

// ---- handle types ---------------------------------------------------------------------------
#include "accord/organisation.hpp"
#include "accord/profile.hpp"
#include "accord/result.hpp"

#include <algorithm>
#include <functional>
#include <iterator>
#include <mutex>
#include <optional>
#include <vector>

struct accord_profile {
    accord::profile p;
    mutable std::mutex mu;      // guards the cached strings below
    mutable std::string voters; // accord_profile_voters()
};

struct accord_result {
    accord::result r;
    // The strings the C API hands out are built on first request (a count through C costs the
    // count, not its JSON), each group exactly once under std::call_once, so concurrent readers
    // of one result stay safe and every pointer handed out stays valid until the result is freed.
    const std::string& json() const {
        std::call_once(json_once_, [this] { json_ = accord::to_json(r); });
        return json_;
    }
    const std::vector<std::optional<std::string>>& scores() const { return strings().scores; }
    /// Round k's tally of candidate c as text, or nullptr when c is not in the count then.
    const char* tally(std::size_t k, std::size_t c) const {
        const text& t = strings();
        if (!r.tallies_as_changes) {
            const auto& row = t.tallies[k];
            return c < row.size() && row[c] ? row[c]->c_str() : nullptr;
        }
        // The candidate's last change at or before round k.
        const auto& h = t.history[c];
        auto it =
            std::upper_bound(h.begin(), h.end(), k, [](std::size_t x, const auto& e) { return x < e.first; });
        if (it == h.begin()) return nullptr;
        const auto& v = std::prev(it)->second;
        return v ? v->c_str() : nullptr;
    }
    const std::vector<std::string>& exhausted() const { return strings().exhausted; }
    /// Tie i's candidates, sorted: the result's own list, or for a tie kept as the previous one's
    /// less some (IRV's ties past a million names) the list a shared tie_reader rebuilds, so
    /// reading the ties in order costs their changes. `read` sees it under the reader's lock.
    template <class F> auto with_tie_candidates(std::size_t i, F&& read) const {
        const auto& t = r.ties.at(i);
        if (!t.continues_previous) return read(t.candidates);
        std::lock_guard<std::mutex> lock(ties_mu_);
        if (!ties_) ties_.emplace(r);
        return read(ties_->candidates(i));
    }

  private:
    struct text {
        std::vector<std::optional<std::string>> scores;
        std::vector<std::vector<std::optional<std::string>>> tallies; // full rounds, by round
        // Rounds kept as changes: per candidate, (round, tally) at each change, in round order.
        std::vector<std::vector<std::pair<std::size_t, std::optional<std::string>>>> history;
        std::vector<std::string> exhausted;
    };
    const text& strings() const {
        std::call_once(strings_once_, [this] {
            text t;
            for (const auto& s : r.scores)
                t.scores.push_back(s ? std::optional(accord::to_string(*s)) : std::nullopt);
            if (r.tallies_as_changes) t.history.resize(r.candidates.size());
            for (std::size_t k = 0; k < r.rounds.size(); ++k) {
                const auto& rd = r.rounds[k];
                if (r.tallies_as_changes) {
                    for (const auto& ch : rd.changes)
                        t.history.at(ch.candidate)
                            .emplace_back(k, ch.votes ? std::optional(accord::to_string(*ch.votes))
                                                      : std::nullopt);
                } else {
                    std::vector<std::optional<std::string>> row;
                    for (const auto& v : rd.tallies)
                        row.push_back(v ? std::optional(accord::to_string(*v)) : std::nullopt);
                    t.tallies.push_back(std::move(row));
                }
                t.exhausted.push_back(accord::to_string(rd.inactive.total()));
            }
            strings_ = std::move(t);
        });
        return strings_;
    }
    mutable std::once_flag json_once_, strings_once_;
    mutable std::string json_;
    mutable text strings_;
    mutable std::mutex ties_mu_;
    mutable std::optional<accord::tie_reader> ties_;
};

struct accord_org {
    accord::organisation org;
};

#define ACCORD_CHECK_ARG(p) \
  do { \
    if (!(p)) return accord::c_api::fail(ACCORD_EINVALID, #p " must not be NULL"); \
  } while (0)

namespace accord::c_api {
inline accord_status out_of_range(const char* what, std::size_t i, std::size_t n) noexcept {
    return fail(ACCORD_ENOTFOUND,
                std::string(what) + " " + std::to_string(i) + " out of range (" + std::to_string(n) + ")");
}
} // namespace accord::c_api

namespace accord::c_api {
/// A malloc'd copy of s for the caller, freed with accord_string_free(); throws std::bad_alloc.
char* new_string(const std::string& s);
} // namespace accord::c_api

namespace accord::c_api {
/// A ranking given as one rank per candidate (0 = unranked, equal ranks = a tie) as marks, the
/// ranks renumbered densely (only their order matters). Negative ranks are errc::invalid.
inline std::vector<accord::mark> marks_of_ranks(const int32_t* ranks, size_t n) {
    std::vector<accord::mark> marks;
    for (size_t c = 0; c < n; ++c) {
        if (ranks[c] < 0)
            throw accord::error(accord::errc::invalid, "ranks[" + std::to_string(c) + "] is negative");
        if (ranks[c] > 0) marks.push_back({static_cast<accord::cand_t>(c), ranks[c]});
    }
    std::sort(marks.begin(), marks.end(), [](auto& a, auto& b) { return a.value < b.value; });
    int32_t dense = 0, last = 0;
    for (auto& m : marks) {
        if (m.value != last) {
            last = m.value;
            ++dense;
        }
        m.value = dense;
    }
    return marks;
}
} // namespace accord::c_api

namespace accord::c_api {
/// The C progress callback as the C++ analyses take it: progress(done, total) -> go on?
inline std::function<bool(std::size_t, std::size_t)> progress_of(accord_progress_fn progress,
                                                                 void* user_data) {
    if (!progress) return {};
    return [progress, user_data](std::size_t done, std::size_t total) {
        const double fraction = total ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
        return progress(fraction, user_data) == 0;
    };
}

} // namespace accord::c_api

namespace accord {
inline namespace v0 {
struct decision_rule;
}
} // namespace accord
namespace accord::c_api {
/// A decision rule given to the C API: NULL or "" gives `fallback`; {"policy": {...}, "category":
/// NAME}; or a rule or preset as parse_decision_rule() reads it.
accord::decision_rule decision_rule_of(const char* rule_json, accord::decision_rule fallback);
} // namespace accord::c_api
