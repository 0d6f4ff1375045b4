# The C ABI, checked: the built libaccord must match the committed baseline abi/libaccord.abi
# (abidiff from abigail-tools). An intended change regenerates it with scripts/abi-baseline.
find_program(ACCORD_ABIDIFF abidiff)
if(ACCORD_ABIDIFF)
  add_test(NAME Abi.MatchesBaseline
    COMMAND ${ACCORD_ABIDIFF} --no-show-locs --drop-private-types --headers-dir2 ${PROJECT_SOURCE_DIR}/include/accord
            ${PROJECT_SOURCE_DIR}/abi/libaccord.abi $<TARGET_FILE:accord_c>)
  set_tests_properties(Abi.MatchesBaseline PROPERTIES LABELS "abi;no-sanitize")
else()
  message(STATUS "abidiff not found: the ABI check will not run (install abigail-tools)")
endif()
