# The pipeline stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/diagnostics.cc
  ${CMAKE_CURRENT_LIST_DIR}/header_line.cc
  ${CMAKE_CURRENT_LIST_DIR}/needed_fields.cc
  ${CMAKE_CURRENT_LIST_DIR}/pipeline.cc
  ${CMAKE_CURRENT_LIST_DIR}/task_pool.cc
)
