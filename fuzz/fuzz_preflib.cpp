// libFuzzer target: the PrefLib reader (first byte picks soc/soi/toc/toi/cat and lenient mode).
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    static constexpr accord::file_format formats[] = {accord::file_format::toi, accord::file_format::soi,
                                                      accord::file_format::toc, accord::file_format::soc,
                                                      accord::file_format::cat};
    const auto f = formats[data[0] % 5];
    const bool lenient = (data[0] / 5) % 2;
    return accord_fuzz::run_one(data + 1, size - 1, f, lenient);
}
