/* GMP running out of memory, end to end through the C API (issue 14): run with
 * ACCORD_TEST_GMP_FAIL_ABOVE=4096, so every GMP allocation above 4 KiB fails as if memory had run
 * out. GMP's own allocator would print "GNU MP: Cannot allocate memory" and abort the host; accord
 * installs one that throws, and the C barrier returns ACCORD_ENOMEM. The host then goes on. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

int main(void) {
    const char* names[] = {"X", "Y", "Z"};
    const int32_t xyz[] = {1, 2, 3}, yzx[] = {3, 1, 2};
    accord_profile* p = NULL;
    accord_result* r = NULL;
    size_t w = 99;
    char* big = NULL;
    int k;
    const char* hook = getenv("ACCORD_TEST_GMP_FAIL_ABOVE");
    if (!hook || strcmp(hook, "4096") != 0) {
        fprintf(stderr, "run with ACCORD_TEST_GMP_FAIL_ABOVE=4096 (ctest sets it)\n");
        return 1;
    }
    /* 1. Parsing a weight of 20,001 digits needs a GMP number of about 8 KiB: refused. */
    big = (char*)malloc(20002);
    CHECK(big != NULL);
    if (!big) return 1;
    big[0] = '1';
    memset(big + 1, '0', 20000);
    big[20001] = '\0';
    CHECK(accord_profile_new(3, names, &p) == ACCORD_OK);
    CHECK(accord_profile_add_ranking(p, xyz, 3, 1, big) == ACCORD_ENOMEM);
    CHECK(accord_last_error() && strstr(accord_last_error(), "memory") != NULL);
    free(big);
    /* 2. Mid-count: 2,000 ballots weighted 1/(10^9 + k). Each weight is small, but their exact sum's
       denominator grows past 4 KiB while the count adds them up. */
    for (k = 1; k <= 2000; ++k) {
        char weight[32];
        snprintf(weight, sizeof weight, "1/%d", 1000000000 + k);
        CHECK(accord_profile_add_ranking(p, (k % 3) ? xyz : yzx, 3, 1, weight) == ACCORD_OK);
    }
    CHECK(accord_run(p, "plurality", NULL, &r) == ACCORD_ENOMEM);
    CHECK(r == NULL);
    CHECK(accord_last_error() && strstr(accord_last_error(), "memory") != NULL);
    accord_profile_free(p);
    p = NULL;
    /* 3. The host survives and goes on counting. */
    CHECK(accord_profile_new(3, names, &p) == ACCORD_OK);
    CHECK(accord_profile_add_ranking(p, xyz, 3, 2, "1/3") == ACCORD_OK);
    CHECK(accord_profile_add_ranking(p, yzx, 3, 1, NULL) == ACCORD_OK);
    CHECK(accord_run(p, "plurality", NULL, &r) == ACCORD_OK);
    CHECK(r && accord_result_winner(r, 0, &w) == ACCORD_OK && w == 1);
    accord_result_free(r);
    accord_profile_free(p);
    printf("%d checks, %d failures\n", checks, failures);
    return failures ? 1 : 0;
}
