# The sinks stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/metric.cc
  ${CMAKE_CURRENT_LIST_DIR}/period_builder.cc
  ${CMAKE_CURRENT_LIST_DIR}/printer.cc
  ${CMAKE_CURRENT_LIST_DIR}/top.cc
)
