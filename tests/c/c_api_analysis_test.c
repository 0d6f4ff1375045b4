/* AHP, MCDA and synthetic electorates through the C API (0.4), in plain C99: the published AHP
 * examples from tests/data/ahp, errors with their status and message, generated profiles,
 * progress and cancel, and thread-count invariance. Usage: accord_c_api_analysis_test DATA_DIR */
#include "accord/accord.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char* data_dir = ".";

/* The whole of DATA_DIR/name, malloc'd (NULL if unreadable). */
static char* slurp(const char* name) {
    char path[1024];
    FILE* f;
    long n;
    char* text;
    snprintf(path, sizeof path, "%s/%s", data_dir, name);
    f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = malloc((size_t)n + 1);
    if (text && fread(text, 1, (size_t)n, f) != (size_t)n) {
        free(text);
        text = NULL;
    }
    if (text) text[n] = '\0';
    fclose(f);
    return text;
}

/* The number after the first "key": in json (NAN if absent). */
static double number_after(const char* json, const char* key) {
    char pattern[256];
    const char* at;
    snprintf(pattern, sizeof pattern, "\"%s\":", key);
    at = json ? strstr(json, pattern) : NULL;
    return at ? strtod(at + strlen(pattern), NULL) : NAN;
}

static int near3(double x, double published) { return fabs(x - published) <= 0.0005; }

static void test_ahp_textbook(void) {
    static const char* drinks[] = {"coffee", "wine", "tea", "beer", "sodas", "milk", "water"};
    static const double drinks_published[] = {0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327};
    static const char* house[] = {"size", "transport",         "neighbourhood",     "age",
                                  "yard", "modern facilities", "general condition", "financing"};
    static const double house_published[] = {0.173, 0.054, 0.188, 0.018, 0.031, 0.036, 0.167, 0.333};
    char *input = slurp("ahp/saaty2008_drinks.json"), *out = NULL;
    size_t i;
    CHECK(input != NULL);
    CHECK(accord_ahp(NULL, input, NULL, &out) == ACCORD_OK && out != NULL);
    for (i = 0; i < 7; ++i) CHECK(near3(number_after(out, drinks[i]), drinks_published[i]));
    CHECK(near3(number_after(out, "consistency_ratio"), 0.022));
    accord_string_free(out);
    free(input);

    input = slurp("ahp/saaty1990_house.json");
    CHECK(input != NULL);
    CHECK(accord_ahp(NULL, input, "{\"method\": \"eigenvector\"}", &out) == ACCORD_OK);
    for (i = 0; i < 8; ++i) CHECK(near3(number_after(out, house[i]), house_published[i]));
    CHECK(near3(number_after(out, "lambda_max"), 9.669));
    CHECK(near3(number_after(out, "consistency_index"), 0.238));
    CHECK(near3(number_after(out, "consistency_ratio"), 0.169));
    CHECK(strstr(out, "\"acceptable\":false") != NULL);
    accord_string_free(out);
    free(input);
}

static void test_ahp_errors_and_groups(const char* org_path) {
    char *input = slurp("ahp/not_reciprocal.json"), *out = (char*)1;
    accord_org* org = NULL;
    CHECK(accord_ahp(NULL, input, NULL, &out) == ACCORD_EINVALID && out == NULL);
    CHECK(strstr(accord_last_error(), "reciprocity violated") != NULL);
    free(input);
    CHECK(accord_ahp(NULL, "{\"matrix\": [[1]]}", "{\"method\": \"power\"}", &out) == ACCORD_EINVALID);
    CHECK(strstr(accord_last_error(), "method") != NULL);
    CHECK(accord_ahp(NULL, "{\"matrix\": [[1]]", NULL, &out) == ACCORD_EINVALID); /* malformed JSON */
    CHECK(accord_ahp(NULL, NULL, NULL, &out) == ACCORD_EINVALID);
    CHECK(accord_ahp(NULL, "{\"matrix\": [[1]]}", NULL, NULL) == ACCORD_EINVALID);

    input = slurp("ahp/board.json");
    CHECK(accord_ahp(NULL, input, "{\"scheme\": \"population\"}", &out) == ACCORD_EINVALID); /* no org */
    CHECK(accord_org_load(org_path, NULL, &org) == ACCORD_OK);
    CHECK(accord_ahp(org, input, "{\"scheme\": \"population\", \"aggregation\": \"aij\"}", &out) ==
          ACCORD_OK);
    CHECK(fabs(number_after(out, "weight") - 30000.0 / 42000.0) < 1e-9); /* Riverside, first participant */
    accord_string_free(out);
    CHECK(accord_ahp(org, input, "{\"aggregation\": \"aip\"}", &out) == ACCORD_OK);
    CHECK(strstr(out, "\"consistency\":null") != NULL);
    accord_string_free(out);
    accord_org_free(org);
    free(input);
}

static void test_mcda(void) {
    char *table = slurp("mcda_options.json"), *out = NULL, *again = NULL;
    static const char two[] =
        "{\"options\": [\"a\", \"b\"], \"criteria\": [\"x\", \"y\"], \"scores\": [[1, 0], [0, 1]]}";
    CHECK(table != NULL);
    CHECK(accord_mcda(table, NULL, &out) == ACCORD_OK);
    CHECK(strstr(out, "\"Frailty team\":\"9/2\"") != NULL);
    CHECK(strstr(out, "\"winner\":\"Frailty team\"") != NULL);
    accord_string_free(out);
    CHECK(accord_mcda(table, "{\"scaling\": \"log\"}", &out) == ACCORD_EINVALID && out == NULL);
    CHECK(accord_mcda(two, NULL, &out) == ACCORD_EINVALID); /* no weights */
    CHECK(accord_mcda_smaa(two, "{\"samples\": 4000, \"seed\": 2, \"threads\": 1}", NULL, NULL, &out) ==
          ACCORD_OK);
    CHECK(accord_mcda_smaa(two, "{\"samples\": 4000, \"seed\": 2, \"threads\": 2}", NULL, NULL, &again) ==
          ACCORD_OK);
    CHECK(out && again && strcmp(out, again) == 0);
    CHECK(out && fabs(number_after(strstr(out, "winner_probability"), "a") - 0.5) < 0.04);
    accord_string_free(out);
    accord_string_free(again);
    free(table);
}

static int cancel_at_once(double fraction, void* user) {
    (void)fraction;
    ++*(int*)user;
    return 1;
}

static void test_generate_and_electorates(void) {
    accord_profile *p = NULL, *q = NULL;
    accord_result* r = NULL;
    size_t n = 0, w = 9;
    const char* s = NULL;
    char *out = NULL, *again = NULL;
    int calls = 0;
    CHECK(accord_generate("mallows",
                          "{\"names\": [\"Access\", \"Frailty\", \"Digital\"], \"phi\": 0, "
                          "\"center\": [\"Frailty\", \"Digital\", \"Access\"], \"voters\": 11, \"seed\": 3}",
                          NULL, &p) == ACCORD_OK);
    CHECK(accord_profile_candidate_count(p, &n) == ACCORD_OK && n == 3);
    CHECK(accord_profile_voters(p, &s) == ACCORD_OK && strcmp(s, "11") == 0);
    CHECK(accord_run(p, "irv", NULL, &r) == ACCORD_OK);
    CHECK(accord_result_winner(r, 0, &w) == ACCORD_OK && w == 1); /* Frailty, the center's top */
    accord_result_free(r);
    CHECK(accord_generate("resample", "{\"seed\": 1}", p, &q) == ACCORD_OK);
    CHECK(accord_profile_voters(q, &s) == ACCORD_OK && strcmp(s, "11") == 0);
    accord_profile_free(q);
    q = (accord_profile*)1;
    CHECK(accord_generate("resample", "{\"seed\": 1}", NULL, &q) == ACCORD_EINVALID && q == NULL);
    CHECK(accord_generate("urn", "{\"candidates\": 3, \"voters\": 3}", NULL, &q) == ACCORD_EINVALID);
    CHECK(strstr(accord_last_error(), "urn") != NULL);
    CHECK(accord_generate("impartial-culture", "{\"candidates\": 3, \"voters\": 3, \"phi\": 1}", NULL, &q) ==
          ACCORD_EINVALID);
    CHECK(accord_generate(NULL, NULL, NULL, &q) == ACCORD_EINVALID);

    CHECK(accord_analyse_electorates(
              p,
              "{\"model\": \"resample\", \"rules\": [\"irv\", \"borda\"], \"samples\": 300, "
              "\"seed\": 4, \"threads\": 1}",
              NULL, NULL, &out) == ACCORD_OK);
    CHECK(accord_analyse_electorates(
              p,
              "{\"model\": \"resample\", \"rules\": [\"irv\", \"borda\"], \"samples\": 300, "
              "\"seed\": 4, \"threads\": 2}",
              NULL, NULL, &again) == ACCORD_OK);
    CHECK(out && again && strcmp(out, again) == 0);
    CHECK(out && strstr(out, "\"reference_winner\":\"Frailty\"") != NULL);
    CHECK(number_after(out, "differs_from_reference") == 0.0); /* a unanimous electorate resampled */
    accord_string_free(out);
    accord_string_free(again);
    out = (char*)1;
    CHECK(accord_analyse_electorates(NULL,
                                     "{\"model\": \"impartial-culture\", \"candidates\": 4, \"voters\": 30, "
                                     "\"samples\": 1000000}",
                                     cancel_at_once, &calls, &out) == ACCORD_ECANCELLED);
    CHECK(out == NULL && calls >= 1);
    CHECK(accord_analyse_electorates(NULL, "{\"candidates\": 4}", NULL, NULL, &out) == ACCORD_EINVALID);
    CHECK(strstr(accord_last_error(), "model") != NULL);
    accord_profile_free(p);
}

/* Two-level weighting (0.5) on the four-practice, two-PCN example of tests/four_practices.hpp:
 * equal within each PCN and population across gives a, b 3/10 and c, d 1/5, and plurality Y;
 * population within and equal across gives plurality X. */
static void test_two_level(const char* org_path) {
    static const char* names[] = {"X", "Y", "Z"};
    static const int32_t x[] = {1, 2, 3}, y[] = {3, 1, 2}, z[] = {3, 2, 1};
    accord_org* org = NULL;
    accord_profile* p = NULL;
    accord_result* r = NULL;
    char* out = NULL;
    size_t w = 99;
    CHECK(accord_org_load(org_path, NULL, &org) == ACCORD_OK);
    CHECK(accord_weights_two_level(org, "equal", "population", NULL, NULL, &out) == ACCORD_OK);
    CHECK(out && strstr(out, "\"share_exact\":\"3/10\"") != NULL);
    CHECK(out && strstr(out, "\"share_exact\":\"1/5\"") != NULL);
    CHECK(out && strstr(out, "\"scheme\":\"equal within pcn, population across\"") != NULL);
    accord_string_free(out);
    out = (char*)1;
    CHECK(accord_weights_two_level(org, "equal", "capped:0.3", NULL, NULL, &out) == ACCORD_EINVALID);
    CHECK(out == NULL && strstr(accord_last_error(), "across pcns") != NULL);
    CHECK(accord_profile_new(3, names, &p) == ACCORD_OK);
    CHECK(accord_profile_add_ranking_for(p, "a", x, 3, 1, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_ranking_for(p, "b", y, 3, 1, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_ranking_for(p, "c", y, 3, 1, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_ranking_for(p, "d", z, 3, 1, NULL) == ACCORD_OK);
    CHECK(accord_run_weighted(p, org, "equal", "plurality", NULL, "{\"group_scheme\": \"population\"}", &r) ==
          ACCORD_OK);
    CHECK(r && accord_result_winner(r, 0, &w) == ACCORD_OK && w == 1);
    accord_result_free(r);
    r = NULL;
    CHECK(accord_run_weighted(p, org, "population", "plurality", NULL, "{\"group_scheme\": \"equal\"}", &r) ==
          ACCORD_OK);
    CHECK(r && accord_result_winner(r, 0, &w) == ACCORD_OK && w == 0);
    accord_result_free(r);
    /* Power under the same two-level weighting: equal within, population across gives weights
       3,3,2,2 and Banzhaf 1/3, 1/3, 1/6, 1/6 (worked by hand in tests/two_level_test.cpp). */
    {
        accord_power_result* pr = NULL;
        const char* pj = NULL;
        CHECK(accord_power_org(org,
                               "{\"conditions\": [{\"basis\": \"weights:equal\", \"group_scheme\": "
                               "\"population\"}]}",
                               "{\"indices\": \"banzhaf\"}", NULL, NULL, &pr) == ACCORD_OK);
        CHECK(pr && accord_power_result_json(pr, &pj) == ACCORD_OK);
        CHECK(pj && strstr(pj, "\"banzhaf_exact\":[\"1/3\",\"1/3\",\"1/6\",\"1/6\"]") != NULL);
        accord_power_result_free(pr);
    }
    /* Tipping by population under capped:3/10: a population of 0 leaves three practices, which
       cannot all stay under the cap; that point is skipped, not fatal. */
    CHECK(accord_analyse_tipping(p, org,
                                 "{\"rule\": \"plurality\", \"scheme\": \"capped:3/10\", \"quantity\": "
                                 "\"population\", \"mode\": \"normalised\"}",
                                 NULL, NULL, &out) == ACCORD_OK);
    CHECK(out && strstr(out, "\"skipped\":[{\"at\":0.0,\"at_exact\":\"0\"") != NULL);
    accord_string_free(out);
    out = NULL;
    CHECK(accord_analysis_defaults(&out) == ACCORD_OK);
    CHECK(out && strstr(out, "\"rules\":[\"borda\"]") != NULL);
    accord_string_free(out);
    accord_profile_free(p);
    accord_org_free(org);
}

/* Results per group (accord_analyse_groups, 0.5): a 3 X>Y>Z, b 2 Y>X>Z, c 1 Y>Z>X, d 4 Z>Y>X with
   a, b in PCN P and c, d in PCN Q. Plurality per PCN: P X (3 to 2), Q Z (4 to 1); overall Z (4 of
   10). Weighted by population (45, 15, 15, 25), normalised: P X, Q Z, overall X. */
static void test_groups(const char* org_path) {
    static const char* names[] = {"X", "Y", "Z"};
    static const int32_t x[] = {1, 2, 3}, y[] = {2, 1, 3}, y2[] = {3, 1, 2}, z[] = {3, 2, 1};
    accord_org* org = NULL;
    accord_profile* p = NULL;
    char* out = NULL;
    int calls = 0;
    CHECK(accord_org_load(org_path, NULL, &org) == ACCORD_OK);
    CHECK(accord_profile_new(3, names, &p) == ACCORD_OK);
    CHECK(accord_profile_add_ranking_for(p, "a", x, 3, 3, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_ranking_for(p, "b", y, 3, 2, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_ranking_for(p, "c", y2, 3, 1, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_ranking_for(p, "d", z, 3, 4, NULL) == ACCORD_OK);
    CHECK(accord_analyse_groups(p, org, "{\"rule\": \"plurality\", \"per\": \"pcn\", \"results\": false}",
                                NULL, NULL, &out) == ACCORD_OK);
    CHECK(out && strstr(out, "\"overall\":{\"winners\":[\"Z\"]}") != NULL);
    CHECK(out &&
          strstr(out, "{\"id\":\"P\",\"name\":\"PCN P\",\"voters\":\"5\",\"units\":2,\"winners\":[\"X\"]") !=
              NULL);
    CHECK(out &&
          strstr(out, "{\"id\":\"Q\",\"name\":\"PCN Q\",\"voters\":\"5\",\"units\":2,\"winners\":[\"Z\"]") !=
              NULL);
    CHECK(out && strstr(out, "\"agreeing\":1,\"counted\":2,\"failed\":0") != NULL);
    accord_string_free(out);
    out = NULL;
    CHECK(accord_analyse_groups(p, org,
                                "{\"rule\": \"plurality\", \"per\": \"pcn\", \"scheme\": \"population\", "
                                "\"results\": false}",
                                NULL, NULL, &out) == ACCORD_OK);
    CHECK(out && strstr(out, "\"overall\":{\"winners\":[\"X\"]}") != NULL);
    CHECK(out && strstr(out, "\"wins\":{\"X\":1,\"Z\":1},\"agreeing\":1") != NULL);
    accord_string_free(out);
    /* Per unit needs no organisation; a kind does. */
    out = NULL;
    CHECK(accord_analyse_groups(p, NULL, "{\"rule\": \"irv\"}", NULL, NULL, &out) == ACCORD_OK);
    CHECK(out && strstr(out, "\"per\":\"unit\"") != NULL && strstr(out, "\"result\":{") != NULL);
    accord_string_free(out);
    out = (char*)1;
    CHECK(accord_analyse_groups(p, NULL, "{\"rule\": \"irv\", \"per\": \"pcn\"}", NULL, NULL, &out) ==
          ACCORD_EINVALID);
    CHECK(out == NULL && strstr(accord_last_error(), "needs an organisation") != NULL);
    CHECK(accord_analyse_groups(p, org, "{\"rule\": \"irv\", \"per\": \"icb\"}", NULL, NULL, &out) ==
          ACCORD_EINVALID);
    CHECK(accord_analyse_groups(p, org, "{\"rule\": \"no-such\"}", NULL, NULL, &out) == ACCORD_ENOTFOUND);
    CHECK(accord_analyse_groups(p, org, "{\"rule\": \"irv\", \"scheme\": \"equal\", \"mode\": \"two-stage\"}",
                                NULL, NULL, &out) == ACCORD_EUNSUPPORTED);
    CHECK(accord_analyse_groups(NULL, org, "{\"rule\": \"irv\"}", NULL, NULL, &out) == ACCORD_EINVALID);
    CHECK(accord_analyse_groups(p, org, "{\"rule\": \"irv\"}", cancel_at_once, &calls, &out) ==
          ACCORD_ECANCELLED);
    CHECK(out == NULL && calls == 1);
    accord_profile_free(p);
    accord_org_free(org);
}

int main(int argc, char** argv) {
    char org_path[1024];
    if (argc > 1) data_dir = argv[1];
    snprintf(org_path, sizeof org_path, "%s/place_org.csv", data_dir);
    CHECK(accord_version_number() == ACCORD_VERSION_NUMBER);
    CHECK(ACCORD_VERSION_NUMBER >= 400);
    test_ahp_textbook();
    test_ahp_errors_and_groups(org_path);
    test_mcda();
    test_generate_and_electorates();
    snprintf(org_path, sizeof org_path, "%s/four_two_pcns_org.csv", data_dir);
    test_two_level(org_path);
    test_groups(org_path);
    printf("%d checks, %d failed\n", checks, failures);
    return failures ? 1 : 0;
}
