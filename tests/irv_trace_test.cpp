// IRV's round trace kept as changes (issue 17): each round records only the tallies that moved,
// and every round's full tallies are rebuilt on demand. The rebuilt tallies are checked against
// the count run with hooks that record every continuing candidate's tally at every round (the
// trace irv() and count_irv kept before), on real elections and on a count too large for full
// JSON; count_irv's own rounds, kept as changes too, rebuild the same tallies.
#include "accord/io/read.hpp"
#include "accord/rules/irv-inl.hpp"
#include "accord/rules/irv.hpp"

#include "fixtures.hpp"
#include "test_data.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>

using namespace accord;

namespace {

// Hooks for detail::run_irv that do not declare `changes_only`, so each round arrives with every
// continuing candidate's tally; ties are broken by the same policy code as count_irv's.
template <class Num> struct full_round_hooks {
    detail::tie_policy_core core;
    std::vector<irv_round<Num>> rounds;
    std::vector<std::vector<cand_t>> ties = {}; ///< every tie's candidates, listed in full

    void round(irv_round<Num>&& r) { rounds.push_back(std::move(r)); }
    std::optional<cand_t> pick_winner(std::span<const cand_t> tied, std::size_t) {
        std::vector<cand_t> t(tied.begin(), tied.end());
        std::sort(t.begin(), t.end());
        if (t.size() == 1) return t.front();
        ties.push_back(t);
        return core
            .pick(t, false, [&](std::vector<cand_t>& left) { detail::narrow_by_rounds(rounds, left, false); })
            .chosen;
    }
    template <class F>
    std::optional<cand_t> pick_loser(std::span<const cand_t> tied, std::size_t, F&& narrow) {
        std::vector<cand_t> t(tied.begin(), tied.end());
        std::sort(t.begin(), t.end());
        if (t.size() == 1) return t.front();
        ties.push_back(t);
        return core.pick(t, true, narrow).chosen;
    }
};

// Every round of irv(p) and of count_irv<Num>(p) rebuilt from its changes, both ways
// (round_tallies() for one round, advance_tallies() walking them all), equals the full record
// of that round; returns the number of tallies compared.
template <class Num> std::size_t expect_trace_rebuilds_full_rounds(const profile& p, const irv_options& opt) {
    const result r = irv(p, opt);
    const irv_outcome<Num> generic = count_irv<Num>(p, opt);
    full_round_hooks<Num> full{detail::tie_policy_core(opt.tie_break, p.candidate_count()), {}};
    detail::run_irv<Num>(p, opt, full);
    EXPECT_TRUE(r.tallies_as_changes);
    EXPECT_EQ(r.rounds.size(), full.rounds.size());
    EXPECT_EQ(generic.rounds.size(), full.rounds.size());
    std::vector<std::optional<rational>> walked;
    std::vector<std::optional<Num>> generic_walked;
    std::size_t compared = 0;
    for (std::size_t k = 0; k < std::min({r.rounds.size(), generic.rounds.size(), full.rounds.size()}); ++k) {
        EXPECT_TRUE(r.rounds[k].tallies.empty()) << "round " << k + 1 << " keeps a full table";
        EXPECT_TRUE(generic.rounds[k].tallies.empty())
            << "count_irv's round " << k + 1 << " keeps a full table";
        const auto one = round_tallies(r, k);
        advance_tallies(r, k, walked);
        advance_tallies(generic, k, generic_walked);
        EXPECT_EQ(full.rounds[k].tallies.size(), p.candidate_count());
        std::vector<std::optional<rational>> want(p.candidate_count());
        for (cand_t c = 0; c < want.size(); ++c)
            if (full.rounds[k].tallies[c]) want[c] = rational(*full.rounds[k].tallies[c]);
        EXPECT_EQ(one, want) << "round " << k + 1;
        EXPECT_EQ(walked, want) << "round " << k + 1;
        EXPECT_EQ(generic_walked, full.rounds[k].tallies) << "count_irv's round " << k + 1;
        EXPECT_EQ(round_tallies(generic, k), full.rounds[k].tallies) << "count_irv's round " << k + 1;
        for (const auto& t : want) compared += t.has_value();
    }
    return compared;
}

std::size_t expect_rebuilds(const profile& p, const irv_options& opt = {}) {
    return p.integral() ? expect_trace_rebuilds_full_rounds<std::int64_t>(p, opt)
                        : expect_trace_rebuilds_full_rounds<rational>(p, opt);
}

} // namespace

TEST(IrvTrace, Burlington2006And2009ChangesRebuildEveryRoundsFullTallies) {
    for (const char* f :
         {"preflib/00005 - burlington/00005-00000001.toi", "preflib/00005 - burlington/00005-00000002.toi"}) {
        ACCORD_SHARED_FILE(path, f);
        SCOPED_TRACE(f);
        EXPECT_GE(expect_rebuilds(read_profile(path)), 20u); // 6 candidates, 4 or 5 rounds
    }
}

TEST(IrvTrace, SanFranciscoOaklandMinneapolisChangesRebuildEveryRoundsFullTallies) {
    for (const char* f :
         {"preflib/00021 - sf/00021-00000001.toi", "preflib/00019 - oakland/00019-00000001.toi",
          "preflib/00018 - minneapolis/00018-00000001.soi"}) {
        ACCORD_SHARED_FILE(path, f);
        SCOPED_TRACE(f);
        const profile p = read_profile(path);
        EXPECT_GT(expect_rebuilds(p), p.candidate_count());
        EXPECT_GT(expect_rebuilds(p, {.batch_elimination = true}), p.candidate_count());
    }
}

TEST(IrvTrace, Portland2024District1ChangesRebuildEveryRoundsFullTallies) {
    ACCORD_SHARED_FILE(f, "votekit/Portland_D1_Condensed.csv");
    const profile p = read_profile(f, accord_test::portland_read_options());
    EXPECT_GT(expect_rebuilds(p, {.overvotes = overvote_rule::skip_to_next}), 100u);
}

TEST(IrvTrace, WeightedAndContinueUntilTwoCountsRebuildTheirFullTallies) {
    std::mt19937_64 rng(17);
    for (int trial = 0; trial < 30; ++trial) {
        profile p = accord_test::skewed_profile(rng, 12, 80, 4, 10, 5);
        if (trial % 2)
            p.add_order(std::vector<cand_t>{0, 1}, 2, rational(1, 3)); // weighted: the rational count
        expect_rebuilds(p, {.continue_until_two = trial % 3 == 0});
    }
}

// A count whose full table passes k_full_round_tallies: the JSON gives each round's changes,
// says so, and those changes rebuild every round.
TEST(IrvTrace, LargeCountsJsonCarriesChangesThatRebuildEveryRound) {
    std::mt19937_64 rng(3);
    const std::size_t n = 1'600;
    std::vector<std::string> names;
    for (std::size_t c = 0; c < n; ++c) names.push_back("c" + std::to_string(c));
    profile p(names);
    for (int v = 0; v < 3'000; ++v) {
        const auto a = static_cast<cand_t>(rng() % n), b = static_cast<cand_t>(rng() % 40);
        p.add_order(a == b ? std::vector<cand_t>{a} : std::vector<cand_t>{a, b});
    }
    const result r = irv(p);
    ASSERT_GT(full_tally_entries(r), k_full_round_tallies);
    const auto j = nlohmann::json::parse(to_json(r));
    EXPECT_EQ(j.at("round_tallies"), "changes");
    ASSERT_EQ(j.at("rounds").size(), r.rounds.size());
    EXPECT_FALSE(j["rounds"][0].contains("tallies"));

    std::map<std::string, std::string> from_json;
    std::vector<std::optional<rational>> walked;
    for (std::size_t k = 0; k < r.rounds.size(); ++k) {
        for (const auto& [name, v] : j["rounds"][k].at("tally_changes_exact").items()) {
            if (v.is_null())
                from_json.erase(name);
            else
                from_json[name] = v.get<std::string>();
        }
        advance_tallies(r, k, walked);
        if (k % 97 != 0 && k + 1 != r.rounds.size()) continue; // a sample of rounds: each is O(n)
        std::map<std::string, std::string> want;
        for (cand_t c = 0; c < n; ++c)
            if (walked[c]) want[names[c]] = to_string(*walked[c]);
        EXPECT_EQ(from_json, want) << "round " << k + 1;
    }
}

TEST(IrvTrace, RoundTalliesRefusesARoundPastTheLast) {
    profile p({"a", "b"});
    p.add_order(std::vector<cand_t>{0}, 2);
    p.add_order(std::vector<cand_t>{1}, 1);
    const result r = irv(p);
    EXPECT_THROW(round_tallies(r, r.rounds.size()), error);
}

// 1,960 candidates without a vote are eliminated one per round, each tie the last one less the
// candidate it chose: past a million tied names the JSON says "same_tie" for those, and the
// ties rebuilt from it are the count's ties.
profile zero_vote_profile(std::vector<std::string>& names) {
    const std::size_t n = 2'000;
    for (std::size_t c = 0; c < n; ++c) names.push_back("c" + std::to_string(c));
    profile p(names);
    for (cand_t c = 0; c < 40; ++c) p.add_order(std::vector<cand_t>{c}, 1 + c);
    return p;
}

TEST(IrvTrace, ManyZeroVoteTiesJsonNamesEachTieOnceAndRebuildsThemAll) {
    std::vector<std::string> names;
    const profile p = zero_vote_profile(names);
    const result r = irv(p);
    std::size_t tied = 0;
    tie_reader reader(r);
    for (std::size_t i = 0; i < r.ties.size(); ++i) tied += reader.size(i);
    ASSERT_GT(tied, k_full_round_tallies);
    const auto j = nlohmann::json::parse(to_json(r));
    EXPECT_EQ(j.at("tie_candidates"), "changes");
    ASSERT_EQ(j.at("ties").size(), r.ties.size());
    std::size_t same = 0;
    std::vector<std::string> previous, chosen;
    for (std::size_t i = 0; i < r.ties.size(); ++i) {
        const auto& jt = j["ties"][i];
        std::vector<std::string> candidates;
        if (jt.value("same_tie", false)) {
            ++same;
            for (const auto& c : previous)
                if (std::find(chosen.begin(), chosen.end(), c) == chosen.end()) candidates.push_back(c);
        } else {
            candidates = jt.at("candidates").get<std::vector<std::string>>();
        }
        std::vector<std::string> want;
        for (cand_t c : reader.candidates(i)) want.push_back(names[c]);
        ASSERT_EQ(candidates, want) << "tie " << i;
        previous = candidates;
        chosen = jt.at("chosen").get<std::vector<std::string>>();
    }
    EXPECT_GT(same, 1'900u);
}

// The ties of a count, listed in full: run with hooks that record every tie as it comes.
std::vector<std::vector<cand_t>> ties_in_full(const profile& p) {
    full_round_hooks<std::int64_t> full{detail::tie_policy_core(irv_options{}.tie_break, p.candidate_count()),
                                        {}};
    detail::run_irv<std::int64_t>(p, irv_options{}, full);
    return full.ties;
}

// Past a million tied names IRV keeps a tie that is the previous one less some candidates as that
// change (the 10,000-candidate count's ties listed in full took 200 MB): what it stores is about a
// million names rather than two, and every tie read back, in order, backwards or alone, is the
// tie the count meets, as hooks that list every tie in full record it.
TEST(IrvTrace, ManyZeroVoteTiesAreKeptAsChangesAndReadBackInFull) {
    std::vector<std::string> names;
    const profile p = zero_vote_profile(names);
    const result r = irv(p);
    const auto listed = ties_in_full(p);
    ASSERT_EQ(r.ties.size(), listed.size());
    std::size_t in_full = 0, stored = 0, as_changes = 0;
    tie_reader forwards(r), backwards(r);
    for (std::size_t i = 0; i < r.ties.size(); ++i) {
        const auto& t = r.ties[i];
        EXPECT_TRUE(t.continues_previous ? t.candidates.empty() : t.left.empty()) << "tie " << i;
        as_changes += t.continues_previous;
        stored += t.candidates.size() + t.left.size();
        in_full += listed[i].size();
        ASSERT_EQ(forwards.candidates(i), listed[i]) << "tie " << i;
        EXPECT_EQ(forwards.size(i), listed[i].size()) << "tie " << i;
        const std::size_t back = r.ties.size() - 1 - i;
        ASSERT_EQ(backwards.candidates(back), listed[back]) << "tie " << back;
        if (i % 97 == 0) EXPECT_EQ(tie_candidates(r, i), listed[i]) << "tie " << i;
    }
    EXPECT_FALSE(r.ties.front().continues_previous);
    EXPECT_GT(as_changes, 900u);
    EXPECT_GT(in_full, stored + 800'000) << "the changes should save most of the second million names";
    EXPECT_THROW(forwards.candidates(r.ties.size()), error);
}

// count_irv (the header-only count) keeps its ties the same way, and tie_candidates(outcome, i)
// lists each one as the count met it; its ties are the compiled irv()'s, tie for tie.
TEST(IrvTrace, CountIrvKeepsManyZeroVoteTiesAsChangesAndListsThemInFull) {
    std::vector<std::string> names;
    const profile p = zero_vote_profile(names);
    const auto listed = ties_in_full(p);
    const result r = irv(p);
    const auto check = [&](const auto& generic) {
        ASSERT_EQ(generic.ties.size(), listed.size());
        std::size_t stored = 0, in_full = 0, as_changes = 0;
        for (std::size_t i = 0; i < generic.ties.size(); ++i) {
            const auto& t = generic.ties[i];
            EXPECT_EQ(t.continues_previous, r.ties[i].continues_previous) << "tie " << i;
            EXPECT_EQ(t.left, r.ties[i].left) << "tie " << i;
            as_changes += t.continues_previous;
            stored += t.candidates.size() + t.left.size();
            in_full += listed[i].size();
            if (i % 13 == 0 || i + 1 == generic.ties.size())
                ASSERT_EQ(tie_candidates(generic, i), listed[i]) << "tie " << i;
        }
        EXPECT_GT(as_changes, 900u);
        EXPECT_GT(in_full, stored + 800'000);
        EXPECT_FALSE(generic.ties.front().continues_previous);
        EXPECT_THROW((void)tie_candidates(generic, generic.ties.size()), error);
    };
    check(count_irv<std::int64_t>(p));
    check(count_irv<rational>(p));
}
