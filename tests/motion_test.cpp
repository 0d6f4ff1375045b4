// Motions and decision policies: presets, exact thresholds and shortfalls, quorum, vetoes,
// observers, abstentions, casting votes, several voters per unit, policies from JSON, bad input,
// and the Herefordshire practices (real list sizes) under double and 75/75 majorities.
#include "accord/motion.hpp"
#include "test_data.hpp"

#include <algorithm>
#include <numeric>

using namespace accord;

namespace {

organisation place() { return read_organisation(accord_test::fixture("place_org.csv")); }

// p1 30,000 (N), p2 9,000 (N), p3 6,000 (N), p4 4,000 (S), p5 3,000 (S).
std::vector<unit_vote> place_votes() {
    return {{"p1", vote_choice::no},
            {"p2", vote_choice::yes},
            {"p3", vote_choice::yes},
            {"p4", vote_choice::yes},
            {"p5", vote_choice::abstain}};
}

const condition_outcome& cond(const decision& d, const std::string& name) {
    for (const auto& c : d.conditions)
        if (c.name == name) return c;
    throw std::runtime_error("no condition " + name);
}

} // namespace

TEST(Motion, DoubleMajorityFailsOnPatientsAndSaysByHowMuch) {
    const auto d = decide(place(), place_votes(), preset_rule("double-majority"));
    EXPECT_FALSE(d.passed);
    const auto& u = cond(d, "units");
    EXPECT_TRUE(u.passed);
    EXPECT_EQ(u.have, 3);
    EXPECT_EQ(u.base, 4); // the abstention is not a vote cast
    EXPECT_EQ(u.need, 3);
    const auto& p = cond(d, "population");
    EXPECT_FALSE(p.passed);
    EXPECT_EQ(p.have, 19000);
    EXPECT_EQ(p.base, 49000);
    EXPECT_EQ(p.need, 24501); // more than half of 49,000
    EXPECT_EQ(d.abstain_population, 3000);
    // A majority of PCNs: both North (2 yes, 1 no) and South (1 yes) lean yes.
    const auto t = decide(place(), place_votes(), preset_rule("triple-majority"));
    EXPECT_TRUE(cond(t, "groups").passed);
    EXPECT_EQ(cond(t, "groups").have, 2);
}

TEST(Motion, AbstentionsCountedAsCastRaiseTheBar) {
    auto rule = preset_rule("simple-majority");
    rule.abstentions = abstention_rule::count_as_cast;
    const auto d = decide(place(), place_votes(), rule);
    EXPECT_EQ(cond(d, "units").base, 5);
    EXPECT_EQ(cond(d, "units").need, 3);
    EXPECT_TRUE(d.passed);
    rule.conditions[0].fraction = rational(2, 3);
    rule.conditions[0].strict = false;
    const auto q = decide(place(), place_votes(), rule);
    EXPECT_EQ(cond(q, "units").need, 4); // at least 2/3 of 5 = 3 1/3 -> 4
    EXPECT_FALSE(q.passed);
}

TEST(Motion, QuorumVetoObserversAndCastingVote) {
    auto rule = parse_decision_rule(R"({"name":"board","conditions":[{"basis":"units","fraction":"1/2"}],
        "quorum":{"units":"3/4","population":"1/2"},"veto":["p1"],"observers":["p5"]})");
    const auto d = decide(place(), place_votes(), rule);
    EXPECT_FALSE(d.passed);
    EXPECT_TRUE(cond(d, "quorum (units)").passed); // 4 of 4 eligible took part
    EXPECT_TRUE(cond(d, "quorum (population)").passed);
    EXPECT_FALSE(cond(d, "veto (p1)").passed); // p1 voted no
    ASSERT_EQ(d.notes.size(), 1u);             // p5's abstention not counted
    // Without p1's veto and with p1 absent, the units split 2-2 when p4 votes no: a tie that
    // only the chair's casting vote decides.
    std::vector<unit_vote> tie{
        {"p2", vote_choice::yes}, {"p3", vote_choice::yes}, {"p4", vote_choice::no}, {"p5", vote_choice::no}};
    const auto plain = preset_rule("simple-majority");
    EXPECT_FALSE(decide(place(), tie, plain).passed);
    const auto yes = decide(place(), tie, plain, vote_choice::yes);
    EXPECT_TRUE(yes.passed);
    EXPECT_TRUE(cond(yes, "units").casting_vote_used);
    EXPECT_FALSE(decide(place(), tie, plain, vote_choice::no).passed);
    // Quorum short: only two of five units took part.
    auto q = preset_rule("simple-majority");
    q.quorum_units = rational(1, 2);
    const auto few = decide(place(), {{"p2", vote_choice::yes}, {"p3", vote_choice::yes}}, q);
    EXPECT_FALSE(few.passed);
    EXPECT_EQ(cond(few, "quorum (units)").need, 3);
}

TEST(Motion, SeveralVotersShareTheirUnit) {
    // p1's two partners split: half of p1's 30,000 patients for, half against.
    std::vector<unit_vote> v{{"p1", vote_choice::yes}, {"p1", vote_choice::no}, {"p2", vote_choice::no}};
    const auto d = decide(place(), v, preset_rule("double-majority"));
    EXPECT_EQ(cond(d, "units").have, rational(1, 2));
    EXPECT_EQ(cond(d, "population").have, 15000);
    EXPECT_EQ(cond(d, "population").base, 39000);
}

TEST(Motion, WeightsBasisUsesTheSchemeShares) {
    auto rule = parse_decision_rule(
        R"({"conditions":[{"name":"sqrt","basis":"weights:sqrt","fraction":"1/2","of":"eligible"}]})");
    const auto d = decide(place(), place_votes(), rule);
    const auto& c = cond(d, "sqrt");
    EXPECT_EQ(c.base, 1); // shares of all eligible units sum to exactly 1
    EXPECT_EQ(c.need, rational(1, 2));
    EXPECT_GT(c.have, rational(0));
}

TEST(Motion, PoliciesMapCategoriesToRules) {
    const std::string policy = R"({"name":"PCN constitution","categories":{
        "reserved":{"preset":"unanimity","description":"changes to the constitution"},
        "spending":{"conditions":[{"basis":"units","fraction":"3/4","strict":false},
                                  {"basis":"population","fraction":"3/4","strict":false}]},
        "routine":{"preset":"simple-majority"}}})";
    EXPECT_EQ(policy_categories(policy), (std::vector<std::string>{"reserved", "spending", "routine"}));
    EXPECT_FALSE(decide(place(), place_votes(), policy_rule(policy, "reserved")).passed);
    EXPECT_FALSE(decide(place(), place_votes(), policy_rule(policy, "spending")).passed);
    EXPECT_TRUE(decide(place(), place_votes(), policy_rule(policy, "routine")).passed);
    EXPECT_EQ(policy_rule(policy, "spending").name, "spending");
    try {
        policy_rule(policy, "budget");
        FAIL();
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::not_found);
        EXPECT_NE(std::string(e.what()).find("reserved"), std::string::npos); // lists the known ones
    }
}

TEST(Motion, BadInputIsNamed) {
    auto code = [](auto&& f) {
        try {
            f();
        } catch (const error& e) {
            return std::make_pair(e.code(), std::string(e.what()));
        }
        return std::make_pair(errc::ok, std::string());
    };
    auto [c1, m1] = code([] { read_votes_text("unit,vote\np1,yes\np2,maybe\n", "v.csv"); });
    EXPECT_EQ(c1, errc::parse);
    EXPECT_NE(m1.find("v.csv:3"), std::string::npos);
    EXPECT_NE(m1.find("maybe"), std::string::npos);
    EXPECT_EQ(code([] { read_votes_text("practice,choice\n", "v.csv"); }).first, errc::parse);
    EXPECT_EQ(code([] { read_votes_text("unit,vote\np1\n", "v.csv"); }).first, errc::parse);
    EXPECT_EQ(code([] { read_votes_text("", "v.csv"); }).first, errc::parse);
    auto [c2, m2] = code([] {
        decide(place(), {{"nowhere", vote_choice::yes}}, preset_rule("simple-majority"));
    });
    EXPECT_EQ(c2, errc::not_found);
    EXPECT_NE(m2.find("nowhere"), std::string::npos);
    EXPECT_EQ(code([] {
                  decide(place(), {{"N", vote_choice::yes}}, preset_rule("simple-majority"));
              }).first,
              errc::not_found);
    EXPECT_EQ(code([] { preset_rule("supermajority"); }).first, errc::invalid);
    EXPECT_EQ(code([] { parse_decision_rule(R"({"conditions":[{"fraction":"3/2"}]})"); }).first,
              errc::invalid);
    EXPECT_EQ(code([] { parse_decision_rule(R"({"conditions":[{"basis":"votes"}]})"); }).first,
              errc::invalid);
    EXPECT_EQ(code([] { parse_decision_rule(R"({"conditions":[],"colour":"red"})"); }).first, errc::invalid);
    EXPECT_EQ(code([] { parse_decision_rule(R"({"conditions":[]})"); }).first, errc::invalid);
    EXPECT_EQ(code([] { parse_decision_rule("{not json"); }).first, errc::invalid);
    EXPECT_EQ(code([] { parse_decision_rule(R"({"conditions":[{"strict":"yes"}]})"); }).first, errc::invalid);
    auto veto = preset_rule("simple-majority");
    veto.veto = {"ghost"};
    EXPECT_EQ(code([&] { decide(place(), place_votes(), veto); }).first, errc::not_found);
}

TEST(Motion, HerefordshireDoubleMajorityAndSeventyFiveSeventyFive) {
    ACCORD_SHARED_FILE(f, "nhs/practices_herefordshire_worcestershire_2025.csv");
    org_csv_options o;
    o.within = {"U12199", "U38064", "U50083", "U65562", "U98974"};
    const organisation org = read_organisation(f, o);
    auto practices = org.of_kind("practice");
    ASSERT_EQ(practices.size(), 19u);
    std::sort(practices.begin(), practices.end(),
              [&](auto a, auto b) { return org[a].population > org[b].population; });
    std::uint64_t total = 0;
    for (auto u : practices) total += org[u].population;
    // Everyone for except the largest practice (about 23% of patients).
    std::vector<unit_vote> all_but_largest;
    for (auto u : practices)
        all_but_largest.push_back({org[u].id, u == practices.front() ? vote_choice::no : vote_choice::yes});
    const auto d = decide(org, all_but_largest, preset_rule("75-75"));
    EXPECT_EQ(cond(d, "units").have, 18);
    EXPECT_EQ(cond(d, "population").have, rational(total - org[practices.front()].population));
    EXPECT_EQ(cond(d, "population").base, rational(total));
    EXPECT_TRUE(d.passed);
    // The five largest practices for, the other fourteen against: a majority of patients but
    // not of practices, so the double majority fails on units.
    std::vector<unit_vote> big_five;
    std::uint64_t five = 0;
    for (std::size_t k = 0; k < practices.size(); ++k) {
        big_five.push_back({org[practices[k]].id, k < 5 ? vote_choice::yes : vote_choice::no});
        if (k < 5) five += org[practices[k]].population;
    }
    ASSERT_GT(2 * five, total);
    const auto b = decide(org, big_five, preset_rule("double-majority"));
    EXPECT_FALSE(b.passed);
    EXPECT_TRUE(cond(b, "population").passed);
    EXPECT_FALSE(cond(b, "units").passed);
    EXPECT_EQ(cond(b, "units").need, 10);
    EXPECT_EQ(cond(b, "units").have, 5);
}

// ---- The game a rule makes: power under the constitution ------------------------------------

TEST(RuleGame, DoubleMajorityOfThePlaceGivesTheLargestPracticeElevenSwingsInTwentyThree) {
    // Winning needs p1 (30,000 of 52,000 patients) and at least three of the five practices:
    // p1 swings in the C(4,2)+C(4,3)+C(4,4) = 11 coalitions of two or more others, each other
    // practice in the 3 coalitions of p1 and one other; p1 is pivotal in 3 of the 5 positions.
    const auto g = rule_game(place(), preset_rule("double-majority"));
    ASSERT_EQ(g.majorities.size(), 2u);
    EXPECT_EQ(g.players, (std::vector<std::string>{"p1", "p2", "p3", "p4", "p5"}));
    const auto r = power_indices(g);
    EXPECT_EQ(r.swings, (std::vector<big_int>{11, 3, 3, 3, 3}));
    EXPECT_EQ(r.shapley_shubik.exact[0], rational(3, 5));
    EXPECT_EQ(r.shapley_shubik.exact[4], rational(1, 10));
}

TEST(RuleGame, VetoesObserversUnionsAndWhatCannotBeAWeightedGame) {
    auto rule = parse_decision_rule(R"({"conditions": [{"basis": "population", "fraction": "1/2"}],
                                        "veto": ["p2"], "observers": ["p5"]})");
    const auto g = rule_game(place(), rule, "pcn");
    EXPECT_EQ(g.players, (std::vector<std::string>{"p1", "p2", "p3", "p4"})); // the observer is no player
    EXPECT_EQ(g.unions, (std::vector<std::vector<player_t>>{{0, 1, 2}, {3}}));
    const auto r = power_indices(g, {.indices = index_banzhaf | index_owen});
    EXPECT_EQ(r.banzhaf.exact, (std::vector<rational>{rational(1, 2), rational(1, 2), 0, 0}));
    try {
        rule_game(place(), preset_rule("triple-majority"));
        FAIL() << "a majority of PCN majorities is not a weighted game";
    } catch (const error& e) {
        EXPECT_EQ(e.code(), errc::unsupported);
        EXPECT_NE(std::string(e.what()).find("composite"), std::string::npos);
    }
    EXPECT_THROW(rule_game(place(), parse_decision_rule(R"({"conditions": [], "veto": ["nobody"]})")), error);
    // Scheme weights scale to the smallest whole numbers in proportion: group-equal gives each
    // PCN half, shared by its practices (1/6 each in N, 1/4 each in S) -> 2, 2, 2, 3, 3.
    const auto ge =
        rule_game(place(), parse_decision_rule(R"({"conditions": [{"basis": "weights:group-equal"}]})"));
    EXPECT_EQ(ge.majorities[0].weights, (std::vector<std::uint64_t>{2, 2, 2, 3, 3}));
    EXPECT_EQ(ge.majorities[0].quota, 7u); // more than half of 12
}

TEST(RuleGame, HerefordshireDoubleMajorityHalvesTheLargestPracticesPower) {
    // docs/choosing.md: Hereford Medical Group holds 23.2% of the patients of Herefordshire's five
    // PCNs; its Banzhaf power is 32.2% when more than half of the patients decide, 16.0% under a
    // double majority of practices and patients.
    ACCORD_SHARED_FILE(f, "nhs/practices_herefordshire_worcestershire_2025.csv");
    org_csv_options o;
    o.within = {"U12199", "U38064", "U50083", "U65562", "U98974"};
    const organisation org = read_organisation(f, o);
    const auto share = [&](const decision_rule& rule) {
        const auto g = rule_game(org, rule);
        const auto r = power_indices(g, {.indices = index_banzhaf});
        const auto big = std::max_element(g.majorities[0].weights.begin(), g.majorities[0].weights.end()) -
                         g.majorities[0].weights.begin();
        return r.banzhaf.value[static_cast<std::size_t>(big)];
    };
    auto patients = parse_decision_rule(R"({"conditions": [{"basis": "population"}]})");
    auto units_first = preset_rule("double-majority"); // its first condition is the units
    EXPECT_NEAR(share(patients), 0.322, 0.0005);
    units_first.conditions = {units_first.conditions[1], units_first.conditions[0]}; // patients first
    EXPECT_NEAR(share(units_first), 0.160, 0.0005);
}
