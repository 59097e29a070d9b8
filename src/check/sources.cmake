# The check stage's sources (included by the top-level CMakeLists.txt); see
# loader.h for what each file reads.
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/aws_shared.cc
  ${CMAKE_CURRENT_LIST_DIR}/cloudformation.cc
  ${CMAKE_CURRENT_LIST_DIR}/config_value.cc
  ${CMAKE_CURRENT_LIST_DIR}/describe_output.cc
  ${CMAKE_CURRENT_LIST_DIR}/expectation.cc
  ${CMAKE_CURRENT_LIST_DIR}/flowmon_format.cc
  ${CMAKE_CURRENT_LIST_DIR}/join.cc
  ${CMAKE_CURRENT_LIST_DIR}/loader.cc
  ${CMAKE_CURRENT_LIST_DIR}/selection.cc
  ${CMAKE_CURRENT_LIST_DIR}/terraform.cc
)
