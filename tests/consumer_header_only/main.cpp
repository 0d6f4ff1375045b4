// Counts IRV on Burlington 2009 (PrefLib 00005-00000002.toi) with accord::header-only: the
// ballots live in this program's own storage, weighted by `double`s, and no libaccord is linked.
// The winner and the order of elimination must be the exact count's: libaccord's irv() elects
// Bob Kiss after eliminating Simpson, the write-ins, Smith and Montroll one at a time, 4313 to
// 4061 in the last round (tests/preflib_irv_test.cpp, the official count in
// ../shared/data/SOURCES.md). The same template over std::int64_t, the type libaccord counts
// unweighted profiles in, is counted here too and must agree.
//
//
// Borda (positional.hpp's count_positional, m - i points, unranked candidates sharing the rest)
// is counted the same way with `double` weights, and in exact rationals over the unweighted
// storage: the tiers must be the same, each score within rounding of half the exact one, and
// Andy Montroll must win, as libaccord's borda() elects him (tests/condorcet_test.cpp).
//
// The pairwise matrix (pairwise.hpp's tally_pairwise) in `double` must be half the int64 one,
// cell by cell, with Montroll the Condorcet winner, beating Kiss 4067-3477 (electowiki).
//
// The Smith set (majority_graph.hpp, Boost.Graph) of the `double` matrix is {Montroll}, as the
// int64 one's.
//
// STV's arithmetic (stv_arith.hpp) in `double` (stv_float_arith) on the first preferences, for 3
// seats: the exact Droop and Meek quotas within rounding of half the exact-rational ones (the
// voters weigh 0.5) and elected on exceeding them, as exact arithmetic does; the whole-number
// Droop quota floor(v / 4) + 1 the same in all three policies; and the transfer value of the
// leader's surplus (Kurt Wright, first on first preferences) within 1e-12 of the exact one,
// while the Scottish fixed point (5 places) truncates it to at most 1e-5 below.
//
// usage: consumer_header_only FILE.toi; exits 77 (skipped) when the file is missing outside CI.
#include <accord/rules/irv.hpp>
#include <accord/rules/majority_graph.hpp>
#include <accord/rules/pairwise.hpp>
#include <accord/rules/positional.hpp>
#include <accord/rules/stv_arith.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <span>
#include <sstream>
#include <string>
#include <vector>

namespace {

// The embedder's own ballot storage: distinct rankings, flat, with a multiplicity each.
struct my_ballots {
    std::vector<std::string> names;
    std::vector<accord::mark> marks;
    std::vector<std::uint32_t> offsets{0};
    std::vector<std::uint64_t> count;

    std::size_t candidate_count() const { return names.size(); }
    std::size_t unique_count() const { return count.size(); }
    std::span<const accord::mark> flat_marks() const { return marks; }
    std::span<const std::uint32_t> flat_offsets() const { return offsets; }
    std::span<const std::uint64_t> counts() const { return count; }
    bool withdrawn(accord::cand_t) const { return false; }
    bool has_repeats() const { return false; }
};

// The same ballots, each voter weighing `weight` (a double).
struct weighted_ballots : my_ballots {
    std::vector<double> weight;
    std::span<const double> weights() const { return weight; }
};

// PrefLib TOI: "# ALTERNATIVE NAME k: name" headers, then "count: a,{b,c},d" lines (1-based).
weighted_ballots read_toi(std::istream& in, double w) {
    weighted_ballots b;
    std::string line;
    const std::string name_tag = "# ALTERNATIVE NAME ";
    while (std::getline(in, line)) {
        if (line.rfind(name_tag, 0) == 0) {
            b.names.push_back(line.substr(line.find(": ") + 2));
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        const auto colon = line.find(':');
        b.count.push_back(std::stoull(line.substr(0, colon)));
        b.weight.push_back(w);
        std::int32_t rank = 0;
        bool in_tier = false;
        std::string item;
        auto flush = [&] {
            if (item.empty()) return;
            if (!in_tier) ++rank;
            b.marks.push_back({static_cast<accord::cand_t>(std::stoul(item) - 1), rank});
            item.clear();
        };
        for (std::size_t i = colon + 1; i < line.size(); ++i) {
            const char c = line[i];
            if (c == '{') {
                ++rank;
                in_tier = true;
            } else if (c == '}') {
                flush();
                in_tier = false;
            } else if (c == ',') {
                flush();
            } else if (c != ' ') {
                item += c;
            }
        }
        flush();
        // Marks sorted by rank, then candidate, as ranking_ballot_source asks.
        std::sort(b.marks.begin() + b.offsets.back(), b.marks.end(), [](const auto& x, const auto& y) {
            return x.value != y.value ? x.value < y.value : x.candidate < y.candidate;
        });
        b.offsets.push_back(static_cast<std::uint32_t>(b.marks.size()));
    }
    return b;
}

int failures = 0;
void check(bool ok, const std::string& what) {
    if (!ok) {
        std::cerr << "FAILED: " << what << "\n";
        ++failures;
    }
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) return 2;
    std::ifstream in(argv[1]);
    if (!in) {
        const char* ci = std::getenv("CI");
        std::cerr << (ci && std::string(ci) == "true" ? "FAILED" : "SKIPPED") << ": no data file " << argv[1]
                  << "\n";
        return ci && std::string(ci) == "true" ? 1 : 77;
    }
    const weighted_ballots ballots = read_toi(in, 0.5);

    const auto fast = accord::count_irv<double>(ballots);
    const auto exact = accord::count_irv<std::int64_t>(static_cast<const my_ballots&>(ballots));

    auto name = [&](accord::cand_t c) { return ballots.names.at(c); };
    check(fast.winner && name(*fast.winner) == "Bob Kiss", "double count elects Bob Kiss");
    check(exact.winner == fast.winner, "int64 and double counts elect the same candidate");
    const std::vector<std::string> official = {"James Simpson", "Write-In", "Dan Smith", "Andy Montroll"};
    std::vector<std::string> order;
    for (accord::cand_t c : fast.eliminated) order.push_back(name(c));
    check(order == official, "double count eliminates Simpson, Write-In, Smith, Montroll in that order");
    check(exact.eliminated == fast.eliminated, "int64 and double counts eliminate in the same order");
    check(fast.rounds.size() == exact.rounds.size() && fast.rounds.size() == 5, "five rounds");
    // The rounds are kept as the tallies they changed; each round's full tallies are rebuilt.
    const auto last = accord::round_tallies(fast, fast.rounds.size() - 1);
    check(last.size() == ballots.candidate_count() && last[0] && *last[0] == 2156.5 && last[4] &&
              *last[4] == 2030.5,
          "last round: Kiss 4313 x 0.5, Wright 4061 x 0.5");
    std::vector<std::optional<double>> f;
    std::vector<std::optional<std::int64_t>> e;
    for (std::size_t r = 0; r < fast.rounds.size() && r < exact.rounds.size(); ++r) {
        accord::advance_tallies(fast, r, f);
        accord::advance_tallies(exact, r, e);
        for (std::size_t c = 0; c < ballots.candidate_count(); ++c)
            check(f[c].has_value() == e[c].has_value() &&
                      (!f[c] || *f[c] == 0.5 * static_cast<double>(*e[c])),
                  "round " + std::to_string(r + 1) + " tally of " + name(static_cast<accord::cand_t>(c)));
    }
    std::cout << "header-only IRV on Burlington 2009 (double weights): " << name(*fast.winner) << " after";
    for (const auto& n : order) std::cout << " " << n << ",";
    std::cout << " as the exact count\n";

    const auto borda_fast = accord::count_positional<double>(
        ballots, {.points = [](std::size_t i, std::size_t m) { return static_cast<double>(m - i); }});
    const auto borda_exact = accord::count_positional<accord::rational>(
        static_cast<const my_ballots&>(ballots), {.points = [](std::size_t i, std::size_t m) {
            return accord::rational(static_cast<std::int64_t>(m - i));
        }});
    check(borda_fast.ranking == borda_exact.ranking, "double and exact Borda rank in the same tiers");
    check(borda_exact.ranking.front().size() == 1 &&
              name(borda_exact.ranking.front().front()) == "Andy Montroll",
          "exact Borda elects Andy Montroll");
    for (accord::cand_t c = 0; c < ballots.candidate_count(); ++c) {
        const double want = 0.5 * borda_exact.scores[c]->convert_to<double>();
        check(borda_fast.scores[c] && std::abs(*borda_fast.scores[c] - want) <= 1e-9 * want,
              "Borda score of " + name(c) + " within rounding of half the exact score");
    }
    std::cout << "header-only Borda on Burlington 2009 (double weights): "
              << name(borda_fast.ranking.front().front()) << " as the exact count\n";

    const auto pairs_fast = accord::tally_pairwise<double>(ballots);
    const auto pairs_exact = accord::tally_pairwise<std::int64_t>(static_cast<const my_ballots&>(ballots));
    for (std::size_t x = 0; x < pairs_exact.support.size(); ++x)
        check(pairs_fast.support[x] == 0.5 * static_cast<double>(pairs_exact.support[x]),
              "pairwise cell " + std::to_string(x) + " is half the int64 count");
    const auto cw = accord::condorcet_winner(pairs_fast);
    check(cw && name(*cw) == "Andy Montroll", "Montroll is the Condorcet winner");
    check(cw == accord::condorcet_winner(pairs_exact),
          "double and int64 matrices agree on the Condorcet winner");
    check(pairs_exact(1, 0) == 4067 && pairs_exact(0, 1) == 3477, "Montroll beats Kiss 4067-3477");
    std::cout << "header-only pairwise on Burlington 2009 (double weights): Condorcet winner "
              << (cw ? name(*cw) : "none") << " as the exact count\n";
    const auto smith = accord::smith_set(pairs_fast);
    check(smith.size() == 1 && name(smith.front()) == "Andy Montroll", "the Smith set is {Montroll}");
    check(smith == accord::smith_set(pairs_exact), "double and int64 matrices agree on the Smith set");

    // STV's arithmetic on the first preferences (a ballot whose first rank is one candidate).
    std::vector<std::uint64_t> first(ballots.candidate_count(), 0);
    std::uint64_t valid = 0;
    for (std::size_t i = 0; i < ballots.unique_count(); ++i) {
        const auto from = ballots.offsets[i], to = ballots.offsets[i + 1];
        if (from == to || (to - from > 1 && ballots.marks[from + 1].value == ballots.marks[from].value))
            continue;
        first[ballots.marks[from].candidate] += ballots.count[i];
        valid += ballots.count[i];
    }
    const accord::cand_t leader =
        static_cast<accord::cand_t>(std::max_element(first.begin(), first.end()) - first.begin());
    check(name(leader) == "Kurt Wright", "Kurt Wright leads on first preferences");
    const std::size_t seats = 3;
    const accord::stv_exact_arith ex;
    const accord::stv_float_arith fl;
    const accord::stv_fixed_arith fx(5);
    const double valid_fl = 0.5 * static_cast<double>(valid);
    const auto q_ex =
        accord::gregory_quota(ex, ex.from_count(valid), seats, accord::stv_quota::droop_exact, false);
    const auto q_fl = accord::gregory_quota(fl, valid_fl, seats, accord::stv_quota::droop_exact, false);
    const double half_q = 0.5 * q_ex.value.convert_to<double>();
    check(std::abs(q_fl.value - half_q) <= 1e-12 * half_q && q_fl.strict && q_ex.strict,
          "double exact-Droop quota is half the exact one, elected on exceeding it");
    const double meek_half = 0.5 * accord::meek_quota(ex, ex.from_count(valid), seats).convert_to<double>();
    check(std::abs(accord::meek_quota(fl, valid_fl, seats) - meek_half) <= 1e-12 * meek_half,
          "double Meek quota is half the exact one");
    const auto droop_ex =
        accord::gregory_quota(ex, ex.from_count(valid), seats, accord::stv_quota::droop, false);
    const auto droop_fl =
        accord::gregory_quota(fl, fl.from_count(valid), seats, accord::stv_quota::droop, false);
    const auto droop_fx =
        accord::gregory_quota(fx, fx.from_count(valid), seats, accord::stv_quota::droop, false);
    check(droop_ex.value == accord::rational(static_cast<std::int64_t>(valid / (seats + 1) + 1)) &&
              fl.to_rational(droop_fl.value) == droop_ex.value &&
              fx.to_rational(droop_fx.value) == droop_ex.value,
          "the Droop quota floor(v / 4) + 1 is the same in every policy");
    const auto votes = first[leader];
    check(ex.from_count(votes) > droop_ex.value, "the leader exceeds the Droop quota");
    const auto tv_ex = ex.div_down(ex.from_count(votes) - droop_ex.value, ex.from_count(votes));
    const auto tv_fl = fl.div_down(fl.from_count(votes) - droop_fl.value, fl.from_count(votes));
    const auto tv_fx = fx.div_down(fx.from_count(votes) - droop_fx.value, fx.from_count(votes));
    check(std::abs(tv_fl - tv_ex.convert_to<double>()) <= 1e-12,
          "double transfer value within 1e-12 of the exact one");
    const accord::rational below = tv_ex - fx.to_rational(tv_fx);
    check(below >= 0 && below < accord::rational(1, 100000),
          "Scottish fixed point truncates the transfer value");
    std::cout << "header-only STV arithmetic on Burlington 2009 (double): quota " << q_fl.value << ", "
              << name(leader) << "'s transfer value " << tv_fl << " (exact " << tv_ex << ")\n";
    return failures == 0 ? 0 : 1;
}
