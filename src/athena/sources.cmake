# The athena stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/ddl.cc
  ${CMAKE_CURRENT_LIST_DIR}/detect_sql.cc
  ${CMAKE_CURRENT_LIST_DIR}/insights_sql.cc
  ${CMAKE_CURRENT_LIST_DIR}/pattern_sql.cc
  ${CMAKE_CURRENT_LIST_DIR}/sql_common.cc
)
