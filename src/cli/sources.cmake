# The cli stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_cli PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/app_walk.cc
  ${CMAKE_CURRENT_LIST_DIR}/chart.cc
  ${CMAKE_CURRENT_LIST_DIR}/check_report.cc
  ${CMAKE_CURRENT_LIST_DIR}/cmd_alarm.cc
  ${CMAKE_CURRENT_LIST_DIR}/cmd_athena.cc
  ${CMAKE_CURRENT_LIST_DIR}/cmd_check.cc
  ${CMAKE_CURRENT_LIST_DIR}/cmd_detect.cc
  ${CMAKE_CURRENT_LIST_DIR}/cmd_fields.cc
  ${CMAKE_CURRENT_LIST_DIR}/cmd_filter.cc
  ${CMAKE_CURRENT_LIST_DIR}/cmd_gen.cc
  ${CMAKE_CURRENT_LIST_DIR}/cmd_metric.cc
  ${CMAKE_CURRENT_LIST_DIR}/cmd_query.cc
  ${CMAKE_CURRENT_LIST_DIR}/cmd_test_pattern.cc
  ${CMAKE_CURRENT_LIST_DIR}/cmd_top.cc
  ${CMAKE_CURRENT_LIST_DIR}/completion.cc
  ${CMAKE_CURRENT_LIST_DIR}/input_options.cc
  ${CMAKE_CURRENT_LIST_DIR}/man_page.cc
  ${CMAKE_CURRENT_LIST_DIR}/metric_options.cc
  ${CMAKE_CURRENT_LIST_DIR}/notify_options.cc
  ${CMAKE_CURRENT_LIST_DIR}/process_output.cc
  ${CMAKE_CURRENT_LIST_DIR}/option_checks.cc
  ${CMAKE_CURRENT_LIST_DIR}/progress.cc
  ${CMAKE_CURRENT_LIST_DIR}/suggest.cc
)
