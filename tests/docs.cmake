# Documentation checks: the Doxygen C API reference (every public symbol of accord.h documented).
add_test(NAME Docs.CApiReference COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/docs_reference.sh ${PROJECT_BINARY_DIR})
set_tests_properties(Docs.CApiReference PROPERTIES LABELS "docs;no-sanitize" SKIP_RETURN_CODE 77 TIMEOUT 120)
# The newcomer test: every ```console command of README.md and docs/guide.md runs against this build
# and prints what the docs say (scripts/newcomer; `scripts/newcomer --fresh` is the full variant on a
# fresh clone, setup included). Labelled so sanitizer runs leave it out.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND AND TARGET accord_cli)
  add_test(NAME Docs.Newcomer COMMAND ${Python3_EXECUTABLE} ${PROJECT_SOURCE_DIR}/scripts/newcomer --build ${PROJECT_BINARY_DIR})
  set_tests_properties(Docs.Newcomer PROPERTIES LABELS "docs;newcomer;no-sanitize" TIMEOUT 300 SKIP_RETURN_CODE 77
    ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
endif()
# The C++ API reference: Doxygen over the public headers (tests/docs_reference_cpp.sh).
add_test(NAME Docs.CppReference COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/docs_reference_cpp.sh ${PROJECT_BINARY_DIR})
set_tests_properties(Docs.CppReference PROPERTIES LABELS "docs;no-sanitize" SKIP_RETURN_CODE 77 TIMEOUT 300)
