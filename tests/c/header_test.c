/* accord.h compiles alone as strict C99 (built with -std=c99 -Wall -Wextra -pedantic -Werror). */
#include "accord/accord.h"

int main(void) { return accord_version_number() == ACCORD_VERSION_NUMBER ? 0 : 1; }
