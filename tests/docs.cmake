# Documentation checks: the Doxygen C API reference (every public symbol of accord.h documented).
add_test(NAME Docs.CApiReference COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/docs_reference.sh ${PROJECT_BINARY_DIR})
set_tests_properties(Docs.CApiReference PROPERTIES LABELS "docs;no-sanitize" SKIP_RETURN_CODE 77 TIMEOUT 120)
