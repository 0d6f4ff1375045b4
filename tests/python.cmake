# Python bindings: unittest suites under tests/python, run against the libaccord just built.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME Python.Bindings
    COMMAND ${Python3_EXECUTABLE} -m unittest discover -s ${CMAKE_CURRENT_SOURCE_DIR}/python -t ${CMAKE_CURRENT_SOURCE_DIR}/python -v)
  set_tests_properties(Python.Bindings PROPERTIES
    LABELS "python;no-sanitize"
    ENVIRONMENT "ACCORD_LIBRARY=$<TARGET_FILE:accord_c>;PYTHONPATH=${PROJECT_SOURCE_DIR}/bindings/python;PYTHONDONTWRITEBYTECODE=1")
else()
  message(WARNING "python3 not found: the Python binding tests will not run")
endif()
