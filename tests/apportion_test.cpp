// Apportionment against textbook cases with known answers.
#include "accord/apportion.hpp"
#include "accord/error.hpp"

#include <gtest/gtest.h>

using namespace accord;

namespace {
std::vector<std::uint64_t> seats(std::vector<std::uint64_t> pops, std::uint64_t n, const char* method) {
    return apportion(pops, {.method = parse_apportion_method(method), .seats = n}).seats;
}
} // namespace

TEST(Apportion, DhondtAndSainteLagueOnTheClassicFourPartyExample) {
    // Votes 100,000 / 80,000 / 30,000 / 20,000 for 8 seats: D'Hondt 4-3-1-0, Sainte-Laguë 3-3-1-1.
    const std::vector<std::uint64_t> v{100000, 80000, 30000, 20000};
    EXPECT_EQ(seats(v, 8, "dhondt"), (std::vector<std::uint64_t>{4, 3, 1, 0}));
    EXPECT_EQ(seats(v, 8, "sainte-lague"), (std::vector<std::uint64_t>{3, 3, 1, 1}));
    // Largest remainder: quotas 3.48, 2.78, 1.04, 0.70 -> 3, 2, 1, 0 + two seats by remainder
    // (0.78 and 0.70) -> 3, 3, 1, 1.
    EXPECT_EQ(seats(v, 8, "hamilton"), (std::vector<std::uint64_t>{3, 3, 1, 1}));
}

TEST(Apportion, HamiltonShowsTheAlabamaParadox) {
    // Populations 6, 6, 2: with 10 seats the small unit gets 2; with 11 it gets 1.
    EXPECT_EQ(seats({6, 6, 2}, 10, "hamilton"), (std::vector<std::uint64_t>{4, 4, 2}));
    EXPECT_EQ(seats({6, 6, 2}, 11, "hamilton"), (std::vector<std::uint64_t>{5, 5, 1}));
}

TEST(Apportion, AdamsAndHuntingtonHillGiveEveryUnitASeatFirst) {
    const std::vector<std::uint64_t> v{1000, 10, 10};
    EXPECT_EQ(seats(v, 3, "adams"), (std::vector<std::uint64_t>{1, 1, 1}));
    EXPECT_EQ(seats(v, 3, "huntington-hill"), (std::vector<std::uint64_t>{1, 1, 1}));
    EXPECT_EQ(seats(v, 3, "jefferson"), (std::vector<std::uint64_t>{3, 0, 0}));
    // Huntington-Hill's 4th seat: priorities 1000/sqrt(2) vs 10/sqrt(2): the big unit.
    EXPECT_EQ(seats(v, 4, "huntington-hill"), (std::vector<std::uint64_t>{2, 1, 1}));
}

TEST(Apportion, TiesAreReportedNotHidden) {
    auto r =
        apportion(std::vector<std::uint64_t>{5, 5, 5}, {.method = apportion_method::jefferson, .seats = 2});
    ASSERT_EQ(r.ties.size(), 1u);
    EXPECT_EQ(r.ties[0].units, (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_EQ(r.ties[0].chosen, (std::vector<std::size_t>{0, 1}));
    EXPECT_EQ(r.seats, (std::vector<std::uint64_t>{1, 1, 0}));
}

TEST(Apportion, MinimumsMaximumsAndErrors) {
    apportion_options o{
        .method = apportion_method::webster, .seats = 10, .min_seats = {1, 1, 1}, .max_seats = {5, 5, 5}};
    auto r = apportion(std::vector<std::uint64_t>{900, 50, 50}, o);
    // The big unit is capped at 5; the two small ones tie for the last seat (reported; the
    // earlier unit is given it).
    EXPECT_EQ(r.seats, (std::vector<std::uint64_t>{5, 3, 2}));
    ASSERT_EQ(r.ties.size(), 1u);
    EXPECT_EQ(r.ties[0].units, (std::vector<std::size_t>{1, 2}));
    EXPECT_THROW(apportion(std::vector<std::uint64_t>{1, 1}, {.seats = 1, .min_seats = {1, 1}}), error);
    EXPECT_THROW(apportion(std::vector<std::uint64_t>{0, 0}, {.seats = 1}), error);
    EXPECT_THROW(parse_apportion_method("lottery"), error);
    EXPECT_EQ(r.quotas[0], rational(9));
}
