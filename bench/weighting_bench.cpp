// Whole-England weighting: load practices_england_2025.csv (6,202 practices, 1,297 PCNs) and
// compute every scheme's weights for all practices and all PCNs, beside a baseline measured in
// the same run: one pass over the file's rows splitting each line on commas.
// Target (issue 5): well under a second.
#include "bench_util.hpp"

#include "accord/weighting.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {
using namespace accord;

std::filesystem::path england() {
    if (const char* env = std::getenv("ACCORD_SHARED_DATA"); env && *env)
        return std::filesystem::path(env) / "nhs" / "practices_england_2025.csv";
    return std::filesystem::path(__FILE__).parent_path().parent_path() / ".." / "shared" / "data" / "nhs" /
           "practices_england_2025.csv";
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void BM_EnglandEverySchemePracticesAndPcns(benchmark::State& state) {
    const auto path = england();
    if (!std::filesystem::exists(path)) {
        state.SkipWithError("shared data not found");
        return;
    }
    const std::string text = slurp(path);
    const double base = accord_bench::time_per_call([&] {
        std::size_t fields = 0;
        for (char c : text) fields += c == ',' || c == '\n';
        benchmark::DoNotOptimize(fields);
    });
    const char* schemes[] = {"equal",       "population",  "sqrt",     "capped:0.001",
                             "banded:5000", "group-equal", "blend:0.5"};
    accord_bench::timed_loop(state, base, [&] {
        const organisation org = read_organisation_text(text, "england.csv");
        for (const char* level : {"practice", "pcn"})
            for (const char* s : schemes) {
                if (std::string_view(level) == "pcn" && std::string_view(s) == "group-equal") continue;
                auto r = compute_weights(org, org.of_kind(level), parse_scheme(s));
                benchmark::DoNotOptimize(r.largest_share);
            }
    });
}
BENCHMARK(BM_EnglandEverySchemePracticesAndPcns)->Unit(benchmark::kMillisecond)->Iterations(3);
} // namespace

BENCHMARK_MAIN();
