# Install the build tree and build an outside consumer against it (find_package and pkg-config).
if(ACCORD_INSTALL)
  add_test(NAME Install.ConsumerBuildsAgainstInstalledPackage
    COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/consumer/run.sh ${PROJECT_BINARY_DIR})
  set_tests_properties(Install.ConsumerBuildsAgainstInstalledPackage PROPERTIES LABELS "install;no-sanitize" TIMEOUT 600)
endif()

# The pkg-config files (cmake/pkg_config.cmake) resolve their paths for any libdir depth, including Debian's multiarch.
add_test(NAME Install.PkgConfigResolvesAnyLibdir
  COMMAND ${CMAKE_COMMAND} -DSOURCE_DIR=${PROJECT_SOURCE_DIR} -DWORK=${CMAKE_CURRENT_BINARY_DIR}/pkg_config_multiarch
          -P ${CMAKE_CURRENT_SOURCE_DIR}/pkg_config/multiarch.cmake)
set_tests_properties(Install.PkgConfigResolvesAnyLibdir PROPERTIES LABELS install)
