// libFuzzer target: method options and decision rules/policies as JSON. The first byte picks a
// method (or the rule/policy parsers); the rest is the JSON text. Any outcome but a result or
// accord::error (a crash, another exception, undefined behaviour) is a finding.
#include "accord/motion.hpp"
#include "accord/registry.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace {
const accord::profile& ranked() {
    static const accord::profile p = [] {
        accord::profile q({"A", "B", "C", "D"});
        q.add_order(std::vector<accord::cand_t>{0, 1, 2}, 4);
        q.add_order(std::vector<accord::cand_t>{1, 2}, 3);
        q.add_order(std::vector<accord::cand_t>{3, 0}, 2);
        q.add_order(std::vector<accord::cand_t>{2}, 1);
        q.seats = 2;
        return q;
    }();
    return p;
}
const accord::profile& approvals() {
    static const accord::profile p = [] {
        accord::profile q({"A", "B", "C", "D"}, accord::ballot_kind::approval);
        q.add_approval(std::vector<accord::cand_t>{0, 1}, 3);
        q.add_approval(std::vector<accord::cand_t>{2}, 2);
        q.add_approval(std::vector<accord::cand_t>{1, 3}, 1);
        return q;
    }();
    return p;
}
const accord::organisation& org() {
    static const accord::organisation o =
        accord::read_organisation_text("id,name,kind,parent,population\nN,North,pcn,,\np1,P1,practice,N,"
                                       "300\np2,P2,practice,N,200\np3,P3,practice,N,100\n",
                                       "org.csv");
    return o;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace accord;
    if (size == 0) return 0;
    const std::string json(reinterpret_cast<const char*>(data) + 1, size - 1);
    static const std::vector<std::string> ranked_methods{"irv",     "stv",         "schulze",  "borda",
                                                         "kemeny",  "positional",  "copeland", "bucklin",
                                                         "minimax", "ranked-pairs"};
    static const std::vector<std::string> approval_methods{"pav",          "seq-pav", "seq-phragmen",
                                                           "equal-shares", "budget",  "approval"};
    const unsigned pick = data[0];
    try {
        if (pick < 128) {
            (void)run(ranked(), ranked_methods[pick % ranked_methods.size()], json);
        } else if (pick < 224) {
            (void)run(approvals(), approval_methods[pick % approval_methods.size()], json);
        } else if (pick < 240) {
            const auto rule = parse_decision_rule(json);
            (void)decide(org(),
                         {{"p1", vote_choice::yes}, {"p2", vote_choice::no}, {"p3", vote_choice::abstain}},
                         rule, vote_choice::yes);
        } else {
            for (const auto& c : policy_categories(json)) (void)policy_rule(json, c);
        }
    } catch (const error&) {
    }
    return 0;
}
