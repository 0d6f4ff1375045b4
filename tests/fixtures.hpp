// tests/fixtures.hpp: fixtures several test files share (a hand-counted profile, ranking helpers)
// and the names of parameterised tests.
#pragma once

#include "accord/error.hpp"
#include "accord/io/read.hpp"
#include "accord/profile.hpp"
#include "accord/result.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <initializer_list>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace accord_test {

/// The code of the accord::error that f throws, or errc::ok when it throws none.
inline accord::errc code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const accord::error& e) {
        return e.code();
    }
    return accord::errc::ok;
}

/// The message (what()) of the accord::error that f throws, or "" when it throws none.
inline std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const accord::error& e) {
        return e.what();
    }
    return {};
}

/// The single winner's name, or "(N winners)" when there is not exactly one.
inline std::string winner(const accord::result& r) {
    if (r.winners.size() != 1) return "(" + std::to_string(r.winners.size()) + " winners)";
    return r.candidates[r.winners[0]];
}

/// The winners' names, in the result's order (committees and budgets in order of election).
inline std::vector<std::string> names_of(const accord::result& r) {
    std::vector<std::string> v;
    for (accord::cand_t c : r.winners) v.push_back(r.candidates[c]);
    return v;
}

/// The Tennessee capital example: Memphis 42% M>N>C>K, Nashville 26% N>C>K>M, Chattanooga 15%
/// C>K>N>M, Knoxville 17% K>C>N>M. Head to head: N beats C 68-32, K 68-32, M 58-42; C beats
/// K 83-17 and M 58-42; K beats M 58-42.
inline accord::profile tennessee() {
    using accord::cand_t;
    accord::profile p({"Memphis", "Nashville", "Chattanooga", "Knoxville"});
    const cand_t M = 0, N = 1, C = 2, K = 3;
    p.add_order(std::vector<cand_t>{M, N, C, K}, 42);
    p.add_order(std::vector<cand_t>{N, C, K, M}, 26);
    p.add_order(std::vector<cand_t>{C, K, N, M}, 15);
    p.add_order(std::vector<cand_t>{K, C, N, M}, 17);
    return p;
}

/// How VoteKit's Portland 2024 cast-vote records (votekit/Portland_*_Condensed.csv) are read:
/// CSV, ranks after the precinct column, "skipped" for a blank rank.
inline accord::read_options portland_read_options() {
    accord::read_options ro;
    ro.format = accord::file_format::csv;
    ro.csv.first_column = 2; // after the precinct
    ro.csv.skipped_labels = {"skipped"};
    return ro;
}

/// A profile of complete strict orders written inline: orders({"a", "b"}, {{{0, 1}, 2}, {{1, 0}, 1}}).
inline accord::profile
orders(const std::vector<std::string>& names,
       const std::vector<std::pair<std::vector<accord::cand_t>, std::uint64_t>>& ballots) {
    accord::profile p(names);
    for (const auto& b : ballots) p.add_order(b.first, b.second);
    return p;
}

/// Ranking tiers written inline: tiers({{1}, {0, 2}}).
inline std::vector<std::vector<accord::cand_t>>
tiers(std::initializer_list<std::initializer_list<accord::cand_t>> t) {
    std::vector<std::vector<accord::cand_t>> out;
    for (auto& x : t) out.emplace_back(x);
    return out;
}

/// A ranking written as the peers print it, "A > B = C > D", as tiers of names, each tier
/// sorted (compare with random_profiles.hpp's named()).
inline std::vector<std::vector<std::string>> parse_ranking(const std::string& s) {
    std::vector<std::vector<std::string>> out;
    std::size_t pos = 0;
    out.emplace_back();
    auto trim = [](std::string x) {
        while (!x.empty() && x.front() == ' ') x.erase(x.begin());
        while (!x.empty() && x.back() == ' ') x.pop_back();
        return x;
    };
    while (pos <= s.size()) {
        const std::size_t gt = s.find(" > ", pos), eq = s.find(" = ", pos);
        const std::size_t next = std::min(gt, eq);
        out.back().push_back(trim(s.substr(pos, next == std::string::npos ? std::string::npos : next - pos)));
        if (next == std::string::npos) break;
        if (next == gt) out.emplace_back();
        pos = next + 3;
    }
    for (auto& t : out) std::sort(t.begin(), t.end());
    return out;
}

/// `text` as a test name: every character but letters and digits becomes '_'.
inline std::string test_name(std::string_view text) {
    std::string out;
    for (char ch : text) out += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
    return out;
}

/// Names a parameterised test after its parameter's `file` (from its first '/' on, with
/// `after_directory`), for INSTANTIATE_TEST_SUITE_P.
struct name_by_file {
    bool after_directory = false;
    template <class P> std::string operator()(const ::testing::TestParamInfo<P>& info) const {
        const std::string file = info.param.file;
        return test_name(after_directory ? std::string_view(file).substr(file.find('/') + 1) : file);
    }
};

/// n candidates "c0".."c(n-1)" and `ballots` orders of 1 to max_len distinct candidates, each
/// from the first `common` candidates except one draw in `rare_one_in` from all of them: many
/// candidates sit at few or no votes for many rounds (the equivalence tests of IRV and STV).
inline accord::profile skewed_profile(std::mt19937_64& rng, std::size_t n, int ballots, std::uint64_t max_len,
                                      std::uint64_t rare_one_in, std::uint64_t common) {
    std::vector<std::string> names;
    for (std::size_t c = 0; c < n; ++c) names.push_back("c" + std::to_string(c));
    accord::profile p(names);
    for (int b = 0; b < ballots; ++b) {
        std::vector<accord::cand_t> order;
        while (order.size() < 1 + rng() % max_len) {
            const auto c = static_cast<accord::cand_t>(rng() % rare_one_in == 0 ? rng() % n : rng() % common);
            if (std::find(order.begin(), order.end(), c) == order.end()) order.push_back(c);
        }
        p.add_order(order);
    }
    return p;
}

} // namespace accord_test
