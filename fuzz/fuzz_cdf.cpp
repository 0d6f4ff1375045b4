// libFuzzer target: the CDF JSON reader. Any input either reads or is an accord::error.
#include "accord/io/read.hpp"

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (bool lenient : {false, true}) {
        accord::read_options opt;
        opt.format = accord::file_format::cdf_json;
        opt.lenient = lenient;
        try {
            auto p = accord::read_profile_text(text, "fuzz.json", opt);
            (void)p;
        } catch (const accord::error&) {
        }
    }
    return 0;
}
