// accord/rules/positional-inl.hpp: the definitions of the positional templates declared in
// positional.hpp.
//
// The count over any number type and any ballot source (docs/architecture.md, "Header-heavy").
// libaccord compiles the instantiation positional.hpp declares `extern template` (exact
// rationals over a profile); include this header to instantiate others, e.g. `double` weights
// over your own ballot storage, without linking libaccord (accord::header-only).
#pragma once

#include "accord/rules/positional.hpp"

#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

namespace accord {
inline namespace v0 {
namespace detail {

// Calls f(i, tier, s, e, k) for each tier of active candidates in each distinct ballot i, which
// takes positions s..e of the k it ranks, and, under truncation::average with k < m, once more
// with the unranked active candidates over positions k+1..m. Tiers are read from the marks as
// tiers_of() reads them (overvotes and repeats skipped), into buffers reused across ballots:
// this loop runs for every count of every Monte Carlo sample.
template <class Source, class F>
void for_each_share(const Source& s, const std::vector<char>& active, const std::vector<cand_t>& cands,
                    truncation trunc, F&& f) {
    const std::size_t m = cands.size();
    const auto all = s.flat_marks();
    const auto off = s.flat_offsets();
    std::vector<char> seen(s.candidate_count());
    std::vector<cand_t> flat, unranked;
    std::vector<std::size_t> starts;
    for (std::size_t i = 0; i < s.unique_count(); ++i) {
        std::fill(seen.begin(), seen.end(), 0);
        flat.clear();
        starts.clear();
        std::int32_t last = 0;
        for (std::uint32_t j = off[i]; j < off[i + 1]; ++j) {
            const mark& mk = all[j];
            if (mk.candidate == k_overvote || !active[mk.candidate] || seen[mk.candidate]) continue;
            seen[mk.candidate] = 1;
            if (starts.empty() || mk.value != last) starts.push_back(flat.size());
            last = mk.value;
            flat.push_back(mk.candidate);
        }
        const std::size_t k = flat.size();
        starts.push_back(k);
        for (std::size_t t = 0; t + 1 < starts.size(); ++t)
            f(i, std::span<const cand_t>(flat.data() + starts[t], starts[t + 1] - starts[t]), starts[t] + 1,
              starts[t + 1], k);
        if (trunc == truncation::average && k < m) {
            unranked.clear();
            for (cand_t c : cands)
                if (!seen[c]) unranked.push_back(c);
            f(i, std::span<const cand_t>(unranked), k + 1, m, k);
        }
    }
}

} // namespace detail

template <class Num, ranking_ballot_source Source>
positional_outcome<Num> count_positional(const Source& ballots, const positional_count<Num>& how) {
    static_assert(!std::is_integral_v<Num>,
                  "tied positions share their points: count in rational or a floating type");
    ballot_values<Source>::template check<Num>(ballots, how.method.c_str());
    const std::vector<char> active = detail::starting_candidates(ballots, how.excluded, how.method);
    const std::size_t n = ballots.candidate_count();
    std::vector<cand_t> cands;
    for (cand_t c = 0; c < n; ++c)
        if (active[c]) cands.push_back(c);
    const std::size_t m = cands.size();
    const truncation trunc = how.truncated;

    // The points of positions s..e (inclusive) of a ballot ranking k candidates. Without
    // truncation::modified the points do not depend on k, so prefix sums serve every ballot.
    std::vector<Num> prefix;
    if (trunc != truncation::modified) {
        if (!how.points) throw error(errc::invalid, how.method + ": no points given");
        prefix.assign(m + 1, Num(0));
        for (std::size_t i = 1; i <= m; ++i) prefix[i] = prefix[i - 1] + how.points(i, m);
    }
    auto range_sum = [&](std::size_t s, std::size_t e, std::size_t k) -> Num {
        if (e < s) return Num(0);
        if (trunc != truncation::modified) return prefix[e] - prefix[s - 1];
        // Emerson: position i of k ranked scores k - i + 1.
        Num sum(0);
        for (std::size_t i = s; i <= e; ++i) sum += Num(static_cast<std::int64_t>(k - i + 1));
        return sum;
    };
    std::vector<Num> score(n, Num(0));
    // Each ballot's value is formed once, not once per tier: a rational, or a weight's nearest
    // double, costs more than the additions it feeds.
    std::size_t valued = static_cast<std::size_t>(-1);
    Num w(0);
    detail::for_each_share(
        ballots, active, cands, trunc,
        [&](std::size_t i, std::span<const cand_t> tier, std::size_t s, std::size_t e, std::size_t k) {
            // Equal rankings (or the unranked, under truncation::average) share
            // the points of the positions they span.
            const Num share = range_sum(s, e, k) / Num(static_cast<std::int64_t>(tier.size()));
            if (share == Num(0)) return;
            if (valued != i) {
                w = ballot_values<Source>::template value<Num>(ballots, i);
                valued = i;
            }
            for (cand_t c : tier) score[c] += w * share;
        });
    positional_outcome<Num> out;
    out.ranking = tiers_by_score(cands, score);
    out.scores.assign(n, std::nullopt);
    for (cand_t c : cands) out.scores[c] = score[c];
    return out;
}

} // namespace v0
} // namespace accord
