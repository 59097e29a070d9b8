# The alarm stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/alarm.cc
  ${CMAKE_CURRENT_LIST_DIR}/metric_filter.cc
  ${CMAKE_CURRENT_LIST_DIR}/monitor_set.cc
)
