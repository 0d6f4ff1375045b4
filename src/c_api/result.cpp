// C API: reading results. Strings are built on first request, once (accord_result in c_api_internal.hpp).
#include "c_api_internal.hpp"

using accord::c_api::fail;
using accord::c_api::out_of_range;

namespace {
// Bounds-checked element access with a named error.
#define ACCORD_INDEX(what, i, n) \
  do { \
    if ((i) >= (n)) return out_of_range(what, (i), (n)); \
  } while (0)
} // namespace

extern "C" {

void accord_result_free(accord_result* r) { delete r; }

accord_status accord_result_json(const accord_result* r, const char** out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = r->json().c_str();
    ACCORD_API_END()
}

accord_status accord_result_method(const accord_result* r, const char** out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = r->r.method.c_str();
    ACCORD_API_END()
}

accord_status accord_result_complete(const accord_result* r, int* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = r->r.complete ? 1 : 0;
    ACCORD_API_END()
}

accord_status accord_result_candidate_count(const accord_result* r, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = r->r.candidates.size();
    ACCORD_API_END()
}

accord_status accord_result_winner_count(const accord_result* r, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = r->r.winners.size();
    ACCORD_API_END()
}

accord_status accord_result_winner(const accord_result* r, size_t i, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("winner", i, r->r.winners.size());
    *out = r->r.winners[i];
    ACCORD_API_END()
}

accord_status accord_result_tier_count(const accord_result* r, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = r->r.ranking.size();
    ACCORD_API_END()
}

accord_status accord_result_tier_size(const accord_result* r, size_t tier, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("tier", tier, r->r.ranking.size());
    *out = r->r.ranking[tier].size();
    ACCORD_API_END()
}

accord_status accord_result_tier_member(const accord_result* r, size_t tier, size_t i, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("tier", tier, r->r.ranking.size());
    ACCORD_INDEX("tier member", i, r->r.ranking[tier].size());
    *out = r->r.ranking[tier][i];
    ACCORD_API_END()
}

accord_status accord_result_score(const accord_result* r, size_t candidate, const char** out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("candidate", candidate, r->r.candidates.size());
    const auto& scores = r->scores();
    *out = candidate < scores.size() && scores[candidate] ? scores[candidate]->c_str() : nullptr;
    ACCORD_API_END()
}

accord_status accord_result_round_count(const accord_result* r, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = r->r.rounds.size();
    ACCORD_API_END()
}

accord_status accord_result_round_tally(const accord_result* r, size_t round, size_t candidate,
                                        const char** out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("round", round, r->r.rounds.size());
    ACCORD_INDEX("candidate", candidate, r->r.candidates.size());
    *out = r->tally(round, candidate);
    ACCORD_API_END()
}

accord_status accord_result_round_exhausted(const accord_result* r, size_t round, const char** out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("round", round, r->r.rounds.size());
    *out = r->exhausted()[round].c_str();
    ACCORD_API_END()
}

accord_status accord_result_round_eliminated_count(const accord_result* r, size_t round, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("round", round, r->r.rounds.size());
    *out = r->r.rounds[round].eliminated.size();
    ACCORD_API_END()
}

accord_status accord_result_round_eliminated(const accord_result* r, size_t round, size_t i, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("round", round, r->r.rounds.size());
    ACCORD_INDEX("eliminated candidate", i, r->r.rounds[round].eliminated.size());
    *out = r->r.rounds[round].eliminated[i];
    ACCORD_API_END()
}

accord_status accord_result_round_elected_count(const accord_result* r, size_t round, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("round", round, r->r.rounds.size());
    *out = r->r.rounds[round].elected.size();
    ACCORD_API_END()
}

accord_status accord_result_round_elected(const accord_result* r, size_t round, size_t i, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("round", round, r->r.rounds.size());
    ACCORD_INDEX("elected candidate", i, r->r.rounds[round].elected.size());
    *out = r->r.rounds[round].elected[i];
    ACCORD_API_END()
}

accord_status accord_result_tie_count(const accord_result* r, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    *out = r->r.ties.size();
    ACCORD_API_END()
}

accord_status accord_result_tie(const accord_result* r, size_t i, size_t* round, const char** purpose,
                                const char** policy) {
    ACCORD_CHECK_ARG(r);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("tie", i, r->r.ties.size());
    const auto& t = r->r.ties[i];
    if (round) *round = t.round;
    if (purpose) *purpose = t.purpose.c_str();
    if (policy) *policy = t.policy.c_str();
    ACCORD_API_END()
}

accord_status accord_result_tie_candidate_count(const accord_result* r, size_t i, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("tie", i, r->r.ties.size());
    *out = r->with_tie_candidates(i, [](const auto& cs) { return cs.size(); });
    ACCORD_API_END()
}

accord_status accord_result_tie_candidate(const accord_result* r, size_t i, size_t j, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("tie", i, r->r.ties.size());
    const auto status = r->with_tie_candidates(i, [&](const auto& cs) {
        if (j >= cs.size()) return accord::c_api::out_of_range("tied candidate", j, cs.size());
        *out = cs[j];
        return ACCORD_OK;
    });
    if (status != ACCORD_OK) return status;
    ACCORD_API_END()
}

accord_status accord_result_tie_chosen_count(const accord_result* r, size_t i, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("tie", i, r->r.ties.size());
    *out = r->r.ties[i].chosen.size();
    ACCORD_API_END()
}

accord_status accord_result_tie_chosen(const accord_result* r, size_t i, size_t j, size_t* out) {
    ACCORD_CHECK_ARG(r);
    ACCORD_CHECK_ARG(out);
    ACCORD_API_BEGIN()
    ACCORD_INDEX("tie", i, r->r.ties.size());
    ACCORD_INDEX("chosen candidate", j, r->r.ties[i].chosen.size());
    *out = r->r.ties[i].chosen[j];
    ACCORD_API_END()
}

} // extern "C"
