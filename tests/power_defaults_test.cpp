// The default power method picks the best method that fits (issue 13): exact when the exact
// programme fits its memory limit, else the proven-bound Fourier estimate, labelled; indices the
// caller named are never swapped silently (the error names the method that can answer); and one
// defaults table, read from JSON by the one reader the C API and the CLI marshal into.
#include "accord/power.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace accord;

namespace {
// 600 players of weight ~10^5: the by-size table of Shapley-Shubik needs ~600 x 3 x 10^7
// cells, far past the 512 MiB limit (refused before allocating), while the Fourier bound takes
// a moment.
weighted_game big_game() {
    std::vector<std::uint64_t> w(600);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < w.size(); ++i) total += w[i] = 100000 + 37 * i;
    return make_weighted_game(total / 2 + 1, w);
}

std::string message_of(const weighted_game& g, const power_options& o) {
    try {
        power_indices(g, o);
    } catch (const error& e) {
        return e.what();
    }
    return "";
}
} // namespace

TEST(PowerDefaults, AutoAnswersAGameTooLargeForTheExactProgrammeWithTheLabelledFourierBound) {
    const auto r = power_indices(big_game());
    EXPECT_EQ(r.method, "fourier-bound");
    EXPECT_FALSE(r.exact);
    EXPECT_GT(r.error_bound, 0);
    ASSERT_EQ(r.banzhaf.value.size(), 600u);
    ASSERT_FALSE(r.notes.empty());
    EXPECT_NE(r.notes.front().find("method auto"), std::string::npos) << r.notes.front();
    EXPECT_NE(r.notes.front().find("512.0 MiB"), std::string::npos) << r.notes.front();
}

TEST(PowerDefaults, AutoStaysExactWhenTheProgrammeFits) {
    const auto r = power_indices(make_weighted_game(39, {7, 7, 7, 7, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}));
    EXPECT_EQ(r.method, "dynamic-programming");
    EXPECT_TRUE(r.exact);
    EXPECT_FALSE(r.shapley_shubik.empty());
    EXPECT_FALSE(r.holler.empty());
}

TEST(PowerDefaults, NamedIndicesThatDoNotFitAreRefusedNamingTheBetterMethods) {
    power_options o;
    o.indices = index_banzhaf | index_shapley_shubik;
    const auto what = message_of(big_game(), o);
    EXPECT_NE(what.find("512.0 MiB"), std::string::npos) << what;
    EXPECT_NE(what.find("method fourier"), std::string::npos) << what;
    EXPECT_NE(what.find("method monte-carlo"), std::string::npos) << what;
    o.method = power_method::dynamic_programming;
    EXPECT_NE(message_of(big_game(), o).find("method fourier"), std::string::npos);
}

TEST(PowerDefaults, TheJsonReaderUsesTheOneDefaultsTable) {
    const auto g = power_game_from_json(R"({"quota": 4, "weights": [3, 2, 1, 1]})");
    const auto o = power_options_from_json("{}");
    EXPECT_EQ(o.indices, unsigned(index_defaults));
    EXPECT_EQ(o.method, power_method::automatic);
    EXPECT_EQ(default_power_indices(g, power_method::automatic),
              unsigned(index_banzhaf | index_shapley_shubik | index_coleman | index_holler |
                       index_deegan_packel | index_johnston));
    EXPECT_EQ(power_options_from_json(R"({"indices": "banzhaf,holler"})").indices,
              unsigned(index_banzhaf | index_holler));
    EXPECT_EQ(power_options_from_json(R"({"method": "monte-carlo"})").indices, unsigned(index_defaults));
    EXPECT_EQ(default_power_indices(g, power_method::monte_carlo),
              unsigned(index_banzhaf | index_shapley_shubik));
}

TEST(PowerDefaults, NumbersAreReadAsWhatTheyAre) {
    auto refused = [](const char* game, const char* opts, const char* words) {
        try {
            (void)power_game_from_json(game);
            (void)power_options_from_json(opts);
        } catch (const error& e) {
            EXPECT_EQ(e.code(), errc::invalid) << e.what();
            EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
            return;
        }
        ADD_FAILURE() << game << " " << opts << " accepted";
    };
    const char* ok = R"({"quota": 2, "weights": [1, 1, 1]})";
    refused(R"({"quota": -2, "weights": [1, 1, 1]})", "{}", "game quota");
    refused(R"({"quota": 2, "weights": [1, 1.5, 1]})", "{}", "weights[1]");
    refused(R"({"quota": "99999999999999999999", "weights": [1]})", "{}", "64 bits");
    refused(ok, R"({"method": "monte-carlo", "samples": -1})", "option 'samples'");
    refused(ok, R"({"method": "monte-carlo", "samples": 1000000000000})", "between 1 and 10000000000");
    refused(ok, R"({"method": "monte-carlo", "samples": 0})", "option 'samples'");
    refused(ok, R"({"samples": 100})", "only used by method monte-carlo");
    refused(ok, R"({"seed": 1})", "only used by method monte-carlo");
}
