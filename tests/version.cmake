# The version is written once (accord.h) and agrees everywhere: CMake, CLI, C, Python, Doxygen.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND AND TARGET accord_cli)
  add_test(NAME Version.AgreesEverywhere
    COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/version/check_version.py
            ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR} $<TARGET_FILE:accord_cli> $<TARGET_FILE:accord_c>)
  set_tests_properties(Version.AgreesEverywhere PROPERTIES LABELS "no-sanitize"
    ENVIRONMENT "PYTHONDONTWRITEBYTECODE=1")
endif()
