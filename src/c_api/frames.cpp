// C API: profiles and organisations in bulk, both ways (0.5). A whole matrix of rankings with
// counts, weights and units in one call (as XGBoost's DMatrix takes arrays), and a profile or an
// organisation back as one JSON object, so Python can round-trip them through DataFrames.
#include "c_api_internal.hpp"

#include "accord/number.hpp"

#include <cstring>
#include <memory>

using json = nlohmann::json;
using accord::c_api::fail;

extern "C" {

accord_status accord_profile_add_rankings_bulk(accord_profile* p, const int32_t* cells, size_t rows,
                                               size_t cols, int layout, const uint64_t* counts,
                                               const int64_t* weight_num, const int64_t* weight_den,
                                               const int32_t* unit_codes, const char* const* unit_ids,
                                               size_t n_unit_ids) {
    ACCORD_CHECK_ARG(p);
    if (rows && !cells) return fail(ACCORD_EINVALID, "cells must not be NULL");
    if ((weight_num == nullptr) != (weight_den == nullptr))
        return fail(ACCORD_EINVALID, "give both weight_num and weight_den, or neither");
    if (unit_codes && n_unit_ids && !unit_ids) return fail(ACCORD_EINVALID, "unit_ids must not be NULL");
    if (layout != ACCORD_LAYOUT_RANKS && layout != ACCORD_LAYOUT_CHOICES)
        return fail(ACCORD_EINVALID, "layout must be ACCORD_LAYOUT_RANKS or ACCORD_LAYOUT_CHOICES");
    ACCORD_API_BEGIN()
    accord::profile& prof = p->p;
    if (prof.kind() != accord::ballot_kind::ranking)
        return fail(ACCORD_EUNSUPPORTED,
                    "accord_profile_add_rankings_bulk: the profile does not hold rankings");
    const size_t n = prof.candidate_count();
    if (layout == ACCORD_LAYOUT_RANKS && cols != n)
        return fail(ACCORD_EINVALID, "ranks layout: " + std::to_string(cols) + " columns, the profile has " +
                                         std::to_string(n) + " candidates");
    for (size_t k = 0; k < n_unit_ids; ++k)
        if (!unit_ids[k] || !*unit_ids[k])
            return fail(ACCORD_EINVALID, "unit_ids[" + std::to_string(k) + "] is empty");
    // Check every row before adding any, so a refused call leaves the profile as it was.
    std::vector<char> seen(n, 0);
    for (size_t r = 0; r < rows; ++r) {
        const int32_t* row = cells + r * cols;
        const std::string where = "row " + std::to_string(r + 1);
        if (counts && counts[r] == 0) return fail(ACCORD_EINVALID, where + ": count must be at least 1");
        if (weight_num && (weight_den[r] <= 0 || weight_num[r] <= 0))
            return fail(ACCORD_EINVALID, where + ": the weight " + std::to_string(weight_num[r]) + "/" +
                                             std::to_string(weight_den[r]) + " must be positive");
        if (unit_codes &&
            (unit_codes[r] < -1 || (unit_codes[r] >= 0 && static_cast<size_t>(unit_codes[r]) >= n_unit_ids)))
            return fail(ACCORD_EINVALID, where + ": unit code " + std::to_string(unit_codes[r]) +
                                             " is not -1 nor below " + std::to_string(n_unit_ids));
        if (layout == ACCORD_LAYOUT_RANKS) {
            for (size_t c = 0; c < cols; ++c)
                if (row[c] < 0)
                    return fail(ACCORD_EINVALID, where + ", column " + std::to_string(c + 1) + ": rank " +
                                                     std::to_string(row[c]) + " is negative (0 = unranked)");
            continue;
        }
        std::fill(seen.begin(), seen.end(), 0);
        for (size_t c = 0; c < cols; ++c) {
            if (row[c] == -1) continue;
            if (row[c] < -1 || static_cast<size_t>(row[c]) >= n)
                return fail(ACCORD_EINVALID, where + ", choice " + std::to_string(c + 1) +
                                                 ": candidate index " + std::to_string(row[c]) +
                                                 " is not -1 (blank) nor below " + std::to_string(n));
            if (seen[static_cast<size_t>(row[c])]++)
                return fail(ACCORD_EINVALID, where + ": candidate '" +
                                                 prof.candidate_name(static_cast<accord::cand_t>(row[c])) +
                                                 "' is chosen twice");
        }
    }
    std::vector<uint32_t> unit_index(n_unit_ids);
    for (size_t k = 0; k < n_unit_ids; ++k) unit_index[k] = prof.intern_unit(unit_ids[k]);
    std::vector<accord::mark> marks;
    marks.reserve(cols);
    const accord::rational one(1);
    for (size_t r = 0; r < rows; ++r) {
        const int32_t* row = cells + r * cols;
        marks.clear();
        if (layout == ACCORD_LAYOUT_RANKS) {
            marks = accord::c_api::marks_of_ranks(row, cols);
        } else {
            // Blank cells are left out and the choices after them move up (as Profile.from_frame
            // always read them): the ranking is the order of the chosen candidates.
            for (size_t c = 0; c < cols; ++c)
                if (row[c] >= 0)
                    marks.push_back(
                        {static_cast<accord::cand_t>(row[c]), static_cast<int32_t>(marks.size() + 1)});
        }
        const uint32_t unit = unit_codes && unit_codes[r] >= 0
                                  ? unit_index[static_cast<size_t>(unit_codes[r])]
                                  : accord::k_no_unit;
        if (weight_num)
            prof.add(marks, counts ? counts[r] : 1, accord::rational(weight_num[r], weight_den[r]), unit);
        else
            prof.add(marks, counts ? counts[r] : 1, one, unit);
    }
    ACCORD_API_END()
}

accord_status accord_profile_to_json(const accord_profile* p, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(p);
    ACCORD_API_BEGIN()
    const accord::profile& prof = p->p;
    json j;
    j["kind"] = accord::ballot_kind_name(prof.kind());
    j["candidates"] = prof.candidate_names();
    json withdrawn = json::array();
    for (accord::cand_t c = 0; c < prof.candidate_count(); ++c)
        if (prof.withdrawn(c)) withdrawn.push_back(c);
    j["withdrawn"] = std::move(withdrawn);
    j["units"] = prof.units();
    j["title"] = prof.title;
    j["seats"] = prof.seats;
    json ballots = json::array();
    for (size_t i = 0; i < prof.unique_count(); ++i) {
        const auto b = prof.ballot(i);
        json marks = json::array();
        for (const auto& m : b.marks)
            marks.push_back({m.candidate == accord::k_overvote ? json(nullptr) : json(m.candidate), m.value});
        ballots.push_back({{"marks", std::move(marks)},
                           {"count", b.count},
                           {"weight", b.weight ? json(accord::to_string(*b.weight)) : json(nullptr)},
                           {"unit", b.unit == accord::k_no_unit ? json(nullptr) : json(b.unit)}});
    }
    j["ballots"] = std::move(ballots);
    *out = accord::c_api::new_string(j.dump());
    ACCORD_API_END()
}

accord_status accord_org_to_json(const accord_org* org, char** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(org);
    ACCORD_API_BEGIN()
    const auto& o = org->org;
    json units = json::array();
    for (uint32_t i = 0; i < o.size(); ++i) {
        const auto& u = o[i];
        units.push_back({{"id", u.id},
                         {"name", u.name},
                         {"kind", u.kind},
                         {"parent", u.parent == accord::k_no_parent ? json(nullptr) : json(o[u.parent].id)},
                         {"population", u.population},
                         {"attributes", u.attributes}});
    }
    json j;
    j["kinds"] = o.kinds();
    j["units"] = std::move(units);
    *out = accord::c_api::new_string(j.dump());
    ACCORD_API_END()
}

} // extern "C"
