# Public headers: each compiles on its own (included twice, so its guard works too), with the
# project's warnings; and the umbrella accord/accord.hpp includes every public header but
# detail/ and *-inl.hpp ones. A new header that needs something it does not include, or that the
# umbrella forgets, fails here rather than in a user's build.
file(GLOB_RECURSE ACCORD_PUBLIC_HEADERS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/include/accord/*.hpp)
set(_accord_header_sources)
foreach(h IN LISTS ACCORD_PUBLIC_HEADERS)
  file(RELATIVE_PATH rel ${PROJECT_SOURCE_DIR}/include ${h})
  string(MAKE_C_IDENTIFIER ${rel} id)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/headers_alone/${id}.cpp)
  file(CONFIGURE OUTPUT ${out} CONTENT "#include <${rel}>\n#include <${rel}>\n")
  list(APPEND _accord_header_sources ${out})
endforeach()
add_library(accord_headers_alone OBJECT EXCLUDE_FROM_ALL ${_accord_header_sources})
target_link_libraries(accord_headers_alone PRIVATE accord::accord)
# Parsing is what this checks, so no code is generated (-fsyntax-only writes no object: the
# target is rebuilt, i.e. re-checked, on every run), and the headers are checked on every core.
target_compile_options(accord_headers_alone PRIVATE ${ACCORD_WARNINGS} -fsyntax-only)
include(ProcessorCount)
ProcessorCount(_accord_cores)
if(_accord_cores LESS 1)
  set(_accord_cores 2)
endif()
add_test(NAME Headers.EachCompilesAlone
  COMMAND ${CMAKE_COMMAND} --build ${PROJECT_BINARY_DIR} --target accord_headers_alone --parallel ${_accord_cores})
add_test(NAME Headers.UmbrellaIncludesAll
  COMMAND ${CMAKE_COMMAND} -DINCLUDE_DIR=${PROJECT_SOURCE_DIR}/include -P ${CMAKE_CURRENT_SOURCE_DIR}/headers/umbrella_check.cmake)
set_tests_properties(Headers.EachCompilesAlone Headers.UmbrellaIncludesAll PROPERTIES LABELS "headers;no-sanitize")
set_tests_properties(Headers.EachCompilesAlone PROPERTIES TIMEOUT 900 RUN_SERIAL ON)
