# accord::header-only: an outside project counts IRV with `double` weights over its own ballot
# storage, from headers alone, and must match the exact count on Burlington 2009
# (tests/consumer_header_only; the data file is ../shared/data, skipped visibly outside CI).
add_test(NAME HeaderOnly.DoubleIrvOnBurlington2009EqualsTheExactCount
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/consumer_header_only/run.sh ${PROJECT_SOURCE_DIR}
          "preflib/00005 - burlington/00005-00000002.toi")
set_tests_properties(HeaderOnly.DoubleIrvOnBurlington2009EqualsTheExactCount PROPERTIES
  LABELS "install;no-sanitize" TIMEOUT 600 SKIP_RETURN_CODE 77)
