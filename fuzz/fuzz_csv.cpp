// libFuzzer target: the CSV reader (strict and lenient, layout detected, and as format 'scores'),
// and the CSV and score writers:
// what is written must read back with no options as the same candidates (in order), title,
// seats, withdrawn marks and ballots, compared by candidate name.
#include "fuzz_common.hpp"

namespace {
std::map<std::string, accord::rational> by_name(const accord::profile& p) {
    std::map<std::string, accord::rational> out;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        auto b = p.ballot(i);
        std::string key = b.unit == accord::k_no_unit ? "" : p.units()[b.unit] + "|";
        for (const auto& m : b.marks)
            key +=
                (m.candidate == accord::k_overvote ? std::string("<over>") : p.candidate_name(m.candidate)) +
                ":" + std::to_string(m.value) + " ";
        out[key] += (b.weight ? *b.weight : accord::rational(1)) * b.count;
    }
    return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace accord;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    // The CSV reader as it detects the layout, and as format 'scores' (score columns).
    for (int pass = 0; pass < 4; ++pass) {
        const bool lenient = pass % 2 == 1;
        read_options opt;
        opt.format = pass < 2 ? file_format::csv : file_format::scores;
        opt.lenient = lenient;
        profile p;
        try {
            p = read_profile_text(text, "fuzz.csv", opt);
        } catch (const error&) {
            continue;
        }
        std::ostringstream out;
        try {
            // A score profile is written as format 'scores', whose #ballots record reads back.
            write_profile(out, p, p.kind() == ballot_kind::score ? file_format::scores : file_format::csv);
        } catch (const error& e) {
            if (e.code() != errc::unsupported) std::abort();
            continue;
        }
        const std::string written = out.str();
        // Whatever accord writes reads back with no options (docs/formats.md, "CSV").
        profile q;
        try {
            q = read_profile_text(written, "fuzz-rewritten.csv");
        } catch (const error&) {
            std::abort(); // the writer produced something its own reader rejects
        }
        if (q.candidate_names() != p.candidate_names() || q.title != p.title || q.seats != p.seats ||
            q.kind() != p.kind())
            std::abort();
        for (std::size_t c = 0; c < p.candidate_count(); ++c)
            if (q.withdrawn(static_cast<cand_t>(c)) != p.withdrawn(static_cast<cand_t>(c))) std::abort();
        if (by_name(q) != by_name(p)) std::abort();
    }
    return 0;
}
