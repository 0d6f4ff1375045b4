# accord::header-only: an outside project counts IRV with `double` weights over its own ballot
# storage, from headers alone, and must match the exact count on Burlington 2009
# (tests/consumer_header_only; the data file is ../shared/data, skipped visibly outside CI).
add_test(NAME HeaderOnly.DoubleIrvOnBurlington2009EqualsTheExactCount
  COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/consumer_header_only/run.sh ${PROJECT_SOURCE_DIR}
          "preflib/00005 - burlington/00005-00000002.toi")
set_tests_properties(HeaderOnly.DoubleIrvOnBurlington2009EqualsTheExactCount PROPERTIES
  LABELS "install;no-sanitize" TIMEOUT 600 SKIP_RETURN_CODE 77)
# Power indices from accord/power_dp.hpp alone: exact counts of the 78 Herefordshire and
# Worcestershire practices equal libaccord's pinned values and `double` ones agree within
# rounding; the published textbook games (EU Council, UN Security Council, ...) come out exact.
add_test(NAME HeaderOnly.PowerIndicesOnHerefordshireAndWorcestershireEqualTheExactCount
  COMMAND ${CMAKE_COMMAND} -E env CONSUMER=consumer_header_only_power
          ${CMAKE_CURRENT_SOURCE_DIR}/consumer_header_only/run.sh ${PROJECT_SOURCE_DIR}
          "nhs/practices_herefordshire_worcestershire_2025.csv" "power/power_indices_published.csv")
set_tests_properties(HeaderOnly.PowerIndicesOnHerefordshireAndWorcestershireEqualTheExactCount PROPERTIES
  LABELS "install;no-sanitize" TIMEOUT 600 SKIP_RETURN_CODE 77)
