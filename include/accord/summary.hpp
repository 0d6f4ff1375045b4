// accord/summary.hpp: profiles as mergeable summaries, for counting shards on several machines.
//
// A profile already is a summary of its ballots: distinct ballots with exact counts, weights and
// units. merge_into() adds one profile's ballots to another's exactly (so reading shards and
// merging is the same profile as reading their concatenation), and serialize()/deserialize()
// ship a profile between processes as compact JSON text that round-trips exactly.
// See docs/scale.md.
#pragma once

#include "accord/profile.hpp"

#include <string>
#include <string_view>

namespace accord {
inline namespace v0 {

/// Adds every distinct ballot of `from` (count, weight and unit, by unit id) to `into`.
/// Candidates are matched by name; those `into` lacks are appended in `from`'s order (the order a
/// reader meets them in the concatenated file). The ballot kinds, the seats, the budget, whether
/// project costs are declared, and the withdrawn mark and cost of every shared candidate must
/// agree; appended candidates bring their costs. Otherwise errc::invalid names the difference and
/// `into` is unchanged.
void merge_into(profile& into, const profile& from);

/// The profile as one line of JSON: {"format": "accord-summary", "version": 1, "kind", "candidates",
/// "withdrawn", "seats", "title", "units", "ballots": [[count, weight ("p/q") or null, unit index
/// or -1, [candidate, value, candidate, value, ...]], ...]}. Counts are exact (as strings when
/// above 2^53).
std::string serialize(const profile& p);

/// The profile serialize() wrote; errc::invalid naming what is wrong otherwise.
profile deserialize(std::string_view text);

/// A participatory budget's figures (profile::budget, profile::costs, as a Pabulib file declares
/// them) as one JSON object: {"budget": "920000" or null, "costs": {"project": "cost", ...} in
/// candidate order, or null}. Exact numbers are strings ("501/2").
std::string budget_json(const profile& p);

/// Sets them from the same shape: "budget" an exact number (a JSON integer or a string such as
/// "1250.50" or "501/2") >= 0, or null for none; "costs" an object giving every candidate's cost
/// (>= 0) by name, or null for none. Either key may be left out (unchanged). An unknown key,
/// candidate or a missing one is errc::invalid naming it, and `p` is unchanged.
void set_budget_json(profile& p, std::string_view json);

} // namespace v0
} // namespace accord
