// Internal: ranking ballots as weighted tiers of the candidates taking part, and first
// preferences shared equally within a tier. What the rules of knockout.cpp, veto.cpp and
// bucklin.cpp count from (pref_voting's catalogue: docs/methods/<rule>.md).
#pragma once

#include "accord/error.hpp"
#include "accord/profile.hpp"
#include "accord/result.hpp"

#include <algorithm>
#include <cstdint>
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

/// Complete strict rankings of whole voters, for rules that count voters one at a time or take
/// medians: each distinct ballot as an order of the candidates taking part (`cands`; a ballot
/// may leave one unranked, which it ranks last) with its count. Refuses (unsupported, naming the
/// ballot) a weighted ballot, an equal ranking, a ballot leaving two or more unranked, and more
/// than `max_voters` voters; `invalid` when there are no voters.
struct strict_orders {
    std::vector<std::vector<cand_t>> orders;
    std::vector<std::uint64_t> counts;
    std::uint64_t voters = 0;
};
inline strict_orders strict_orders_of(const profile& p, const std::vector<weighted_tiers>& ballots,
                                      const std::vector<cand_t>& cands, const std::string& method,
                                      std::uint64_t max_voters) {
    strict_orders s;
    for (std::size_t i = 0; i < ballots.size(); ++i) {
        const auto b = p.ballot(i);
        const std::string which = method + ": ballot " + std::to_string(i + 1);
        if (b.weight && *b.weight != 1)
            throw error(errc::unsupported, which + " has weight " + b.weight->str() + "; " + method +
                                               " counts whole voters and needs unweighted ballots");
        std::vector<cand_t> order;
        for (const auto& tier : ballots[i].tiers) {
            if (tier.size() > 1)
                throw error(errc::unsupported, which + " ranks " + p.candidate_name(tier[0]) + " and " +
                                                   p.candidate_name(tier[1]) + " equal; " + method +
                                                   " needs strict rankings");
            order.push_back(tier[0]);
        }
        if (order.size() + 1 < cands.size())
            throw error(errc::unsupported, which + " ranks " + std::to_string(order.size()) + " of the " +
                                               std::to_string(cands.size()) + " candidates; " + method +
                                               " needs complete rankings (one candidate may be left "
                                               "unranked: it is last)");
        if (order.size() + 1 == cands.size())
            for (cand_t c : cands)
                if (std::find(order.begin(), order.end(), c) == order.end()) order.push_back(c);
        if (b.count > max_voters - s.voters)
            throw error(errc::unsupported, method + ": more than " + std::to_string(max_voters) +
                                               " voters; the rule counts every voter and stops there");
        s.voters += b.count;
        s.orders.push_back(std::move(order));
        s.counts.push_back(b.count);
    }
    if (s.voters == 0) throw error(errc::invalid, method + ": no voters");
    return s;
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
