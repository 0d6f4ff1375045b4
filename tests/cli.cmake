# The CLI contract, tested by driving the built binary from Python (unittest).
find_package(Python3 COMPONENTS Interpreter)
# Tests too slow under a Debug sanitizer build skip themselves (visibly) when this is 1.
if(ACCORD_SANITIZE)
  set(accord_cli_sanitized 1)
else()
  set(accord_cli_sanitized 0)
endif()
if(Python3_Interpreter_FOUND AND TARGET accord_cli)
  add_test(NAME Cli.Contract
    COMMAND ${Python3_EXECUTABLE} -m unittest discover -s ${CMAKE_CURRENT_SOURCE_DIR}/cli -t ${CMAKE_CURRENT_SOURCE_DIR}/cli -v)
  set_tests_properties(Cli.Contract PROPERTIES LABELS cli
    ENVIRONMENT "ACCORD_CLI=$<TARGET_FILE:accord_cli>;PYTHONDONTWRITEBYTECODE=1;ACCORD_SANITIZED=${accord_cli_sanitized};ACCORD_LIBRARY=$<TARGET_FILE:accord_c>;PYTHONPATH=${PROJECT_SOURCE_DIR}/bindings/python")
endif()
