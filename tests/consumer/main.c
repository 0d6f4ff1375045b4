/* Links the installed C API only. */
#include <accord/accord.h>
#include <stdio.h>

int main(void) {
    const char* names[] = {"Yes", "No"};
    accord_profile* p = NULL;
    accord_result* r = NULL;
    const uint32_t yes[] = {0}, no[] = {1};
    size_t w = 9;
    if (accord_version_number() != ACCORD_VERSION_NUMBER) return 1;
    if (accord_profile_new(2, names, &p) || accord_profile_add_order(p, yes, 1, 5, NULL) ||
        accord_profile_add_order(p, no, 1, 3, NULL) || accord_run(p, "plurality", NULL, &r) ||
        accord_result_winner(r, 0, &w)) {
        fprintf(stderr, "%s\n", accord_last_error());
        return 1;
    }
    printf("%s\n", names[w]);
    accord_result_free(r);
    accord_profile_free(p);
    return w == 0 ? 0 : 1;
}
