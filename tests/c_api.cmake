# C API tests: a plain C program over libaccord, accord.h alone as strict C99, and the exported
# symbol list of the shared library.
add_executable(accord_c_api_test ${CMAKE_CURRENT_SOURCE_DIR}/c/c_api_test.c)
target_link_libraries(accord_c_api_test PRIVATE accord::c)
set_target_properties(accord_c_api_test PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
add_test(NAME CApi.EndToEndAndMisuse COMMAND accord_c_api_test ${CMAKE_CURRENT_SOURCE_DIR}/data/place_org.csv)

add_executable(accord_c_header_test ${CMAKE_CURRENT_SOURCE_DIR}/c/header_test.c)
target_link_libraries(accord_c_header_test PRIVATE accord::c)
set_target_properties(accord_c_header_test PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
target_compile_options(accord_c_header_test PRIVATE -Wall -Wextra -pedantic -Werror)
add_test(NAME CApi.HeaderCompilesAsStrictC99 COMMAND accord_c_header_test)

add_test(NAME CApi.ExportsOnlyAccordSymbols
  COMMAND sh -c "nm -D --defined-only \"$<TARGET_FILE:accord_c>\" | awk '{print $3}' | grep -v '^accord_' | grep . && exit 1 || exit 0")

# The misuse catalogue: every wrong call returns its precise status and names the parameter.
add_executable(accord_c_api_misuse_test ${CMAKE_CURRENT_SOURCE_DIR}/c/c_api_misuse_test.c)
target_link_libraries(accord_c_api_misuse_test PRIVATE accord::c)
set_target_properties(accord_c_api_misuse_test PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
add_test(NAME CApi.MisuseCatalogue COMMAND accord_c_api_misuse_test ${CMAKE_CURRENT_SOURCE_DIR}/data/place_org.csv
  ${CMAKE_CURRENT_SOURCE_DIR}/bad_inputs)

add_executable(accord_c_api_analysis_test ${CMAKE_CURRENT_SOURCE_DIR}/c/c_api_analysis_test.c)
target_link_libraries(accord_c_api_analysis_test PRIVATE accord::c m)
set_target_properties(accord_c_api_analysis_test PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
add_test(NAME CApi.AhpMcdaElectorates COMMAND accord_c_api_analysis_test ${CMAKE_CURRENT_SOURCE_DIR}/data)

# Excel workbooks and NHS England's practice files (0.5); the NHS checks need ../shared/data.
add_executable(accord_c_api_xlsx_nhs_test ${CMAKE_CURRENT_SOURCE_DIR}/c/c_api_xlsx_nhs_test.c)
target_link_libraries(accord_c_api_xlsx_nhs_test PRIVATE accord::c)
set_target_properties(accord_c_api_xlsx_nhs_test PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
add_test(NAME CApi.XlsxAndNhsFiles
  COMMAND accord_c_api_xlsx_nhs_test ${CMAKE_CURRENT_SOURCE_DIR}/data ${PROJECT_SOURCE_DIR}/../shared/data)
# Governance (constitution check, mandate, record, verify): accord_*() over tests/data/governance.
add_executable(accord_c_api_governance_test ${CMAKE_CURRENT_SOURCE_DIR}/c/c_api_governance_test.c)
target_link_libraries(accord_c_api_governance_test PRIVATE accord::c)
set_target_properties(accord_c_api_governance_test PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
add_test(NAME CApi.GovernanceRecordAndVerify COMMAND accord_c_api_governance_test ${CMAKE_CURRENT_SOURCE_DIR}/data/governance
         WORKING_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})

# GMP running out of memory through the C API: ACCORD_TEST_GMP_FAIL_ABOVE makes every GMP
# allocation above 4 KiB fail (src/safety.cpp); each call must return ACCORD_ENOMEM, and the host
# must go on counting afterwards.
add_executable(accord_c_api_gmp_oom_test ${CMAKE_CURRENT_SOURCE_DIR}/c/c_api_gmp_oom_test.c)
target_link_libraries(accord_c_api_gmp_oom_test PRIVATE accord::c)
set_target_properties(accord_c_api_gmp_oom_test PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
add_test(NAME CApi.GmpOutOfMemoryIsAStatus COMMAND accord_c_api_gmp_oom_test)
set_tests_properties(CApi.GmpOutOfMemoryIsAStatus PROPERTIES ENVIRONMENT "ACCORD_TEST_GMP_FAIL_ABOVE=4096")

# accord_check (0.5): the published examples of docs/check.md, through the C API.
add_executable(accord_c_api_check_test ${CMAKE_CURRENT_SOURCE_DIR}/c/c_api_check_test.c)
target_link_libraries(accord_c_api_check_test PRIVATE accord::c)
set_target_properties(accord_c_api_check_test PROPERTIES C_STANDARD 99 C_STANDARD_REQUIRED ON C_EXTENSIONS OFF)
add_test(NAME CApi.CheckFindsPublishedFailures COMMAND accord_c_api_check_test ${CMAKE_CURRENT_SOURCE_DIR}/data/check)
