# The pattern stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/json_pattern.cc
  ${CMAKE_CURRENT_LIST_DIR}/pattern.cc
  ${CMAKE_CURRENT_LIST_DIR}/pattern_lexer.cc
  ${CMAKE_CURRENT_LIST_DIR}/pattern_parser.cc
  ${CMAKE_CURRENT_LIST_DIR}/pattern_regex.cc
)
