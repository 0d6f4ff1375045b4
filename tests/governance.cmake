# The printable declaration of a result (accord declare, docs/governance.md) drawn by a real
# browser, as the report is (tests/report.cmake): headless Chromium takes a screenshot and dumps
# the DOM; tests/png_check.py checks that the page is drawn (the roll-call's dark-blue squares).
if(TARGET accord_cli)
  add_test(NAME Cli.DeclarationRendersInChromium
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/report_render.sh ${CMAKE_CURRENT_BINARY_DIR}/declaration_render
                   ${CMAKE_CURRENT_SOURCE_DIR}/png_check.py sh ${CMAKE_CURRENT_SOURCE_DIR}/declare_writer.sh
                   $<TARGET_FILE:accord_cli> ${PROJECT_SOURCE_DIR})
  set_tests_properties(Cli.DeclarationRendersInChromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "cli;no-sanitize")
endif()
