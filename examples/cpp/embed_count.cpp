// Embeds accord in a C++ program: reads a ballot file and counts it with two rules, printing the
// instant-runoff rounds and each rule's winner. Build: examples/CMakeLists.txt (find_package).
//
//   embed_count BALLOTS [RULE...]      e.g. embed_count tests/data/herefordshire_ballots.csv irv schulze
#include <accord/accord.hpp>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: embed_count BALLOTS [RULE...]\n";
        return 2;
    }
    try {
        // Any format of docs/formats.md. The CSV's "unit" column names each ballot's practice: say
        // so, or the reader takes it for a rank column.
        accord::read_options options;
        options.csv.unit_column = "unit";
        const accord::profile p = accord::read_profile(argv[1], options);
        std::cout << p.candidate_count() << " candidates, " << p.unique_count() << " distinct ballots\n";

        // A rule called directly, with designated options: the full round-by-round text.
        const accord::result irv = accord::irv(p, {.batch_elimination = false});
        std::cout << accord::to_text(irv);

        // Rules by name from the registry, options as JSON (what the C API and the CLI call). The
        // tie-break is an option too: IRV's round 6 above is a tie, and breaking it in candidate
        // order instead of by the previous rounds elects someone else.
        std::vector<std::string> rules(argv + 2, argv + argc);
        if (rules.empty()) rules = {"irv", "schulze", "borda"};
        for (const auto& rule : rules) {
            const accord::result r = accord::run(p, rule);
            std::cout << rule << ": " << (r.winners.empty() ? "(no winner)" : r.candidates[r.winners[0]])
                      << '\n';
        }
        const accord::result lex = accord::run(p, "irv", R"({"tie_break": "lexicographic"})");
        std::cout << "irv, ties by candidate order: " << lex.candidates[lex.winners.at(0)] << '\n';
    } catch (const accord::error& e) { // located: file, line and column for malformed input
        std::cerr << "embed_count: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
