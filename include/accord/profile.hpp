// accord/profile.hpp: candidates and ballots, stored once per distinct ballot with a multiplicity.
//
// A ballot is a short sequence of marks (candidate, value). For rankings the value is the rank
// position (1 = first choice); several marks with the same rank form a tier (an equal ranking,
// or an overvote in a cast-vote record), and a gap in the rank numbers is a skipped rank, kept
// because some rules (RCTab's skipped-rank limit) look at it. For approval ballots the value is 1;
// for score and points ballots it is the score. Identical ballots (same marks, weight and unit)
// are merged on insertion, so a million real ballots usually become a few thousand entries.
#pragma once

#include "accord/error.hpp"
#include "accord/number.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace accord {
inline namespace v0 {

/// 128-bit unsigned integer (a GCC/Clang extension) for exact voter totals.
__extension__ typedef unsigned __int128 uint128;
__extension__ typedef __int128 int128;

/// Index of a candidate in its profile (0-based, in file order).
using cand_t = std::uint32_t;

/// A mark that records an overvote at a rank whose candidates are unknown (a CVR's "overvote"
/// label). Only valid in ranking ballots.
inline constexpr cand_t k_overvote = 0xFFFFFFFEu;
/// No unit: the ballot is not tagged with an organisational unit.
inline constexpr std::uint32_t k_no_unit = 0xFFFFFFFFu;

enum class ballot_kind : std::uint8_t {
    ranking = 0,  ///< weak orders, truncation allowed
    approval = 1, ///< a set of approved candidates
    score = 2,    ///< an integer score per candidate (score, grades, points)
};

const char* ballot_kind_name(ballot_kind k) noexcept;

struct mark {
    cand_t candidate;
    std::int32_t value; ///< rank position (1-based), 1 for approval, or the score
    friend bool operator==(const mark&, const mark&) = default;
};

/// Read-only view of one distinct ballot.
struct ballot_view {
    std::span<const mark> marks; ///< sorted by value (rank order), then candidate
    std::uint64_t count;         ///< how many voters cast exactly this ballot
    const rational* weight;      ///< per-voter weight; nullptr means 1
    std::uint32_t unit;          ///< index into profile::units(), or k_no_unit
};

class profile {
  public:
    profile() = default;
    /// Candidates by display name, in order. Names must be non-empty and distinct.
    explicit profile(std::vector<std::string> candidate_names, ballot_kind kind = ballot_kind::ranking);

    // --- candidates -------------------------------------------------------------------------
    std::size_t candidate_count() const noexcept { return names_.size(); }
    const std::vector<std::string>& candidate_names() const noexcept { return names_; }
    const std::string& candidate_name(cand_t c) const;
    /// Appends a candidate (non-empty, new name); existing ballots do not rank it. Returns its index.
    cand_t add_candidate(std::string name);
    std::optional<cand_t> find_candidate(std::string_view name) const;
    /// Withdrawn candidates (BLT "-n" lines) take no part in any count; their marks are skipped.
    void set_withdrawn(cand_t c, bool withdrawn = true);
    bool withdrawn(cand_t c) const { return withdrawn_.at(c); }
    ballot_kind kind() const noexcept { return kind_; }

    // --- adding ballots ---------------------------------------------------------------------
    /// Adds `count` voters who cast the given marks, each with weight `weight` (must be > 0).
    /// Marks are validated (candidate in range, value >= 1 for rankings, no candidate twice in
    /// one tier) and sorted; ballots equal in marks, weight and unit are merged.
    /// Returns the index of the distinct ballot the voters were added to.
    std::size_t add(std::span<const mark> marks, std::uint64_t count = 1,
                    const rational& weight = rational(1), std::uint32_t unit = k_no_unit);
    /// A ranking given as tiers, most preferred first: {{a}, {b, c}, {d}} means a > b = c > d.
    std::size_t add_ranking(const std::vector<std::vector<cand_t>>& tiers, std::uint64_t count = 1,
                            const rational& weight = rational(1), std::uint32_t unit = k_no_unit);
    /// A strict ranking, most preferred first.
    std::size_t add_order(std::span<const cand_t> order, std::uint64_t count = 1,
                          const rational& weight = rational(1), std::uint32_t unit = k_no_unit);
    std::size_t add_approval(std::span<const cand_t> approved, std::uint64_t count = 1,
                             const rational& weight = rational(1), std::uint32_t unit = k_no_unit);

    /// Adds `count` more voters to the existing distinct ballot `i` (as returned by add()).
    void add_to(std::size_t i, std::uint64_t count);
    /// Sets the multiplicity of distinct ballot `i` to `count` (at least 1), so one profile can be
    /// reweighted in place, e.g. once per Monte Carlo sample, instead of being built again.
    void set_count(std::size_t i, std::uint64_t count);
    /// Makes room for this many distinct ballots holding this many marks in all, so a profile
    /// built ballot by ballot (e.g. once per Monte Carlo sample) does not regrow as it fills.
    void reserve(std::size_t ballots, std::size_t marks);

    /// Registers a unit id (practice, PCN...) that ballots can be tagged with; returns its index.
    std::uint32_t intern_unit(std::string_view id);
    const std::vector<std::string>& units() const noexcept { return units_; }

    // --- reading ballots --------------------------------------------------------------------
    std::size_t unique_count() const noexcept { return counts_.size(); }
    ballot_view ballot(std::size_t i) const;
    /// Number of voters (sum of multiplicities), exact.
    big_int total_count() const;
    /// Sum of count x weight over all ballots, exact.
    rational total_weight() const;
    /// True when every ballot has weight 1 and the total count fits in int64, so rules may
    /// tally in 64-bit integers.
    bool integral() const noexcept { return weights_.empty() && total_ <= INT64_MAX; }
    /// True if some ranking ballot names a candidate at two different ranks (possible in raw
    /// cast-vote records); rules may skip repeat checks when it is false.
    bool has_repeats() const noexcept { return has_repeats_; }

    // --- metadata carried from the file -----------------------------------------------------
    std::string title;
    std::size_t seats = 1;     ///< seats declared by the file (BLT), default 1
    std::string source_format; ///< the format the profile was read from, if any
    /// Project costs declared by the file (Pabulib), indexed like the candidates; empty = none.
    /// The `budget` rule uses them for the projects its option 'costs' does not name.
    std::vector<rational> costs;
    /// The budget declared by the file (Pabulib); the `budget` rule uses it unless given one.
    std::optional<rational> budget;

    /// Compact flat storage, for hot loops. marks of ballot i are
    /// flat_marks()[flat_offsets()[i] .. flat_offsets()[i+1]).
    std::span<const mark> flat_marks() const noexcept { return marks_; }
    std::span<const std::uint32_t> flat_offsets() const noexcept { return offsets_; }
    std::span<const std::uint64_t> counts() const noexcept { return counts_; }

  private:
    std::size_t insert(std::vector<mark>& sorted, std::uint64_t count, const rational& weight,
                       std::uint32_t unit);
    std::uint64_t hash_of(std::span<const mark> m, const rational& w, std::uint32_t unit) const;
    void place_slot(std::size_t idx);
    void grow_slots(std::size_t size);

    std::vector<std::string> names_;
    std::unordered_map<std::string, cand_t> name_index_;
    std::vector<bool> withdrawn_;
    ballot_kind kind_ = ballot_kind::ranking;

    std::vector<mark> marks_;
    std::vector<std::uint32_t> offsets_{0};
    std::vector<std::uint64_t> counts_;
    std::vector<rational> weights_;      ///< empty while every weight is 1
    std::vector<std::uint32_t> unit_of_; ///< empty while no ballot has a unit
    uint128 total_ = 0;                  // at most 2^32 ballots of at most 2^63 - 1: cannot overflow
    bool has_repeats_ = false;
    std::vector<char> seen_; // scratch for add_order

    std::vector<std::string> units_;
    std::unordered_map<std::string, std::uint32_t> unit_index_;

    // dedup: each distinct ballot's hash, and an open-addressing table of ballot index + 1 (0:
    // empty), at most half full, probed linearly from the hash (no allocation per ballot).
    std::vector<std::uint64_t> hashes_;
    std::vector<std::uint32_t> slots_;
    std::vector<mark> scratch_;
};

/// One profile from several (e.g. the cast-vote-record files of one contest): candidates are
/// matched by name after renaming by `aliases` (alias -> name), in order of first appearance;
/// every ballot keeps its marks (re-indexed), multiplicity, weight and unit. All profiles must
/// hold the same kind of ballot. A candidate withdrawn in any input is withdrawn.
profile merge_profiles(const std::vector<const profile*>& parts,
                       const std::unordered_map<std::string, std::string>& aliases = {});

/// The tiers of a ranking ballot after dropping withdrawn and `excluded` candidates, most
/// preferred first (used by rules that need weak orders and do not care about skipped ranks).
/// Overvote marks are dropped.
std::vector<std::vector<cand_t>> tiers_of(const profile& p, const ballot_view& b);

} // namespace v0
} // namespace accord
