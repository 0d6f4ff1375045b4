/* The C API's misuse catalogue, beside tests/bad_inputs/ for files: each row is one wrong call
 * — a NULL handle or out-pointer, an index out of range, an unknown method, option or value, an
 * option of the wrong type, malformed JSON — with the precise status it must return and a piece
 * of the message that names the parameter (or the option) at fault. No row may crash, leak or
 * write to an out-pointer on failure.
 *
 * Usage: accord_c_api_misuse_test ORG.csv [BAD_INPUTS_DIR]
 * To add a case: write a `static accord_status case_...(void)` and add a row to k_cases.
 * With BAD_INPUTS_DIR, every file of the bad-input catalogue is also loaded (and, if accepted,
 * counted) in this one process, which must survive them all. */
#define _POSIX_C_SOURCE 200809L
#include "accord/accord.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char* org_path;
static accord_profile* P;      /* a valid ranking profile: A, B, C; 3 ballots */
static accord_result* R;       /* its IRV result */
static accord_org* O;          /* a valid organisation (tests/data/place_org.csv) */
static accord_power_result* W; /* a valid power result */
static const char* S;          /* string out-pointer, must stay NULL on failure */
static char* OWN;              /* owned-string out-pointer, must stay NULL on failure */
static size_t N;
static accord_profile* NEWP;
static accord_result* NEWR;
static accord_org* NEWO;
static accord_power_result* NEWW;

/* ---- profiles ---------------------------------------------------------------------------- */
static const char* const k_names[] = {"A", "B", "C"};
static accord_status case_new_null_out(void) { return accord_profile_new(3, k_names, NULL); }
static accord_status case_new_null_names(void) { return accord_profile_new(3, NULL, &NEWP); }
static accord_status case_new_zero_candidates(void) { return accord_profile_new(0, k_names, &NEWP); }
static accord_status case_new_duplicate_name(void) {
    const char* const dup[] = {"A", "A"};
    return accord_profile_new(2, dup, &NEWP);
}
static accord_status case_new_empty_name(void) {
    const char* const e[] = {"A", ""};
    return accord_profile_new(2, e, &NEWP);
}
static accord_status case_new_null_name(void) {
    const char* const e[] = {"A", NULL};
    return accord_profile_new(2, e, &NEWP);
}
static accord_status case_new_kind_unknown(void) { return accord_profile_new_kind(3, k_names, 9, &NEWP); }
static accord_status case_load_null_path(void) { return accord_profile_load(NULL, "auto", NULL, &NEWP); }
static accord_status case_load_missing_file(void) {
    return accord_profile_load("/nonexistent/ballots.soi", "auto", NULL, &NEWP);
}
static accord_status case_load_unknown_format(void) {
    return accord_profile_load("ballots.soi", "no-such-format", NULL, &NEWP);
}
static accord_status case_load_unknown_option(void) {
    return accord_profile_load("ballots.soi", "soi", "{\"lenient\": true, \"colour\": \"red\"}", &NEWP);
}
static accord_status case_load_option_wrong_type(void) {
    return accord_profile_load("ballots.soi", "soi", "{\"lenient\": \"yes\"}", &NEWP);
}
static accord_status case_load_options_not_json(void) {
    return accord_profile_load("ballots.soi", "soi", "{lenient: true", &NEWP);
}
static accord_status case_load_text_null(void) {
    return accord_profile_load_text(NULL, 3, "t.soi", "soi", NULL, &NEWP);
}
static accord_status case_save_null_profile(void) { return accord_profile_save(NULL, "out.soi", "soi"); }
static accord_status case_add_ranking_null_profile(void) {
    const int32_t r[] = {1, 2, 3};
    return accord_profile_add_ranking(NULL, r, 3, 1, NULL);
}
static accord_status case_add_ranking_null_ranks(void) {
    return accord_profile_add_ranking(P, NULL, 3, 1, NULL);
}
static accord_status case_add_ranking_wrong_length(void) {
    const int32_t r[] = {1, 2};
    return accord_profile_add_ranking(P, r, 2, 1, NULL);
}
static accord_status case_add_ranking_negative_rank(void) {
    const int32_t r[] = {1, -2, 3};
    return accord_profile_add_ranking(P, r, 3, 1, NULL);
}
static accord_status case_add_order_unknown_candidate(void) {
    const uint32_t o[] = {0, 7};
    return accord_profile_add_order(P, o, 2, 1, NULL);
}
static accord_status case_add_order_repeated_candidate(void) {
    const uint32_t o[] = {1, 1};
    return accord_profile_add_order(P, o, 2, 1, NULL);
}
static accord_status case_add_order_zero_count(void) {
    const uint32_t o[] = {0};
    return accord_profile_add_order(P, o, 1, 0, NULL);
}
static accord_status case_add_order_count_overflow(void) {
    const uint32_t o[] = {0};
    return accord_profile_add_order(P, o, 1, UINT64_MAX, NULL);
}
static accord_status case_add_order_negative_weight(void) {
    const uint32_t o[] = {0};
    return accord_profile_add_order(P, o, 1, 1, "-1/2");
}
static accord_status case_add_order_junk_weight(void) {
    const uint32_t o[] = {0};
    return accord_profile_add_order(P, o, 1, 1, "NaN");
}
static accord_status case_add_order_zero_denominator(void) {
    const uint32_t o[] = {0};
    return accord_profile_add_order(P, o, 1, 1, "1/0");
}
static accord_status case_add_approval_to_ranking_profile(void) {
    const uint32_t a[] = {0, 1};
    return accord_profile_add_approval(P, a, 2, 1, NULL);
}
static accord_status case_add_scores_to_ranking_profile(void) {
    const int32_t s[] = {1, 2, 3};
    return accord_profile_add_scores(P, s, 3, 1, NULL);
}
static accord_status case_withdrawn_out_of_range(void) { return accord_profile_set_withdrawn(P, 3, 1); }
static accord_status case_candidate_count_null_out(void) { return accord_profile_candidate_count(P, NULL); }
static accord_status case_candidate_count_null_profile(void) {
    return accord_profile_candidate_count(NULL, &N);
}
static accord_status case_candidate_name_out_of_range(void) {
    return accord_profile_candidate_name(P, 3, &S);
}
static accord_status case_find_candidate_unknown(void) {
    return accord_profile_find_candidate(P, "Nobody", &N);
}
static accord_status case_find_candidate_null_name(void) {
    return accord_profile_find_candidate(P, NULL, &N);
}
static accord_status case_voters_null_out(void) { return accord_profile_voters(P, NULL); }

/* ---- methods and counts ------------------------------------------------------------------ */
static accord_status case_method_name_out_of_range(void) { return accord_method_name(100000, &S); }
static accord_status case_run_null_profile(void) { return accord_run(NULL, "irv", NULL, &NEWR); }
static accord_status case_run_null_method(void) { return accord_run(P, NULL, NULL, &NEWR); }
static accord_status case_run_null_out(void) { return accord_run(P, "irv", NULL, NULL); }
static accord_status case_run_unknown_method(void) { return accord_run(P, "no-such-method", NULL, &NEWR); }
static accord_status case_run_unknown_option(void) {
    return accord_run(P, "irv", "{\"batch_eliminaton\": true}", &NEWR);
}
static accord_status case_run_option_wrong_type(void) {
    return accord_run(P, "irv", "{\"batch_elimination\": \"yes\"}", &NEWR);
}
static accord_status case_run_option_bad_value(void) {
    return accord_run(P, "irv", "{\"tie_break\": \"coin\"}", &NEWR);
}
static accord_status case_run_options_not_object(void) { return accord_run(P, "irv", "[1, 2]", &NEWR); }
static accord_status case_run_options_not_json(void) { return accord_run(P, "irv", "{\"seats\": ", &NEWR); }
static accord_status case_run_seats_wrong_type(void) {
    return accord_run(P, "stv", "{\"seats\": \"two\"}", &NEWR);
}
static accord_status case_run_seats_negative(void) { return accord_run(P, "stv", "{\"seats\": -1}", &NEWR); }
static accord_status case_run_approval_rule_on_rankings(void) {
    return accord_run(P, "pav", "{\"seats\": 1}", &NEWR);
}

/* ---- results ----------------------------------------------------------------------------- */
static accord_status case_result_json_null_result(void) { return accord_result_json(NULL, &S); }
static accord_status case_result_json_null_out(void) { return accord_result_json(R, NULL); }
static accord_status case_result_winner_out_of_range(void) { return accord_result_winner(R, 5, &N); }
static accord_status case_result_tier_out_of_range(void) { return accord_result_tier_size(R, 99, &N); }
static accord_status case_result_score_out_of_range(void) { return accord_result_score(R, 3, &S); }
static accord_status case_result_round_out_of_range(void) { return accord_result_round_tally(R, 99, 0, &S); }
static accord_status case_result_round_candidate_out_of_range(void) {
    return accord_result_round_tally(R, 0, 3, &S);
}
static accord_status case_result_tie_out_of_range(void) {
    size_t round;
    const char *purpose, *policy;
    return accord_result_tie(R, 0, &round, &purpose, &policy);
}

/* ---- power ------------------------------------------------------------------------------- */
static accord_status case_power_null_game(void) { return accord_power(NULL, NULL, NULL, NULL, &NEWW); }
static accord_status case_power_null_out(void) {
    return accord_power("{\"quota\": 2, \"weights\": [1, 1]}", NULL, NULL, NULL, NULL);
}
static accord_status case_power_quota_zero(void) {
    return accord_power("{\"quota\": 0, \"weights\": [1, 1]}", NULL, NULL, NULL, &NEWW);
}
static accord_status case_power_quota_above_total(void) {
    return accord_power("{\"quota\": 3, \"weights\": [1, 1]}", NULL, NULL, NULL, &NEWW);
}
static accord_status case_power_negative_weight(void) {
    return accord_power("{\"quota\": 1, \"weights\": [1, -1]}", NULL, NULL, NULL, &NEWW);
}
static accord_status case_power_weight_not_integer(void) {
    return accord_power("{\"quota\": 1, \"weights\": [1, \"two\"]}", NULL, NULL, NULL, &NEWW);
}
static accord_status case_power_unknown_key(void) {
    return accord_power("{\"quota\": 2, \"weights\": [1, 1], \"quorum\": 1}", NULL, NULL, NULL, &NEWW);
}
static accord_status case_power_unknown_index(void) {
    return accord_power("{\"quota\": 2, \"weights\": [1, 1]}", "{\"indices\": [\"penrose\"]}", NULL, NULL,
                        &NEWW);
}
static accord_status case_power_unknown_method(void) {
    return accord_power("{\"quota\": 2, \"weights\": [1, 1]}", "{\"method\": \"guess\"}", NULL, NULL, &NEWW);
}
static accord_status case_power_unions_not_partition(void) {
    return accord_power("{\"quota\": 2, \"weights\": [1, 1, 1], \"unions\": [[0, 1]]}",
                        "{\"indices\": [\"owen\"]}", NULL, NULL, &NEWW);
}
static accord_status case_power_org_null_org(void) {
    return accord_power_org(NULL, NULL, NULL, NULL, NULL, &NEWW);
}
static accord_status case_power_org_groups(void) {
    return accord_power_org(O, "{\"preset\": \"triple-majority\"}", NULL, NULL, NULL, &NEWW);
}
static accord_status case_power_org_unknown_option(void) {
    return accord_power_org(O, NULL, "{\"unions\": \"pcn\"}", NULL, NULL, &NEWW);
}
static accord_status case_power_org_unknown_veto(void) {
    return accord_power_org(O, "{\"conditions\": [{\"basis\": \"units\"}], \"veto\": [\"NOPE\"]}", NULL, NULL,
                            NULL, &NEWW);
}
static accord_status case_run_progress_null_method(void) {
    return accord_run_progress(P, NULL, NULL, NULL, NULL, &NEWR);
}
static accord_status case_power_json_null_result(void) { return accord_power_result_json(NULL, &S); }

/* ---- organisations, weighting, analysis, decisions --------------------------------------- */
static accord_status case_org_load_null_path(void) { return accord_org_load(NULL, NULL, &NEWO); }
static accord_status case_org_load_missing_file(void) {
    return accord_org_load("/nonexistent/org.csv", NULL, &NEWO);
}
static accord_status case_org_load_unknown_option(void) {
    return accord_org_load(org_path, "{\"inside\": [\"X\"]}", &NEWO);
}
static accord_status case_org_load_bad_unallocated(void) {
    return accord_org_load(org_path, "{\"unallocated\": \"drop\"}", &NEWO);
}
static accord_status case_org_set_attribute_unknown_unit(void) {
    return accord_org_set_attribute(O, "NOPE", "w", "1");
}
static accord_status case_org_set_attribute_empty_key(void) {
    return accord_org_set_attribute(O, "p1", "", "1");
}
static accord_status case_org_unit_count_null_org(void) { return accord_org_unit_count(NULL, &N); }
static accord_status case_weights_unknown_scheme(void) { return accord_weights(O, "fairest", NULL, &OWN); }
static accord_status case_weights_bad_cap(void) { return accord_weights(O, "capped:2", NULL, &OWN); }
static accord_status case_weights_unknown_level(void) { return accord_weights(O, "equal", "county", &OWN); }
static accord_status case_weights_null_out(void) { return accord_weights(O, "equal", NULL, NULL); }
static accord_status case_add_ranking_for_null_unit(void) {
    const int32_t r[] = {1, 2, 3};
    return accord_profile_add_ranking_for(P, NULL, r, 3, 1, NULL);
}
static accord_status case_run_weighted_unknown_mode(void) {
    return accord_run_weighted(P, O, "equal", "irv", NULL, "{\"mode\": \"averaged\"}", &NEWR);
}
static accord_status case_run_weighted_null_org(void) {
    return accord_run_weighted(P, NULL, "equal", "irv", NULL, NULL, &NEWR);
}
static accord_status case_smaa_unknown_option(void) {
    return accord_analyse_smaa(P, O, "{\"sample\": 10}", NULL, NULL, &OWN);
}
static accord_status case_smaa_samples_wrong_type(void) {
    return accord_analyse_smaa(P, O, "{\"samples\": \"many\"}", NULL, NULL, &OWN);
}
static accord_status case_sweep_null_profile(void) {
    return accord_analyse_sweep(NULL, O, NULL, NULL, NULL, &OWN);
}
static accord_status case_tipping_unknown_quantity(void) {
    return accord_analyse_tipping(P, O, "{\"quantity\": \"votes\"}", NULL, NULL, &OWN);
}
static accord_status case_decide_unknown_vote(void) {
    return accord_decide(O, "{\"P01\": \"maybe\"}", NULL, NULL, &OWN);
}
static accord_status case_decide_unknown_unit(void) {
    return accord_decide(O, "{\"NOPE\": \"yes\"}", NULL, NULL, &OWN);
}
static accord_status case_decide_unknown_preset(void) {
    return accord_decide(O, "{\"P01\": \"yes\"}", "{\"preset\": \"landslide\"}", NULL, &OWN);
}
static accord_status case_decide_bad_casting_vote(void) {
    return accord_decide(O, "{\"P01\": \"yes\"}", NULL, "perhaps", &OWN);
}
static accord_status case_apportion_unknown_method(void) {
    return accord_apportion(O, "pcn", 5, "{\"method\": \"lottery\"}", &OWN);
}
static accord_status case_apportion_unknown_level(void) {
    return accord_apportion(O, "county", 5, NULL, &OWN);
}
static accord_status case_apportion_impossible_minimum(void) {
    return accord_apportion(O, "pcn", 2, "{\"min\": 1000}", &OWN);
}
/* ---- judgements, criteria, electorates (0.4) ----------------------------------------------- */
static accord_status case_ahp_not_reciprocal(void) {
    return accord_ahp(NULL, "{\"matrix\": [[1, 3], [\"1/2\", 1]]}", NULL, &OWN);
}
static accord_status case_ahp_null_input(void) { return accord_ahp(NULL, NULL, NULL, &OWN); }
static accord_status case_ahp_unknown_method(void) {
    return accord_ahp(NULL, "{\"matrix\": [[1]]}", "{\"method\": \"power\"}", &OWN);
}
static accord_status case_mcda_no_weights(void) {
    return accord_mcda("{\"options\": [\"a\"], \"criteria\": [\"x\"], \"scores\": [[1]]}", NULL, &OWN);
}
static accord_status case_mcda_smaa_unknown_option(void) {
    return accord_mcda_smaa("{\"options\": [\"a\"], \"criteria\": [\"x\"], \"scores\": [[1]]}",
                            "{\"sample\": 9}", NULL, NULL, &OWN);
}
static accord_status case_generate_unknown_model(void) {
    return accord_generate("urn", "{\"candidates\": 3, \"voters\": 3}", NULL, &NEWP);
}
static accord_status case_generate_resample_without_source(void) {
    return accord_generate("resample", NULL, NULL, &NEWP);
}
static accord_status case_electorates_unknown_rule(void) {
    return accord_analyse_electorates(
        P, "{\"model\": \"resample\", \"rules\": [\"lottery\"], \"samples\": 5}", NULL, NULL, &OWN);
}

/* ---- hostile input (issue 14): deep JSON, hostile names, duplicates, the memory budget ------ */
static char DEEP[200032];
static const char* deep_options(const char* prefix) {
    /* prefix + 100,000 '[' + "1" + 100,000 ']' + "}" */
    size_t n = strlen(prefix), i;
    memcpy(DEEP, prefix, n);
    for (i = 0; i < 100000; ++i) DEEP[n + i] = '[';
    DEEP[n + 100000] = '1';
    for (i = 0; i < 100000; ++i) DEEP[n + 100001 + i] = ']';
    DEEP[n + 200001] = '}';
    DEEP[n + 200002] = '\0';
    return DEEP;
}
static accord_status case_run_options_nested_deep(void) {
    return accord_run(P, "irv", deep_options("{\"tie_break\": "), &NEWR);
}
static accord_status case_power_game_nested_deep(void) {
    return accord_power(deep_options("{\"quota\": 2, \"weights\": "), NULL, NULL, NULL, &NEWW);
}
static accord_status case_new_bidi_override_name(void) {
    const char* const e[] = {"A", "B\xE2\x80\xAE"
                                  "C"}; /* U+202E RIGHT-TO-LEFT OVERRIDE */
    return accord_profile_new(2, e, &NEWP);
}
static accord_status case_new_zero_width_name(void) {
    const char* const e[] = {"A", "A\xE2\x80\x8B"}; /* "A" + U+200B: looks like "A" */
    return accord_profile_new(2, e, &NEWP);
}
static accord_status case_new_escape_sequence_name(void) {
    const char* const e[] = {"A", "\x1b[2J"};
    return accord_profile_new(2, e, &NEWP);
}
static accord_status case_cdf_same_name_two_ids(void) {
    static const char cdf[] = "{\"Election\": [{\"Candidate\": [{\"@id\": \"c1\", \"Name\": \"Smith\"}, "
                              "{\"@id\": \"c2\", \"Name\": \"Smith\"}], \"Contest\": []}]}";
    return accord_profile_load_text(cdf, sizeof cdf - 1, "twins.json", "cdf", NULL, &NEWP);
}
static accord_status case_ahp_duplicate_items(void) {
    return accord_ahp(NULL, "{\"items\": [\"x\", \"x\"], \"upper\": [3]}", NULL, &OWN);
}
static accord_status case_run_above_memory_budget(void) {
    accord_status s;
    accord_set_memory_budget(64);
    s = accord_run(P, "schulze", NULL, &NEWR);
    accord_set_memory_budget(0);
    return s;
}

/* ---- options honoured or refused (issue 13); numbers parsed as what they are (issue 14) ------ */
static accord_status case_run_irv_seats(void) { return accord_run(P, "irv", "{\"seats\": 3}", &NEWR); }
static accord_status case_run_plurality_seats(void) {
    return accord_run(P, "plurality", "{\"seats\": 3}", &NEWR);
}
static accord_status case_run_weighted_outer_disagrees(void) {
    return accord_run_weighted(P, O, "equal", "irv", NULL, "{\"mode\": \"two-stage\", \"outer\": \"borda\"}",
                               &NEWR);
}
static accord_status case_run_weighted_inner_without_two_stage(void) {
    return accord_run_weighted(P, O, "equal", "irv", NULL, "{\"mode\": \"pooled\", \"inner\": \"borda\"}",
                               &NEWR);
}
static accord_status case_org_load_within_unknown(void) {
    return accord_org_load(org_path, "{\"within\": [\"N\", \"NOPE\"]}", &NEWO);
}
static accord_status case_org_load_header_only(void) {
    const char* path = "accord_misuse_header_only_org.csv";
    FILE* f = fopen(path, "w");
    if (!f) return ACCORD_OK; /* reported as a failure: the status must be ACCORD_EPARSE */
    fputs("id,name,kind,parent,population\n", f);
    fclose(f);
    return accord_org_load(path, NULL, &NEWO);
}
static accord_status case_run_stv_huge_seats(void) {
    return accord_run(P, "stv", "{\"seats\": 18446744073709551615, \"variant\": \"meek\"}", &NEWR);
}
static accord_status case_power_samples_negative(void) {
    return accord_power("{\"quota\": 2, \"weights\": [1, 1, 1]}",
                        "{\"method\": \"monte-carlo\", \"samples\": -1}", NULL, NULL, &NEWW);
}
static accord_status case_power_samples_huge(void) {
    return accord_power("{\"quota\": 2, \"weights\": [1, 1, 1]}",
                        "{\"method\": \"monte-carlo\", \"samples\": 1000000000000}", NULL, NULL, &NEWW);
}
static accord_status case_power_weight_fraction(void) {
    return accord_power("{\"quota\": 2, \"weights\": [1, 1.5, 1]}", NULL, NULL, NULL, &NEWW);
}
static accord_status case_apportion_huge_seats(void) {
    return accord_apportion(O, "pcn", UINT64_MAX, NULL, &OWN);
}
static accord_status case_smaa_samples_huge(void) {
    return accord_analyse_smaa(P, O, "{\"samples\": 18446744073709551615}", NULL, NULL, &OWN);
}
static accord_status case_tipping_max_factor_huge(void) {
    return accord_analyse_tipping(P, O, "{\"max_factor\": \"1000000000000000\"}", NULL, NULL, &OWN);
}

struct misuse {
    const char* name;
    accord_status (*call)(void);
    accord_status status;
    const char* needle; /* must appear in accord_last_error() */
};

static const struct misuse k_cases[] = {
    {"profile_new: NULL out", case_new_null_out, ACCORD_EINVALID, "out"},
    {"profile_new: NULL names", case_new_null_names, ACCORD_EINVALID, "names"},
    {"profile_new: no candidates", case_new_zero_candidates, ACCORD_EINVALID, "candidate"},
    {"profile_new: duplicate name", case_new_duplicate_name, ACCORD_EINVALID, "duplicate"},
    {"profile_new: empty name", case_new_empty_name, ACCORD_EINVALID, "name"},
    {"profile_new: NULL name", case_new_null_name, ACCORD_EINVALID, "name"},
    {"profile_new_kind: unknown kind", case_new_kind_unknown, ACCORD_EINVALID, "kind"},
    {"profile_load: NULL path", case_load_null_path, ACCORD_EINVALID, "path"},
    {"profile_load: missing file", case_load_missing_file, ACCORD_EIO, "/nonexistent/ballots.soi"},
    {"profile_load: unknown format", case_load_unknown_format, ACCORD_EINVALID, "no-such-format"},
    {"profile_load: unknown option", case_load_unknown_option, ACCORD_EINVALID, "colour"},
    {"profile_load: option of the wrong type", case_load_option_wrong_type, ACCORD_EINVALID, "lenient"},
    {"profile_load: options not JSON", case_load_options_not_json, ACCORD_EINVALID, "JSON"},
    {"profile_load_text: NULL text", case_load_text_null, ACCORD_EINVALID, "text"},
    {"profile_save: NULL profile", case_save_null_profile, ACCORD_EINVALID, "p"},
    {"add_ranking: NULL profile", case_add_ranking_null_profile, ACCORD_EINVALID, "p"},
    {"add_ranking: NULL ranks", case_add_ranking_null_ranks, ACCORD_EINVALID, "ranks"},
    {"add_ranking: wrong length", case_add_ranking_wrong_length, ACCORD_EINVALID, "3"},
    {"add_ranking: negative rank", case_add_ranking_negative_rank, ACCORD_EINVALID, "ranks[1]"},
    {"add_order: unknown candidate", case_add_order_unknown_candidate, ACCORD_EINVALID, "7"},
    {"add_order: repeated candidate", case_add_order_repeated_candidate, ACCORD_EINVALID,
     "candidate 1 appears twice"},
    {"add_order: zero count", case_add_order_zero_count, ACCORD_EINVALID, "multiplicity"},
    {"add_order: count overflows", case_add_order_count_overflow, ACCORD_EOVERFLOW,
     "multiplicity 18446744073709551615"},
    {"add_order: negative weight", case_add_order_negative_weight, ACCORD_EINVALID, "weight"},
    {"add_order: weight NaN", case_add_order_junk_weight, ACCORD_EINVALID, "weight"},
    {"add_order: weight 1/0", case_add_order_zero_denominator, ACCORD_EINVALID, "weight"},
    {"add_approval: ranking profile", case_add_approval_to_ranking_profile, ACCORD_EINVALID, "approval"},
    {"add_scores: ranking profile", case_add_scores_to_ranking_profile, ACCORD_EINVALID, "score"},
    {"set_withdrawn: candidate out of range", case_withdrawn_out_of_range, ACCORD_ENOTFOUND, "candidate 3"},
    {"candidate_count: NULL out", case_candidate_count_null_out, ACCORD_EINVALID, "out"},
    {"candidate_count: NULL profile", case_candidate_count_null_profile, ACCORD_EINVALID, "p"},
    {"candidate_name: out of range", case_candidate_name_out_of_range, ACCORD_ENOTFOUND, "candidate 3"},
    {"find_candidate: unknown name", case_find_candidate_unknown, ACCORD_ENOTFOUND, "Nobody"},
    {"find_candidate: NULL name", case_find_candidate_null_name, ACCORD_EINVALID, "name"},
    {"voters: NULL out", case_voters_null_out, ACCORD_EINVALID, "out"},
    {"method_name: out of range", case_method_name_out_of_range, ACCORD_ENOTFOUND, "100000"},
    {"run: NULL profile", case_run_null_profile, ACCORD_EINVALID, "p"},
    {"run: NULL method", case_run_null_method, ACCORD_EINVALID, "method"},
    {"run: NULL out", case_run_null_out, ACCORD_EINVALID, "out"},
    {"run: unknown method", case_run_unknown_method, ACCORD_ENOTFOUND, "no-such-method"},
    {"run: misspelt option", case_run_unknown_option, ACCORD_EINVALID, "batch_eliminaton"},
    {"run: option of the wrong type", case_run_option_wrong_type, ACCORD_EINVALID, "batch_elimination"},
    {"run: option value unknown", case_run_option_bad_value, ACCORD_EINVALID, "coin"},
    {"run: options not an object", case_run_options_not_object, ACCORD_EINVALID, "object"},
    {"run: options not JSON", case_run_options_not_json, ACCORD_EINVALID, "JSON"},
    {"run: seats of the wrong type", case_run_seats_wrong_type, ACCORD_EINVALID, "seats"},
    {"run: negative seats", case_run_seats_negative, ACCORD_EINVALID, "seats"},
    {"run: approval rule on rankings", case_run_approval_rule_on_rankings, ACCORD_EUNSUPPORTED, "approval"},
    {"result_json: NULL result", case_result_json_null_result, ACCORD_EINVALID, "r"},
    {"result_json: NULL out", case_result_json_null_out, ACCORD_EINVALID, "out"},
    {"result_winner: out of range", case_result_winner_out_of_range, ACCORD_ENOTFOUND, "winner 5"},
    {"result_tier_size: out of range", case_result_tier_out_of_range, ACCORD_ENOTFOUND, "tier 99"},
    {"result_score: out of range", case_result_score_out_of_range, ACCORD_ENOTFOUND, "candidate 3"},
    {"result_round_tally: round out of range", case_result_round_out_of_range, ACCORD_ENOTFOUND, "round 99"},
    {"result_round_tally: candidate out of range", case_result_round_candidate_out_of_range, ACCORD_ENOTFOUND,
     "candidate 3"},
    {"result_tie: out of range", case_result_tie_out_of_range, ACCORD_ENOTFOUND, "tie 0"},
    {"power: NULL game", case_power_null_game, ACCORD_EINVALID, "game_json"},
    {"power: NULL out", case_power_null_out, ACCORD_EINVALID, "out"},
    {"power: quota 0", case_power_quota_zero, ACCORD_EINVALID, "quota"},
    {"power: quota above the total", case_power_quota_above_total, ACCORD_EINVALID, "quota"},
    {"power: negative weight", case_power_negative_weight, ACCORD_EINVALID, "weights[1]"},
    {"power: weight not an integer", case_power_weight_not_integer, ACCORD_EINVALID, "weights[1]"},
    {"power: unknown key", case_power_unknown_key, ACCORD_EINVALID, "quorum"},
    {"power: unknown index", case_power_unknown_index, ACCORD_EINVALID, "penrose"},
    {"power: unknown method", case_power_unknown_method, ACCORD_EINVALID, "guess"},
    {"power: unions not a partition", case_power_unions_not_partition, ACCORD_EINVALID, "union"},
    {"power_result_json: NULL result", case_power_json_null_result, ACCORD_EINVALID, "r"},
    {"power_org: NULL org", case_power_org_null_org, ACCORD_EINVALID, "org"},
    {"power_org: a majority of groups", case_power_org_groups, ACCORD_EUNSUPPORTED, "composite"},
    {"power_org: unknown option", case_power_org_unknown_option, ACCORD_EINVALID, "unions"},
    {"power_org: unknown veto holder", case_power_org_unknown_veto, ACCORD_ENOTFOUND, "NOPE"},
    {"run_progress: NULL method", case_run_progress_null_method, ACCORD_EINVALID, "method"},
    {"org_load: NULL path", case_org_load_null_path, ACCORD_EINVALID, "path"},
    {"org_load: missing file", case_org_load_missing_file, ACCORD_EIO, "/nonexistent/org.csv"},
    {"org_load: unknown option", case_org_load_unknown_option, ACCORD_EINVALID, "inside"},
    {"org_load: unknown unallocated policy", case_org_load_bad_unallocated, ACCORD_EINVALID, "drop"},
    {"org_set_attribute: unknown unit", case_org_set_attribute_unknown_unit, ACCORD_ENOTFOUND, "NOPE"},
    {"org_set_attribute: empty key", case_org_set_attribute_empty_key, ACCORD_EINVALID, "key"},
    {"org_unit_count: NULL org", case_org_unit_count_null_org, ACCORD_EINVALID, "org"},
    {"weights: unknown scheme", case_weights_unknown_scheme, ACCORD_EINVALID, "fairest"},
    {"weights: cap above 1", case_weights_bad_cap, ACCORD_EINVALID, "capped"},
    {"weights: unknown level", case_weights_unknown_level, ACCORD_ENOTFOUND, "county"},
    {"weights: NULL out", case_weights_null_out, ACCORD_EINVALID, "out"},
    {"add_ranking_for: NULL unit", case_add_ranking_for_null_unit, ACCORD_EINVALID, "unit"},
    {"run_weighted: unknown mode", case_run_weighted_unknown_mode, ACCORD_EINVALID, "averaged"},
    {"run_weighted: NULL org", case_run_weighted_null_org, ACCORD_EINVALID, "org"},
    {"analyse_smaa: unknown option", case_smaa_unknown_option, ACCORD_EINVALID, "sample"},
    {"analyse_smaa: option of the wrong type", case_smaa_samples_wrong_type, ACCORD_EINVALID, "samples"},
    {"analyse_sweep: NULL profile", case_sweep_null_profile, ACCORD_EINVALID, "p"},
    {"analyse_tipping: unknown quantity", case_tipping_unknown_quantity, ACCORD_EINVALID, "votes"},
    {"decide: unknown vote", case_decide_unknown_vote, ACCORD_EINVALID, "maybe"},
    {"decide: unknown unit", case_decide_unknown_unit, ACCORD_ENOTFOUND, "NOPE"},
    {"decide: unknown preset", case_decide_unknown_preset, ACCORD_EINVALID, "landslide"},
    {"decide: unknown casting vote", case_decide_bad_casting_vote, ACCORD_EINVALID, "perhaps"},
    {"apportion: unknown method", case_apportion_unknown_method, ACCORD_EINVALID, "lottery"},
    {"apportion: unknown level", case_apportion_unknown_level, ACCORD_ENOTFOUND, "county"},
    {"apportion: impossible minimum", case_apportion_impossible_minimum, ACCORD_EINVALID, "min"},
    {"ahp: matrix not reciprocal", case_ahp_not_reciprocal, ACCORD_EINVALID, "reciprocity"},
    {"ahp: NULL input", case_ahp_null_input, ACCORD_EINVALID, "input_json"},
    {"ahp: unknown method", case_ahp_unknown_method, ACCORD_EINVALID, "power"},
    {"mcda: no weights", case_mcda_no_weights, ACCORD_EINVALID, "weights"},
    {"mcda_smaa: unknown option", case_mcda_smaa_unknown_option, ACCORD_EINVALID, "sample"},
    {"generate: unknown model", case_generate_unknown_model, ACCORD_EINVALID, "urn"},
    {"generate: resample without a source", case_generate_resample_without_source, ACCORD_EINVALID, "source"},
    {"analyse_electorates: unknown rule", case_electorates_unknown_rule, ACCORD_ENOTFOUND, "lottery"},
    {"run: options nested 100,000 deep", case_run_options_nested_deep, ACCORD_EINVALID,
     "deeper than 64 levels"},
    {"power: game nested 100,000 deep", case_power_game_nested_deep, ACCORD_EINVALID, "game nests arrays"},
    {"new: bidi override in a name", case_new_bidi_override_name, ACCORD_EINVALID,
     "bidirectional control U+202E"},
    {"new: zero-width space in a name", case_new_zero_width_name, ACCORD_EINVALID,
     "invisible character U+200B"},
    {"new: escape sequence in a name", case_new_escape_sequence_name, ACCORD_EINVALID,
     "candidate 2 name '\\x1B[2J'"},
    {"load_text: CDF names shared by two @ids", case_cdf_same_name_two_ids, ACCORD_EPARSE, "twins.json"},
    {"ahp: an item named twice", case_ahp_duplicate_items, ACCORD_EINVALID, "'x' is given twice"},
    {"run: pairwise matrix above the memory budget", case_run_above_memory_budget, ACCORD_ENOMEM,
     "pairwise matrix of 3 candidates needs about"},
    {"run: irv refuses seats", case_run_irv_seats, ACCORD_EINVALID,
     "irv: unknown option 'seats' (irv does not use it"},
    {"run: plurality refuses seats", case_run_plurality_seats, ACCORD_EINVALID, "plurality does not use it"},
    {"run_weighted: outer disagrees with the method", case_run_weighted_outer_disagrees, ACCORD_EINVALID,
     "'outer' says 'borda'"},
    {"run_weighted: inner outside two-stage", case_run_weighted_inner_without_two_stage, ACCORD_EINVALID,
     "option 'inner' is only used by a two-stage count"},
    {"org_load: unknown within id", case_org_load_within_unknown, ACCORD_ENOTFOUND, "'NOPE'"},
    {"org_load: header and no units", case_org_load_header_only, ACCORD_EPARSE, "no units"},
    {"run: stv seats 2^64-1", case_run_stv_huge_seats, ACCORD_EINVALID,
     "option 'seats' (18446744073709551615) must be at most the number of candidates (3)"},
    {"power: negative samples", case_power_samples_negative, ACCORD_EINVALID, "option 'samples'"},
    {"power: samples above the limit", case_power_samples_huge, ACCORD_EINVALID,
     "option 'samples' must be between 1 and 10000000000"},
    {"power: fractional weight", case_power_weight_fraction, ACCORD_EINVALID, "weights[1]"},
    {"apportion: seats 2^64-1", case_apportion_huge_seats, ACCORD_EINVALID,
     "is above the limit of 1000000000000 seats"},
    {"analyse_smaa: samples 2^64-1", case_smaa_samples_huge, ACCORD_EINVALID,
     "option 'samples' (18446744073709551615) is above the limit of 1000000000 samples"},
    {"analyse_tipping: max_factor 10^15", case_tipping_max_factor_huge, ACCORD_EINVALID,
     "option 'max_factor' (1000000000000000) is above the limit of 1048576"},
};

/* Loads every file of the bad-input catalogue (and counts those accepted) in this process. */
static size_t survive_catalogue(const char* dir) {
    DIR* d = opendir(dir);
    struct dirent* e;
    size_t files = 0, refused = 0, unnamed = 0;
    char path[4096];
    if (!d) {
        fprintf(stderr, "cannot open %s\n", dir);
        return 1;
    }
    while ((e = readdir(d)) != NULL) {
        accord_profile* p = NULL;
        accord_result* r = NULL;
        if (e->d_name[0] == '.') continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        ++files;
        if (accord_profile_load(path, "auto", NULL, &p) != ACCORD_OK) {
            ++refused;
            if (!strstr(accord_last_error(), e->d_name)) {
                ++unnamed;
                fprintf(stderr, "FAIL catalogue %s: the message does not name the file: %s\n", e->d_name,
                        accord_last_error());
            }
            continue;
        }
        (void)accord_run(p, "irv", NULL, &r); /* CSV cases that need options may load: count them */
        accord_result_free(r);
        accord_profile_free(p);
    }
    closedir(d);
    printf("bad-input catalogue: %zu files in one process, %zu refused, all survived\n", files, refused);
    return unnamed;
}

int main(int argc, char** argv) {
    size_t i, failures = 0;
    const int32_t r1[] = {1, 2, 3}, r2[] = {2, 1, 3}, r3[] = {3, 1, 2};
    if (argc < 2) {
        fprintf(stderr, "usage: %s ORG.csv\n", argv[0]);
        return 2;
    }
    org_path = argv[1];
    if (accord_profile_new(3, k_names, &P) || accord_profile_add_ranking(P, r1, 3, 4, NULL) ||
        accord_profile_add_ranking(P, r2, 3, 3, NULL) || accord_profile_add_ranking(P, r3, 3, 2, NULL) ||
        accord_run(P, "irv", NULL, &R) || accord_org_load(org_path, NULL, &O) ||
        accord_power("{\"quota\": 2, \"weights\": [1, 1, 1]}", NULL, NULL, NULL, &W)) {
        fprintf(stderr, "set-up failed: %s\n", accord_last_error());
        return 1;
    }
    for (i = 0; i < sizeof k_cases / sizeof k_cases[0]; ++i) {
        const struct misuse* c = &k_cases[i];
        accord_status got;
        const char* msg;
        S = NULL, OWN = NULL, NEWP = NULL, NEWR = NULL, NEWO = NULL, NEWW = NULL;
        got = c->call();
        msg = accord_last_error();
        if (got != c->status || !strstr(msg, c->needle) || S || OWN || NEWP || NEWR || NEWO || NEWW) {
            ++failures;
            fprintf(stderr, "FAIL %s: status %d (want %d), message \"%s\" (want it to name \"%s\")%s\n",
                    c->name, (int)got, (int)c->status, msg, c->needle,
                    S || OWN || NEWP || NEWR || NEWO || NEWW ? ", and an out-pointer was written" : "");
        }
        accord_string_free(OWN);
        accord_profile_free(NEWP);
        accord_result_free(NEWR);
        accord_org_free(NEWO);
        accord_power_result_free(NEWW);
    }
    /* Freeing NULL is a no-op for every handle; a handle is freed once (the catalogue's own
     * handles below), so a double free is the caller's to avoid: set the pointer to NULL. */
    accord_profile_free(NULL);
    accord_result_free(NULL);
    accord_org_free(NULL);
    accord_power_result_free(NULL);
    accord_string_free(NULL);
    accord_power_result_free(W);
    accord_org_free(O);
    accord_result_free(R);
    accord_profile_free(P);
    if (argc > 2) failures += survive_catalogue(argv[2]);
    printf("%zu misuse cases, %zu failed\n", sizeof k_cases / sizeof k_cases[0], failures);
    return failures ? 1 : 0;
}
