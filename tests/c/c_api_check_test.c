/* accord_check over tests/data/check (argument: that folder): IRV's monotonicity failure on
 * Tannenbaum's example and seq-Phragmen's EJR failure on Brill et al.'s, then misuse. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

static char path_buf[2][1024];

static const char* join(int slot, const char* dir, const char* file) {
    snprintf(path_buf[slot], sizeof path_buf[slot], "%s/%s", dir, file);
    return path_buf[slot];
}

int main(int argc, char** argv) {
    const char* dir = argc > 1 ? argv[1] : "tests/data/check";
    accord_profile* irv = NULL;
    accord_profile* app = NULL;
    char* out = NULL;

    CHECK(accord_profile_load(join(0, dir, "tannenbaum_irv_monotonicity.soc"), "auto", NULL, &irv) ==
          ACCORD_OK);
    CHECK(accord_profile_load(join(1, dir, "brill_seq_phragmen_ejr.cat"), "auto", NULL, &app) == ACCORD_OK);

    CHECK(accord_check(irv, "irv", "{\"checks\": [\"monotonicity\"]}", &out) == ACCORD_OK);
    CHECK(out && strstr(out, "\"winners\":[\"C\"]") && strstr(out, "\"verdict\":\"fail\""));
    CHECK(out && strstr(out, "the first 4 voter(s) ranking A first and C second swap the two"));
    CHECK(out && strstr(out, "\"witness\"") && strstr(out, "\"winners\":[\"B\"]"));
    accord_string_free(out);
    out = NULL;

    CHECK(accord_check(app, "seq-phragmen",
                       "{\"rule_options\": {\"seats\": 12}, \"checks\": [\"jr\", \"pjr\", \"ejr\"]}",
                       &out) == ACCORD_OK);
    CHECK(out && strstr(out, "{\"name\":\"jr\",\"verdict\":\"pass\""));
    CHECK(out && strstr(out, "{\"name\":\"pjr\",\"verdict\":\"pass\""));
    CHECK(out && strstr(out, "{\"name\":\"ejr\",\"verdict\":\"fail\""));
    CHECK(out && strstr(out, "\"common\":[\"c0\",\"c1\"]") && strstr(out, "\"weight\":\"4\""));
    accord_string_free(out);
    out = NULL;

    /* Misuse: each refused with its status, nothing handed out. */
    CHECK(accord_check(irv, "irv", "{\"checks\": [\"monotony\"]}", &out) == ACCORD_ENOTFOUND);
    CHECK(out == NULL);
    CHECK(accord_check(irv, "irv", "{\"search_limt\": 3}", &out) == ACCORD_EINVALID);
    CHECK(strstr(accord_last_error(), "search_limt") != NULL);
    CHECK(accord_check(irv, "no-such-rule", NULL, &out) == ACCORD_ENOTFOUND);
    CHECK(accord_check(NULL, "irv", NULL, &out) == ACCORD_EINVALID);
    CHECK(accord_check(irv, NULL, NULL, &out) == ACCORD_EINVALID);
    CHECK(accord_check(irv, "irv", NULL, NULL) == ACCORD_EINVALID);

    accord_profile_free(irv);
    accord_profile_free(app);
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
