# Every libFuzzer target of fuzz/, built with the ordinary compiler and a replay driver
# (fuzz/replay_main.cpp), run on the seed files and bad inputs plus deterministic mutations of
# each. Built only with -DACCORD_SANITIZE=address,...: in CI's AddressSanitizer +
# UndefinedBehaviorSanitizer stage this is the brief fuzz run of every target; scripts/fuzz runs
# the real coverage-guided fuzzer (clang, libFuzzer) for as long as asked.
if(NOT ACCORD_FUZZ AND ACCORD_SANITIZE MATCHES "address|ON")
  file(GLOB ACCORD_FUZZ_TARGETS CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/fuzz/fuzz_*.cpp)
  foreach(src IN LISTS ACCORD_FUZZ_TARGETS)
    get_filename_component(name ${src} NAME_WE)
    string(REPLACE "fuzz_" "fuzz_replay_" exe ${name})
    add_executable(${exe} ${src} ${PROJECT_SOURCE_DIR}/fuzz/replay_main.cpp)
    target_link_libraries(${exe} PRIVATE accord::accord)
    if(name STREQUAL "fuzz_capi")
      target_link_libraries(${exe} PRIVATE accord::c) # the shipped shared library, as users link it
    endif()
    if(name STREQUAL "fuzz_cli_args")
      accord_add_cli_sources(${exe}) # the CLI as a function: its sources but main() (CMakeLists.txt)
    endif()
    set(seeds ${PROJECT_SOURCE_DIR}/tests/bad_inputs ${PROJECT_SOURCE_DIR}/tests/data ${PROJECT_SOURCE_DIR}/fuzz/seeds)
    if(name STREQUAL "fuzz_cli_args")
      set(seeds ${PROJECT_SOURCE_DIR}/fuzz/seeds/fuzz_cli_args) # argument vectors, not files
    endif()
    set(mutations 300)
    if(name STREQUAL "fuzz_cli_args")
      set(mutations 100) # each input is a whole CLI run under ASan: about 0.02 s each
    endif()
    add_test(NAME Fuzz.Replay.${name} COMMAND ${exe} --mutations ${mutations} ${seeds})
    set_tests_properties(Fuzz.Replay.${name} PROPERTIES LABELS fuzz TIMEOUT 600)
  endforeach()
endif()
