// tests/random_profiles.hpp: seeded random ranking profiles for property tests, and the
// transformations the properties compare (relabelling candidates, reordering, doubling).
#pragma once

#include "accord/profile.hpp"
#include "accord/result.hpp"

#include <algorithm>
#include <random>
#include <string>
#include <vector>

namespace accord_test {

struct random_ballot {
    std::vector<std::vector<accord::cand_t>> tiers;
    std::uint64_t count;
};

/// n candidates, `distinct` random ballots with counts 1..5. With `weak`, ballots may hold
/// equal rankings and be truncated; otherwise they are complete strict orders.
inline std::vector<random_ballot> random_ballots(std::mt19937_64& rng, std::size_t n, std::size_t distinct,
                                                 bool weak) {
    std::vector<random_ballot> out;
    for (std::size_t i = 0; i < distinct; ++i) {
        std::vector<accord::cand_t> order(n);
        for (std::size_t c = 0; c < n; ++c) order[c] = static_cast<accord::cand_t>(c);
        std::shuffle(order.begin(), order.end(), rng);
        std::size_t keep = n;
        if (weak) keep = 1 + rng() % n;
        random_ballot b;
        b.count = 1 + rng() % 5;
        for (std::size_t k = 0; k < keep; ++k) {
            if (weak && !b.tiers.empty() && rng() % 4 == 0)
                b.tiers.back().push_back(order[k]);
            else
                b.tiers.push_back({order[k]});
        }
        out.push_back(std::move(b));
    }
    return out;
}

inline std::vector<std::string> letters(std::size_t n) {
    std::vector<std::string> names;
    for (std::size_t c = 0; c < n; ++c) names.push_back(std::string(1, static_cast<char>('A' + c)));
    return names;
}

/// The profile of the ballots; `perm[c]` relabels candidate c (names follow, so name X is the
/// same candidate in every relabelling), `factor` multiplies every count, `reverse` adds the
/// ballots in reverse order.
inline accord::profile build(const std::vector<random_ballot>& bs, std::size_t n,
                             const std::vector<accord::cand_t>& perm = {}, std::uint64_t factor = 1,
                             bool reverse = false) {
    auto base = letters(n);
    std::vector<std::string> names(n);
    for (std::size_t c = 0; c < n; ++c) names[perm.empty() ? c : perm[c]] = base[c];
    accord::profile p(names);
    auto add = [&](const random_ballot& b) {
        auto tiers = b.tiers;
        if (!perm.empty())
            for (auto& t : tiers)
                for (auto& c : t) c = perm[c];
        p.add_ranking(tiers, b.count * factor);
    };
    if (reverse)
        for (auto it = bs.rbegin(); it != bs.rend(); ++it) add(*it);
    else
        for (const auto& b : bs) add(b);
    return p;
}

/// A ranking as tiers of names, each tier sorted, for comparisons across relabellings.
inline std::vector<std::vector<std::string>> named(const accord::result& r) {
    std::vector<std::vector<std::string>> out;
    for (const auto& t : r.ranking) {
        std::vector<std::string> names;
        for (auto c : t) names.push_back(r.candidates[c]);
        std::sort(names.begin(), names.end());
        out.push_back(names);
    }
    return out;
}

inline std::vector<std::string> winner_names(const accord::result& r) {
    std::vector<std::string> out;
    for (auto c : r.winners) out.push_back(r.candidates[c]);
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace accord_test
