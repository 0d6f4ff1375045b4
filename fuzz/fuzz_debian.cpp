// libFuzzer target: the Debian tally-sheet reader, strict and lenient.
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    accord_fuzz::run_one(data, size, accord::file_format::debian, false);
    return accord_fuzz::run_one(data, size, accord::file_format::debian, true);
}
