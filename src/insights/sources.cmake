# The insights stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/evaluator.cc
  ${CMAKE_CURRENT_LIST_DIR}/event_commands.cc
  ${CMAKE_CURRENT_LIST_DIR}/expr_text.cc
  ${CMAKE_CURRENT_LIST_DIR}/field_names.cc
  ${CMAKE_CURRENT_LIST_DIR}/functions.cc
  ${CMAKE_CURRENT_LIST_DIR}/lexer.cc
  ${CMAKE_CURRENT_LIST_DIR}/parser.cc
  ${CMAKE_CURRENT_LIST_DIR}/period.cc
  ${CMAKE_CURRENT_LIST_DIR}/plan_layout.cc
  ${CMAKE_CURRENT_LIST_DIR}/prefilter.cc
  ${CMAKE_CURRENT_LIST_DIR}/query_sink.cc
  ${CMAKE_CURRENT_LIST_DIR}/record_stats.cc
  ${CMAKE_CURRENT_LIST_DIR}/result_stages.cc
  ${CMAKE_CURRENT_LIST_DIR}/result_writer.cc
  ${CMAKE_CURRENT_LIST_DIR}/stats_groups.cc
  ${CMAKE_CURRENT_LIST_DIR}/values.cc
)
