// accord/organisation.hpp: the tree of voting units (practice -> PCN -> sub-ICB -> ICB ->
// region, or any other), each with a registered population and free attributes.
#pragma once

#include "accord/error.hpp"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace accord {
inline namespace v0 {

inline constexpr std::uint32_t k_no_parent = 0xFFFFFFFFu;

struct org_unit {
    std::string id;
    std::string name;
    std::string kind;                  ///< "practice", "pcn", "icb", ...
    std::uint32_t parent = k_no_parent; ///< index of the parent unit
    std::uint64_t population = 0;      ///< registered population; for groups, the sum of members
    std::map<std::string, std::string> attributes;
};

class organisation {
public:
    /// Adds a unit; ids are unique (errc::invalid otherwise). Returns its index.
    std::uint32_t add(org_unit u);
    /// Sets the parent (by index); refuses cycles.
    void set_parent(std::uint32_t child, std::uint32_t parent);
    /// Sets a free attribute of unit i (e.g. custom weights for the scheme "column:KEY").
    void set_attribute(std::uint32_t i, const std::string& key, std::string value);

    std::size_t size() const noexcept { return units_.size(); }
    const org_unit& operator[](std::uint32_t i) const { return units_.at(i); }
    const std::vector<org_unit>& units() const noexcept { return units_; }
    std::optional<std::uint32_t> find(std::string_view id) const;

    /// Indices of the units of a kind, in order of addition.
    std::vector<std::uint32_t> of_kind(std::string_view kind) const;
    /// The ancestor of unit i of a kind (i itself if it has that kind); k_no_parent if none.
    std::uint32_t ancestor(std::uint32_t i, std::string_view kind) const;
    /// Kinds present, leaves first (in the order levels were declared).
    const std::vector<std::string>& kinds() const noexcept { return kinds_; }

    /// Orders kinds() leaves first (by depth).
    void sort_kinds();

    /// Recomputes every group's population as the sum of its members' (bottom-up).
    void sum_populations();

    /// Keeps only `leaves` (indices of leaf units) and their ancestors; returns the new
    /// organisation (indices change).
    organisation restricted(const std::vector<std::uint32_t>& leaves) const;

private:
    std::vector<org_unit> units_;
    std::unordered_map<std::string, std::uint32_t> index_;
    std::vector<std::string> kinds_;
};

/// What to do with practices whose PCN code is the "Unallocated" pseudo-PCN (NHS code "U").
enum class unallocated_policy : std::uint8_t {
    own_group = 0, ///< each such practice is a group of its own (default)
    exclude = 1,   ///< leave those practices out
    keep = 2,      ///< keep "Unallocated" as if it were a PCN (not recommended)
};

struct org_csv_options {
    /// Leaf columns. The default reads NHS England's practice files (../shared/data/nhs).
    std::string id_column = "practice_code";
    std::string name_column = "practice_name";
    std::string population_column = "registered_patients";
    std::string leaf_kind = "practice";
    /// Parent levels, nearest first: {kind, id column, name column}.
    struct level {
        std::string kind, id_column, name_column;
    };
    std::vector<level> levels{{"pcn", "pcn_code", "pcn_name"},
                              {"sub_icb", "sub_icb_code", "sub_icb_name"},
                              {"icb", "icb_code", "icb_name"},
                              {"region", "region_code", "region_name"}};
    std::string unallocated_code = "U"; ///< at the first level
    unallocated_policy unallocated = unallocated_policy::own_group;
    std::uint64_t min_population = 0;   ///< leaves below this are left out (0 = keep all)
    /// Keep only leaves under these unit ids (any level), e.g. {"QGH"} or five PCN codes.
    std::vector<std::string> within;
};

/// Reads an organisation CSV. Two layouts: NHS-style (a row per leaf, parent levels as columns,
/// per org_csv_options), or generic (columns id,name,kind,parent,population, one row per unit
/// at any level, parents before or after children) — chosen by the header. Errors name the
/// file and line: duplicate ids, unknown parents, cycles, negative or non-numeric populations,
/// a leaf in two groups.
organisation read_organisation(const std::filesystem::path& path, const org_csv_options& opt = {});
organisation read_organisation_text(std::string_view text, std::string_view name, const org_csv_options& opt = {});

} // namespace v0
} // namespace accord
