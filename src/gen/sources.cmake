# The gen stage's sources (included by the top-level CMakeLists.txt):
# the model network (model.cc), its baseline, the scenarios, and the
# writers of text, CloudWatch JSON and the S3 layout.
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/baseline.cc
  ${CMAKE_CURRENT_LIST_DIR}/model.cc
  ${CMAKE_CURRENT_LIST_DIR}/record_formatter.cc
  ${CMAKE_CURRENT_LIST_DIR}/scenarios.cc
  ${CMAKE_CURRENT_LIST_DIR}/traffic.cc
  ${CMAKE_CURRENT_LIST_DIR}/writers.cc
)
