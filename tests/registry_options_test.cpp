// The registry's option lists and what each rule's adapter reads agree: the lists are learnt by
// probing each adapter (src/registry.cpp), every probe reaches the adapter's finish(), every
// listed option is read (so `accord methods` never advertises an option that would be ignored),
// every option read is listed (option_reader refuses an unlisted key as an internal error), and
// an option a rule does not use is refused naming the option and the rule.
#include "accord/registry.hpp"
#include "accord/detail/options.hpp"
#include "accord/detail/stv_variants.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include <set>
#include <string>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using namespace accord;

namespace {

profile ranking_profile() {
    profile p({"A", "B", "C"});
    p.add_order(std::vector<cand_t>{0, 1, 2}, 3);
    p.add_order(std::vector<cand_t>{1, 2, 0}, 2);
    p.add_order(std::vector<cand_t>{2, 0, 1}, 1);
    return p;
}

profile approval_profile() {
    profile p({"A", "B", "C"}, ballot_kind::approval);
    p.add_approval(std::vector<cand_t>{0, 1}, 3);
    p.add_approval(std::vector<cand_t>{2}, 2);
    return p;
}

profile score_profile() {
    profile p({"A", "B", "C"}, ballot_kind::score);
    const mark a[] = {{0, 5}, {1, 3}, {2, 0}};
    const mark b[] = {{0, 0}, {1, 4}, {2, 5}};
    p.add(a, 3);
    p.add(b, 2);
    return p;
}

// Dis&approval counts only scores -1, 0 and 1.
profile grade_profile() {
    profile p({"A", "B", "C"}, ballot_kind::score);
    const mark a[] = {{0, 1}, {1, -1}, {2, 0}};
    p.add(a, 2);
    return p;
}

// Values for the options a rule requires; every other listed option is given as null, which a
// reader treats as "not given" once it has looked the key up. A rule that lists `seats` is given
// one seat (its metadata says so; no list of committee rules to keep up to date).
nlohmann::json required_values(const method_info& m) {
    const std::string& method = m.name;
    nlohmann::json j = nlohmann::json::object();
    if (std::find(m.options.begin(), m.options.end(), "seats") != m.options.end()) j["seats"] = 1;
    if (method == "limited") { // fewer votes than seats
        j["seats"] = 2;
        j["votes"] = 1;
    }
    if (method == "budget") {
        j["method"] = "equal-shares"; // the method and completion that read every budget option
        j["completion"] = "add1";
        j["budget"] = 2;
        j["costs"] = {{"A", 1}, {"B", 1}, {"C", 1}};
    }
    if (method == "positional") j["points"] = {2, 1, 0};
    if (method == "cumulative") j["budget"] = 10;
    return j;
}

} // namespace

TEST(RegistryOptions, EveryListedOptionIsReadByItsRule) {
    const std::vector<profile> profiles{ranking_profile(), approval_profile(), score_profile(),
                                        grade_profile()};
    for (const auto& m : methods()) {
        nlohmann::json opts = required_values(m);
        for (const auto& k : m.options)
            if (!opts.contains(k)) opts[k] = nullptr;
        bool counted = false;
        std::string last;
        for (const auto& p : profiles) {
            try {
                run(p, m.name, opts.dump());
                counted = true;
            } catch (const error& e) {
                last = e.what();
                EXPECT_EQ(last.find("does not use it"), std::string::npos) << m.name << ": " << last;
                EXPECT_EQ(last.find("internal error"), std::string::npos) << m.name << ": " << last;
            }
        }
        EXPECT_TRUE(counted) << m.name << " counted none of the test profiles: " << last;
    }
}

// The keys come from the adapters, in the order each reads them: IRV's are its ballot rules, then
// continue_until_two, then the tie-break trio; STV's start with its variant; none lists a key twice.
TEST(RegistryOptions, OptionKeysAreLearntFromTheAdaptersInTheOrderTheyAreRead) {
    const auto ms = methods();
    auto options_of = [&](const std::string& name) {
        const auto it =
            std::find_if(ms.begin(), ms.end(), [&](const method_info& m) { return m.name == name; });
        return it == ms.end() ? std::vector<std::string>{} : it->options;
    };
    EXPECT_EQ(
        options_of("irv"),
        (std::vector<std::string>{"batch_elimination", "overvote", "max_skipped_ranks",
                                  "exhaust_on_duplicate", "max_rankings", "excluded", "undeclared_write_in",
                                  "continue_until_two", "tie_break", "seed", "tie_order"}));
    const auto stv = options_of("stv");
    ASSERT_FALSE(stv.empty());
    EXPECT_EQ(stv.front(), "variant");
    for (const char* k :
         {"seats", "quota", "arithmetic", "omega", "mode", "bottoms_up_threshold", "tie_order"})
        EXPECT_NE(std::find(stv.begin(), stv.end(), k), stv.end()) << k;
    for (const auto& m : ms) {
        EXPECT_FALSE(m.options.empty()) << m.name;
        const std::set<std::string> distinct(m.options.begin(), m.options.end());
        EXPECT_EQ(distinct.size(), m.options.size()) << m.name << " lists a key twice";
        // Probing with {"seats": 1} lists seats only for a rule that reads it.
        const bool single =
            m.name == "irv" || m.name == "plurality" || m.name == "borda" || m.name == "schulze";
        if (single) {
            EXPECT_EQ(std::count(m.options.begin(), m.options.end(), "seats"), 0) << m.name;
        }
    }
}

TEST(RegistryOptions, SeatsIsRefusedBySingleWinnerRulesNamingTheOptionAndTheRule) {
    const profile p = ranking_profile();
    for (const char* m : {"irv", "plurality", "borda", "schulze"}) {
        try {
            run(p, m, R"({"seats": 3})");
            ADD_FAILURE() << m << " accepted seats";
        } catch (const error& e) {
            const std::string what = e.what();
            EXPECT_EQ(e.code(), errc::invalid) << what;
            EXPECT_NE(what.find("'seats'"), std::string::npos) << what;
            EXPECT_NE(what.find(std::string(m) + " does not use it"), std::string::npos) << what;
        }
    }
}

TEST(RegistryOptions, UnrankedIsRefusedByRulesThatNeverPlaceUnrankedCandidates) {
    const profile p = ranking_profile();
    for (const char* m : {"irv", "plurality"}) EXPECT_THROW(run(p, m, R"({"unranked": "last"})"), error) << m;
    EXPECT_THROW(run(p, "stv", R"({"seats": 1, "unranked": "last"})"), error);
}

TEST(RegistryMetadata, EachRuleCountsExactlyTheBallotKindsItDeclares) {
    const std::vector<profile> profiles{ranking_profile(), approval_profile(), score_profile()};
    for (const auto& m : methods()) {
        ASSERT_FALSE(m.ballots.empty()) << m.name;
        const std::string opts = required_values(m).dump();
        for (const auto& p : profiles) {
            const bool declared = std::find(m.ballots.begin(), m.ballots.end(), p.kind()) != m.ballots.end();
            std::string refusal;
            try {
                run(p, m.name, opts);
            } catch (const error& e) {
                if (e.code() == errc::unsupported) refusal = e.what();
            }
            if (declared)
                EXPECT_EQ(refusal, "")
                    << m.name << " declares " << ballot_kind_name(p.kind()) << " ballots but refuses them";
            else
                EXPECT_NE(refusal, "") << m.name << " counts " << ballot_kind_name(p.kind())
                                       << " ballots, which its registry entry does not declare";
        }
    }
}

TEST(RegistryMetadata, AnAliasRunsItsRuleAndNoNameIsTakenTwice) {
    std::set<std::string> taken;
    const profile p = ranking_profile();
    for (const auto& m : methods()) {
        EXPECT_TRUE(taken.insert(m.name).second) << m.name;
        for (const auto& a : m.aliases) {
            EXPECT_TRUE(taken.insert(a).second) << a << " (alias of " << m.name << ") is taken twice";
            EXPECT_EQ(method_name(a), m.name);
        }
    }
    EXPECT_EQ(run(p, "rcv").method, "irv");
    EXPECT_EQ(run(p, "rcv").ranking, run(p, "irv").ranking);
    EXPECT_EQ(method_name("irv"), "irv");
    try {
        run(p, "rcv", R"({"seats": 2})");
        ADD_FAILURE() << "rcv accepted seats";
    } catch (const error& e) {
        EXPECT_NE(std::string(e.what()).find("irv does not use it"), std::string::npos) << e.what();
    }
    EXPECT_THROW(method_name("no-such-rule"), error);
}

TEST(RegistryMetadata, TheJsonListingCarriesEveryField) {
    const auto j = nlohmann::json::parse(methods_json());
    const auto ms = methods();
    ASSERT_EQ(j.size(), ms.size());
    for (std::size_t i = 0; i < ms.size(); ++i) {
        EXPECT_EQ(j[i]["name"], ms[i].name);
        EXPECT_EQ(j[i]["options"].get<std::vector<std::string>>(), ms[i].options);
        EXPECT_EQ(j[i]["additive"], ms[i].additive);
        EXPECT_EQ(j[i]["ballots"].size(), ms[i].ballots.size());
        EXPECT_EQ(j[i]["aliases"].get<std::vector<std::string>>(), ms[i].aliases);
        EXPECT_EQ(j[i]["docs"], ms[i].docs);
    }
    const auto irv = std::find_if(ms.begin(), ms.end(), [](const method_info& m) { return m.name == "irv"; });
    ASSERT_NE(irv, ms.end());
    EXPECT_EQ(irv->docs, "docs/methods/irv.md");
    EXPECT_EQ(irv->ballots, std::vector<ballot_kind>{ballot_kind::ranking});
}

namespace {
// Four candidates, two seats: a surplus and an exclusion, so every variant has work to do.
profile stv_profile() {
    profile p({"A", "B", "C", "D"});
    p.add_order(std::vector<cand_t>{0, 1, 2}, 9);
    p.add_order(std::vector<cand_t>{1, 2}, 4);
    p.add_order(std::vector<cand_t>{2, 3}, 3);
    p.add_order(std::vector<cand_t>{3, 0}, 2);
    return p;
}

const char* quota_name(stv_quota q) {
    return q == stv_quota::droop ? "droop" : q == stv_quota::droop_exact ? "droop-exact" : "hare";
}
} // namespace

TEST(StvVariantTable, NamesAliasesAndDocsSectionsComeFromTheOneTable) {
    std::ifstream in(std::string(ACCORD_SOURCE_DIR) + "/docs/methods/stv.md");
    const std::string docs((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(docs.empty());
    std::string names;
    for (const auto& v : stv_variant_table()) {
        EXPECT_EQ(parse_stv_variant(v.name), v.id);
        EXPECT_STREQ(stv_variant_name(v.id), v.name);
        std::istringstream aliases(v.aliases);
        for (std::string a; aliases >> a;) EXPECT_EQ(parse_stv_variant(a), v.id) << a;
        EXPECT_EQ(std::string(v.docs), std::string("docs/methods/stv.md#") + v.name);
        EXPECT_NE(docs.find(std::string("### `") + v.name + "`"), std::string::npos)
            << v.name << ": docs/methods/stv.md has no section for it";
        names += (names.empty() ? "" : ", ") + std::string(v.name);
    }
    EXPECT_EQ(stv_variant_names(), names);
    EXPECT_EQ(stv_variant_table().front().id, stv_options{}.variant) << "the first entry is the default";
    try {
        (void)parse_stv_variant("hare-clark");
        ADD_FAILURE() << "an unknown variant was accepted";
    } catch (const error& e) {
        EXPECT_NE(std::string(e.what()).find(names), std::string::npos) << e.what();
    }
    const auto ms = methods();
    const auto stv_entry =
        std::find_if(ms.begin(), ms.end(), [](const method_info& m) { return m.name == "stv"; });
    ASSERT_NE(stv_entry, ms.end());
    EXPECT_NE(stv_entry->summary.find(names), std::string::npos) << stv_entry->summary;
}

TEST(StvVariantTable, EachVariantOptionIsReadByItsVariantsAndRefusedByTheOthers) {
    const profile p = stv_profile();
    const nlohmann::json values = {{"zero_surplus_stage", true},
                                   {"quota", "droop"},
                                   {"arithmetic", "exact"},
                                   {"defeat_zero_batch", true},
                                   {"omega", 8},
                                   {"batch_defeat", false},
                                   {"mode", "one-per-round"},
                                   {"decimals", 4},
                                   {"fractional_threshold", true},
                                   {"bottoms_up_threshold", "3/10"},
                                   {"first_round_threshold", true},
                                   {"cutoff_elimination", true},
                                   {"max_skipped_ranks", 1},
                                   {"exhaust_on_duplicate", true},
                                   {"max_rankings", 3},
                                   {"undeclared_write_in", "D"},
                                   {"batch_elimination", false},
                                   {"continue_until_two", false},
                                   {"nz", true},
                                   {"min_votes", 1},
                                   {"transfer", "warren"},
                                   {"completion", "minimax"},
                                   {"fixed_quota", true},
                                   {"max_outcomes", 1000},
                                   {"max_challenges", 1000}};
    for (const auto& v : stv_variant_table()) {
        std::istringstream keys(v.options);
        for (std::string key; keys >> key;) {
            ASSERT_TRUE(values.contains(key)) << key;
            for (const auto& other : stv_variant_table()) {
                nlohmann::json o = {{"seats", 2}, {"variant", other.name}, {key, values[key]}};
                if (key == "mode") o["mode"] = "bottoms-up";
                // A percentage, not a seat count, decides how many win (RCTab's numberOfWinners 0).
                if (key == "bottoms_up_threshold" || key == "first_round_threshold" ||
                    key == "cutoff_elimination") {
                    o["mode"] = "bottoms-up";
                    o["bottoms_up_threshold"] = "3/10";
                    o.erase("seats");
                }
                const std::string list = std::string(" ") + other.options + " ";
                if (list.find(" " + key + " ") != std::string::npos) {
                    EXPECT_NO_THROW(run(p, "stv", o.dump())) << other.name << " reads " << key;
                } else {
                    try {
                        run(p, "stv", o.dump());
                        ADD_FAILURE() << other.name << " accepted " << key;
                    } catch (const error& e) {
                        EXPECT_NE(std::string(e.what()).find(std::string("not used by the ") + other.name),
                                  std::string::npos)
                            << e.what();
                    }
                }
            }
        }
    }
}

TEST(StvVariantTable, AVariantsDefaultQuotaIsTheTablesQuota) {
    const profile p = stv_profile();
    std::size_t compared = 0;
    for (const auto& v : stv_variant_table()) {
        const std::string list = std::string(" ") + v.options + " ";
        if (!v.quota || list.find(" quota ") == std::string::npos) continue;
        const nlohmann::json base = {{"seats", 2}, {"variant", v.name}};
        nlohmann::json named = base;
        named["quota"] = quota_name(*v.quota);
        EXPECT_EQ(to_json(run(p, "stv", base.dump())), to_json(run(p, "stv", named.dump()))) << v.name;
        nlohmann::json hare = base;
        hare["quota"] = "hare";
        if (*v.quota != stv_quota::hare)
            EXPECT_NE(to_json(run(p, "stv", base.dump())), to_json(run(p, "stv", hare.dump())))
                << v.name << ": the quota option changes nothing, so this test could not fail";
        ++compared;
    }
    EXPECT_GE(compared, 4u);
}

// ---- What the listing says of each option: type, allowed values, default, description -----

namespace {
const method_info& method_named(const std::vector<method_info>& ms, const std::string& name) {
    const auto it = std::find_if(ms.begin(), ms.end(), [&](const method_info& m) { return m.name == name; });
    if (it == ms.end()) throw std::runtime_error("no method " + name);
    return *it;
}
const option_info& option_named(const method_info& m, const std::string& key) {
    const auto it = std::find_if(m.option_details.begin(), m.option_details.end(),
                                 [&](const option_info& o) { return o.key == key; });
    if (it == m.option_details.end()) throw std::runtime_error(m.name + " has no option " + key);
    return *it;
}
} // namespace

TEST(OptionDetails, ListTheSameKeysInTheSameOrderAsOptions) {
    for (const auto& m : methods()) {
        std::vector<std::string> keys;
        for (const auto& o : m.option_details) keys.push_back(o.key);
        EXPECT_EQ(keys, m.options) << m.name;
        for (const auto& o : m.option_details) {
            EXPECT_FALSE(o.type.empty()) << m.name << "." << o.key;
            EXPECT_NE(o.type, "json")
                << m.name << "." << o.key << ": read as raw JSON with no describe() saying what it is";
        }
    }
}

// So an option cannot land undocumented: every key a method reads has a one-line description
// (src/option_docs.cpp), and every line there describes a key some method reads.
TEST(OptionDetails, EveryOptionAMethodReadsHasADescriptionAndEveryDescriptionIsUsed) {
    const auto ms = methods();
    for (const auto& m : ms)
        for (const auto& o : m.option_details) {
            EXPECT_FALSE(o.description.empty())
                << m.name << " reads option '" << o.key << "', which src/option_docs.cpp does not describe";
            EXPECT_EQ(o.description.find('\n'), std::string::npos) << m.name << "." << o.key;
        }
    std::set<std::pair<std::string, std::string>> seen;
    for (const auto& d : detail::option_docs()) {
        EXPECT_TRUE(seen.insert({d.key, d.method}).second)
            << d.key << " is described twice for '" << d.method << "'";
        bool read = false;
        for (const auto& m : ms)
            if ((!*d.method || m.name == d.method) &&
                std::find(m.options.begin(), m.options.end(), d.key) != m.options.end())
                read = true;
        EXPECT_TRUE(read) << "src/option_docs.cpp describes '" << d.key << "'"
                          << (*d.method ? std::string(" for ") + d.method : std::string())
                          << ", which no such method reads";
    }
    // A method's own line overrides the shared one.
    EXPECT_NE(option_named(method_named(ms, "stv"), "seats").description,
              option_named(method_named(ms, "seq-pav"), "seats").description);
    EXPECT_EQ(option_named(method_named(ms, "seq-pav"), "seats").description,
              option_named(method_named(ms, "pav"), "seats").description);
}

TEST(OptionDetails, TypesChoicesAndDefaultsAreTheAdaptersOwn) {
    const auto ms = methods();
    const auto& stv = method_named(ms, "stv");
    const auto& variant = option_named(stv, "variant");
    std::vector<std::string> variants;
    for (const auto& v : stv_variant_table()) variants.emplace_back(v.name);
    EXPECT_EQ(variant.type, "string");
    EXPECT_EQ(variant.choices, variants);
    EXPECT_EQ(variant.default_json, std::string("\"") + stv_variant_name(stv_options{}.variant) + "\"");
    EXPECT_EQ(option_named(stv, "quota").choices, (std::vector<std::string>{"droop", "droop-exact", "hare"}));
    EXPECT_EQ(option_named(stv, "quota").default_json, "") << "the default quota is the variant's";
    EXPECT_EQ(option_named(stv, "seats").type, "integer >= 0");
    EXPECT_EQ(option_named(stv, "seats").default_json, "") << "absent: the profile's seats";
    EXPECT_EQ(option_named(stv, "omega").type, "integer >= 0");
    EXPECT_EQ(option_named(stv, "decimals").default_json, "4");
    EXPECT_EQ(option_named(stv, "bottoms_up_threshold").type, "exact number");
    EXPECT_EQ(option_named(stv, "mode").default_json, "\"multiple-per-round\"");

    const auto& irv = method_named(ms, "irv");
    EXPECT_EQ(option_named(irv, "batch_elimination").type, "bool");
    EXPECT_EQ(option_named(irv, "batch_elimination").default_json, "false");
    EXPECT_EQ(
        option_named(irv, "overvote").choices,
        (std::vector<std::string>{"exhaust-immediately", "skip-to-next", "exhaust-if-multiple-continuing"}));
    EXPECT_EQ(option_named(irv, "overvote").default_json, "\"exhaust-if-multiple-continuing\"");
    EXPECT_EQ(option_named(method_named(ms, "plurality"), "overvote").default_json,
              "\"exhaust-immediately\"");
    EXPECT_EQ(option_named(irv, "max_rankings").type, "integer");
    EXPECT_EQ(option_named(irv, "max_rankings").default_json, "") << "absent: all ranks";
    EXPECT_EQ(option_named(irv, "undeclared_write_in").type, "candidate");
    EXPECT_EQ(option_named(irv, "excluded").type, "candidates");
    EXPECT_EQ(option_named(irv, "excluded").default_json, "[]");
    EXPECT_EQ(option_named(irv, "tie_break").default_json, "\"previous-rounds\"");
    const auto& ties = option_named(irv, "tie_break").choices;
    EXPECT_NE(std::find(ties.begin(), ties.end(), "previous-rounds:random"), ties.end());
    EXPECT_EQ(std::find(ties.begin(), ties.end(), "previous-rounds:previous-rounds"), ties.end());
    EXPECT_EQ(option_named(irv, "seed").default_json, "0");
    EXPECT_EQ(option_named(method_named(ms, "plurality"), "tie_break").default_json, "\"lexicographic\"");

    EXPECT_EQ(option_named(method_named(ms, "copeland"), "tie_value").type, "exact number");
    EXPECT_EQ(option_named(method_named(ms, "copeland"), "tie_value").default_json, "\"1/2\"");
    EXPECT_EQ(option_named(method_named(ms, "borda"), "base").default_json, "0");
    EXPECT_EQ(option_named(method_named(ms, "alaska"), "k").default_json, "4");
    EXPECT_EQ(option_named(method_named(ms, "schulze"), "strength").choices,
              (std::vector<std::string>{"winning", "margin", "ratio", "winning-only"}));
    EXPECT_EQ(option_named(method_named(ms, "ranked-pairs"), "strength").choices,
              (std::vector<std::string>{"winning", "margin"}));
    const auto& seats = option_named(method_named(ms, "seq-pav"), "seats");
    EXPECT_TRUE(seats.required);
    EXPECT_EQ(seats.type, "integer");
    EXPECT_TRUE(option_named(method_named(ms, "positional"), "points").required);
    EXPECT_TRUE(option_named(method_named(ms, "budget"), "costs").required);
    EXPECT_EQ(option_named(method_named(ms, "budget"), "costs").type, "object");
    EXPECT_EQ(option_named(method_named(ms, "budget"), "method").choices,
              (std::vector<std::string>{"greedy", "equal-shares", "max-welfare", "phragmen",
                                        "maximin-support", "exact-equal-shares", "bos-equal-shares",
                                        "fractional-equal-shares", "cstv"}));
    EXPECT_EQ(option_named(method_named(ms, "equal-shares"), "completion").default_json, "\"seq-phragmen\"");
    EXPECT_FALSE(option_named(method_named(ms, "irv"), "overvote").required);
}

namespace {
// required_values() for probing `key`: budget's completion and increment apply to
// method "equal-shares" only, so they are left out when the method itself is probed; its
// combination applies to method "cstv" only.
nlohmann::json required_for_probe(const method_info& m, const std::string& key) {
    nlohmann::json j = required_values(m); // candidates A, B and C, as in the probe profile
    if (m.name == "budget" && key == "method") j.erase("completion");
    if (m.name == "budget" && key == "combination") {
        j.erase("completion");
        j["method"] = "cstv";
    }
    return j;
}
} // namespace

// The allowed values the listing shows are the ones the adapter parses: each is accepted (the
// adapter reaches finish() in probe mode), and a value outside them is refused naming the option.
TEST(OptionDetails, EveryListedChoiceIsAcceptedAndAnUnlistedOneIsRefused) {
    std::size_t checked = 0;
    for (const auto& m : methods())
        for (const auto& o : m.option_details) {
            if (o.choices.empty()) continue;
            for (const auto& c : o.choices) {
                nlohmann::json j = required_for_probe(m, o.key);
                j[o.key] = c;
                EXPECT_NO_THROW(detail::probe_method(m.name, j.dump())) << m.name << " " << o.key << "=" << c;
                ++checked;
            }
            nlohmann::json j = required_for_probe(m, o.key);
            j[o.key] = "no-such-value";
            try {
                detail::probe_method(m.name, j.dump());
                ADD_FAILURE() << m.name << " accepted " << o.key << "=no-such-value";
            } catch (const error& e) {
                EXPECT_EQ(e.code(), errc::invalid) << e.what();
            }
        }
    EXPECT_GT(checked, 300u);
}

// The default the listing shows is what the rule uses when the option is absent: giving it
// changes nothing. (An option that applies only with another's value is refused; skipped.)
TEST(OptionDetails, GivingAnOptionsListedDefaultCountsAsLeavingItOut) {
    const std::vector<profile> profiles{ranking_profile(), approval_profile(), score_profile(),
                                        grade_profile()};
    std::size_t compared = 0;
    for (const auto& m : methods())
        for (const auto& o : m.option_details) {
            if (o.default_json.empty()) continue;
            const nlohmann::json base = required_values(m);
            if (base.contains(o.key)) continue; // set by the test, not absent
            nlohmann::json given = base;
            given[o.key] = nlohmann::json::parse(o.default_json);
            for (const auto& p : profiles) {
                std::string without, with;
                try {
                    without = to_json(run(p, m.name, base.dump()));
                } catch (const error& e) {
                    without = std::string("error: ") + e.what();
                }
                try {
                    with = to_json(run(p, m.name, given.dump()));
                } catch (const error& e) {
                    with = std::string("error: ") + e.what();
                    // An option that applies only with another's value (an STV variant's, or
                    // plurality-veto's seed with voter_order random) is refused without it.
                    if (with.find("is not used by the") != std::string::npos ||
                        with.find("only used with") != std::string::npos)
                        break;
                }
                EXPECT_EQ(with, without) << m.name << " with " << o.key << "=" << o.default_json;
                if (without.rfind("error: ", 0) != 0) ++compared;
            }
        }
    EXPECT_GT(compared, 300u);
}
// Each method's page documents exactly the options it reads: the keys in the first column of
// its "## Parameters" (or "## Options") table are the learnt keys, and the page names every
// allowed value of each choice option.
TEST(OptionDetails, EachMethodsPageDocumentsExactlyTheOptionsItReads) {
    for (const auto& m : methods()) {
        const std::string path = std::string(ACCORD_SOURCE_DIR) + "/" + m.docs.substr(0, m.docs.find('#'));
        std::ifstream in(path);
        const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        ASSERT_FALSE(page.empty()) << path;
        std::size_t at = page.find("\n## Parameters\n");
        if (at == std::string::npos) at = page.find("\n## Options\n");
        ASSERT_NE(at, std::string::npos) << path << " has no \"## Parameters\" section";
        const std::size_t end = page.find("\n## ", at + 1);
        std::istringstream section(page.substr(at, end == std::string::npos ? std::string::npos : end - at));
        std::set<std::string> documented;
        for (std::string line; std::getline(section, line);) {
            if (line.rfind("| `", 0) != 0) continue;
            const std::string cell = line.substr(1, line.find('|', 1) - 1);
            for (std::size_t b = cell.find('`'); b != std::string::npos; b = cell.find('`', b + 1)) {
                const std::size_t e = cell.find('`', b + 1);
                if (e == std::string::npos) break;
                documented.insert(cell.substr(b + 1, e - b - 1));
                b = e;
            }
        }
        const std::set<std::string> read(m.options.begin(), m.options.end());
        for (const auto& k : read)
            EXPECT_TRUE(documented.count(k))
                << path << " does not document option '" << k << "' of " << m.name;
        for (const auto& k : documented)
            EXPECT_TRUE(read.count(k))
                << path << " documents option '" << k << "', which " << m.name << " does not read";
        for (const auto& o : m.option_details)
            for (const auto& c : o.choices)
                if (o.key != "tie_break")
                    EXPECT_NE(page.find(c), std::string::npos)
                        << path << " does not name '" << c << "', a value of " << m.name << "'s " << o.key;
    }
}
