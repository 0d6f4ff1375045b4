// docs/architecture.md, "How to add a rule, a format, a scheme or an index", kept true: every
// entry of every extensible table has its docs page, a test that names it and, for readers, a
// libFuzzer target with seeds; and every file the section tells a newcomer to touch exists.
#include "accord/io/read.hpp"
#include "accord/power.hpp"
#include "accord/registry.hpp"
#include "accord/tie_break.hpp"
#include "accord/weighting.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

using namespace accord;
namespace fs = std::filesystem;

namespace {

const fs::path k_root = ACCORD_SOURCE_DIR;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// Every test source (C++, C, Python, CLI scripts), concatenated once.
const std::string& all_tests() {
    static const std::string text = [] {
        std::string out;
        for (const auto& e : fs::recursive_directory_iterator(k_root / "tests")) {
            const auto ext = e.path().extension().string();
            if (!e.is_regular_file() || e.path().filename() == "architecture_test.cpp") continue;
            if (ext == ".cpp" || ext == ".c" || ext == ".py" || ext == ".sh") out += slurp(e.path()) + '\n';
        }
        return out;
    }();
    return text;
}

/// Whether `text` holds `word` as a whole word (letters, digits, '_' and '-' are word characters).
bool names(const std::string& text, const std::string& word) {
    const auto is_word = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
    };
    for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        const bool before = at == 0 || !is_word(text[at - 1]);
        const bool after = at + word.size() >= text.size() || !is_word(text[at + word.size()]);
        if (before && after) return true;
    }
    return false;
}

/// A test names the entry in quotes, as a caller would spell it ("blt", "shapley_shubik"), or
/// reads a file with its extension ("ward.toc").
bool tested(const std::string& name) {
    const std::string& t = all_tests();
    return t.find('"' + name + '"') != std::string::npos || t.find('\'' + name + '\'') != std::string::npos ||
           t.find('.' + name + '"') != std::string::npos;
}

} // namespace

TEST(Architecture, EveryFormatHasADocsRowATestAndAFuzzTargetWithSeeds) {
    const std::string docs = slurp(k_root / "docs" / "formats.md");
    ASSERT_FALSE(docs.empty());
    for (const auto& f : format_table()) {
        const std::string name = f.name;
        EXPECT_NE(docs.find("| `" + name + "` |"), std::string::npos)
            << name << ": docs/formats.md's table of formats has no row for it";
        std::istringstream exts(f.extensions);
        for (std::string ext; exts >> ext;)
            EXPECT_TRUE(names(docs, "." + ext)) << name << ": docs/formats.md never names ." << ext;
        EXPECT_TRUE(tested(name)) << name << ": no test names the format \"" << name << "\"";
        const fs::path target = k_root / "fuzz" / (std::string(f.fuzz_target) + ".cpp");
        EXPECT_TRUE(fs::exists(target)) << name << ": no fuzz target " << target;
        const fs::path seeds = k_root / "fuzz" / "seeds" / f.fuzz_target;
        EXPECT_TRUE(fs::is_directory(seeds) && !fs::is_empty(seeds)) << name << ": no seeds in " << seeds;
        EXPECT_TRUE(f.read) << name << ": no reader";
        EXPECT_EQ(parse_format(name), f.id) << name;
        EXPECT_STREQ(format_name(f.id), f.name);
    }
}

TEST(Architecture, EveryWeightingSchemeHasItsDocsPageAndATest) {
    for (const auto& s : scheme_table()) {
        const std::string page = slurp(k_root / s.docs);
        ASSERT_FALSE(page.empty()) << s.name << ": no page " << s.docs;
        EXPECT_TRUE(names(page, s.name)) << s.name << ": " << s.docs << " never names it";
        EXPECT_TRUE(tested(s.name) || all_tests().find(std::string("\"") + s.name + ":") != std::string::npos)
            << s.name << ": no test names the scheme";
        EXPECT_EQ(parse_scheme(std::string(s.name) + (s.argument[0] == ':' ? ":1" : "")).kind, s.kind)
            << s.name;
    }
}

TEST(Architecture, EveryPowerIndexAndMethodHasItsDocsPageAndATest) {
    for (const auto& i : power_index_table()) {
        const std::string page = slurp(k_root / i.docs);
        ASSERT_FALSE(page.empty()) << i.name << ": no page " << i.docs;
        EXPECT_TRUE(names(page, i.name)) << i.name << ": " << i.docs << " never names it";
        EXPECT_TRUE(tested(i.name)) << i.name << ": no test names the index";
        EXPECT_EQ(parse_power_index(i.name), i.bit);
    }
    const std::string page = slurp(k_root / "docs" / "methods" / "power.md");
    for (const auto& m : power_method_table()) {
        EXPECT_TRUE(names(page, m.name)) << m.name << ": docs/methods/power.md never names it";
        EXPECT_TRUE(tested(m.name)) << m.name << ": no test names the method";
        EXPECT_EQ(parse_power_method(m.name), m.method);
    }
}

TEST(Architecture, EveryTiePolicyIsDocumentedAndTested) {
    const std::string page = slurp(k_root / "docs" / "cli.md");
    for (const auto& t : tie_policy_table()) {
        EXPECT_TRUE(names(page, t.name)) << t.name << ": docs/cli.md never names it";
        EXPECT_TRUE(tested(t.name)) << t.name << ": no test names the policy";
        EXPECT_EQ(parse_tie_policy(t.name), t.policy);
    }
}

TEST(Architecture, EveryRuleIsNamedByATest) {
    for (const auto& m : methods()) EXPECT_TRUE(tested(m.name)) << m.name << ": no test names the rule";
}

TEST(Architecture, EveryRuleHasItsDocsPageNamingItAndItsAliases) {
    for (const auto& m : methods()) {
        const std::string page = slurp(k_root / m.docs);
        ASSERT_FALSE(page.empty()) << m.name << ": no page " << m.docs;
        EXPECT_TRUE(names(page, m.name)) << m.name << ": " << m.docs << " never names it";
        for (const auto& a : m.aliases)
            EXPECT_NE(page.find('`' + a + '`'), std::string::npos)
                << m.name << ": " << m.docs << " never names its alias `" << a << "`";
    }
}

// Analysis asks the registry what a rule is (additive, ballot kinds), never its name: a rule
// named in src/analysis would be a special case that a new rule silently misses. A default rule
// is a name by necessity; the defaults live in include/accord/analysis/defaults.hpp and the
// option structs. Criteria that share a rule's name (the Smith and Pareto criteria of `accord
// check`) and ballot kinds used as JSON keys are not rules.
TEST(Architecture, AnalysisCodeNamesNoRule) {
    const std::set<std::string> not_rules{"smith", "pareto", "approval", "score", "condorcet"};
    for (const auto& e : fs::directory_iterator(k_root / "src" / "analysis")) {
        const std::string text = slurp(e.path());
        for (const auto& m : methods()) {
            std::vector<std::string> spellings{m.name};
            spellings.insert(spellings.end(), m.aliases.begin(), m.aliases.end());
            for (const auto& n : spellings) {
                if (not_rules.count(n)) continue;
                EXPECT_EQ(text.find('"' + n + '"'), std::string::npos)
                    << e.path().filename().string() << " names the rule \"" << n
                    << "\": ask the registry's metadata (methods()) instead";
            }
        }
    }
}

// Issue 15: the front doors only marshal. JSON from outside goes through the core's
// detail::parse_json (nesting limit, short errors); the core's own reports reach the CLI as trees
// (accord/detail/reports.hpp), never parsed back from text.
TEST(Architecture, FrontDoorsParseNoJsonThemselves) {
    for (const char* dir : {"c_api", "cli"})
        for (const auto& e : fs::directory_iterator(k_root / "src" / dir)) {
            const std::string text = slurp(e.path());
            EXPECT_EQ(text.find("json::parse"), std::string::npos)
                << "src/" << dir << "/" << e.path().filename().string()
                << " calls json::parse: use accord::detail::parse_json for outside input, or a report tree";
        }
}

// Issue 15: the C shim only marshals. Every JSON argument (options, rules, votes, queries, games)
// is read by a core *_from_json function, so C, Python and the CLI share one reader and one set
// of messages; the shim parses no JSON, not even through the safe parser.
TEST(Architecture, TheCShimReadsNoJsonArgumentsItself) {
    for (const auto& e : fs::directory_iterator(k_root / "src" / "c_api")) {
        const std::string text = slurp(e.path());
        EXPECT_EQ(text.find("parse_json"), std::string::npos)
            << "src/c_api/" << e.path().filename().string()
            << " parses JSON itself: add a core *_from_json reader and call it";
    }
}

TEST(Architecture, EveryFileTheHowToAddSectionNamesExists) {
    const std::string doc = slurp(k_root / "docs" / "architecture.md");
    const auto from = doc.find("## How to add");
    ASSERT_NE(from, std::string::npos) << "docs/architecture.md has no \"How to add\" section";
    const auto to = doc.find("\n## ", from + 1);
    const std::string section = doc.substr(from, to == std::string::npos ? std::string::npos : to - from);
    const std::regex path(R"(`((?:src|include|tests|docs|fuzz|bindings)/[A-Za-z0-9_./-]+)`)");
    std::size_t checked = 0;
    for (auto it = std::sregex_iterator(section.begin(), section.end(), path); it != std::sregex_iterator();
         ++it) {
        const std::string p = (*it)[1];
        if (p.find('<') != std::string::npos || p.find("NAME") != std::string::npos) continue;
        EXPECT_TRUE(fs::exists(k_root / p)) << "the section names " << p << ", which does not exist";
        ++checked;
    }
    EXPECT_GE(checked, 8u) << "the section should point at the files to touch";
}
