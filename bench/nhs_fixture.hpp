// The analysis benchmarks' fixture: the 78 practices (15 PCNs) of NHS Herefordshire and
// Worcestershire ICB from ../shared/data (or $ACCORD_SHARED_DATA), or a synthetic stand-in of the
// same shape when the file is absent, and one seeded Mallows ranking of 10 priorities per
// practice, each ballot tagged with its practice.
#pragma once

#include "accord/analysis/generate.hpp"
#include "accord/organisation.hpp"
#include "accord/profile.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>

namespace accord_bench {

struct nhs_fixture {
    accord::organisation org;
    accord::profile ballots;
    bool real = false; ///< the real NHS file (false: the synthetic stand-in)
};

/// Built once per process.
inline const nhs_fixture& nhs_practices() {
    static const nhs_fixture f = [] {
        using namespace accord;
        nhs_fixture x;
        std::filesystem::path dir = std::filesystem::path(ACCORD_SOURCE_DIR) / ".." / "shared" / "data";
        if (const char* env = std::getenv("ACCORD_SHARED_DATA"); env && *env) dir = env;
        const auto file = dir / "nhs" / "practices_herefordshire_worcestershire_2025.csv";
        if (std::filesystem::exists(file)) {
            x.org = read_organisation(file);
            x.real = true;
        } else {
            // Synthetic stand-in of the same shape: 78 practices in 15 PCNs.
            std::string csv = "id,name,kind,parent,population\n";
            for (int g = 0; g < 15; ++g)
                csv += "N" + std::to_string(g) + ",PCN " + std::to_string(g) + ",pcn,,\n";
            for (int i = 0; i < 78; ++i)
                csv += "p" + std::to_string(i) + ",P" + std::to_string(i) + ",practice,N" +
                       std::to_string(i % 15) + "," + std::to_string(3000 + (i * 7919) % 20000) + "\n";
            x.org = read_organisation_text(csv, "synthetic.csv");
        }
        const auto practices = x.org.of_kind("practice");
        const cand_t centre[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        const auto m = mallows(10, centre, 0.8, practices.size(), 78);
        x.ballots = profile(m.candidate_names());
        std::size_t k = 0;
        for (std::size_t i = 0; i < m.unique_count(); ++i)
            for (std::uint64_t c = 0; c < m.ballot(i).count; ++c, ++k)
                x.ballots.add(m.ballot(i).marks, 1, rational(1),
                              x.ballots.intern_unit(x.org[practices[k]].id));
        return x;
    }();
    return f;
}

} // namespace accord_bench
