// C API: building, loading, saving and querying profiles.
#include "c_api_internal.hpp"

#include "accord/io/read.hpp"

#include <fstream>
#include <limits>
#include <memory>

using accord::c_api::fail;

namespace {

std::vector<std::string> names_of(std::size_t n, const char* const* names) {
    if (n == 0) throw accord::error(accord::errc::invalid, "a profile needs at least one candidate");
    if (!names) throw accord::error(accord::errc::invalid, "names must not be NULL");
    std::vector<std::string> v;
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!names[i]) throw accord::error(accord::errc::invalid, "names[" + std::to_string(i) + "] is NULL");
        v.emplace_back(names[i]);
    }
    return v;
}

accord::rational weight_of(const char* w) {
    if (!w) return accord::rational(1);
    try {
        return accord::parse_rational(w);
    } catch (const accord::error& e) {
        throw accord::error(accord::errc::invalid, std::string("weight: ") + e.detail());
    }
}

accord::read_options read_options_of(const char* format, const char* options_json) {
    return accord::read_options_from_json(format ? format : "auto", options_json ? options_json : "");
}

accord_status wrap(accord::profile&& p, accord_profile** out) {
    auto h = std::make_unique<accord_profile>();
    h->p = std::move(p);
    *out = h.release();
    return ACCORD_OK;
}

} // namespace

extern "C" {

accord_status accord_profile_new(size_t n, const char* const* names, accord_profile** out) {
    return accord_profile_new_kind(n, names, ACCORD_BALLOT_RANKING, out);
}

accord_status accord_profile_new_kind(size_t n, const char* const* names, int kind, accord_profile** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_API_BEGIN()
    if (kind < ACCORD_BALLOT_RANKING || kind > ACCORD_BALLOT_SCORE)
        return fail(ACCORD_EINVALID,
                    "kind must be ACCORD_BALLOT_RANKING, _APPROVAL or _SCORE, got " + std::to_string(kind));
    auto h = std::make_unique<accord_profile>();
    h->p = accord::profile(names_of(n, names), static_cast<accord::ballot_kind>(kind));
    *out = h.release();
    ACCORD_API_END()
}

accord_status accord_profile_load(const char* path, const char* format, const char* options_json,
                                  accord_profile** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    ACCORD_CHECK_ARG(path);
    ACCORD_API_BEGIN()
    const auto opt = read_options_of(format, options_json);
    wrap(accord::read_profile(path, opt), out);
    ACCORD_API_END()
}

accord_status accord_profile_load_text(const char* text, size_t length, const char* name, const char* format,
                                       const char* options_json, accord_profile** out) {
    ACCORD_CHECK_ARG(out);
    *out = nullptr;
    if (!text && length) return fail(ACCORD_EINVALID, "text must not be NULL");
    ACCORD_API_BEGIN()
    const auto opt = read_options_of(format, options_json);
    wrap(accord::read_profile_text(std::string_view(text ? text : "", length), name ? name : "<text>", opt),
         out);
    ACCORD_API_END()
}

accord_status accord_profile_save(const accord_profile* p, const char* path, const char* format) {
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(path);
    ACCORD_CHECK_ARG(format);
    ACCORD_API_BEGIN()
    const auto f = accord::parse_format(format);
    // A refusal or a failed write leaves an existing file untouched.
    accord::detail::write_file_atomically(path, [&](std::ostream& o) { accord::write_profile(o, p->p, f); });
    ACCORD_API_END()
}

void accord_profile_free(accord_profile* p) { delete p; }

accord_status accord_profile_add_ranking(accord_profile* p, const int32_t* ranks, size_t n, uint64_t count,
                                         const char* weight) {
    ACCORD_CHECK_ARG(p);
    if (!ranks && n) return fail(ACCORD_EINVALID, "ranks must not be NULL");
    ACCORD_API_BEGIN()
    if (n != p->p.candidate_count())
        return fail(ACCORD_EINVALID, "ranks has " + std::to_string(n) + " entries, the profile has " +
                                         std::to_string(p->p.candidate_count()) + " candidates");
    if (p->p.kind() != accord::ballot_kind::ranking)
        return fail(ACCORD_EINVALID, "the profile does not hold rankings");
    p->p.add(accord::c_api::marks_of_ranks(ranks, n), count, weight_of(weight));
    ACCORD_API_END()
}

accord_status accord_profile_add_order(accord_profile* p, const uint32_t* candidates, size_t n,
                                       uint64_t count, const char* weight) {
    ACCORD_CHECK_ARG(p);
    if (!candidates && n) return fail(ACCORD_EINVALID, "candidates must not be NULL");
    ACCORD_API_BEGIN()
    std::vector<accord::cand_t> order(candidates, candidates + n);
    p->p.add_order(order, count, weight_of(weight));
    ACCORD_API_END()
}

accord_status accord_profile_add_approval(accord_profile* p, const uint32_t* candidates, size_t n,
                                          uint64_t count, const char* weight) {
    ACCORD_CHECK_ARG(p);
    if (!candidates && n) return fail(ACCORD_EINVALID, "candidates must not be NULL");
    ACCORD_API_BEGIN()
    std::vector<accord::cand_t> set(candidates, candidates + n);
    p->p.add_approval(set, count, weight_of(weight));
    ACCORD_API_END()
}

accord_status accord_profile_add_scores(accord_profile* p, const int32_t* scores, size_t n, uint64_t count,
                                        const char* weight) {
    ACCORD_CHECK_ARG(p);
    if (!scores && n) return fail(ACCORD_EINVALID, "scores must not be NULL");
    ACCORD_API_BEGIN()
    if (p->p.kind() != accord::ballot_kind::score)
        return fail(ACCORD_EINVALID, "the profile does not hold score ballots");
    if (n != p->p.candidate_count())
        return fail(ACCORD_EINVALID, "scores has " + std::to_string(n) + " entries, the profile has " +
                                         std::to_string(p->p.candidate_count()) + " candidates");
    std::vector<accord::mark> marks;
    for (std::size_t c = 0; c < n; ++c)
        if (scores[c] != ACCORD_NO_SCORE) marks.push_back({static_cast<accord::cand_t>(c), scores[c]});
    p->p.add(marks, count, weight_of(weight));
    ACCORD_API_END()
}

accord_status accord_profile_set_withdrawn(accord_profile* p, size_t candidate, int withdrawn) {
    ACCORD_CHECK_ARG(p);
    ACCORD_API_BEGIN()
    if (candidate >= p->p.candidate_count())
        return accord::c_api::out_of_range("candidate", candidate, p->p.candidate_count());
    p->p.set_withdrawn(static_cast<accord::cand_t>(candidate), withdrawn != 0);
    ACCORD_API_END()
}

accord_status accord_profile_candidate_count(const accord_profile* p, size_t* out) {
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = p->p.candidate_count();
    ACCORD_API_END()
}

accord_status accord_profile_candidate_name(const accord_profile* p, size_t i, const char** out) {
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    if (i >= p->p.candidate_count())
        return accord::c_api::out_of_range("candidate", i, p->p.candidate_count());
    *out = p->p.candidate_names()[i].c_str();
    ACCORD_API_END()
}

accord_status accord_profile_find_candidate(const accord_profile* p, const char* name, size_t* out) {
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(name);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    auto c = p->p.find_candidate(name);
    if (!c) return fail(ACCORD_ENOTFOUND, std::string("no candidate named '") + name + "'");
    *out = *c;
    ACCORD_API_END()
}

accord_status accord_profile_unique_count(const accord_profile* p, size_t* out) {
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = p->p.unique_count();
    ACCORD_API_END()
}

accord_status accord_profile_voters(const accord_profile* p, const char** out) {
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    std::lock_guard lock(p->mu);
    // Only rewritten when the count changed (after a modification, which needs exclusive
    // access), so concurrent readers never see the buffer change under them.
    auto now = p->p.total_count().str();
    if (p->voters != now) p->voters = std::move(now);
    *out = p->voters.c_str();
    ACCORD_API_END()
}

accord_status accord_profile_kind(const accord_profile* p, int* out) {
    ACCORD_CHECK_ARG(p);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = static_cast<int>(p->p.kind());
    ACCORD_API_END()
}

} // extern "C"
