# The pkg-config files, relocatable: each finds the prefix from its own folder (${pcfiledir}),
# going up as many levels as LIBDIR/pkgconfig has (lib/pkgconfig: 2; lib/x86_64-linux-gnu/pkgconfig:
# 3). An absolute LIBDIR or INCLUDEDIR is written as it is.
set(ACCORD_PC_TEMPLATE_DIR ${CMAKE_CURRENT_LIST_DIR})

function(accord_pc_dir_of out dir)
  if(IS_ABSOLUTE "${dir}")
    set(${out} "${dir}" PARENT_SCOPE)
  else()
    set(${out} "\${prefix}/${dir}" PARENT_SCOPE)
  endif()
endfunction()

function(accord_write_pc_files out_dir libdir includedir)
  if(IS_ABSOLUTE "${libdir}")
    set(ACCORD_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
  else()
    # One ".." per component of LIBDIR, plus one for pkgconfig itself.
    string(REGEX REPLACE "/+$" "" trimmed "${libdir}")
    string(REPLACE "/" ";" parts "${trimmed}/pkgconfig")
    set(ACCORD_PC_PREFIX "\${pcfiledir}")
    foreach(part IN LISTS parts)
      if(NOT part STREQUAL "" AND NOT part STREQUAL ".")
        string(APPEND ACCORD_PC_PREFIX "/..")
      endif()
    endforeach()
  endif()
  accord_pc_dir_of(ACCORD_PC_LIBDIR "${libdir}")
  accord_pc_dir_of(ACCORD_PC_INCLUDEDIR "${includedir}")
  configure_file(${ACCORD_PC_TEMPLATE_DIR}/accord.pc.in ${out_dir}/accord.pc @ONLY)
  configure_file(${ACCORD_PC_TEMPLATE_DIR}/accord-cpp.pc.in ${out_dir}/accord-cpp.pc @ONLY)
endfunction()
