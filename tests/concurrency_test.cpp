// Thread-safety as documented (docs/c-api.md): a profile that no thread modifies may be counted
// by many threads at once, with every registered method, and each thread gets the result a
// single-threaded count gives. Runs under ThreadSanitizer in scripts/test.sh.
#include "accord/analysis/generate.hpp"
#include "accord/registry.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace accord;

TEST(Concurrency, ManyThreadsCountOneSharedProfileWithEveryMethod) {
    const profile p = mallows(6, std::vector<cand_t>{0, 1, 2, 3, 4, 5}, 0.7, 400, 12);
    std::vector<std::pair<std::string, std::string>> expected;
    for (const auto& m : methods()) {
        try {
            expected.emplace_back(m.name, to_json(run(p, m.name)));
        } catch (const error&) {
            // methods needing options or other ballot kinds
        }
    }
    ASSERT_GT(expected.size(), 10u);
    std::atomic<int> mismatches{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t)
        threads.emplace_back([&, t] {
            for (std::size_t k = 0; k < expected.size(); ++k) {
                const auto& [name, json] = expected[(k + static_cast<std::size_t>(t)) % expected.size()];
                if (to_json(run(p, name)) != json) ++mismatches;
            }
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(mismatches.load(), 0);
}
