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
    std::string kind;                   ///< "practice", "pcn", "icb", ...
    std::uint32_t parent = k_no_parent; ///< index of the parent unit
    std::uint64_t population = 0;       ///< registered population; for groups, the sum of members
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

    /// Where the organisation came from, as key -> text: for NHS England's files the two
    /// extract dates ("mapping_extract_date", "list_size_extract_date", ISO dates) and the
    /// practices of the list-size file that the mapping lacks. Reported with weights (JSON).
    const std::map<std::string, std::string>& provenance() const noexcept { return provenance_; }
    void set_provenance(const std::string& key, std::string value) { provenance_[key] = std::move(value); }

  private:
    std::vector<org_unit> units_;
    std::unordered_map<std::string, std::uint32_t> index_;
    std::vector<std::string> kinds_;
    std::map<std::string, std::string> provenance_;
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
    /// A level whose id column the file lacks is skipped, so one list reads both NHS shapes:
    /// 2025 (sub-ICB, ICB) and 2022 (CCG, STP).
    std::vector<level> levels{{"pcn", "pcn_code", "pcn_name"}, {"sub_icb", "sub_icb_code", "sub_icb_name"},
                              {"ccg", "ccg_code", "ccg_name"}, {"icb", "icb_code", "icb_name"},
                              {"stp", "stp_code", "stp_name"}, {"region", "region_code", "region_name"}};
    std::string unallocated_code = "U"; ///< at the first level
    unallocated_policy unallocated = unallocated_policy::own_group;
    /// Whether `unallocated` was given by the caller: a generic organisation file has no
    /// "Unallocated" PCN code, so a given policy there is refused rather than ignored.
    bool unallocated_given = false;
    std::uint64_t min_population = 0; ///< leaves below this are left out (0 = keep all)
    /// Keep only leaves under these unit ids (any level), e.g. {"QGH"} or five PCN codes.
    std::vector<std::string> within;
};

/// Reads an organisation CSV. Two layouts: NHS-style (a row per leaf, parent levels as columns,
/// per org_csv_options), or generic (columns id,name,kind,parent,population, one row per unit
/// at any level, parents before or after children) — chosen by the header. Errors name the
/// file and line: duplicate ids, unknown parents, cycles, negative or non-numeric populations,
/// a leaf in two groups.
/// Organisation reading options from JSON {"within": [ids], "unallocated": "own-group"|"exclude"|
/// "keep", "min_population": N, "list_sizes": PATH} (accord_org_load()'s options; "" = none).
/// "list_sizes" (NHS England's list-size file, for read_nhs_organisation) goes to `list_sizes`;
/// without that pointer the key is errc::invalid. An unknown key or a value of the wrong type is
/// errc::invalid naming it.
org_csv_options org_csv_options_from_json(std::string_view json, std::string* list_sizes = nullptr);
organisation read_organisation(const std::filesystem::path& path, const org_csv_options& opt = {});
organisation read_organisation_text(std::string_view text, std::string_view name,
                                    const org_csv_options& opt = {});

/// What joining NHS England's two practice files found (docs/formats.md, "NHS England's files").
struct nhs_join_report {
    std::string shape;                  ///< "2025" (sub-ICB/ICB) or "2022" (CCG/STP)
    std::string mapping_extract_date;   ///< ISO date of the mapping file's EXTRACT_DATE
    std::string list_size_extract_date; ///< ISO date of the list-size file's EXTRACT_DATE
    std::size_t practices = 0;          ///< rows written: every practice of the mapping
    std::uint64_t registered_patients = 0;
    /// Practices of the list-size file that the mapping lacks (closed or merged between the two
    /// extracts): not in the organisation, reported here by code, in file order.
    std::vector<std::string> not_in_mapping;
};

/// The report as one JSON object (shape, both extract dates, practices, registered_patients,
/// list_size_practices_not_in_mapping), as `accord org join --json` and the C API give it.
std::string to_json(const nhs_join_report& r);
/// The join's options as the C API gives them: "" or {} (there are none yet); any key is
/// errc::invalid naming it, so a caller's option is never silently dropped.
void check_nhs_join_options_json(std::string_view json_text);

/// Joins NHS England's practice mapping (`gp-reg-pat-prac-map`: practice -> PCN -> sub-ICB/CCG
/// -> ICB/STP -> region) with its list sizes (`gp-reg-pat-prac-all`) on the practice code, as
/// the files are published, into the practice CSV read_organisation() reads (columns
/// practice_code, practice_name, practice_postcode, pcn_code, pcn_name, sub_icb_code|ccg_code,
/// ..._name, icb_code|stp_code, ..._name, region_code, region_name, registered_patients,
/// mapping_extract_date, list_size_extract_date; RFC 4180, CRLF). A practice of the mapping with
/// no list size is refused (errc::parse naming it and its line); list-size practices the mapping
/// lacks go to report.not_in_mapping. Errors name the file and line.
std::string join_nhs_practice_files_text(std::string_view map_text, std::string_view map_name,
                                         std::string_view sizes_text, std::string_view sizes_name,
                                         nhs_join_report* report = nullptr);
std::string join_nhs_practice_files(const std::filesystem::path& map_path,
                                    const std::filesystem::path& sizes_path,
                                    nhs_join_report* report = nullptr);
/// Reads the organisation straight from the two NHS files (the join above, then
/// read_organisation_text with `opt`); the extract dates and the practices not in the mapping
/// are kept in provenance().
organisation read_nhs_organisation(const std::filesystem::path& map_path,
                                   const std::filesystem::path& sizes_path, const org_csv_options& opt = {},
                                   nhs_join_report* report = nullptr);

} // namespace v0
} // namespace accord
