// The catalogue as a whole: every registered rule is documented where users look for it.
#include "accord/registry.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace accord;

TEST(Catalogue, EveryRegisteredMethodHasADocsPageWithDefinitionParametersTiesAndSources) {
    const auto dir = std::filesystem::path(ACCORD_SOURCE_DIR) / "docs" / "methods";
    ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir;
    std::size_t checked = 0;
    for (const auto& m : methods()) {
        const auto page = dir / (m.name + ".md");
        ASSERT_TRUE(std::filesystem::exists(page)) << m.name << ": no " << page;
        std::ifstream in(page);
        std::stringstream text;
        text << in.rdbuf();
        const std::string s = text.str();
        const std::string title = s.substr(0, s.find('\n'));
        EXPECT_EQ(title.rfind("# ", 0), 0u) << m.name << ": the page must open with a title";
        EXPECT_NE(title.find(m.name), std::string::npos) << m.name << ": the title must name the method";
        EXPECT_NE(s.find("efinition"), std::string::npos) << m.name << ": no definition section";
        EXPECT_TRUE(s.find("## Parameters") != std::string::npos || s.find("## Options") != std::string::npos)
            << m.name << ": no parameters section";
        EXPECT_NE(s.find("## Sources"), std::string::npos) << m.name << ": no sources section";
        EXPECT_TRUE(s.find("# Ties") != std::string::npos || s.find("- Ties") != std::string::npos)
            << m.name << ": no section on ties";
        // Every option the registry accepts is documented on the page.
        for (const auto& opt : m.options)
            EXPECT_NE(s.find("`" + opt + "`"), std::string::npos)
                << m.name << ": option '" << opt << "' is not documented";
        ++checked;
    }
    EXPECT_GE(checked, 50u);
}
