// fuzz/fuzz_common.hpp: one libFuzzer body for every reader.
//
// Reads the input as the given format. accord::error is the only exception a reader may throw;
// anything else (or a crash, a leak, undefined behaviour) is a finding. When the input reads, the
// profile is written back in the same format and read again: it must read and be the same
// profile (or the writer must say errc::unsupported), so the writers are fuzzed too.
#pragma once

#include "accord/io/read.hpp"

#include <cstdint>
#include <cstdlib>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace accord_fuzz {

/// Marks -> total weight (count x weight). BLT writes a ballot's value as count x weight and
/// cannot tell 2 voters of weight 7/5 from 1 of weight 14/5 (docs/formats.md), so the round trip
/// must keep this, not the split between count and weight.
inline std::map<std::string, accord::rational> ballots_of(const accord::profile& p) {
    std::map<std::string, accord::rational> out;
    for (std::size_t i = 0; i < p.unique_count(); ++i) {
        auto b = p.ballot(i);
        std::string key;
        for (const auto& m : b.marks)
            key += std::to_string(m.candidate) + ":" + std::to_string(m.value) + " ";
        out[key] += (b.weight ? *b.weight : accord::rational(1)) * b.count;
    }
    return out;
}

/// Writes `p` as `f`, reads it back and aborts unless it is the same profile (a refusal to write
/// is fine: the format cannot hold it).
inline int round_trip(const accord::profile& p, accord::file_format f) {
    using namespace accord;
    std::ostringstream out;
    try {
        write_profile(out, p, f);
    } catch (const error& e) {
        if (e.code() != errc::unsupported) std::abort();
        return 0;
    }
    read_options again;
    again.format = f;
    profile q;
    try {
        q = read_profile_text(out.str(), "fuzz-rewritten", again);
    } catch (const error&) {
        std::abort(); // the writer produced something its own reader rejects
    }
    const bool exact_counts = f != file_format::blt || p.integral();
    if (q.candidate_names() != p.candidate_names() || ballots_of(q) != ballots_of(p) ||
        (exact_counts && q.total_count() != p.total_count()))
        std::abort(); // the round trip changed the profile
    if (q.kind() != p.kind()) std::abort();
    if (q.costs != p.costs || q.budget != p.budget) std::abort(); // a participatory budget survives
    for (accord::cand_t c = 0; c < p.candidate_count(); ++c)
        if (q.withdrawn(c) != p.withdrawn(c)) std::abort();
    if (f == file_format::blt && q.seats != p.seats) std::abort();
    if (f != file_format::debian && q.title != p.title) std::abort(); // Debian sheets carry no title
    return 0;
}

/// The input read as format `f`, or nullopt when the reader refuses it (a refusal is fine).
inline std::optional<accord::profile> read_input(const std::uint8_t* data, std::size_t size,
                                                 accord::file_format f, bool lenient) {
    using namespace accord;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    read_options opt;
    opt.format = f;
    opt.lenient = lenient;
    try {
        return read_profile_text(text, "fuzz", opt);
    } catch (const error&) {
        return std::nullopt;
    }
}

inline int run_one(const std::uint8_t* data, std::size_t size, accord::file_format f, bool lenient) {
    const auto p = read_input(data, size, f, lenient);
    return p ? round_trip(*p, f) : 0;
}

} // namespace accord_fuzz
