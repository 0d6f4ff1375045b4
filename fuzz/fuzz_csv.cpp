// libFuzzer target: the CSV reader (strict and lenient, both layouts auto-detected), and the
// CSV writer: what is written must read back (with the writer's count/weight/unit columns) as
// the same ballots, compared by candidate name.
#include "fuzz_common.hpp"

namespace {
std::map<std::string, accord::rational> by_name(const accord::profile& p) {
    std::map<std::string, accord::rational> out;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        auto b = p.ballot(i);
        std::string key = b.unit == accord::k_no_unit ? "" : p.units()[b.unit] + "|";
        for (const auto& m : b.marks)
            key += (m.candidate == accord::k_overvote ? std::string("<over>") : p.candidate_name(m.candidate)) + ":" +
                   std::to_string(m.value) + " ";
        out[key] += (b.weight ? *b.weight : accord::rational(1)) * b.count;
    }
    return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace accord;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    for (bool lenient : {false, true}) {
        read_options opt;
        opt.format = file_format::csv;
        opt.lenient = lenient;
        profile p;
        try {
            p = read_profile_text(text, "fuzz.csv", opt);
        } catch (const error&) {
            continue;
        }
        std::ostringstream out;
        try {
            write_profile(out, p, file_format::csv);
        } catch (const error& e) {
            if (e.code() != errc::unsupported) std::abort();
            continue;
        }
        const std::string written = out.str();
        read_options again;
        again.format = file_format::csv;
        again.csv.layout = csv_options::layout_t::rank_columns;
        again.csv.count_column = "count";
        const std::string head = written.substr(0, written.find('\n'));
        if (head.rfind("unit,", 0) == 0) again.csv.unit_column = "unit";
        if (head.find("weight,") != std::string::npos) again.csv.weight_column = "weight";
        profile q;
        try {
            q = read_profile_text(written, "fuzz-rewritten.csv", again);
        } catch (const error&) {
            std::abort(); // the writer produced something its own reader rejects
        }
        if (by_name(q) != by_name(p)) std::abort();
    }
    return 0;
}
