/* The C tests' one assertion: CHECK(cond) counts, and on failure prints the condition and
 * accord_last_error() and goes on. Each test's main() reports `checks` and `failures`. */
#ifndef ACCORD_TEST_CHECK_H
#define ACCORD_TEST_CHECK_H

#include "accord/accord.h"

#include <stdio.h>

static int failures = 0, checks = 0;

#define CHECK(cond) \
  do { \
    ++checks; \
    if (!(cond)) { \
      ++failures; \
      fprintf(stderr, "%s:%d: check failed: %s (last error: %s)\n", __FILE__, __LINE__, #cond, \
              accord_last_error()); \
    } \
  } while (0)

#endif
