/*
 * Links the C API only (libaccord): counts ballots that name their practice under several
 * weightings of the practices' organisation and prints each scheme's winner and the largest
 * share any practice holds. Build: examples/CMakeLists.txt, or
 *   cc weighted_count.c $(pkg-config --cflags --libs accord)
 *
 *   weighted_count ORG.csv BALLOTS.csv RULE SCHEME... [-- WITHIN...]
 *   e.g. weighted_count practices.csv tests/data/herefordshire_ballots.csv irv equal sqrt population --
 * U12199 ...
 */
#include <accord/accord.h>

#include <stdio.h>
#include <string.h>

static int fail(const char* what) {
    fprintf(stderr, "weighted_count: %s: %s\n", what, accord_last_error());
    return 1;
}

/* A JSON object {"within": ["A", "B", ...]} of the PCN codes after "--" (none: the whole file). */
static void within_json(int argc, char** argv, int from, char* out, size_t size) {
    size_t used = (size_t)snprintf(out, size, "{\"within\": [");
    for (int i = from; i < argc && used < size; ++i)
        used += (size_t)snprintf(out + used, size - used, "%s\"%s\"", i > from ? ", " : "", argv[i]);
    if (used < size) snprintf(out + used, size - used, "]}");
}

int main(int argc, char** argv) {
    if (argc < 5) {
        fprintf(stderr, "usage: weighted_count ORG.csv BALLOTS.csv RULE SCHEME... [-- WITHIN...]\n");
        return 2;
    }
    if (accord_version_number() != ACCORD_VERSION_NUMBER) {
        fprintf(stderr, "weighted_count: header %d but library %s\n", ACCORD_VERSION_NUMBER,
                accord_version_string());
        return 1;
    }
    int dashes = argc;
    for (int i = 4; i < argc; ++i)
        if (strcmp(argv[i], "--") == 0) {
            dashes = i;
            break;
        }
    char within[2048];
    within_json(argc, argv, dashes + 1, within, sizeof within);

    accord_org* org = NULL;
    accord_profile* ballots = NULL;
    if (accord_org_load(argv[1], dashes < argc ? within : NULL, &org)) return fail(argv[1]);
    if (accord_profile_load(argv[2], "csv", "{\"unit_column\": \"unit\"}", &ballots)) {
        accord_org_free(org);
        return fail(argv[2]);
    }
    const char* voters = NULL;
    size_t units = 0;
    accord_profile_voters(ballots, &voters);
    accord_org_unit_count(org, &units);
    printf("%s ballots; %zu units in the organisation\n", voters, units);
    printf("%-12s %-28s %s\n", "scheme", "winner", "rounds");

    int status = 0;
    for (int i = 4; i < dashes; ++i) {
        accord_result* r = NULL;
        size_t winners = 0, winner = 0, rounds = 0;
        const char* name = "(none)";
        if (accord_run_weighted(ballots, org, argv[i], argv[3], NULL, "{\"mode\": \"normalised\"}", &r)) {
            status = fail(argv[i]);
            break;
        }
        accord_result_winner_count(r, &winners);
        if (winners > 0 && accord_result_winner(r, 0, &winner) == ACCORD_OK)
            accord_profile_candidate_name(ballots, winner, &name);
        accord_result_round_count(r, &rounds);
        printf("%-12s %-28s %zu\n", argv[i], name, rounds);
        accord_result_free(r);
    }
    accord_profile_free(ballots);
    accord_org_free(org);
    return status;
}
