// libFuzzer target: sequences of C API calls driven by the input bytes — building profiles of
// every kind, adding ballots with arbitrary ranks, counts and weight strings, withdrawing,
// running methods with arbitrary option strings, reading every part of results, freeing. The
// C API must return a status (never crash, never throw) and its handles stay usable after
// errors; AddressSanitizer checks the memory and LeakSanitizer that nothing is lost.
#include "accord/accord.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {
struct reader {
    const std::uint8_t* d;
    std::size_t n, i = 0;
    bool more() const { return i < n; }
    std::uint8_t byte() { return i < n ? d[i++] : 0; }
    std::string text(std::size_t max) {
        const std::size_t want = byte() % (max + 1); // first: byte() advances i
        const std::size_t len = std::min<std::size_t>(want, n - std::min(i, n));
        std::string s(reinterpret_cast<const char*>(d) + std::min(i, n), len);
        i += len;
        return s;
    }
};

const char* k_methods[] = {"irv",          "plurality", "stv",    "schulze", "borda", "approval", "pav",
                           "seq-phragmen", "copeland",  "kemeny", "score",   "star",  "nosuch"};
const char* k_names[] = {"A", "B", "C", "D", "E"};

void read_everything(accord_result* r) {
    size_t n = 0, k = 0;
    const char* s = nullptr;
    int complete = 0;
    (void)accord_result_json(r, &s);
    (void)accord_result_method(r, &s);
    (void)accord_result_complete(r, &complete);
    if (accord_result_winner_count(r, &n) == ACCORD_OK)
        for (size_t i = 0; i <= n; ++i) (void)accord_result_winner(r, i, &k);
    if (accord_result_round_count(r, &n) == ACCORD_OK)
        for (size_t i = 0; i <= n; ++i) {
            (void)accord_result_round_tally(r, i, 0, &s);
            (void)accord_result_round_exhausted(r, i, &s);
        }
    if (accord_result_tier_count(r, &n) == ACCORD_OK)
        for (size_t i = 0; i <= n; ++i) (void)accord_result_tier_member(r, i, 0, &k);
    (void)accord_result_score(r, 0, &s);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    reader in{data, size};
    accord_profile* p = nullptr;
    const std::size_t n = 1 + in.byte() % 5;
    const int kind = in.byte() % 3;
    if (accord_profile_new_kind(n, k_names, kind, &p) != ACCORD_OK) return 0;
    while (in.more()) {
        const std::uint8_t op = in.byte() % 10;
        switch (op) {
        case 0: { // a ranking, one rank per candidate
            std::vector<int32_t> ranks(n);
            for (auto& r : ranks) r = static_cast<int8_t>(in.byte());
            const std::string w = in.byte() & 1 ? in.text(6) : std::string();
            (void)accord_profile_add_ranking(p, ranks.data(), n, in.byte(), w.empty() ? nullptr : w.c_str());
            break;
        }
        case 1: { // an order
            std::vector<uint32_t> order(in.byte() % 7);
            for (auto& c : order) c = in.byte() % 8;
            (void)accord_profile_add_order(p, order.data(), order.size(), 1 + in.byte(), nullptr);
            break;
        }
        case 2: {
            std::vector<uint32_t> a(in.byte() % 6);
            for (auto& c : a) c = in.byte() % 7;
            (void)accord_profile_add_approval(p, a.data(), a.size(), 1 + in.byte(), nullptr);
            break;
        }
        case 3: {
            std::vector<int32_t> scores(n);
            for (auto& s : scores) s = static_cast<int8_t>(in.byte());
            (void)accord_profile_add_scores(p, scores.data(), n, 1 + in.byte(), nullptr);
            break;
        }
        case 4:
            (void)accord_profile_set_withdrawn(p, in.byte() % 7, in.byte() & 1);
            break;
        case 5:
        case 6: { // a count with arbitrary options
            accord_result* r = nullptr;
            const char* m = k_methods[in.byte() % (sizeof k_methods / sizeof *k_methods)];
            const std::string opts = in.text(40);
            if (accord_run(p, m, opts.c_str(), &r) == ACCORD_OK) {
                if (!r) std::abort();
                read_everything(r);
                accord_result_free(r);
            } else if (r != nullptr) {
                std::abort(); // a failed call must not hand out a result
            }
            break;
        }
        case 8: { // a power game as arbitrary JSON, counted by enumeration (at most 12 players)
            const std::string game = in.text(60);
            if (std::count(game.begin(), game.end(), ',') > 11) break; // 2^n coalitions
            accord_power_result* pr = nullptr;
            const char* json = nullptr;
            if (accord_power(game.c_str(), "{\"method\": \"enumeration\", \"indices\": \"all\"}", nullptr,
                             nullptr, &pr) == ACCORD_OK) {
                if (!pr || accord_power_result_json(pr, &json) != ACCORD_OK || !json) std::abort();
                accord_power_result_free(pr);
            } else if (pr != nullptr) {
                std::abort();
            }
            break;
        }
        case 9: { // AHP judgements or an MCDA table as arbitrary JSON
            const std::string input = in.text(80), opts = in.text(20);
            char* out = nullptr;
            const accord_status st = (in.byte() & 1) ? accord_mcda(input.c_str(), opts.c_str(), &out)
                                                     : accord_ahp(nullptr, input.c_str(), opts.c_str(), &out);
            if ((st == ACCORD_OK) != (out != nullptr)) std::abort();
            accord_string_free(out);
            break;
        }
        default: {
            size_t k = 0;
            const char* s = nullptr;
            (void)accord_profile_candidate_count(p, &k);
            (void)accord_profile_candidate_name(p, in.byte() % 7, &s);
            (void)accord_profile_unique_count(p, &k);
            (void)accord_profile_voters(p, &s);
            (void)accord_profile_find_candidate(p, "C", &k);
            if (!accord_last_error()) std::abort();
            break;
        }
        }
    }
    accord_profile_free(p);
    return 0;
}
