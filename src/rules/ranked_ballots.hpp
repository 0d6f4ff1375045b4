// Internal: ranking ballots as weighted tiers of the candidates taking part, and first
// preferences shared equally within a tier. What the rules of knockout.cpp, veto.cpp and
// bucklin.cpp count from (pref_voting's catalogue: docs/methods/<rule>.md).
#pragma once

#include "accord/error.hpp"
#include "accord/profile.hpp"
#include "accord/result.hpp"

#include <string>
#include <vector>

namespace accord {
inline namespace v0 {
namespace ranked_detail {

/// One distinct ballot: its tiers of active candidates (most preferred first, none empty) and
/// its weight (multiplicity x per-voter weight).
struct weighted_tiers {
    std::vector<std::vector<cand_t>> tiers;
    rational w;
};

/// Candidates taking part: neither withdrawn nor excluded. Refuses an excluded index out of
/// range and a count with nobody left, naming `method`.
inline std::vector<char> active_candidates(const profile& p, const std::vector<cand_t>& excluded,
                                           const std::string& method) {
    const std::size_t n = p.candidate_count();
    std::vector<char> active(n, 1);
    for (cand_t c = 0; c < n; ++c)
        if (p.withdrawn(c)) active[c] = 0;
    for (cand_t c : excluded) {
        if (c >= n) throw error(errc::invalid, method + ": excluded candidate index out of range");
        active[c] = 0;
    }
    bool any = false;
    for (char a : active) any = any || a;
    if (!any) throw error(errc::invalid, method + ": no candidate to count");
    return active;
}

inline std::vector<cand_t> members(const std::vector<char>& in) {
    std::vector<cand_t> out;
    for (cand_t c = 0; c < in.size(); ++c)
        if (in[c]) out.push_back(c);
    return out;
}

/// The ballots of a ranking profile restricted to `active`. errc::unsupported for other kinds.
inline std::vector<weighted_tiers> ballots_of(const profile& p, const std::vector<char>& active,
                                              const std::string& method) {
    if (p.kind() != ballot_kind::ranking)
        throw error(errc::unsupported, method + " needs ranking ballots, the profile holds " +
                                           ballot_kind_name(p.kind()) + " ballots");
    std::vector<weighted_tiers> out;
    out.reserve(p.unique_count());
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        const auto b = p.ballot(i);
        weighted_tiers wt;
        wt.w = rational(b.count);
        if (b.weight) wt.w *= *b.weight;
        for (auto& t : tiers_of(p, b)) {
            std::erase_if(t, [&](cand_t c) { return !active[c]; });
            if (!t.empty()) wt.tiers.push_back(std::move(t));
        }
        out.push_back(std::move(wt));
    }
    return out;
}

/// First preferences among `in`: each ballot's weight goes to the highest of its tiers holding a
/// member of `in`, shared equally among those members. A ballot ranking no member is exhausted.
inline std::vector<rational> shared_firsts(const std::vector<weighted_tiers>& ballots,
                                           const std::vector<char>& in, rational* exhausted = nullptr) {
    std::vector<rational> t(in.size(), rational(0));
    rational ex = 0;
    for (const auto& b : ballots) {
        bool counted = false;
        for (const auto& tier : b.tiers) {
            std::int64_t k = 0;
            for (cand_t c : tier) k += in[c] ? 1 : 0;
            if (k == 0) continue;
            const rational share = b.w / k;
            for (cand_t c : tier)
                if (in[c]) t[c] += share;
            counted = true;
            break;
        }
        if (!counted) ex += b.w;
    }
    if (exhausted) *exhausted = ex;
    return t;
}

/// An empty result of `method` over p's candidates.
inline result start_result(const profile& p, const std::string& method) {
    result r;
    r.method = method;
    r.candidates = p.candidate_names();
    return r;
}

/// A round whose tallies are `score` for the members of `in` (nullopt for the others).
inline round_record tally_round(const std::vector<char>& in, const std::vector<rational>& score,
                                std::string note) {
    round_record rec;
    rec.tallies.assign(in.size(), std::nullopt);
    for (cand_t c = 0; c < in.size(); ++c)
        if (in[c]) rec.tallies[c] = score[c];
    rec.note = std::move(note);
    return rec;
}

} // namespace ranked_detail
} // namespace v0
} // namespace accord
