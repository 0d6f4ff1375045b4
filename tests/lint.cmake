# Lint.ClangFormat: every tracked C and C++ source is formatted as .clang-format says (the tree was
# reformatted once, in one commit; this keeps it so). Without clang-format or git: a visible
# notice and exit 77 (skipped); under CI=true a failure (scripts/setup.sh installs clang-format).
add_test(NAME Lint.ClangFormat COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/lint/clang_format_check.sh ${PROJECT_SOURCE_DIR})
set_tests_properties(Lint.ClangFormat PROPERTIES LABELS "lint;no-sanitize" SKIP_RETURN_CODE 77 TIMEOUT 300)

# Lint.ClangTidy: .clang-tidy's checks clean on src/, with this build's compile database. A full
# run costs about 20 CPU-minutes (over 10 minutes on 2 cores), so it is opt-in: ACCORD_LINT_TIDY=1, or scripts/lint (skipped
# with a notice otherwise, and when there is no compile_commands.json).
add_test(NAME Lint.ClangTidy COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/lint/clang_tidy_check.sh ${PROJECT_SOURCE_DIR}
                                     ${PROJECT_BINARY_DIR})
set_tests_properties(Lint.ClangTidy PROPERTIES LABELS "lint;no-sanitize" SKIP_RETURN_CODE 77 TIMEOUT 7200)
