// libFuzzer target: the .xlsx reader (libzip + expat) and the sheet-to-CSV conversion behind it,
// strict and lenient. accord::error is the only exception allowed; a conversion must give the
// same CSV text every time, and a workbook that reads must read the same from its CSV text.
#include "accord/io/read.hpp"

#include "../src/io/formats.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace accord;
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") return 0; // read_profile_text drops a BOM first
    xlsx_read_options limits;
    limits.max_bytes = 4u << 20; // small limits keep each run short; the limit paths are fuzzed too
    limits.max_cells = 100000;
    std::string csv;
    try {
        csv = detail::xlsx_to_csv(bytes, "fuzz.xlsx", limits);
    } catch (const error&) {
        return 0;
    }
    try {
        if (detail::xlsx_to_csv(bytes, "fuzz.xlsx", limits) != csv) std::abort(); // not deterministic
    } catch (const error&) {
        std::abort(); // read once, refused the second time
    }
    for (bool lenient : {false, true}) {
        read_options opt;
        opt.format = file_format::xlsx;
        opt.xlsx = limits;
        opt.lenient = lenient;
        read_options as_csv;
        as_csv.format = file_format::csv;
        as_csv.lenient = lenient;
        read_report rep;
        std::string from_xlsx, from_csv;
        try {
            from_xlsx = std::to_string(read_profile_text(bytes, "fuzz.xlsx", opt).unique_count());
        } catch (const error& e) {
            from_xlsx = std::string("error ") + std::to_string(static_cast<int>(e.code()));
        }
        try {
            from_csv = std::to_string(detail::read_csv(csv, "fuzz.xlsx", as_csv, rep).unique_count());
        } catch (const error& e) {
            from_csv = std::string("error ") + std::to_string(static_cast<int>(e.code()));
        }
        if (from_xlsx != from_csv) std::abort(); // the workbook path must be the CSV path
    }
    return 0;
}
