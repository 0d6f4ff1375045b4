# The resource-exhaustion suite (tests/limits/run.sh): the CLI under `ulimit -v 4 GiB` on tiny
# files declaring huge sizes and on memory-hungry options; each case must answer in seconds with
# a named error. Label "limits" (ctest -L limits). Not under sanitizers: AddressSanitizer
# reserves terabytes of address space, which a virtual-memory limit forbids.
if(TARGET accord_cli AND NOT ACCORD_SANITIZE)
  add_test(NAME Limits.ResourceExhaustion COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/limits/run.sh
    $<TARGET_FILE:accord_cli> ${PROJECT_SOURCE_DIR})
  set_tests_properties(Limits.ResourceExhaustion PROPERTIES LABELS "limits;no-sanitize" TIMEOUT 600)
endif()
