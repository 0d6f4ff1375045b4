// libFuzzer target: the AHP and MCDA readers (judgement matrices, participants, criteria tables
// as JSON) and their options. The input is "DATA\0OPTIONS"; the first byte picks AHP or MCDA.
// Any outcome but a report or accord::error (a crash, another exception, undefined behaviour)
// is a finding.
#include "accord/analysis/interface.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string all(reinterpret_cast<const char*>(data) + 1, size - 1);
    const auto nul = all.find('\0');
    const std::string input = all.substr(0, nul);
    const std::string options = nul == std::string::npos ? std::string("{}") : all.substr(nul + 1);
    try {
        if (data[0] & 1)
            (void)accord::analyse_mcda(input, options);
        else
            (void)accord::analyse_ahp(input, options);
    } catch (const accord::error&) {
    }
    return 0;
}
