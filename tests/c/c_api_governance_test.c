/* The governance C API: a constitution check, a mandate, a record and its verification, over
 * tests/data/governance (argument: that folder). */
#include "check.h"

#include <stdlib.h>
#include <string.h>

static char path_buf[4][1024];

static const char* join(int slot, const char* dir, const char* file) {
    snprintf(path_buf[slot], sizeof path_buf[slot], "%s/%s", dir, file);
    return path_buf[slot];
}

int main(int argc, char** argv) {
    const char* dir = argc > 1 ? argv[1] : "tests/data/governance";
    const char* constitution = join(0, dir, "place.json");
    char* out = NULL;

    CHECK(accord_constitution_check(constitution, "2026-01-15", &out) == ACCORD_OK);
    CHECK(out && strstr(out, "\"severity\":\"warning\"") && !strstr(out, "\"severity\":\"error\""));
    accord_string_free(out);
    out = NULL;
    CHECK(accord_constitution_check(constitution, "15/01/2026", &out) == ACCORD_EINVALID);
    CHECK(out == NULL);
    CHECK(accord_constitution_check(NULL, "2026-01-15", &out) == ACCORD_EINVALID);
    CHECK(strstr(accord_last_error(), "path") != NULL);

    CHECK(accord_mandate(constitution,
                         "{\"body\": \"exec\", \"category\": \"spending\", \"amount\": \"50000\"}",
                         &out) == ACCORD_OK);
    CHECK(out && strstr(out, "\"allowed\":false") && strstr(out, "\"decider\":\"board\""));
    accord_string_free(out);
    out = NULL;
    CHECK(accord_mandate(constitution, "{\"body\": \"nobody\", \"category\": \"spending\"}", &out) ==
          ACCORD_ENOTFOUND);
    CHECK(accord_mandate(constitution, "{\"body\": \"exec\", \"category\": \"spending\", \"colour\": 1}",
                         &out) == ACCORD_EINVALID);

    {
        char inv[3072];
        const char* record_path = "accord_c_governance_record.json";
        snprintf(inv, sizeof inv,
                 "{\"command\": \"vote\", \"constitution\": \"%s\", \"ballots\": \"%s\", \"category\": "
                 "\"priorities\"}",
                 constitution, join(1, dir, "place_priorities.csv"));
        CHECK(accord_record(inv, record_path, &out) == ACCORD_OK);
        CHECK(out && strstr(out, "\"sha256\"") && strstr(out, "\"roll_call\""));
        accord_string_free(out);
        out = NULL;
        CHECK(accord_verify(record_path, &out) == ACCORD_OK);
        CHECK(out && strstr(out, "\"ok\":true"));
        accord_string_free(out);
        out = NULL;
        /* A representative's brief drawn from that vote, recorded and verified in its turn. */
        snprintf(inv, sizeof inv,
                 "{\"command\": \"brief\", \"record\": \"%s\", \"body\": \"board\", \"expires\": "
                 "\"2026-03-31\"}",
                 record_path);
        CHECK(accord_record(inv, "accord_c_governance_brief.json", &out) == ACCORD_OK);
        CHECK(out && strstr(out, "\"vote record\"") && strstr(out, "\"agreed_order\""));
        accord_string_free(out);
        out = NULL;
        CHECK(accord_verify("accord_c_governance_brief.json", &out) == ACCORD_OK);
        CHECK(out && strstr(out, "\"ok\":true") && strstr(out, "the vote record stands"));
        accord_string_free(out);
        out = NULL;
        CHECK(accord_record("{\"command\": \"brief\", \"record\": \"accord_c_governance_brief.json\"}", NULL,
                            &out) == ACCORD_EINVALID);
        remove("accord_c_governance_brief.json");
        CHECK(accord_verify("no_such_record.json", &out) == ACCORD_EIO);
        CHECK(accord_record("{\"command\": \"count\"}", NULL, &out) == ACCORD_EINVALID);
        remove(record_path);
    }
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
