// libFuzzer target: the PrefLib reader (first byte picks soc/soi/toc/toi/cat and lenient mode) and
// the Pabulib reader (a first byte of 250 or more; odd is lenient), whose profiles are written and
// read back as the others are (round_trip), and whose approval profiles are also counted by the
// budget rule's greedy method with the file's costs and budget.
#include "fuzz_common.hpp"

#include "accord/registry.hpp"

#include <cstdlib>

namespace {
int run_pabulib(const std::uint8_t* data, std::size_t size, bool lenient) {
    using namespace accord;
    const auto read = accord_fuzz::read_input(data, size, file_format::pabulib, lenient);
    if (!read) return 0;
    const profile& p = *read;
    // A profile read from a .pb always carries one cost per project and the budget.
    if (p.costs.size() != p.candidate_count() || !p.budget) std::abort();
    // The budget rule over the file's costs and budget: approval ballots, and points ballots
    // (cumulative and scoring votes), which Equal Shares prices per point.
    if (p.kind() != ballot_kind::ranking && p.candidate_count() <= 64)
        for (const char* options : {R"({"method": "greedy"})", R"({"method": "equal-shares"})"}) {
            try {
                (void)run(p, "budget", options);
            } catch (const error&) {
            }
        }
    return accord_fuzz::round_trip(p, file_format::pabulib);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    if (data[0] >= 250) return run_pabulib(data + 1, size - 1, data[0] % 2);
    static constexpr accord::file_format formats[] = {accord::file_format::toi, accord::file_format::soi,
                                                      accord::file_format::toc, accord::file_format::soc,
                                                      accord::file_format::cat};
    const auto f = formats[data[0] % 5];
    const bool lenient = (data[0] / 5) % 2;
    return accord_fuzz::run_one(data + 1, size - 1, f, lenient);
}
