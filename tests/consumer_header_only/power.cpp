// Power indices with accord::header-only (accord/power_dp.hpp): no libaccord is linked.
//
// 1. The 78 practices of Herefordshire and Worcestershire by registered patients, strict
//    majority (q = 416,565). Counted exactly in unsigned __int128 (every count is below 2^79),
//    the largest practice's swings and the number of winning coalitions must be libaccord's
//    exact values, pinned in tests/power_test.cpp (HerefordshireAndWorcestershire78Practices...);
//    counted in `double`, normalised Banzhaf must agree with the exact one to 1e-12 and the
//    largest practice's Shapley-Shubik value with libaccord's exact fraction to 1e-9 (a heavy
//    player's series is short; a light one's cancels too much for doubles).
// 2. The textbook games of ../shared/data/power/power_indices_published.csv (EU Council of 27
//    with the Nice weights, the UN Security Council, Nassau County, ...), counted exactly in
//    big_int: every swing count and every exact Shapley-Shubik value must be the file's (which
//    libaccord reproduces in Power.EveryPublishedValueIsReproducedExactly).
//
// usage: consumer_header_only_power PRACTICES.csv PUBLISHED.csv; exits 77 (skipped) when a file
// is missing outside CI.
#include <accord/power_dp.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <vector>

namespace {

__extension__ typedef unsigned __int128 u128;

int failures = 0;
void check(bool ok, const std::string& what) {
    if (!ok) {
        std::cerr << "FAILED: " << what << "\n";
        ++failures;
    }
}

// Quoted fields with commas, no embedded newlines.
std::vector<std::map<std::string, std::string>> read_csv(std::istream& in) {
    std::vector<std::map<std::string, std::string>> rows;
    std::vector<std::string> header;
    std::string line;
    while (std::getline(in, line)) {
        std::vector<std::string> f(1);
        bool quoted = false;
        for (char c : line) {
            if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                f.emplace_back();
            else if (c != '\r')
                f.back() += c;
        }
        if (header.empty()) {
            header = f;
            continue;
        }
        std::map<std::string, std::string> row;
        for (std::size_t i = 0; i < header.size() && i < f.size(); ++i) row[header[i]] = f[i];
        rows.push_back(std::move(row));
    }
    return rows;
}

accord::big_int to_big(u128 v) {
    accord::big_int r = static_cast<std::uint64_t>(v >> 64);
    r <<= 64;
    r += static_cast<std::uint64_t>(v);
    return r;
}

/// Exact Shapley-Shubik from exact counts by size: sum_k k! (n-1-k)! eta_ik / n!.
template <class Count>
std::vector<accord::rational> exact_shapley(const accord::weighted_game_counts<Count>& c) {
    std::vector<accord::big_int> fact(c.n + 1, 1);
    for (std::size_t k = 1; k <= c.n; ++k) fact[k] = fact[k - 1] * static_cast<unsigned>(k);
    std::vector<accord::rational> out;
    for (std::size_t i = 0; i < c.n; ++i) {
        accord::big_int num = 0;
        for (std::size_t k = 0; k < c.n; ++k) num += fact[k] * fact[c.n - 1 - k] * c.swings_by_size(i, k);
        out.emplace_back(num, fact[c.n]);
    }
    return out;
}

bool open_or_skip(std::ifstream& in, const char* path, int& status) {
    in.open(path);
    if (in) return true;
    const char* ci = std::getenv("CI");
    const bool under_ci = ci && std::string(ci) == "true";
    std::cerr << (under_ci ? "FAILED" : "SKIPPED") << ": no data file " << path << "\n";
    status = under_ci ? 1 : 77;
    return false;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) return 2;
    int status = 0;
    std::ifstream practices, published;
    if (!open_or_skip(practices, argv[1], status) || !open_or_skip(published, argv[2], status)) return status;

    // 1. Herefordshire and Worcestershire.
    std::vector<std::uint64_t> w;
    for (auto& r : read_csv(practices)) w.push_back(std::stoull(r["registered_patients"]));
    std::uint64_t total = 0;
    for (auto x : w) total += x;
    accord::weighted_game g; // a strict majority of patients
    g.majorities.push_back({total / 2 + 1, w});
    check(w.size() == 78 && g.majorities[0].quota == 416565, "78 practices, quota 416,565");
    const auto exact = accord::count_weighted_game<u128>(g);
    const auto fast = accord::count_weighted_game<double>(g, true);
    const std::size_t big = static_cast<std::size_t>(std::max_element(w.begin(), w.end()) - w.begin());
    check(to_big(exact.swings(big)) == accord::big_int("56090720431440875843356"),
          "exact swings of the largest practice are libaccord's");
    check(to_big(exact.winning()) == accord::big_int("151114635759225510758580"),
          "exact number of winning coalitions is libaccord's");
    accord::big_int swing_total = 0;
    for (std::size_t i = 0; i < w.size(); ++i) swing_total += to_big(exact.swings(i));
    const auto banzhaf = accord::normalised_banzhaf<double>(fast);
    for (std::size_t i = 0; i < w.size(); ++i) {
        const double want = accord::rational(to_big(exact.swings(i)), swing_total).convert_to<double>();
        check(std::abs(banzhaf[i] - want) <= 1e-12, "double Banzhaf of practice " + std::to_string(i));
    }
    const auto shapley = accord::shapley_shubik_values<double>(fast);
    const double ss_big = accord::rational(accord::big_int("637630895605673470624065571"),
                                           accord::big_int("10700179322902086669922670400"))
                              .convert_to<double>();
    check(std::abs(shapley[big] - ss_big) <= 1e-9 * ss_big, "double Shapley-Shubik of the largest practice");
    // Not every player: a light player's series by size subtracts counts near 2^74 to leave a
    // small one, which doubles cannot hold (power_dp.hpp says so); exact types can.
    std::cout << "header-only power on Herefordshire and Worcestershire: largest practice Banzhaf "
              << banzhaf[big] << ", Shapley-Shubik " << shapley[big] << " (double), exact swings "
              << to_big(exact.swings(big)) << "\n";

    // 2. The published textbook games.
    std::map<std::string, std::vector<std::map<std::string, std::string>>> cases;
    for (auto& r : read_csv(published)) cases[r["case"]].push_back(r);
    check(cases.count("eu27_nice_weights_simple_majority") && cases.count("un_security_council"),
          "the EU Council and the UN Security Council are in the published file");
    for (const auto& [name, rows] : cases) {
        std::vector<std::uint64_t> cw;
        for (const auto& r : rows) cw.push_back(std::stoull(r.at("weight")));
        accord::weighted_game cg;
        cg.majorities.push_back({std::stoull(rows.front().at("quota")), cw});
        const auto c = accord::count_weighted_game<accord::big_int>(cg, true);
        const auto ss = exact_shapley(c);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            check(c.swings(i) == accord::big_int(rows[i].at("banzhaf_swings").c_str()),
                  name + ": swings of " + rows[i].at("player"));
            check(ss[i] == accord::rational(rows[i].at("shapley_shubik_exact").c_str()),
                  name + ": Shapley-Shubik of " + rows[i].at("player"));
        }
    }
    std::cout << "header-only power on " << cases.size() << " published games: every swing count and "
              << "Shapley-Shubik value exact\n";
    return failures == 0 ? 0 : 1;
}
