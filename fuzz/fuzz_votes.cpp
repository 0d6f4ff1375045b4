// libFuzzer target: the votes CSV reader of `accord decide`, then a decision on a small
// organisation under every preset. accord::error is the only exception allowed, and the vote
// totals must account for every eligible unit exactly once.
#include "accord/motion.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace accord;
    static const organisation org =
        read_organisation_text("id,name,kind,parent,population\nN,North,pcn,,\nS,South,pcn,,\np1,P1,practice,"
                               "N,300\np2,P2,practice,N,200\n"
                               "p3,P3,practice,S,100\np4,P4,practice,S,50\n",
                               "org.csv");
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    std::vector<unit_vote> votes;
    try {
        votes = read_votes_text(text, "fuzz-votes.csv");
    } catch (const error&) {
        return 0;
    }
    for (const char* preset :
         {"simple-majority", "double-majority", "triple-majority", "two-thirds", "75-75", "unanimity"}) {
        try {
            const auto d = decide(org, votes, preset_rule(preset));
            if (d.yes_units + d.no_units + d.abstain_units + d.absent_units != 4) std::abort();
            if (d.yes_population + d.no_population + d.abstain_population + d.absent_population != 650)
                std::abort();
        } catch (const error&) {
        }
    }
    return 0;
}
