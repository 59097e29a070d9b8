# cmake -DBUILD=DIR -DOUT=DIR -P check_layout.cmake: installs the build
# under OUT/usr as `cmake --install` does and checks that the binary, every
# man page and the three completions land where Debian looks for them.
file(REMOVE_RECURSE ${OUT})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${OUT}/usr
  RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cmake --install failed: ${rc}")
endif()
set(expected bin/flowmon
  share/bash-completion/completions/flowmon
  share/zsh/vendor-completions/_flowmon
  share/fish/vendor_completions.d/flowmon.fish
  share/man/man1/flowmon.1)
foreach(page filter test-pattern metric alarm check top query athena athena-ddl
        athena-sql fields detect gen version completion)
  list(APPEND expected share/man/man1/flowmon-${page}.1)
endforeach()
foreach(f ${expected})
  if(NOT EXISTS ${OUT}/usr/${f})
    message(FATAL_ERROR "not installed: ${f}")
  endif()
  file(SIZE ${OUT}/usr/${f} size)
  if(size EQUAL 0)
    message(FATAL_ERROR "installed empty: ${f}")
  endif()
endforeach()
file(STRINGS ${OUT}/usr/share/bash-completion/completions/flowmon lines REGEX "^complete ")
if(NOT lines STREQUAL "complete -o default -F _flowmon flowmon")
  message(FATAL_ERROR "the bash completion does not register _flowmon: ${lines}")
endif()
message(STATUS "installed: ${expected}")
