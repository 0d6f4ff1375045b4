// Small approval profiles for the committee-rule tests, written the way abcvoting's tests and
// Lackner & Skowron's book write them: candidates a, b, c, ... and approval sets as strings.
#pragma once

#include "accord/profile.hpp"
#include "accord/registry.hpp"
#include "accord/result.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <iterator>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace abc_fixtures {

using ballots = std::vector<std::pair<std::string, std::uint64_t>>;

/// n candidates named a, b, c, ...; each entry is an approval set ("ab") with its multiplicity.
inline accord::profile approvals(std::size_t n, const ballots& list) {
    std::vector<std::string> names;
    for (std::size_t c = 0; c < n; ++c) names.emplace_back(1, static_cast<char>('a' + c));
    accord::profile p(names, accord::ballot_kind::approval);
    for (const auto& [set, k] : list) {
        std::vector<accord::cand_t> a;
        for (char c : set) a.push_back(static_cast<accord::cand_t>(c - 'a'));
        p.add_approval(a, k);
    }
    return p;
}

/// Each approval set once ({"ab", "c"} -> {{"ab", 1}, {"c", 1}}).
inline ballots one_each(std::initializer_list<const char*> sets) {
    ballots v;
    for (auto s : sets) v.push_back({s, 1});
    return v;
}

/// The Lackner & Skowron running example (Example 2.1): 12 voters, candidates a-h (h approved
/// by nobody, as in abcvoting's instance); the book elects k = 4.
inline accord::profile book_example() {
    return approvals(8, {{"ab", 3}, {"ac", 3}, {"ad", 2}, {"bcf", 1}, {"e", 1}, {"f", 1}, {"g", 1}});
}

/// The winners as a sorted string of candidate letters ("abd").
inline std::string committee(const accord::result& r) {
    std::string s;
    for (accord::cand_t c : r.winners) s += static_cast<char>('a' + c);
    std::sort(s.begin(), s.end());
    return s;
}

/// {"seats": seats, extra...}
inline std::string options(std::size_t seats, const std::string& extra) {
    return "{\"seats\":" + std::to_string(seats) + (extra.empty() ? "" : "," + extra) + "}";
}

/// One peer test instance: for each rule, every committee the peer lists as winning.
struct instance {
    const char* name;
    accord::profile p;
    std::size_t seats;
    std::vector<std::pair<const char*, std::vector<std::string>>> expected;
};

/// accord's committee for `rule` is one of the peer's `committees`, under two opposite tie
/// orders (candidate order, and the last candidate favoured), and the count is complete.
inline void expect_one_of(const instance& inst, const std::string& rule,
                          const std::vector<std::string>& committees) {
    const std::set<std::string> allowed(committees.begin(), committees.end());
    const std::string last(1, static_cast<char>('a' + inst.p.candidate_count() - 1));
    for (const std::string& order : {std::string(), "\"tie_order\":[\"" + last + "\"]"}) {
        const auto r = accord::run(inst.p, rule, options(inst.seats, order));
        EXPECT_TRUE(allowed.count(committee(r))) << committee(r);
        EXPECT_TRUE(r.complete);
    }
}

/// An exact rule under "report": the winners are exactly the candidates every one of the peer's
/// committees holds, and the result is complete (no tie recorded) only when there is one.
inline void expect_report_is_intersection(const instance& inst, const std::string& rule,
                                          const std::vector<std::string>& committees) {
    std::string common = committees.front();
    for (const auto& c : committees) {
        std::string keep;
        std::set_intersection(common.begin(), common.end(), c.begin(), c.end(), std::back_inserter(keep));
        common = keep;
    }
    const auto rep = accord::run(inst.p, rule, options(inst.seats, "\"tie_break\":\"report\""));
    EXPECT_EQ(committee(rep), common);
    EXPECT_EQ(rep.complete, committees.size() == 1);
    EXPECT_EQ(rep.ties.empty(), committees.size() == 1);
}

} // namespace abc_fixtures
