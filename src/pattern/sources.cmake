# The pattern stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/bit_parallel_regex.cc
  ${CMAKE_CURRENT_LIST_DIR}/compare.cc
  ${CMAKE_CURRENT_LIST_DIR}/filter_regex.cc
  ${CMAKE_CURRENT_LIST_DIR}/format_fit.cc
  ${CMAKE_CURRENT_LIST_DIR}/json_evaluator.cc
  ${CMAKE_CURRENT_LIST_DIR}/json_event.cc
  ${CMAKE_CURRENT_LIST_DIR}/json_parser.cc
  ${CMAKE_CURRENT_LIST_DIR}/json_path.cc
  ${CMAKE_CURRENT_LIST_DIR}/json_selector.cc
  ${CMAKE_CURRENT_LIST_DIR}/pattern.cc
  ${CMAKE_CURRENT_LIST_DIR}/pattern_set.cc
  ${CMAKE_CURRENT_LIST_DIR}/space_delimited_lexer.cc
  ${CMAKE_CURRENT_LIST_DIR}/space_delimited_parser.cc
  ${CMAKE_CURRENT_LIST_DIR}/term_parser.cc
)
