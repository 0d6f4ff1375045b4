# The HTML report drawn by a real browser: a demo program writes a report, headless Chromium takes
# a screenshot, and a small PNG reader checks that something was drawn. Skips visibly (exit 77)
# when no Chromium is installed (Debian package `chromium`).
add_executable(accord_report_demo ${CMAKE_CURRENT_SOURCE_DIR}/report_demo.cpp)
target_link_libraries(accord_report_demo PRIVATE accord::accord)
add_test(NAME report_renders_in_chromium
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/report_render.sh $<TARGET_FILE:accord_report_demo>
                 ${CMAKE_CURRENT_BINARY_DIR}/report_render ${CMAKE_CURRENT_SOURCE_DIR}/png_check.py)
set_tests_properties(report_renders_in_chromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 180)
