/* The C API end to end, in plain C99: build a profile, count it, read every part of the result,
 * and check that misuse returns the documented status with a message. */
#include "accord/accord.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static void test_irv(void) {
    const char* names[] = {"A", "B", "C"};
    accord_profile* p = NULL;
    accord_result* r = NULL;
    const uint32_t o1[] = {0, 1, 2}, o2[] = {1, 2, 0}, o3[] = {2, 1, 0};
    size_t n = 0, w = 99, rounds = 0;
    const char *s = NULL, *json = NULL;
    int complete = 0;
    CHECK(accord_profile_new(3, names, &p) == ACCORD_OK);
    CHECK(accord_profile_add_order(p, o1, 3, 8, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_order(p, o2, 3, 6, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_order(p, o3, 3, 5, NULL) == ACCORD_OK);
    CHECK(accord_profile_voters(p, &s) == ACCORD_OK && strcmp(s, "19") == 0);
    CHECK(accord_profile_unique_count(p, &n) == ACCORD_OK && n == 3);
    CHECK(accord_run(p, "irv", NULL, &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 1);
    CHECK(accord_result_winner(r, 0, &w) == ACCORD_OK && w == 1); /* B */
    CHECK(accord_result_complete(r, &complete) == ACCORD_OK && complete == 1);
    CHECK(accord_result_round_count(r, &rounds) == ACCORD_OK && rounds == 2);
    CHECK(accord_result_round_tally(r, 0, 2, &s) == ACCORD_OK && s && strcmp(s, "5") == 0);
    CHECK(accord_result_round_tally(r, 1, 2, &s) == ACCORD_OK && s == NULL); /* C eliminated */
    CHECK(accord_result_round_tally(r, 1, 1, &s) == ACCORD_OK && s && strcmp(s, "11") == 0);
    CHECK(accord_result_round_eliminated_count(r, 0, &n) == ACCORD_OK && n == 1);
    CHECK(accord_result_round_eliminated(r, 0, 0, &n) == ACCORD_OK && n == 2);
    CHECK(accord_result_round_elected(r, 1, 0, &n) == ACCORD_OK && n == 1);
    CHECK(accord_result_tier_count(r, &n) == ACCORD_OK && n == 3);
    CHECK(accord_result_tier_member(r, 1, 0, &n) == ACCORD_OK && n == 0);
    CHECK(accord_result_round_exhausted(r, 1, &s) == ACCORD_OK && strcmp(s, "0") == 0);
    CHECK(accord_result_json(r, &json) == ACCORD_OK && strstr(json, "\"winners\":[\"B\"]") != NULL);
    CHECK(accord_result_method(r, &s) == ACCORD_OK && strcmp(s, "irv") == 0);
    CHECK(accord_result_score(r, 0, &s) == ACCORD_OK && s && strcmp(s, "8") == 0);
    /* Out of range is ENOTFOUND with a message naming what. */
    CHECK(accord_result_winner(r, 5, &n) == ACCORD_ENOTFOUND &&
          strstr(accord_last_error(), "winner") != NULL);
    accord_result_free(r);
    accord_profile_free(p);
}

/* STV through the generic entry point: two seats among four, exact WIGM and Scottish STV. */
/* Committee rules over approval ballots through the generic entry point. */
static void test_committee(void) {
    const char* names[] = {"a", "b", "c", "d"};
    accord_profile* p = NULL;
    accord_result* r = NULL;
    const uint32_t ab[] = {0, 1}, c[] = {2}, cd[] = {2, 3};
    size_t n = 0, w = 9;
    CHECK(accord_profile_new_kind(4, names, ACCORD_BALLOT_APPROVAL, &p) == ACCORD_OK);
    CHECK(accord_profile_add_approval(p, ab, 2, 6, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_approval(p, c, 1, 3, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_approval(p, cd, 2, 2, NULL) == ACCORD_OK);
    /* 6 voters for {a, b}, 5 for c: two seats go one to each side under Phragmén. */
    CHECK(accord_run(p, "seq-phragmen", "{\"seats\":2}", &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 2);
    CHECK(accord_result_winner(r, 0, &w) == ACCORD_OK && w == 0);
    CHECK(accord_result_winner(r, 1, &w) == ACCORD_OK && w == 2);
    accord_result_free(r);
    r = NULL;
    CHECK(accord_run(p, "pav", "{}", &r) == ACCORD_EINVALID && r == NULL &&
          strstr(accord_last_error(), "seats") != NULL);
    CHECK(accord_run(p, "budget", "{\"budget\":2,\"costs\":{\"a\":1}}", &r) == ACCORD_EINVALID);
    /* Exact maximum welfare (approval utilities): {a, c} gives 6 + 5 approvals for 3. */
    CHECK(accord_run(p, "budget",
                     "{\"method\":\"max-welfare\",\"utilities\":\"approval\",\"budget\":3,"
                     "\"costs\":{\"a\":2,\"b\":3,\"c\":1,\"d\":1}}",
                     &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 2);
    CHECK(accord_result_winner(r, 0, &w) == ACCORD_OK && w == 0);
    CHECK(accord_result_winner(r, 1, &w) == ACCORD_OK && w == 2);
    accord_result_free(r);
    r = NULL;
    /* Sequential Phragmén and maximin support both fund c (load 1/5), then a (1/3). */
    {
        const char* methods[] = {"phragmen", "maximin-support"};
        char options[160];
        for (size_t m = 0; m < 2; ++m) {
            snprintf(options, sizeof options,
                     "{\"method\":\"%s\",\"budget\":3,\"costs\":{\"a\":2,\"b\":3,\"c\":1,\"d\":1}}",
                     methods[m]);
            CHECK(accord_run(p, "budget", options, &r) == ACCORD_OK);
            CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 2);
            CHECK(accord_result_winner(r, 0, &w) == ACCORD_OK && w == 2);
            CHECK(accord_result_winner(r, 1, &w) == ACCORD_OK && w == 0);
            accord_result_free(r);
            r = NULL;
        }
    }
    /* An option the method does not use is an error. */
    CHECK(accord_run(p, "budget",
                     "{\"method\":\"phragmen\",\"max_nodes\":9,\"budget\":3,"
                     "\"costs\":{\"a\":2,\"b\":3,\"c\":1,\"d\":1}}",
                     &r) == ACCORD_EINVALID &&
          r == NULL && strstr(accord_last_error(), "max_nodes") != NULL);
    accord_profile_free(p);
}

static void test_stv_cpo_and_sequential(accord_profile* p);

static void test_stv(void) {
    const char* names[] = {"A", "B", "C", "D"};
    accord_profile* p = NULL;
    accord_result* r = NULL;
    const uint32_t o1[] = {0, 1}, o2[] = {2, 3}, o3[] = {3, 2}, o4[] = {1, 0};
    size_t n = 0, w0 = 9, w1 = 9;
    const char* json = NULL;
    CHECK(accord_profile_new(4, names, &p) == ACCORD_OK);
    CHECK(accord_profile_add_order(p, o1, 2, 10, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_order(p, o2, 2, 6, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_order(p, o3, 2, 3, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_order(p, o4, 2, 2, NULL) == ACCORD_OK);
    /* 21 papers, 2 seats: Droop quota 8; A elected on first preferences (10), its surplus of 2
       goes to B (2 + 2 = 4); then D (3) is excluded and C reaches 9: A and C elected. */
    CHECK(accord_run(p, "stv", "{\"seats\":2,\"variant\":\"scottish\"}", &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 2);
    CHECK(accord_result_winner(r, 0, &w0) == ACCORD_OK && w0 == 0);
    CHECK(accord_result_winner(r, 1, &w1) == ACCORD_OK && w1 == 2);
    CHECK(accord_result_json(r, &json) == ACCORD_OK &&
          strstr(json, "\"transfer_value_exact\":\"1/5\"") != NULL);
    accord_result_free(r);
    r = NULL;
    /* Warren's method and Meek's with the New Zealand rounding elect A and C here as well. */
    CHECK(accord_run(p, "stv", "{\"seats\":2,\"variant\":\"warren\",\"arithmetic\":\"exact\"}", &r) ==
          ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 2);
    CHECK(accord_result_winner(r, 0, &w0) == ACCORD_OK && w0 == 0);
    CHECK(accord_result_winner(r, 1, &w1) == ACCORD_OK && w1 == 2);
    accord_result_free(r);
    r = NULL;
    CHECK(accord_run(p, "stv", "{\"seats\":2,\"variant\":\"meek\",\"nz\":true}", &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 2);
    accord_result_free(r);
    r = NULL;
    /* Random-transfer STV (Cincinnati method): papers 5 and 10 of A's 10 move to B whatever the
       seed, D is excluded and C reaches the quota of 8: A and C. */
    CHECK(accord_run(p, "stv", "{\"seats\":2,\"variant\":\"random-transfer\",\"seed\":3}", &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 2);
    CHECK(accord_result_winner(r, 1, &w1) == ACCORD_OK && w1 == 2);
    CHECK(accord_result_json(r, &json) == ACCORD_OK && strstr(json, "seed 3") != NULL);
    accord_result_free(r);
    r = NULL;
    /* Minneapolis's multi-seat rule (a named preset): A and C again. */
    CHECK(accord_run(p, "stv", "{\"seats\":2,\"preset\":\"minneapolis\"}", &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 2);
    CHECK(accord_result_winner(r, 0, &w0) == ACCORD_OK && w0 == 0);
    accord_result_free(r);
    r = NULL;
    CHECK(accord_run(p, "stv", "{\"variant\":\"warren\",\"nz\":true}", &r) == ACCORD_EINVALID && r == NULL &&
          strstr(accord_last_error(), "nz") != NULL);
    CHECK(accord_run(p, "stv", "{\"seats\":0}", &r) == ACCORD_EINVALID && r == NULL &&
          strstr(accord_last_error(), "seats") != NULL);
    CHECK(accord_run(p, "stv", "{\"variant\":\"lottery\"}", &r) == ACCORD_EINVALID &&
          strstr(accord_last_error(), "lottery") != NULL);
    /* RCTab's bottoms-up percentage mode: the threshold, not a seat count, decides how many win.
       10% of 21 is 2.1, so B (2) is excluded, its papers go to A, and A, C and D (12, 6, 3) win. */
    CHECK(accord_run(p, "stv",
                     "{\"variant\":\"rctab\",\"mode\":\"bottoms-up\",\"bottoms_up_threshold\":\"1/10\","
                     "\"first_round_threshold\":true}",
                     &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 3);
    CHECK(accord_result_winner(r, 0, &w0) == ACCORD_OK && w0 == 0);
    CHECK(accord_result_winner(r, 2, &w1) == ACCORD_OK && w1 == 3);
    accord_result_free(r);
    r = NULL;
    CHECK(accord_run(p, "stv",
                     "{\"variant\":\"rctab\",\"mode\":\"bottoms-up\",\"bottoms_up_threshold\":\"1/10\","
                     "\"seats\":2}",
                     &r) == ACCORD_EINVALID &&
          r == NULL &&
          strstr(accord_last_error(), "'seats' is not used with a bottoms_up_threshold") != NULL);
    CHECK(accord_run(p, "stv", "{\"variant\":\"rctab\",\"seats\":2,\"cutoff_elimination\":true}", &r) ==
              ACCORD_EINVALID &&
          r == NULL && strstr(accord_last_error(), "'cutoff_elimination' is used only by") != NULL);
    test_stv_cpo_and_sequential(p);
    accord_profile_free(p);
}

static void test_ties_and_weights(void) {
    const char* names[] = {"X", "Y", "Z"};
    accord_profile* p = NULL;
    accord_result* r = NULL;
    const int32_t x[] = {1, 0, 0}, y[] = {0, 1, 0}, z[] = {0, 0, 1};
    size_t n = 0, round = 0;
    const char *purpose = NULL, *policy = NULL;
    int complete = 1;
    CHECK(accord_profile_new(3, names, &p) == ACCORD_OK);
    CHECK(accord_profile_add_ranking(p, x, 3, 1, "5/2") == ACCORD_OK);
    CHECK(accord_profile_add_ranking(p, y, 3, 1, "1.5") == ACCORD_OK);
    CHECK(accord_profile_add_ranking(p, z, 3, 3, "0.5") == ACCORD_OK);
    CHECK(accord_run(p, "irv", "{\"tie_break\":\"report\"}", &r) == ACCORD_OK);
    CHECK(accord_result_complete(r, &complete) == ACCORD_OK && complete == 0);
    CHECK(accord_result_tie_count(r, &n) == ACCORD_OK && n == 1);
    CHECK(accord_result_tie(r, 0, &round, &purpose, &policy) == ACCORD_OK && round == 1 &&
          strcmp(purpose, "elimination") == 0 && strcmp(policy, "report") == 0);
    CHECK(accord_result_tie_candidate_count(r, 0, &n) == ACCORD_OK && n == 2);
    CHECK(accord_result_tie_chosen_count(r, 0, &n) == ACCORD_OK && n == 0);
    accord_result_free(r);
    CHECK(accord_run(p, "irv", "{\"tie_break\":\"random\",\"seed\":3}", &r) == ACCORD_OK);
    CHECK(accord_result_tie_chosen_count(r, 0, &n) == ACCORD_OK && n == 1);
    accord_result_free(r);
    accord_profile_free(p);
}

static void test_misuse(void) {
    const char *names[] = {"A", "B"}, *dup[] = {"A", "A"};
    accord_profile* p = NULL;
    accord_result* r = NULL;
    const int32_t bad[] = {1, -1};
    const uint32_t out_of_range[] = {7};
    size_t n;
    CHECK(accord_profile_new(2, names, NULL) == ACCORD_EINVALID &&
          strstr(accord_last_error(), "out") != NULL);
    CHECK(accord_profile_new(2, dup, &p) == ACCORD_EINVALID && p == NULL &&
          strstr(accord_last_error(), "duplicate"));
    CHECK(accord_profile_new(0, names, &p) == ACCORD_EINVALID);
    CHECK(accord_profile_new(2, names, &p) == ACCORD_OK);
    CHECK(accord_profile_add_ranking(p, bad, 2, 1, NULL) == ACCORD_EINVALID);
    CHECK(accord_profile_add_ranking(p, bad, 1, 1, NULL) == ACCORD_EINVALID);
    CHECK(accord_profile_add_order(p, out_of_range, 1, 1, NULL) == ACCORD_EINVALID);
    CHECK(accord_profile_add_order(p, out_of_range, 0, 0, NULL) == ACCORD_EINVALID); /* count 0 */
    CHECK(accord_profile_add_order(p, out_of_range, 0, 1, "-1") == ACCORD_EINVALID);
    CHECK(accord_profile_add_order(p, out_of_range, 0, 1, "abc") == ACCORD_EINVALID);
    CHECK(accord_profile_add_order(p, out_of_range, 0, UINT64_MAX, NULL) == ACCORD_EOVERFLOW);
    CHECK(accord_run(p, "no-such-method", NULL, &r) == ACCORD_ENOTFOUND && r == NULL &&
          strstr(accord_last_error(), "no-such-method") != NULL);
    CHECK(accord_run(p, "irv", "{\"bogus\":1}", &r) == ACCORD_EINVALID &&
          strstr(accord_last_error(), "bogus") != NULL);
    CHECK(accord_run(p, "irv", "{not json", &r) == ACCORD_EINVALID);
    CHECK(accord_run(NULL, "irv", NULL, &r) == ACCORD_EINVALID);
    CHECK(accord_run(p, NULL, NULL, &r) == ACCORD_EINVALID);
    CHECK(accord_result_json(NULL, NULL) == ACCORD_EINVALID);
    CHECK(accord_profile_candidate_name(p, 9, NULL) == ACCORD_EINVALID);
    CHECK(accord_profile_find_candidate(p, "Nobody", &n) == ACCORD_ENOTFOUND);
    {
        accord_profile* q = NULL;
        CHECK(accord_profile_load("/nonexistent/file.soi", NULL, NULL, &q) == ACCORD_EIO && q == NULL);
        CHECK(accord_profile_load("x.soi", "no-format", NULL, &q) == ACCORD_EINVALID && q == NULL);
    }
    CHECK(accord_profile_candidate_count(p, NULL) == ACCORD_EINVALID);
    accord_profile_free(p);
    accord_profile_free(NULL);
    accord_result_free(NULL);
}

/* CSV intake (docs/formats.md, "CSV"): a ballot id column is ignored by name, a Microsoft Forms
 * ranking cell is read in order, and the encoding and contest options reach the reader. */
static void test_csv_intake(void) {
    const char* cvr = "ballot_id,rank1,rank2\n1001,Access,Frailty\n1002,Frailty,\n";
    const char* forms = "Id,Start time,Completion time,Email,Name,Rank the priorities\n"
                        "1,a,b,x@nhs.net,Ann,Frailty;Access;\n";
    const char* cp1252 = "Choice 1\nZo\xeb\n";
    const char* two = "Mayor - Rank 1,Council - Rank 1\nAccess,Kim\n";
    accord_profile* p = NULL;
    size_t n = 0;
    const char* s = NULL;
    CHECK(accord_profile_load_text(cvr, strlen(cvr), "cvr.csv", "auto", NULL, &p) == ACCORD_OK);
    CHECK(accord_profile_candidate_count(p, &n) == ACCORD_OK && n == 2);
    accord_profile_free(p);
    CHECK(accord_profile_load_text(forms, strlen(forms), "forms.csv", "auto", NULL, &p) == ACCORD_OK);
    CHECK(accord_profile_candidate_name(p, 0, &s) == ACCORD_OK && strcmp(s, "Frailty") == 0);
    accord_profile_free(p);
    CHECK(accord_profile_load_text(cp1252, strlen(cp1252), "w.csv", "csv", NULL, &p) == ACCORD_EPARSE &&
          strstr(accord_last_error(), "windows-1252") != NULL);
    CHECK(accord_profile_load_text(cp1252, strlen(cp1252), "w.csv", "csv", "{\"encoding\": \"windows-1252\"}",
                                   &p) == ACCORD_OK);
    CHECK(accord_profile_candidate_name(p, 0, &s) == ACCORD_OK && strcmp(s, "Zo\xc3\xab") == 0);
    accord_profile_free(p);
    CHECK(accord_profile_load_text(two, strlen(two), "two.csv", "csv", NULL, &p) == ACCORD_EPARSE &&
          strstr(accord_last_error(), "--contest") != NULL);
    CHECK(accord_profile_load_text(two, strlen(two), "two.csv", "csv", "{\"contest\": \"Council\"}", &p) ==
          ACCORD_OK);
    CHECK(accord_profile_candidate_name(p, 0, &s) == ACCORD_OK && strcmp(s, "Kim") == 0);
    accord_profile_free(p);
    /* An ES&S workbook's ballot-id column has an empty header: "skip_columns": [""] names it
       (it once wrote past the end of the column table). Two empty headers are ambiguous. */
    {
        const char* ess = ",1,2\n1,A,B\n2,B,\n3,A,\n";
        const char* two_empty = ",,1,2\n1,x,A,B\n";
        const char* skip = "{\"layout\": \"rank-columns\", \"skip_columns\": [\"\"]}";
        CHECK(accord_profile_load_text(ess, strlen(ess), "ess.csv", "csv", skip, &p) == ACCORD_OK);
        CHECK(accord_profile_candidate_count(p, &n) == ACCORD_OK && n == 2);
        CHECK(accord_profile_candidate_name(p, 1, &s) == ACCORD_OK && strcmp(s, "B") == 0);
        accord_profile_free(p);
        p = NULL;
        CHECK(accord_profile_load_text(two_empty, strlen(two_empty), "two.csv", "csv", skip, &p) ==
                  ACCORD_EPARSE &&
              p == NULL && strstr(accord_last_error(), "2 columns have an empty header") != NULL);
    }
}

static void test_load_text_and_methods(void) {
    const char* soi = "# FILE NAME: t.soi\n# TITLE: t\n# DATA TYPE: soi\n# NUMBER ALTERNATIVES: 2\n"
                      "# NUMBER VOTERS: 3\n# NUMBER UNIQUE ORDERS: 2\n# ALTERNATIVE NAME 1: Left\n"
                      "# ALTERNATIVE NAME 2: Right\n2: 1,2\n1: 2\n";
    accord_profile* p = NULL;
    accord_result* r = NULL;
    size_t n = 0, i;
    const char* s = NULL;
    int found_irv = 0;
    CHECK(accord_profile_load_text(soi, strlen(soi), "t.soi", "auto", NULL, &p) == ACCORD_OK);
    CHECK(accord_profile_candidate_name(p, 1, &s) == ACCORD_OK && strcmp(s, "Right") == 0);
    CHECK(accord_run(p, "plurality", NULL, &r) == ACCORD_OK);
    CHECK(accord_result_winner(r, 0, &n) == ACCORD_OK && n == 0);
    accord_result_free(r);
    CHECK(accord_run(p, "rcv", NULL, &r) == ACCORD_OK && accord_result_method(r, &s) == ACCORD_OK &&
          strcmp(s, "irv") == 0); /* an alias runs its rule */
    accord_result_free(r);
    accord_profile_free(p);
    CHECK(accord_profile_load_text("garbage", 7, "t.soi", "soi", NULL, &p) == ACCORD_EPARSE &&
          strstr(accord_last_error(), "t.soi:1") != NULL);
    CHECK(accord_method_count(&n) == ACCORD_OK && n >= 2);
    for (i = 0; i < n; ++i) {
        CHECK(accord_method_name(i, &s) == ACCORD_OK);
        if (strcmp(s, "irv") == 0) found_irv = 1;
    }
    CHECK(found_irv);
    CHECK(accord_methods_json(&s) == ACCORD_OK && strstr(s, "\"name\":\"irv\"") != NULL &&
          strstr(s, "\"aliases\":[\"rcv\"") != NULL && strstr(s, "\"ballots\":[\"approval\"]") != NULL);
    /* Each option's type, allowed values, default and description (since 0.5). */
    CHECK(
        strstr(
            s,
            "{\"key\":\"variant\",\"type\":\"string\",\"choices\":[\"scottish\",\"wigm\",\"meek\","
            "\"gregory\",\"whole\",\"rctab\",\"warren\",\"random-transfer\",\"cpo-stv\",\"sequential-stv\"],"
            "\"default\":\"scottish\","
            "\"required\":false,"
            "\"description\":\"the STV rules counted") != NULL);
    CHECK(strstr(s, "{\"key\":\"batch_elimination\",\"type\":\"bool\",\"choices\":[],\"default\":false,"
                    "\"required\":false,\"description\":\"eliminate at once") != NULL);
    CHECK(strstr(s, "{\"key\":\"seats\",\"type\":\"integer\",\"choices\":[],\"default\":null,"
                    "\"required\":true,") != NULL);
    CHECK(accord_methods_json(NULL) == ACCORD_EINVALID);
    /* The other families' tables, as `accord methods --family` lists them (since 0.5). */
    CHECK(accord_apportion_methods_json(&s) == ACCORD_OK &&
          strstr(s,
                 "{\"name\":\"jefferson\",\"summary\":\"highest averages, divisors 1, 2, 3, ...\","
                 "\"aliases\":[\"dhondt\",\"d-hondt\"],\"docs\":\"docs/methods/apportionment.md\"}") != NULL);
    CHECK(accord_power_indices_json(&s) == ACCORD_OK &&
          strstr(s,
                 "[{\"name\":\"banzhaf\",\"summary\":\"Banzhaf (normalised and absolute, with the swings)\","
                 "\"docs\":\"docs/methods/power.md\"}") != NULL &&
          strstr(s, "\"name\":\"felsenthal\"") != NULL);
    CHECK(accord_apportion_methods_json(NULL) == ACCORD_EINVALID &&
          accord_power_indices_json(NULL) == ACCORD_EINVALID);
    CHECK(accord_version_number() == ACCORD_VERSION_NUMBER);
}

static int cancel_after_first(double fraction, void* user) {
    (void)fraction;
    return ++*(int*)user > 1;
}

static void test_power(void) {
    accord_power_result* pr = NULL;
    const char* json = NULL;
    int calls = 0;
    /* UN Security Council [39; 7 x 5, 1 x 10]: Shapley-Shubik 421/2145 per permanent member. */
    CHECK(accord_power("{\"quota\": 39, \"weights\": [7,7,7,7,7,1,1,1,1,1,1,1,1,1,1]}", NULL, NULL, NULL,
                       &pr) == ACCORD_OK);
    CHECK(accord_power_result_json(pr, &json) == ACCORD_OK && strstr(json, "\"421/2145\"") != NULL);
    accord_power_result_free(pr);
    CHECK(accord_power("{\"majorities\": [{\"quota\": 2, \"weights\": [1,1,1]}, {\"quota\": 50, \"weights\": "
                       "[60,30,10]}]}",
                       "{\"indices\": \"all\"}", NULL, NULL, &pr) == ACCORD_OK);
    accord_power_result_free(pr);
    CHECK(accord_power("{\"quota\": 0, \"weights\": [1,1]}", NULL, NULL, NULL, &pr) == ACCORD_EINVALID &&
          pr == NULL);
    CHECK(accord_power("{\"quota\": 2, \"weights\": [1,1], \"bogus\": 1}", NULL, NULL, NULL, &pr) ==
              ACCORD_EINVALID &&
          strstr(accord_last_error(), "bogus") != NULL);
    CHECK(accord_power("{\"quota\": 2, \"weights\": [1,1]}", "{\"indices\": [\"nope\"]}", NULL, NULL, &pr) ==
          ACCORD_EINVALID);
    CHECK(accord_power("not json", NULL, NULL, NULL, &pr) == ACCORD_EINVALID);
    /* [3; 2,1,1] by hand: Chow 3,2,2 of 3 winning; Rae 7/8, 5/8; Colomer-Martinez 2/3, 1/6;
       minimal winning 2,1,1; pivots 4,1,1 of the 3! orders. */
    CHECK(accord_power("{\"quota\": 3, \"weights\": [2,1,1]}",
                       "{\"indices\": \"chow,rae,colomer,minimal_winning,shapley_shubik\"}", NULL, NULL,
                       &pr) == ACCORD_OK);
    CHECK(accord_power_result_json(pr, &json) == ACCORD_OK &&
          strstr(json, "\"chow\":[\"3\",\"2\",\"2\"]") != NULL &&
          strstr(json, "\"winning_coalitions\":\"3\"") != NULL &&
          strstr(json, "\"rae_exact\":[\"7/8\",\"5/8\",\"5/8\"]") != NULL &&
          strstr(json, "\"colomer_exact\":[\"2/3\",\"1/6\",\"1/6\"]") != NULL &&
          strstr(json, "\"minimal_winning\":[\"2\",\"1\",\"1\"]") != NULL &&
          strstr(json, "\"pivots\":[\"4\",\"1\",\"1\"]") != NULL);
    accord_power_result_free(pr);
    /* [3; 2,1,1]: Koenig-Braeuninger c_i / |W|, Nevison c_i / 2^n, public help c_i / sum c, and
       with Holler the absolute public good index m_i / |M|. */
    CHECK(accord_power("{\"quota\": 3, \"weights\": [2,1,1]}",
                       "{\"indices\": [\"koenig_braeuninger\", \"nevison\", \"public_help\", \"holler\"]}",
                       NULL, NULL, &pr) == ACCORD_OK);
    CHECK(accord_power_result_json(pr, &json) == ACCORD_OK &&
          strstr(json, "\"koenig_braeuninger_exact\":[\"1\",\"2/3\",\"2/3\"]") != NULL &&
          strstr(json, "\"nevison_exact\":[\"3/4\",\"1/2\",\"1/2\"]") != NULL &&
          strstr(json, "\"public_help_exact\":[\"3/7\",\"2/7\",\"2/7\"]") != NULL &&
          strstr(json, "\"holler_absolute_exact\":[\"1\",\"1/2\",\"1/2\"]") != NULL);
    accord_power_result_free(pr);
    /* [5; 3,2,1,1]: minimal winning AB and ACD; Felsenthal keeps the smallest, AB. */
    CHECK(accord_power("{\"quota\": 5, \"weights\": [3,2,1,1]}", "{\"indices\": \"felsenthal\"}", NULL, NULL,
                       &pr) == ACCORD_OK);
    CHECK(accord_power_result_json(pr, &json) == ACCORD_OK &&
          strstr(json, "\"felsenthal_exact\":[\"1/2\",\"1/2\",\"0\",\"0\"]") != NULL &&
          strstr(json, "\"felsenthal_raw_exact\":[\"1\",\"1\",\"0\",\"0\"]") != NULL);
    accord_power_result_free(pr);
    /* The indices added beside EPIC's codes, by hand (docs/methods/power.md): [3; 2,1,1] wins with
       AB, AC, ABC, and A is its veto player. */
    CHECK(accord_power(
              "{\"quota\": 3, \"weights\": [2,1,1]}",
              "{\"indices\": \"public_help_xi,null_player_free_f,null_player_free_g,tijs,harsanyi_nash,"
              "deegan_packel\"}",
              NULL, NULL, &pr) == ACCORD_OK);
    CHECK(accord_power_result_json(pr, &json) == ACCORD_OK &&
          strstr(json, "\"public_help_xi_exact\":[\"11/24\",\"13/48\",\"13/48\"]") != NULL &&
          strstr(json, "\"null_player_free_f_exact\":[\"4/9\",\"5/18\",\"5/18\"]") != NULL &&
          strstr(json, "\"null_player_free_g_exact\":[\"3/7\",\"2/7\",\"2/7\"]") != NULL &&
          strstr(json, "\"tijs_exact\":[\"1\",\"0\",\"0\"]") != NULL &&
          strstr(json, "\"harsanyi_nash_exact\":[\"1\",\"0\",\"0\"]") != NULL &&
          strstr(json, "\"deegan_packel_raw_exact\":[\"1\",\"1/2\",\"1/2\"]") != NULL);
    accord_power_result_free(pr);
    /* The EEC of 1958 with its unions: Banzhaf among them, Shapley-Shubik inside. */
    CHECK(accord_power("{\"quota\": 12, \"weights\": [4,4,4,2,2,1], \"unions\": [[0,1],[2,3,4],[5]]}",
                       "{\"indices\": \"symmetric_coalitional_banzhaf\"}", NULL, NULL, &pr) == ACCORD_OK);
    CHECK(accord_power_result_json(pr, &json) == ACCORD_OK &&
          strstr(json, "\"symmetric_coalitional_banzhaf_exact\":[\"1/4\",\"1/4\",\"1/3\",\"1/12\",\"1/12\","
                       "\"0\"]") != NULL);
    accord_power_result_free(pr);
    /* Tijs is undefined without a veto player. */
    CHECK(accord_power("{\"quota\": 2, \"weights\": [1,1,1]}", "{\"indices\": \"tijs\"}", NULL, NULL, &pr) ==
              ACCORD_EUNSUPPORTED &&
          strstr(accord_last_error(), "veto player") != NULL);
    /* Colomer-Martinez divides by one weight: refused for a double majority. */
    CHECK(accord_power("{\"majorities\": [{\"quota\": 2, \"weights\": [1,1,1]}, {\"quota\": 50, \"weights\": "
                       "[60,30,10]}]}",
                       "{\"indices\": \"colomer\"}", NULL, NULL, &pr) == ACCORD_EUNSUPPORTED &&
          pr == NULL);
    /* The Fourier estimate: labelled an approximation, with its proven bound. */
    CHECK(accord_power("{\"quota\": 39, \"weights\": [7,7,7,7,7,1,1,1,1,1,1,1,1,1,1]}",
                       "{\"method\": \"fourier\", \"indices\": \"banzhaf\"}", NULL, NULL, &pr) == ACCORD_OK);
    CHECK(accord_power_result_json(pr, &json) == ACCORD_OK && strstr(json, "\"fourier-bound\"") != NULL &&
          strstr(json, "\"error_bound\"") != NULL && strstr(json, "\"exact\":false") != NULL);
    accord_power_result_free(pr);
    pr = NULL;
    /* A big game with a callback that cancels. */
    {
        char game[4096];
        size_t len = 0;
        int i;
        len += (size_t)snprintf(game + len, sizeof game - len, "{\"quota\": 5000000, \"weights\": [");
        for (i = 0; i < 200; ++i)
            len += (size_t)snprintf(game + len, sizeof game - len, "%s%d", i ? "," : "", 50000 + i);
        snprintf(game + len, sizeof game - len, "]}");
        CHECK(accord_power(game, NULL, cancel_after_first, &calls, &pr) == ACCORD_ECANCELLED && pr == NULL);
        CHECK(calls >= 1);
    }
    accord_power_result_free(NULL);
}

/* tests/data/place_ballots.csv as a profile: one ranking per practice p1..p5 of place_org.csv. */
static accord_profile* place_ballots(void) {
    const char* names[] = {"Access", "Frailty", "Digital"};
    const int32_t a[] = {1, 2, 3}, f[] = {2, 1, 3}, d[] = {2, 3, 1};
    accord_profile* p = NULL;
    CHECK(accord_profile_new(3, names, &p) == ACCORD_OK);
    CHECK(accord_profile_add_ranking_for(p, "p1", a, 3, 1, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_ranking_for(p, "p2", a, 3, 1, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_ranking_for(p, "p3", d, 3, 1, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_ranking_for(p, "p4", f, 3, 1, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_ranking_for(p, "p5", f, 3, 1, NULL) == ACCORD_OK);
    return p;
}

static void test_weighting(const char* org_path) {
    accord_org* org = NULL;
    accord_profile* p = NULL;
    accord_result* r = NULL;
    char* json = NULL;
    const int32_t a[] = {1, 2, 3};
    size_t n = 0, w = 9;
    CHECK(accord_org_load(org_path, NULL, &org) == ACCORD_OK);
    CHECK(accord_org_unit_count(org, &n) == ACCORD_OK && n == 7);
    CHECK(accord_weights(org, "population", NULL, &json) == ACCORD_OK && strstr(json, "\"15/26\"") != NULL);
    accord_string_free(json);
    CHECK(accord_weights(org, "sideways", NULL, &json) == ACCORD_EINVALID && json == NULL);
    CHECK(accord_weights(org, "equal", "icb", &json) == ACCORD_ENOTFOUND);
    p = place_ballots();
    CHECK(accord_run_weighted(p, org, "population", "plurality", NULL, NULL, &r) == ACCORD_OK);
    CHECK(accord_result_winner(r, 0, &w) == ACCORD_OK && w == 0);
    accord_result_free(r);
    CHECK(accord_run_weighted(p, org, "group-equal", "borda", NULL,
                              "{\"mode\": \"two-stage\", \"inner\": \"irv\"}", &r) == ACCORD_OK);
    accord_result_free(r);
    CHECK(accord_run_weighted(p, org, "equal", "borda", NULL, "{\"mode\": \"sideways\"}", &r) ==
          ACCORD_EINVALID);
    CHECK(accord_profile_add_ranking_for(p, "zz", a, 3, 1, NULL) == ACCORD_OK);
    CHECK(accord_run_weighted(p, org, "equal", "borda", NULL, NULL, &r) == ACCORD_ENOTFOUND &&
          strstr(accord_last_error(), "zz") != NULL);
    {
        accord_org* missing = NULL;
        CHECK(accord_org_load("/nonexistent/org.csv", NULL, &missing) == ACCORD_EIO && missing == NULL);
    }
    accord_profile_free(p);
    accord_org_free(org);
    accord_org_free(NULL);
    accord_string_free(NULL);
}

/* Motions and seats over tests/data/place_org.csv (p1 30,000 ... p5 3,000 patients). */
static void test_decide_and_apportion(const char* org_path) {
    accord_org* org = NULL;
    char* json = NULL;
    const char* votes =
        "{\"p1\": \"no\", \"p2\": \"yes\", \"p3\": \"yes\", \"p4\": \"yes\", \"p5\": \"abstain\"}";
    CHECK(accord_org_load(org_path, NULL, &org) == ACCORD_OK);
    CHECK(accord_decide(org, votes, NULL, NULL, &json) == ACCORD_OK && json != NULL);
    CHECK(strstr(json, "\"passed\":false") != NULL && strstr(json, "\"need_exact\":\"24501\"") != NULL);
    accord_string_free(json);
    CHECK(accord_decide(org, votes, "{\"preset\": \"simple-majority\"}", NULL, &json) == ACCORD_OK);
    CHECK(strstr(json, "\"passed\":true") != NULL);
    accord_string_free(json);
    CHECK(accord_decide(org, "[[\"p2\",\"yes\"],[\"p3\",\"yes\"],[\"p4\",\"no\"],[\"p5\",\"no\"]]",
                        "{\"preset\": \"simple-majority\"}", "yes", &json) == ACCORD_OK);
    CHECK(strstr(json, "\"casting_vote\":true") != NULL && strstr(json, "\"passed\":true") != NULL);
    accord_string_free(json);
    CHECK(accord_decide(org, votes,
                        "{\"policy\": {\"categories\": {\"routine\": {\"preset\": \"unanimity\"}}}, "
                        "\"category\": \"routine\"}",
                        NULL, &json) == ACCORD_OK &&
          strstr(json, "\"rule\":\"routine\"") != NULL);
    accord_string_free(json);
    json = NULL;
    CHECK(accord_decide(org, "{\"zz\": \"yes\"}", NULL, NULL, &json) == ACCORD_ENOTFOUND && json == NULL &&
          strstr(accord_last_error(), "zz") != NULL);
    CHECK(accord_decide(org, "{\"p1\": \"maybe\"}", NULL, NULL, &json) == ACCORD_EINVALID);
    CHECK(accord_decide(org, votes, "{\"preset\": \"supermajority\"}", NULL, &json) == ACCORD_EINVALID);
    CHECK(accord_decide(org, votes, "{not json", NULL, &json) == ACCORD_EINVALID);
    CHECK(accord_decide(org, votes, NULL, "abstain", &json) == ACCORD_EINVALID);
    CHECK(accord_decide(NULL, votes, NULL, NULL, &json) == ACCORD_EINVALID);
    CHECK(accord_decide(org, NULL, NULL, NULL, &json) == ACCORD_EINVALID);
    /* Custom weights through the API, counted with the scheme "column:KEY". */
    CHECK(accord_org_set_attribute(org, "p1", "votes", "3") == ACCORD_OK);
    CHECK(accord_org_set_attribute(org, "p2", "votes", "1") == ACCORD_OK);
    CHECK(accord_org_set_attribute(org, "p3", "votes", "1") == ACCORD_OK);
    CHECK(accord_org_set_attribute(org, "p4", "votes", "1/2") == ACCORD_OK);
    CHECK(accord_org_set_attribute(org, "p5", "votes", "1/2") == ACCORD_OK);
    CHECK(accord_weights(org, "column:votes", "practice", &json) == ACCORD_OK &&
          strstr(json, "\"share_exact\":\"1/2\"") != NULL);
    accord_string_free(json);
    CHECK(accord_org_set_attribute(org, "zz", "votes", "1") == ACCORD_ENOTFOUND);
    CHECK(accord_org_set_attribute(org, "p1", "", "1") == ACCORD_EINVALID);
    CHECK(accord_org_set_attribute(NULL, "p1", "votes", "1") == ACCORD_EINVALID);
    CHECK(accord_apportion(org, "practice", 7, "{\"method\": \"webster\"}", &json) == ACCORD_OK);
    CHECK(strstr(json, "\"quota_exact\":\"105/26\"") != NULL);
    accord_string_free(json);
    CHECK(accord_apportion(org, "practice", 7, "{\"method\": \"lottery\"}", &json) == ACCORD_EINVALID);
    CHECK(accord_apportion(org, "icb", 7, NULL, &json) == ACCORD_ENOTFOUND);
    CHECK(accord_apportion(org, "practice", 2, "{\"min\": 1}", &json) == ACCORD_EINVALID);
    CHECK(accord_apportion(org, "practice", 2, "{\"colour\": 1}", &json) == ACCORD_EINVALID);
    /* Issue 18: quotas for largest remainder and a modified first divisor, through the options. */
    CHECK(accord_apportion(org, "practice", 7, "{\"quota\": \"droop\"}", &json) == ACCORD_OK);
    CHECK(strstr(json, "\"largest_remainder\":{\"quota\":\"droop\"") != NULL);
    accord_string_free(json);
    CHECK(accord_apportion(org, "practice", 7, "{\"method\": \"sainte-lague\", \"first_divisor\": 1.4}",
                           &json) == ACCORD_OK);
    CHECK(strstr(json, "\"first_divisor\":\"7/5\"") != NULL);
    accord_string_free(json);
    CHECK(accord_apportion(org, "practice", 7, "{\"method\": \"dhondt\", \"first_divisor\": \"7/5\"}",
                           &json) == ACCORD_EINVALID);
    CHECK(json == NULL && strstr(accord_last_error(), "first_divisor") != NULL);
    accord_org_free(org);
}

static int cancel_at_once(double fraction, void* user) {
    (void)fraction;
    ++*(int*)user;
    return 1;
}

static int count_calls(double fraction, void* user) {
    CHECK(fraction >= 0.0 && fraction <= 1.0);
    ++*(int*)user;
    return 0;
}

static void test_analysis(const char* org_path) {
    accord_org* org = NULL;
    accord_profile* p = NULL;
    char *json = NULL, *json2 = NULL;
    const int32_t a[] = {1, 2, 3};
    int calls = 0;
    CHECK(accord_org_load(org_path, NULL, &org) == ACCORD_OK);
    p = place_ballots();

    /* SMAA: the contract keys, the same JSON for 1 and 2 threads, progress reported. */
    CHECK(
        accord_analyse_smaa(
            p, org,
            "{\"rule\": \"borda\", \"sampler\": \"simplex\", \"samples\": 500, \"seed\": 9, \"threads\": 1}",
            count_calls, &calls, &json) == ACCORD_OK);
    CHECK(json && strstr(json, "\"rank_acceptability\":{\"Access\":[") != NULL);
    CHECK(json && strstr(json, "\"winner_probability\"") && strstr(json, "\"samples\":500"));
    CHECK(calls >= 1);
    CHECK(
        accord_analyse_smaa(
            p, org,
            "{\"rule\": \"borda\", \"sampler\": \"simplex\", \"samples\": 500, \"seed\": 9, \"threads\": 2}",
            NULL, NULL, &json2) == ACCORD_OK);
    CHECK(json && json2 && strcmp(json, json2) == 0);
    accord_string_free(json);
    accord_string_free(json2);
    /* Defaults (NULL options) work. */
    CHECK(accord_analyse_smaa(p, org, NULL, NULL, NULL, &json) == ACCORD_OK && json != NULL);
    accord_string_free(json);

    /* Cancelled by the callback: ECANCELLED, out NULL, a message. */
    calls = 0;
    json = (char*)"sentinel";
    CHECK(accord_analyse_smaa(p, org, "{\"rule\": \"borda\", \"samples\": 1000000, \"threads\": 1}",
                              cancel_at_once, &calls, &json) == ACCORD_ECANCELLED);
    CHECK(json == NULL && calls >= 1 && strstr(accord_last_error(), "cancel") != NULL);
    CHECK(accord_analyse_sweep(p, org, NULL, cancel_at_once, &calls, &json) == ACCORD_ECANCELLED &&
          json == NULL);
    CHECK(accord_analyse_tipping(p, org, NULL, cancel_at_once, &calls, &json) == ACCORD_ECANCELLED &&
          json == NULL);

    /* Sweep and tipping. */
    CHECK(accord_analyse_sweep(p, org,
                               "{\"rules\": [\"borda\", \"irv\"], \"schemes\": [\"equal\", \"population\"]}",
                               NULL, NULL, &json) == ACCORD_OK);
    CHECK(json && strstr(json, "\"kendall_tau\"") && strstr(json, "\"movers\""));
    accord_string_free(json);
    CHECK(accord_analyse_tipping(p, org,
                                 "{\"rule\": \"borda\", \"scheme\": \"equal\", \"tolerance\": \"1/1000\"}",
                                 NULL, NULL, &json) == ACCORD_OK);
    CHECK(json && strstr(json, "\"baseline_winner\":\"Access\"") &&
          strstr(json, "\"tolerance_exact\":\"1/1000\""));
    accord_string_free(json);

    /* Misuse: NULL handles and out, bad JSON, unknown or mistyped options, unknown rule. */
    CHECK(accord_analyse_smaa(NULL, org, NULL, NULL, NULL, &json) == ACCORD_EINVALID && json == NULL);
    CHECK(accord_analyse_sweep(p, NULL, NULL, NULL, NULL, &json) == ACCORD_EINVALID && json == NULL);
    CHECK(accord_analyse_tipping(p, org, NULL, NULL, NULL, NULL) == ACCORD_EINVALID);
    CHECK(accord_analyse_smaa(p, org, "{\"sampels\": 10}", NULL, NULL, &json) == ACCORD_EINVALID &&
          strstr(accord_last_error(), "sampels") != NULL && json == NULL);
    CHECK(accord_analyse_sweep(p, org, "{\"rules\": \"borda\", \"shemes\": []}", NULL, NULL, &json) ==
              ACCORD_EINVALID &&
          strstr(accord_last_error(), "shemes") != NULL);
    CHECK(accord_analyse_tipping(p, org, "{\"tolerance\": \"small\"}", NULL, NULL, &json) ==
              ACCORD_EINVALID &&
          strstr(accord_last_error(), "tolerance") != NULL);
    CHECK(accord_analyse_smaa(p, org, "not json", NULL, NULL, &json) == ACCORD_EINVALID);
    CHECK(accord_analyse_smaa(p, org, "{\"samples\": \"ten\"}", NULL, NULL, &json) == ACCORD_EINVALID);
    CHECK(accord_analyse_smaa(p, org, "{\"rule\": \"nosuchrule\", \"samples\": 5}", NULL, NULL, &json) ==
          ACCORD_ENOTFOUND);
    /* Two-stage counts are sampled by perturbing populations (0.5); the shares samplers refuse them. */
    CHECK(accord_analyse_smaa(p, org, "{\"mode\": \"two-stage\", \"sampler\": \"simplex\"}", NULL, NULL,
                              &json) == ACCORD_EUNSUPPORTED);
    CHECK(accord_analyse_tipping(p, org, "{\"mode\": \"two-stage\"}", NULL, NULL, &json) ==
          ACCORD_EUNSUPPORTED);
    /* A ballot whose unit the organisation does not know. */
    CHECK(accord_profile_add_ranking_for(p, "zz", a, 3, 1, NULL) == ACCORD_OK);
    CHECK(accord_analyse_sweep(p, org, NULL, NULL, NULL, &json) == ACCORD_ENOTFOUND &&
          strstr(accord_last_error(), "zz"));
    accord_profile_free(p);
    accord_org_free(org);
}

static int stop_now(double fraction, void* user) {
    (void)fraction;
    (void)user;
    return 1;
}

/* Power under a constitution, and progress from a long count (exact Kemeny). */
static void test_power_org_and_run_progress(const char* org_path) {
    accord_org* org = NULL;
    accord_power_result* pr = NULL;
    accord_profile* p = NULL;
    accord_result* r = NULL;
    const char* json = NULL;
    char names_buf[21][4];
    const char* names[21];
    uint32_t order[21];
    size_t i, s;
    int calls = 0;
    CHECK(accord_org_load(org_path, NULL, &org) == ACCORD_OK);
    /* Double majority of the place: p1 (30,000 of 52,000 patients) and three of five practices. */
    CHECK(accord_power_org(org, "{\"preset\": \"double-majority\"}", "{\"indices\": [\"banzhaf\"]}", NULL,
                           NULL, &pr) == ACCORD_OK);
    CHECK(accord_power_result_json(pr, &json) == ACCORD_OK &&
          strstr(json, "\"swings\":[\"11\",\"3\",\"3\",\"3\",\"3\"]"));
    accord_power_result_free(pr);
    pr = NULL;
    CHECK(accord_power_org(org, "{\"preset\": \"triple-majority\"}", NULL, NULL, NULL, &pr) ==
              ACCORD_EUNSUPPORTED &&
          pr == NULL && strstr(accord_last_error(), "composite") != NULL);
    CHECK(accord_power_org(org, NULL, "{\"unions_by\": \"pcn\", \"indices\": \"owen\"}", NULL, NULL, &pr) ==
          ACCORD_OK);
    accord_power_result_free(pr);
    accord_org_free(org);
    /* 21 rotations of one order of 21 candidates: one strong component, 2^21 subsets. */
    for (i = 0; i < 21; ++i) {
        snprintf(names_buf[i], sizeof names_buf[i], "c%u", (unsigned)i);
        names[i] = names_buf[i];
    }
    CHECK(accord_profile_new(21, names, &p) == ACCORD_OK);
    for (s = 0; s < 21; ++s) {
        for (i = 0; i < 21; ++i) order[i] = (uint32_t)((s + i) % 21);
        CHECK(accord_profile_add_order(p, order, 21, 1, NULL) == ACCORD_OK);
    }
    CHECK(accord_run_progress(p, "kemeny", NULL, count_calls, &calls, &r) == ACCORD_OK && calls > 0);
    accord_result_free(r);
    r = NULL;
    CHECK(accord_run_progress(p, "kemeny", NULL, stop_now, NULL, &r) == ACCORD_ECANCELLED && r == NULL);
    accord_profile_free(p);
}

/* CPO-STV and sequential STV through the options JSON, with progress and cancel, on test_stv's
   profile (A B x10, C D x6, D C x3, B A x2). */
static void test_stv_cpo_and_sequential(accord_profile* p) {
    accord_result* r = NULL;
    size_t n = 0, w0 = 9, w1 = 9;
    int calls = 0;
    const char* json = NULL;
    /* {A, C} beats each of the other five outcomes (by 3 votes at least). */
    CHECK(accord_run_progress(p, "stv", "{\"seats\":2,\"variant\":\"cpo-stv\"}", count_calls, &calls, &r) ==
          ACCORD_OK);
    CHECK(calls >= 2);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 2);
    CHECK(accord_result_winner(r, 0, &w0) == ACCORD_OK && w0 == 0);
    CHECK(accord_result_winner(r, 1, &w1) == ACCORD_OK && w1 == 2);
    CHECK(accord_result_json(r, &json) == ACCORD_OK && strstr(json, "beats every other outcome") != NULL);
    accord_result_free(r);
    r = NULL;
    CHECK(accord_run_progress(p, "stv", "{\"seats\":2,\"variant\":\"cpo-stv\"}", stop_now, NULL, &r) ==
              ACCORD_ECANCELLED &&
          r == NULL);
    CHECK(accord_run(p, "stv", "{\"seats\":2,\"variant\":\"cpo-stv\",\"max_outcomes\":5}", &r) ==
              ACCORD_EINVALID &&
          r == NULL && strstr(accord_last_error(), "max_outcomes") != NULL);
    CHECK(accord_run(p, "stv", "{\"seats\":2,\"variant\":\"sequential-stv\"}", &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 2);
    CHECK(accord_result_winner(r, 0, &w0) == ACCORD_OK && w0 == 0);
    CHECK(accord_result_winner(r, 1, &w1) == ACCORD_OK && w1 == 2);
    accord_result_free(r);
    r = NULL;
    CHECK(accord_run(p, "stv", "{\"seats\":2,\"variant\":\"sequential-stv\",\"transfer\":\"warren\"}", &r) ==
              ACCORD_EINVALID &&
          r == NULL && strstr(accord_last_error(), "only by: cpo-stv") != NULL);
}

/* Sharded counting: two profiles merged exactly, and a summary that round-trips. */
static void test_merge_and_summary(void) {
    const char *ab[] = {"A", "B"}, *cba[] = {"C", "B", "A"};
    accord_profile *p = NULL, *q = NULL, *back = NULL, *bad = NULL;
    accord_result* r = NULL;
    const uint32_t o1[] = {0, 1}, o2[] = {0, 2};
    char* text = NULL;
    const char* s = NULL;
    size_t n = 0, w = 99;
    CHECK(accord_profile_new(2, ab, &p) == ACCORD_OK);
    CHECK(accord_profile_add_order(p, o1, 2, 2, NULL) == ACCORD_OK);
    CHECK(accord_profile_new(3, cba, &q) == ACCORD_OK);
    CHECK(accord_profile_add_order(q, o2, 2, 3, "1/2") == ACCORD_OK); /* C > A, weight 1/2 */
    CHECK(accord_profile_merge(p, q) == ACCORD_OK);
    CHECK(accord_profile_candidate_count(p, &n) == ACCORD_OK && n == 3); /* C appended */
    CHECK(accord_profile_candidate_name(p, 2, &s) == ACCORD_OK && strcmp(s, "C") == 0);
    CHECK(accord_profile_voters(p, &s) == ACCORD_OK && strcmp(s, "5") == 0);
    CHECK(accord_profile_serialize(p, &text) == ACCORD_OK && text && strstr(text, "\"1/2\"") != NULL);
    CHECK(accord_profile_deserialize(text, strlen(text), &back) == ACCORD_OK);
    CHECK(accord_run(back, "plurality", NULL, &r) == ACCORD_OK);
    CHECK(accord_result_winner(r, 0, &w) == ACCORD_OK && w == 0); /* A: 2 against C: 3 x 1/2 */
    accord_result_free(r);
    CHECK(accord_profile_deserialize("{\"format\": \"x\"}", 15, &bad) == ACCORD_EINVALID && bad == NULL &&
          strstr(accord_last_error(), "summary") != NULL);
    accord_string_free(text);
    accord_profile_free(back);
    accord_profile_free(q);
    accord_profile_free(p);
}

/* Bidirectional controls and invisible characters in names: refused by default (naming the way
   to allow them), accepted and counted when allowed; control characters never. */
static void test_hidden_characters(void) {
    const char* const rtl[] = {"A", "B\xE2\x80\xAE"
                                    "C"}; /* U+202E */
    const char* const esc[] = {"A", "\x1b[2J"};
    accord_profile* p = NULL;
    uint64_t before = accord_hidden_names_accepted();
    CHECK(accord_hidden_characters() == 0);
    CHECK(accord_profile_new(2, rtl, &p) == ACCORD_EINVALID && p == NULL);
    CHECK(strstr(accord_last_error(), "ACCORD_HIDDEN_CHARACTERS=allow") != NULL);
    accord_set_hidden_characters(1);
    CHECK(accord_hidden_characters() == 1);
    CHECK(accord_profile_new(2, rtl, &p) == ACCORD_OK && p != NULL);
    CHECK(accord_hidden_names_accepted() == before + 1);
    accord_profile_free(p);
    p = NULL;
    CHECK(accord_profile_new(2, esc, &p) == ACCORD_EINVALID && p == NULL);
    accord_set_hidden_characters(0);
    CHECK(accord_profile_new(2, rtl, &p) == ACCORD_EINVALID && p == NULL);
}

/* 1,960 candidates without a vote are eliminated one per round, each tie the previous one less
 * the candidate it chose (the last in candidate order): past a million tied names IRV keeps such
 * ties as changes, and the accessors still give every tie's candidates, in order or not. */
static void test_many_zero_vote_ties(void) {
    enum { n = 2000, voted = 40 };
    static char text[n][8];
    const char* names[n];
    accord_profile* p = NULL;
    accord_result* r = NULL;
    size_t ties = 0, count = 0, c = 0, i, j;
    int ok = 1;
    for (i = 0; i < n; ++i) {
        snprintf(text[i], sizeof text[i], "c%u", (unsigned)i);
        names[i] = text[i];
    }
    CHECK(accord_profile_new(n, names, &p) == ACCORD_OK);
    for (i = 0; i < voted; ++i) {
        int32_t ranks[n] = {0};
        ranks[i] = 1;
        CHECK(accord_profile_add_ranking(p, ranks, n, (uint64_t)(1 + i), NULL) == ACCORD_OK);
    }
    CHECK(accord_run(p, "irv", NULL, &r) == ACCORD_OK);
    CHECK(accord_result_tie_count(r, &ties) == ACCORD_OK && ties == n - voted - 1);
    for (i = 0; i < ties && ok; ++i) {
        const size_t k = i % 2 ? ties - i : i; /* both ends, inwards: forwards and backwards */
        ok = accord_result_tie_candidate_count(r, k, &count) == ACCORD_OK && count == n - voted - k;
        for (j = 0; j < count && ok; j += 1 + count / 7)
            ok = accord_result_tie_candidate(r, k, j, &c) == ACCORD_OK && c == voted + j;
        ok = ok && accord_result_tie_candidate(r, k, count - 1, &c) == ACCORD_OK && c == n - 1 - k;
        ok = ok && accord_result_tie_chosen(r, k, 0, &c) == ACCORD_OK && c == n - 1 - k;
    }
    CHECK(ok);
    CHECK(accord_result_tie_candidate(r, 5, n - voted - 5, &c) == ACCORD_ENOTFOUND);
    accord_result_free(r);
    accord_profile_free(p);
}

/* Maximal lotteries: the exact lottery as score strings, one recorded draw; the bipartisan set;
 * Dodgson and Young on the same three-cycle. */
static void test_maximal_lotteries(void) {
    const char* names[] = {"a", "b", "c"};
    accord_profile* p = NULL;
    accord_result* r = NULL;
    const uint32_t o1[] = {0, 1, 2}, o2[] = {1, 2, 0}, o3[] = {2, 0, 1};
    size_t n = 0;
    const char* s = NULL;
    CHECK(accord_profile_new(3, names, &p) == ACCORD_OK);
    CHECK(accord_profile_add_order(p, o1, 3, 2, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_order(p, o2, 3, 2, NULL) == ACCORD_OK);
    CHECK(accord_profile_add_order(p, o3, 3, 1, NULL) == ACCORD_OK);
    /* Margins a>b 1, b>c 3, c>a 1: the maximal lottery is (3/5, 1/5, 1/5). */
    CHECK(accord_run(p, "maximal-lotteries", "{\"seed\":2}", &r) == ACCORD_OK);
    CHECK(accord_result_score(r, 0, &s) == ACCORD_OK && s && strcmp(s, "3/5") == 0);
    CHECK(accord_result_score(r, 2, &s) == ACCORD_OK && s && strcmp(s, "1/5") == 0);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 1);
    CHECK(accord_result_tie_count(r, &n) == ACCORD_OK && n == 1);
    accord_result_free(r);
    r = NULL;
    CHECK(accord_run(p, "bipartisan-set", NULL, &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 3);
    accord_result_free(r);
    r = NULL;
    /* Dodgson: a and b need one swap each, c two; Young keeps 3, 3 and 1 voters. */
    CHECK(accord_run(p, "dodgson", NULL, &r) == ACCORD_OK);
    CHECK(accord_result_score(r, 2, &s) == ACCORD_OK && s && strcmp(s, "2") == 0);
    accord_result_free(r);
    r = NULL;
    CHECK(accord_run(p, "young", NULL, &r) == ACCORD_OK);
    CHECK(accord_result_score(r, 0, &s) == ACCORD_OK && s && strcmp(s, "3") == 0);
    accord_result_free(r);
    r = NULL;
    CHECK(accord_run(p, "essential-set", "{\"game\":\"c2\"}", &r) == ACCORD_EINVALID && r == NULL &&
          strstr(accord_last_error(), "game") != NULL);
    accord_profile_free(p);
}

/* A Pabulib file's costs and budget reach the budget rule with no options but the method, and
   survive the profile's summary (docs/methods/budget.md, "Costs and budget from a Pabulib file"). */
static void test_pabulib(void) {
    const char* pb = "META\nkey;value\nbudget;250\nvote_type;approval\nPROJECTS\nproject_id;cost\n"
                     "p1;100\np2;150\np3;90\nVOTES\nvoter_id;vote\nv1;p1,p2\nv2;p2\nv3;p2,p3\n";
    accord_profile* p = NULL;
    accord_result* r = NULL;
    accord_profile* q = NULL;
    char* text = NULL;
    size_t n = 0, w = 9;
    CHECK(accord_profile_load_text(pb, strlen(pb), "t.pb", "auto", NULL, &p) == ACCORD_OK);
    CHECK(accord_run(p, "budget", "{\"method\":\"greedy\"}", &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 2);
    CHECK(accord_result_winner(r, 0, &w) == ACCORD_OK && w == 1);
    CHECK(accord_result_winner(r, 1, &w) == ACCORD_OK && w == 0);
    accord_result_free(r);
    /* the options win: with a budget of 160 only p2 (150) is funded */
    CHECK(accord_run(p, "budget", "{\"method\":\"greedy\",\"budget\":160}", &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 1);
    accord_result_free(r);
    /* the figures read, and set (since 0.5): a budget of 160 on the profile funds p2 alone */
    CHECK(accord_profile_budget_json(p, &text) == ACCORD_OK &&
          strcmp(text, "{\"budget\":\"250\",\"costs\":{\"p1\":\"100\",\"p2\":\"150\",\"p3\":\"90\"}}") == 0);
    accord_string_free(text);
    CHECK(accord_profile_set_budget_json(p, "{\"budget\":\"160\"}") == ACCORD_OK);
    CHECK(accord_run(p, "budget", "{\"method\":\"greedy\"}", &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 1);
    accord_result_free(r);
    CHECK(accord_profile_set_budget_json(p, "{\"costs\":{\"p1\":1}}") == ACCORD_EINVALID &&
          strstr(accord_last_error(), "no cost for 'p2'") != NULL);
    CHECK(accord_profile_set_budget_json(p, "{\"costs\":{\"p9\":1}}") == ACCORD_ENOTFOUND);
    CHECK(accord_profile_set_budget_json(p, "{\"budget\":\"-1\"}") == ACCORD_EINVALID);
    CHECK(accord_profile_budget_json(p, &text) == ACCORD_OK && strstr(text, "\"budget\":\"160\"") != NULL);
    accord_string_free(text);
    CHECK(accord_profile_budget_json(NULL, &text) == ACCORD_EINVALID && text == NULL);
    /* saved as a .pb and read back with the budget set above; CSV would drop it: refused */
    CHECK(accord_profile_save(p, "c_api_test_budget.pb", "pabulib") == ACCORD_OK);
    CHECK(accord_profile_save(p, "c_api_test_budget.csv", "csv") == ACCORD_EUNSUPPORTED &&
          strstr(accord_last_error(), "write pabulib") != NULL);
    CHECK(accord_profile_load("c_api_test_budget.pb", "auto", NULL, &q) == ACCORD_OK);
    CHECK(accord_profile_budget_json(q, &text) == ACCORD_OK && strstr(text, "\"budget\":\"160\"") != NULL);
    accord_string_free(text);
    remove("c_api_test_budget.pb");
    /* shards of another budget do not merge */
    CHECK(accord_profile_set_budget_json(q, "{\"budget\":\"170\"}") == ACCORD_OK);
    CHECK(accord_profile_merge(p, q) == ACCORD_EINVALID &&
          strstr(accord_last_error(), "different budgets") != NULL);
    accord_profile_free(q);
    q = NULL;
    accord_profile_free(p);
    CHECK(accord_profile_load_text(pb, strlen(pb), "t.pb", "pabulib", "{\"lenient\":true}", &p) == ACCORD_OK);
    accord_profile_free(p);
    p = NULL;
    pb = "META\nkey;value\nvote_type;approval\nPROJECTS\nproject_id;cost\np1;100\nVOTES\nvoter_id;vote\n";
    CHECK(accord_profile_load_text(pb, strlen(pb), "t.pb", "pabulib", NULL, &p) == ACCORD_EPARSE &&
          strstr(accord_last_error(), "t.pb:1:1: META has no budget") != NULL);
    /* a vote outside META's limits is refused naming its line and --lenient */
    pb = "META\nkey;value\nbudget;9\nvote_type;approval\nmax_length;1\nPROJECTS\nproject_id;cost\na;1\nb;2\n"
         "VOTES\nvoter_id;vote\n1;a,b\n";
    CHECK(accord_profile_load_text(pb, strlen(pb), "t.pb", "pabulib", NULL, &p) == ACCORD_EPARSE &&
          p == NULL && strstr(accord_last_error(), "t.pb:12:") != NULL &&
          strstr(accord_last_error(), "max_length 1") != NULL);
    /* cumulative votes (points): greedy by points funds c (4 points) then a (3); Equal Shares with
       the points as utilities funds c alone (docs/methods/budget.md, "Points ballots") */
    pb = "META\nkey;value\nbudget;10\nvote_type;cumulative\nPROJECTS\nproject_id;cost\na;6\nb;5\nc;4\n"
         "VOTES\nvoter_id;vote;points\n1;a;3\n2;b,c;2,1\n3;c;3\n";
    CHECK(accord_profile_load_text(pb, strlen(pb), "t.pb", "pabulib", NULL, &p) == ACCORD_OK);
    CHECK(accord_run(p, "budget", "{\"method\":\"greedy\"}", &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 2);
    CHECK(accord_result_winner(r, 0, &w) == ACCORD_OK && w == 2);
    CHECK(accord_result_winner(r, 1, &w) == ACCORD_OK && w == 0);
    accord_result_free(r);
    CHECK(accord_run(p, "budget", "{\"method\":\"equal-shares\"}", &r) == ACCORD_OK);
    CHECK(accord_result_winner_count(r, &n) == ACCORD_OK && n == 1);
    CHECK(accord_result_winner(r, 0, &w) == ACCORD_OK && w == 2);
    accord_result_free(r);
    r = NULL;
    CHECK(accord_run(p, "budget", "{\"method\":\"equal-shares\",\"utilities\":\"cost\"}", &r) ==
              ACCORD_EINVALID &&
          r == NULL && strstr(accord_last_error(), "utilities \"points\"") != NULL);
    CHECK(accord_run(p, "budget", "{\"method\":\"phragmen\"}", &r) == ACCORD_EUNSUPPORTED && r == NULL);
    accord_profile_free(p);
}

int main(int argc, char** argv) {
    if (argc > 1) test_weighting(argv[1]);
    if (argc > 1) test_decide_and_apportion(argv[1]);
    if (argc > 1) test_analysis(argv[1]);
    if (argc > 1) test_power_org_and_run_progress(argv[1]);
    test_power();
    test_irv();
    test_stv();
    test_committee();
    test_ties_and_weights();
    test_many_zero_vote_ties();
    test_misuse();
    test_load_text_and_methods();
    test_csv_intake();
    test_merge_and_summary();
    test_hidden_characters();
    test_maximal_lotteries();
    test_pabulib();
    printf("%d checks, %d failed\n", checks, failures);
    return failures ? EXIT_FAILURE : EXIT_SUCCESS;
}
