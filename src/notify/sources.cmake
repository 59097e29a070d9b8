# The notify stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_notify PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/email_target.cc
  ${CMAKE_CURRENT_LIST_DIR}/exec_target.cc
  ${CMAKE_CURRENT_LIST_DIR}/messages.cc
  ${CMAKE_CURRENT_LIST_DIR}/notifications.cc
  ${CMAKE_CURRENT_LIST_DIR}/notifier.cc
  ${CMAKE_CURRENT_LIST_DIR}/retry.cc
)
