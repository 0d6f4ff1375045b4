/* Excel workbooks and NHS England's practice files through the C API (0.5), in plain C99.
 * Usage: accord_c_api_xlsx_nhs_test TESTS_DATA_DIR SHARED_DATA_DIR */
#include "accord/accord.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static char path_buf[2048];
static const char* path(const char* dir, const char* name) {
    snprintf(path_buf, sizeof path_buf, "%s/%s", dir, name);
    return path_buf;
}

static void workbooks(const char* data) {
    accord_profile* p = NULL;
    accord_result* r = NULL;
    const char* json = NULL;
    CHECK(accord_profile_load(path(data, "forms/excel_two_sheets.xlsx"), "xlsx",
                              "{\"sheet\": \"Ballots\", \"count_column\": \"count\"}", &p) == ACCORD_OK);
    CHECK(accord_run(p, "irv", NULL, &r) == ACCORD_OK);
    CHECK(accord_result_json(r, &json) == ACCORD_OK);
    CHECK(json && strstr(json, "\"winners\":[\"Frailty\"]") != NULL);
    accord_result_free(r);
    accord_profile_free(p);
    p = NULL;
    /* Detected by extension with NULL format; a missing sheet is ENOTFOUND naming the sheets. */
    CHECK(accord_profile_load(path(data, "forms/excel_rank_columns.xlsx"), NULL, NULL, &p) == ACCORD_OK);
    accord_profile_free(p);
    p = NULL;
    CHECK(accord_profile_load(path(data, "forms/excel_two_sheets.xlsx"), NULL, "{\"sheet\": \"Nope\"}", &p) ==
          ACCORD_ENOTFOUND);
    CHECK(p == NULL && strstr(accord_last_error(), "'Notes', 'Ballots'") != NULL);
    CHECK(accord_profile_load(path(data, "forms/bad_huge_dimension.xlsx"), NULL, NULL, &p) == ACCORD_EPARSE);
    CHECK(strstr(accord_last_error(), "xlsx_max_cells") != NULL);
    CHECK(accord_profile_load(path(data, "forms/excel_rank_columns.xlsx"), NULL, "{\"xlsx_max_bytes\": 0}",
                              &p) == ACCORD_EINVALID);
    CHECK(accord_profile_load(path(data, "place_ballots.csv"), NULL, "{\"sheet\": \"Sheet1\"}", &p) ==
          ACCORD_EINVALID);
}

static void nhs(const char* shared) {
    char map[2048], sizes[2048];
    char *csv = NULL, *report = NULL, *weights = NULL;
    accord_org* org = NULL;
    FILE* f;
    snprintf(map, sizeof map, "%s/nhs/raw/gp-reg-pat-prac-map_2025-10.csv", shared);
    snprintf(sizes, sizeof sizes, "%s/nhs/raw/gp-reg-pat-prac-all_2025-04.csv", shared);
    f = fopen(map, "rb");
    if (!f) {
        const char* ci = getenv("CI");
        if (ci && *ci && strcmp(ci, "0") != 0 && strcmp(ci, "false") != 0)
            CHECK(!"shared data missing under CI");
        else
            fprintf(stderr, "NOTICE: shared data not found, NHS checks skipped: %s\n", map);
        return;
    }
    fclose(f);
    CHECK(accord_org_join_nhs(map, sizes, NULL, &csv, &report) == ACCORD_OK);
    CHECK(csv && strncmp(csv, "practice_code,practice_name,", 28) == 0);
    CHECK(report && strstr(report, "\"practices\":6202") != NULL);
    CHECK(report && strstr(report, "\"mapping_extract_date\":\"2025-10-01\"") != NULL);
    accord_string_free(csv);
    accord_string_free(report);
    CHECK(accord_org_join_nhs(map, sizes, "{\"x\": 1}", &csv, NULL) == ACCORD_EINVALID);
    CHECK(csv == NULL);
    CHECK(accord_org_join_nhs(sizes, map, NULL, &csv, NULL) == ACCORD_EPARSE); /* swapped */
    {
        char options[4200];
        snprintf(options, sizeof options, "{\"list_sizes\": \"%s\", \"within\": [\"QGH\"]}", sizes);
        CHECK(accord_org_load(map, options, &org) == ACCORD_OK);
    }
    CHECK(accord_weights(org, "population", NULL, &weights) == ACCORD_OK);
    CHECK(weights && strstr(weights, "\"list_size_extract_date\":\"2025-04-01\"") != NULL);
    accord_string_free(weights);
    accord_org_free(org);
}

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s TESTS_DATA_DIR SHARED_DATA_DIR\n", argv[0]);
        return 2;
    }
    workbooks(argv[1]);
    nhs(argv[2]);
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
