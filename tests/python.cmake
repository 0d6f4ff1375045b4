# Python bindings: unittest suites under tests/python, run against the libaccord just built.
find_package(Python3 COMPONENTS Interpreter)
if(Python3_Interpreter_FOUND)
  add_test(NAME Python.Bindings
    COMMAND ${Python3_EXECUTABLE} -m unittest discover -s ${CMAKE_CURRENT_SOURCE_DIR}/python -t ${CMAKE_CURRENT_SOURCE_DIR}/python -v)
  set_tests_properties(Python.Bindings PROPERTIES
    LABELS "python;no-sanitize"
    ENVIRONMENT "ACCORD_LIBRARY=$<TARGET_FILE:accord_c>;PYTHONPATH=${PROJECT_SOURCE_DIR}/bindings/python;PYTHONDONTWRITEBYTECODE=1;ACCORD_CLI=$<$<TARGET_EXISTS:accord_cli>:$<TARGET_FILE:accord_cli>>")
  # DataFrames: under a python3 that has pandas (Debian's /usr/bin/python3); skipped visibly without.
  add_test(NAME Python.Frames COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/python_frames/run.sh)
  set_tests_properties(Python.Frames PROPERTIES LABELS "python;no-sanitize" SKIP_RETURN_CODE 77
    ENVIRONMENT "ACCORD_LIBRARY=$<TARGET_FILE:accord_c>;PYTHONPATH=${PROJECT_SOURCE_DIR}/bindings/python;PYTHONDONTWRITEBYTECODE=1")
  # The wheel (scripts/python-package), installed offline and imported outside the source tree.
  add_test(NAME Python.Package COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/python_package.sh ${PROJECT_BINARY_DIR})
  set_tests_properties(Python.Package PROPERTIES LABELS "python;no-sanitize" TIMEOUT 120)
else()
  message(WARNING "python3 not found: the Python binding tests will not run")
endif()

# accord.plots needs matplotlib, which pyenv's python3 may not see although Debian's
# python3-matplotlib is installed: run.sh picks the first interpreter that imports it, else skips
# with a notice (exit 77; a failure under CI=true).
add_test(NAME Python.Plots
  COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/python_plots/run.sh /usr/bin/python3 ${Python3_EXECUTABLE})
set_tests_properties(Python.Plots PROPERTIES
  LABELS "python;no-sanitize" SKIP_RETURN_CODE 77 TIMEOUT 300
  ENVIRONMENT "ACCORD_LIBRARY=$<TARGET_FILE:accord_c>;PYTHONPATH=${PROJECT_SOURCE_DIR}/bindings/python;PYTHONDONTWRITEBYTECODE=1;MPLBACKEND=Agg")
# accord.dask on a 2-process LocalCluster: Debian's python3-dask/python3-distributed live under
# /usr/bin/python3 (pyenv's interpreter may not see them); the suite skips visibly without them.
if(EXISTS /usr/bin/python3)
  add_test(NAME Python.Dask
    COMMAND /usr/bin/python3 -m unittest discover -s ${CMAKE_CURRENT_SOURCE_DIR}/python_dask -t ${CMAKE_CURRENT_SOURCE_DIR}/python_dask -v)
  set_tests_properties(Python.Dask PROPERTIES LABELS "python;no-sanitize" TIMEOUT 120
    ENVIRONMENT "ACCORD_LIBRARY=$<TARGET_FILE:accord_c>;PYTHONPATH=${PROJECT_SOURCE_DIR}/bindings/python;PYTHONDONTWRITEBYTECODE=1")
endif()

# docs/analysis.md's walkthrough as a notebook (examples/notebook), executed with nbclient.
add_test(NAME Python.Notebook
  COMMAND sh -c "for p in python3 /usr/bin/python3; do if $p -c 'import nbclient' 2>/dev/null; then exec $p \"$0\"; fi; done; exec python3 \"$0\""
          ${CMAKE_CURRENT_SOURCE_DIR}/notebook_run.py)
set_tests_properties(Python.Notebook PROPERTIES LABELS "python;no-sanitize" SKIP_RETURN_CODE 77 TIMEOUT 300
  ENVIRONMENT "ACCORD_LIBRARY=$<TARGET_FILE:accord_c>;PYTHONPATH=${PROJECT_SOURCE_DIR}/bindings/python;PYTHONDONTWRITEBYTECODE=1")
