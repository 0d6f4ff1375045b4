# The HTML report drawn by a real browser: a report is written (by a demo program over the C++ API,
# and by the CLI's `accord report ... --html`), headless Chromium takes a screenshot and dumps the
# rendered DOM, and tests/png_check.py checks that something was drawn. Without Chromium the tests
# skip visibly (exit 77), except under CI=true, where they fail (scripts/setup.sh installs it).
add_executable(accord_report_demo ${CMAKE_CURRENT_SOURCE_DIR}/report_demo.cpp)
target_link_libraries(accord_report_demo PRIVATE accord::accord)
add_test(NAME report_renders_in_chromium
         COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/report_render.sh ${CMAKE_CURRENT_BINARY_DIR}/report_render
                 ${CMAKE_CURRENT_SOURCE_DIR}/png_check.py $<TARGET_FILE:accord_report_demo>)
set_tests_properties(report_renders_in_chromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "no-sanitize")
if(TARGET accord_cli)
  add_test(NAME Cli.ReportRendersInChromium
           COMMAND sh ${CMAKE_CURRENT_SOURCE_DIR}/report_render.sh ${CMAKE_CURRENT_BINARY_DIR}/report_render_cli
                   ${CMAKE_CURRENT_SOURCE_DIR}/png_check.py $<TARGET_FILE:accord_cli> report
                   ${CMAKE_CURRENT_SOURCE_DIR}/data/place_ballots.csv --org ${CMAKE_CURRENT_SOURCE_DIR}/data/place_org.csv
                   --rules borda,irv,schulze --schemes equal,sqrt,population --samples 2000 --seed 1 --quiet --html)
  set_tests_properties(Cli.ReportRendersInChromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "cli;no-sanitize")
endif()
# accord explore in a real browser: selenium drives chromium through the page's controls and checks
# the numbers against the CLI, then the screenshot (tests/explore_browser.py).
if(TARGET accord_cli)
  add_test(NAME Cli.ExploreInChromium
           COMMAND sh -c "for p in python3 /usr/bin/python3; do if $p -c 'import selenium' 2>/dev/null; then exec $p \"$0\" \"$@\"; fi; done; echo 'SKIP: no python3 with selenium'; exit 77"
                   ${CMAKE_CURRENT_SOURCE_DIR}/explore_browser.py $<TARGET_FILE:accord_cli>
                   ${CMAKE_CURRENT_SOURCE_DIR}/png_check.py ${CMAKE_CURRENT_BINARY_DIR}/explore_browser)
  set_tests_properties(Cli.ExploreInChromium PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300 LABELS "cli;no-sanitize")
endif()
