// libFuzzer target: the organisation CSV reader (NHS layout and generic id,name,kind,parent,
// population), then every weighting scheme over the units read and an apportionment of seats.
// accord::error is the only exception allowed; shares must add up to exactly 1.
#include "accord/apportion.hpp"
#include "accord/organisation.hpp"
#include "accord/weighting.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace accord;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    organisation org;
    try {
        org = read_organisation_text(text, "fuzz-org.csv");
    } catch (const error&) {
        return 0;
    }
    if (org.size() == 0 || org.kinds().empty()) return 0;
    const auto units = org.of_kind(org.kinds().front());
    if (units.empty()) std::abort(); // a kind is listed with no unit of it
    for (const char* s :
         {"equal", "population", "sqrt", "capped:1/3", "banded:5000", "group-equal", "blend:1/2"}) {
        try {
            const auto rep = compute_weights(org, units, parse_scheme(s));
            rational sum(0);
            for (const auto& u : rep.units) sum += u.share;
            if (sum != 1) std::abort();
        } catch (const error&) {
        }
    }
    try {
        apportion_options o;
        o.seats = 1 + size % 17;
        o.method = static_cast<apportion_method>(size % 5);
        const auto a = apportion_units(org, org.kinds().front(), o);
        std::uint64_t given = 0;
        for (auto s : a.result.seats) given += s;
        if (given != o.seats) std::abort();
    } catch (const error&) {
    }
    return 0;
}
