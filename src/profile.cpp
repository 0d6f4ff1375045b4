// Profile storage: validation, canonical ordering and deduplication of ballots.
#include "accord/detail/safety.hpp"
#include "accord/profile.hpp"

#include <algorithm>
#include <limits>

namespace accord {
inline namespace v0 {

const char* ballot_kind_name(ballot_kind k) noexcept {
    switch (k) {
    case ballot_kind::ranking:
        return "ranking";
    case ballot_kind::approval:
        return "approval";
    case ballot_kind::score:
        return "score";
    }
    return "ranking";
}

profile::profile(std::vector<std::string> candidate_names, ballot_kind kind)
    : names_(std::move(candidate_names)), withdrawn_(names_.size(), false), kind_(kind) {
    if (names_.size() >= 0xFFFFFFF0u) throw error(errc::invalid, "too many candidates");
    name_index_.reserve(names_.size());
    for (cand_t i = 0; i < names_.size(); ++i) {
        if (names_[i].empty())
            throw error(errc::invalid, "candidate " + std::to_string(i + 1) + " has an empty name");
        detail::check_name(names_[i], "candidate " + std::to_string(i + 1) + " name");
        if (!name_index_.emplace(names_[i], i).second)
            throw error(errc::invalid, "duplicate candidate name '" + names_[i] + "'");
    }
}

const std::string& profile::candidate_name(cand_t c) const {
    if (c >= names_.size()) throw error(errc::not_found, "no candidate with index " + std::to_string(c));
    return names_[c];
}

cand_t profile::add_candidate(std::string name) {
    if (name.empty())
        throw error(errc::invalid, "candidate " + std::to_string(names_.size() + 1) + " has an empty name");
    detail::check_name(name, "candidate " + std::to_string(names_.size() + 1) + " name");
    if (names_.size() >= 0xFFFFFFF0u) throw error(errc::invalid, "too many candidates");
    const auto c = static_cast<cand_t>(names_.size());
    if (!name_index_.emplace(name, c).second)
        throw error(errc::invalid, "duplicate candidate name '" + name + "'");
    names_.push_back(std::move(name));
    withdrawn_.push_back(false);
    return c;
}

std::optional<cand_t> profile::find_candidate(std::string_view name) const {
    auto it = name_index_.find(std::string(name));
    if (it == name_index_.end()) return std::nullopt;
    return it->second;
}

void profile::set_withdrawn(cand_t c, bool w) {
    if (c >= names_.size()) throw error(errc::not_found, "no candidate with index " + std::to_string(c));
    withdrawn_[c] = w;
}

std::uint32_t profile::intern_unit(std::string_view id) {
    if (id.empty()) throw error(errc::invalid, "empty unit id");
    auto [it, inserted] = unit_index_.emplace(std::string(id), static_cast<std::uint32_t>(units_.size()));
    if (inserted) units_.emplace_back(id);
    return it->second;
}

big_int profile::total_count() const {
    big_int hi = static_cast<std::uint64_t>(total_ >> 64);
    return (hi << 64) + static_cast<std::uint64_t>(total_);
}

rational profile::total_weight() const {
    if (weights_.empty()) return rational(total_count());
    rational sum = 0;
    for (std::size_t i = 0; i < counts_.size(); ++i) sum += weights_[i] * counts_[i];
    return sum;
}

ballot_view profile::ballot(std::size_t i) const {
    if (i >= counts_.size()) throw error(errc::not_found, "no ballot with index " + std::to_string(i));
    return ballot_view{std::span<const mark>(marks_.data() + offsets_[i], offsets_[i + 1] - offsets_[i]),
                       counts_[i], weights_.empty() ? nullptr : &weights_[i],
                       unit_of_.empty() ? k_no_unit : unit_of_[i]};
}

std::uint64_t profile::hash_of(std::span<const mark> m, const rational& w, std::uint32_t unit) const {
    // FNV-1a over the marks, then the unit and the weight.
    std::uint64_t h = 1469598103934665603ull;
    auto mix = [&h](std::uint64_t v) {
        h ^= v;
        h *= 1099511628211ull;
    };
    for (const auto& x : m) mix((std::uint64_t(x.candidate) << 32) ^ std::uint32_t(x.value));
    mix(unit);
    if (!is_one(w)) mix(std::hash<std::string>{}(to_string(w))); // rare: weighted ballots
    // Finish by mixing high bits into low ones (MurmurHash3's fmix64): FNV-1a over whole words
    // leaves the low bits depending only on the inputs' low bits (here the ranks, not the
    // candidates), and the dedup table indexes by the low bits.
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
}

std::size_t profile::add(std::span<const mark> marks, std::uint64_t count, const rational& weight,
                         std::uint32_t unit) {
    if (count == 0) throw error(errc::invalid, "ballot multiplicity must be at least 1");
    if (count > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
        throw error(errc::overflow, "ballot multiplicity " + std::to_string(count) +
                                        " exceeds the largest allowed (2^63 - 1)");
    if (sign(weight) <= 0)
        throw error(errc::invalid, "ballot weight must be positive, got " + to_string(weight));
    if (unit != k_no_unit && unit >= units_.size())
        throw error(errc::not_found, "no unit with index " + std::to_string(unit));
    scratch_.assign(marks.begin(), marks.end());
    const auto n = names_.size();
    for (const auto& m : scratch_) {
        if (m.candidate == k_overvote) {
            if (kind_ != ballot_kind::ranking)
                throw error(errc::invalid, "overvote marks are only valid in ranking ballots");
        } else if (m.candidate >= n) {
            throw error(errc::invalid, "candidate index " + std::to_string(m.candidate) + " out of range (" +
                                           std::to_string(n) + " candidates)");
        }
        if (kind_ == ballot_kind::ranking && m.value < 1)
            throw error(errc::invalid, "rank must be at least 1, got " + std::to_string(m.value));
        if (kind_ == ballot_kind::approval && m.value != 1)
            throw error(errc::invalid, "approval marks must have value 1");
    }
    if (kind_ == ballot_kind::ranking) {
        // Insertion sort: ballots are short and usually already in order, and std::stable_sort
        // would allocate a buffer on every call.
        for (std::size_t i = 1; i < scratch_.size(); ++i) {
            const mark x = scratch_[i];
            std::size_t j = i;
            for (; j > 0 && (scratch_[j - 1].value > x.value ||
                             (scratch_[j - 1].value == x.value && scratch_[j - 1].candidate > x.candidate));
                 --j)
                scratch_[j] = scratch_[j - 1];
            scratch_[j] = x;
        }
        for (std::size_t i = 1; i < scratch_.size(); ++i)
            if (scratch_[i] == scratch_[i - 1] && scratch_[i].candidate != k_overvote)
                throw error(errc::invalid, "candidate '" + names_[scratch_[i].candidate] +
                                               "' appears twice at rank " +
                                               std::to_string(scratch_[i].value));
    } else {
        std::sort(scratch_.begin(), scratch_.end(),
                  [](const mark& a, const mark& b) { return a.candidate < b.candidate; });
        for (std::size_t i = 1; i < scratch_.size(); ++i)
            if (scratch_[i].candidate == scratch_[i - 1].candidate)
                throw error(errc::invalid,
                            "candidate '" + names_[scratch_[i].candidate] + "' appears twice in one ballot");
    }
    return insert(scratch_, count, weight, unit);
}

std::size_t profile::insert(std::vector<mark>& m, std::uint64_t count, const rational& weight,
                            std::uint32_t unit) {
    const bool unit_weight = is_one(weight);
    const std::uint64_t h = hash_of(m, weight, unit);
    const std::size_t mask = slots_.size() - 1;
    if (!slots_.empty()) {
        for (std::size_t s = h & mask; slots_[s]; s = (s + 1) & mask) {
            const std::uint32_t i = slots_[s] - 1;
            if (hashes_[i] != h) continue;
            const auto b = offsets_[i], e = offsets_[i + 1];
            if (e - b != m.size() || !std::equal(m.begin(), m.end(), marks_.begin() + b)) continue;
            if ((unit_of_.empty() ? k_no_unit : unit_of_[i]) != unit) continue;
            const bool same_weight = weights_.empty() ? unit_weight : weights_[i] == weight;
            if (same_weight) {
                if (counts_[i] > std::uint64_t(std::numeric_limits<std::int64_t>::max()) - count)
                    throw error(errc::overflow, "ballot multiplicity overflows 2^63 - 1");
                counts_[i] += count;
                total_ += count;
                return i;
            }
        }
    }
    if (kind_ == ballot_kind::ranking && !has_repeats_)
        for (std::size_t a = 0; a < m.size() && !has_repeats_; ++a)
            for (std::size_t b = a + 1; b < m.size(); ++b)
                if (m[a].candidate == m[b].candidate && m[a].candidate != k_overvote) {
                    has_repeats_ = true;
                    break;
                }
    const std::size_t idx = counts_.size();
    if (idx >= k_no_unit - 1) throw error(errc::overflow, "too many distinct ballots");
    if (marks_.size() + m.size() > std::numeric_limits<std::uint32_t>::max())
        throw error(errc::overflow, "too many marks in one profile");
    marks_.insert(marks_.end(), m.begin(), m.end());
    offsets_.push_back(static_cast<std::uint32_t>(marks_.size()));
    counts_.push_back(count);
    total_ += count;
    // weights_ (unit_of_) stays empty while every ballot so far has weight 1 (no unit); the
    // first exception fills in the earlier ones. (Testing emptiness after assign(idx) lost the
    // weight of a weighted *first* ballot.)
    if (!unit_weight || !weights_.empty()) {
        weights_.resize(idx, rational(1));
        weights_.push_back(weight);
    }
    if (unit != k_no_unit || !unit_of_.empty()) {
        unit_of_.resize(idx, k_no_unit);
        unit_of_.push_back(unit);
    }
    hashes_.push_back(h);
    if (counts_.size() * 2 > slots_.size())
        grow_slots(std::max<std::size_t>(64, slots_.size() * 2));
    else
        place_slot(idx);
    return idx;
}

void profile::place_slot(std::size_t idx) {
    const std::size_t mask = slots_.size() - 1;
    std::size_t s = hashes_[idx] & mask;
    while (slots_[s]) s = (s + 1) & mask;
    slots_[s] = static_cast<std::uint32_t>(idx + 1);
}

void profile::grow_slots(std::size_t size) {
    slots_.assign(size, 0);
    for (std::size_t i = 0; i < hashes_.size(); ++i) place_slot(i);
}

void profile::reserve(std::size_t ballots, std::size_t marks) {
    marks_.reserve(marks);
    offsets_.reserve(ballots + 1);
    counts_.reserve(ballots);
    hashes_.reserve(ballots);
    // At most 2^32 distinct ballots fit (their indices are 32-bit), so the table never needs more
    // than 2^33 slots; the cap also keeps `size` from overflowing for an absurd request.
    const std::size_t want = std::min<std::size_t>(ballots, std::size_t(1) << 32) * 2;
    std::size_t size = 64;
    while (size < want) size *= 2;
    if (size > slots_.size()) grow_slots(size);
}

void profile::add_to(std::size_t i, std::uint64_t count) {
    if (i >= counts_.size()) throw error(errc::not_found, "no ballot with index " + std::to_string(i));
    if (count == 0) throw error(errc::invalid, "ballot multiplicity must be at least 1");
    if (counts_[i] > std::uint64_t(std::numeric_limits<std::int64_t>::max()) -
                         std::min(count, std::uint64_t(INT64_MAX)) ||
        count > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
        throw error(errc::overflow, "ballot multiplicity overflows 2^63 - 1");
    counts_[i] += count;
    total_ += count;
}

void profile::set_count(std::size_t i, std::uint64_t count) {
    if (i >= counts_.size()) throw error(errc::not_found, "no ballot with index " + std::to_string(i));
    if (count == 0) throw error(errc::invalid, "ballot multiplicity must be at least 1");
    if (count > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
        throw error(errc::overflow, "ballot multiplicity overflows 2^63 - 1");
    total_ -= counts_[i];
    total_ += count;
    counts_[i] = count;
}

std::size_t profile::add_ranking(const std::vector<std::vector<cand_t>>& tiers, std::uint64_t count,
                                 const rational& weight, std::uint32_t unit) {
    if (kind_ != ballot_kind::ranking) throw error(errc::invalid, "profile does not hold rankings");
    std::vector<mark> m;
    std::int32_t rank = 1;
    for (const auto& tier : tiers) {
        if (tier.empty()) continue;
        for (cand_t c : tier) m.push_back({c, rank});
        ++rank;
    }
    // A candidate in two tiers of a weak order is a contradiction, unlike a CVR's repeated rank.
    std::vector<cand_t> seen;
    seen.reserve(m.size());
    for (auto& x : m) seen.push_back(x.candidate);
    std::sort(seen.begin(), seen.end());
    if (auto twice = std::adjacent_find(seen.begin(), seen.end()); twice != seen.end())
        throw error(errc::invalid, "candidate " + std::to_string(*twice) + " appears twice in one ranking");
    return add(m, count, weight, unit);
}

std::size_t profile::add_order(std::span<const cand_t> order, std::uint64_t count, const rational& weight,
                               std::uint32_t unit) {
    if (kind_ != ballot_kind::ranking) throw error(errc::invalid, "profile does not hold rankings");
    // Built directly (no tiers): this is the hot path of generators and benchmarks.
    seen_.assign(names_.size(), 0);
    std::vector<mark> m;
    m.reserve(order.size());
    std::int32_t rank = 1;
    for (cand_t c : order) {
        if (c < seen_.size()) {
            if (seen_[c])
                throw error(errc::invalid,
                            "candidate " + std::to_string(c) + " appears twice in one ranking");
            seen_[c] = 1;
        }
        m.push_back({c, rank++});
    }
    return add(m, count, weight, unit);
}

std::size_t profile::add_approval(std::span<const cand_t> approved, std::uint64_t count,
                                  const rational& weight, std::uint32_t unit) {
    if (kind_ != ballot_kind::approval) throw error(errc::invalid, "profile does not hold approval ballots");
    std::vector<mark> m;
    for (cand_t c : approved) m.push_back({c, 1});
    return add(m, count, weight, unit);
}

profile merge_profiles(const std::vector<const profile*>& parts,
                       const std::unordered_map<std::string, std::string>& aliases) {
    if (parts.empty()) throw error(errc::invalid, "merge_profiles: nothing to merge");
    profile out({}, parts.front()->kind());
    std::vector<cand_t> map;
    std::vector<mark> m;
    for (const profile* p : parts) {
        if (!p) throw error(errc::invalid, "merge_profiles: null profile");
        if (p->kind() != out.kind())
            throw error(errc::invalid, "merge_profiles: profiles hold different kinds of ballot");
        map.assign(p->candidate_count(), 0);
        for (cand_t c = 0; c < p->candidate_count(); ++c) {
            auto it = aliases.find(p->candidate_name(c));
            const std::string& name = it == aliases.end() ? p->candidate_name(c) : it->second;
            auto found = out.find_candidate(name);
            map[c] = found ? *found : out.add_candidate(name);
            if (p->withdrawn(c)) out.set_withdrawn(map[c]);
        }
        std::vector<std::uint32_t> unit_map;
        for (const auto& u : p->units()) unit_map.push_back(out.intern_unit(u));
        for (std::size_t i = 0; i < p->unique_count(); ++i) {
            const auto b = p->ballot(i);
            m.assign(b.marks.begin(), b.marks.end());
            for (auto& x : m)
                if (x.candidate != k_overvote) x.candidate = map[x.candidate];
            out.add(m, b.count, b.weight ? *b.weight : rational(1),
                    b.unit == k_no_unit ? k_no_unit : unit_map[b.unit]);
        }
        if (out.title.empty()) out.title = p->title;
    }
    return out;
}

std::vector<std::vector<cand_t>> tiers_of(const profile& p, const ballot_view& b) {
    std::vector<std::vector<cand_t>> tiers;
    std::int32_t last = 0;
    std::vector<bool> seen(p.candidate_count(), false);
    for (const auto& m : b.marks) {
        if (m.candidate == k_overvote || p.withdrawn(m.candidate) || seen[m.candidate]) continue;
        seen[m.candidate] = true;
        if (tiers.empty() || m.value != last) tiers.emplace_back();
        last = m.value;
        tiers.back().push_back(m.candidate);
    }
    return tiers;
}

} // namespace v0
} // namespace accord
