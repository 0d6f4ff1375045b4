# Install the build tree and build an outside consumer against it (find_package and pkg-config).
if(ACCORD_INSTALL)
  add_test(NAME Install.ConsumerBuildsAgainstInstalledPackage
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/consumer/run.sh ${PROJECT_BINARY_DIR})
  set_tests_properties(Install.ConsumerBuildsAgainstInstalledPackage PROPERTIES LABELS "install;no-sanitize" TIMEOUT 600)
endif()
