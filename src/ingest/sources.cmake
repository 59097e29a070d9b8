# The ingest stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/cloudwatch_input.cc
  ${CMAKE_CURRENT_LIST_DIR}/input_files.cc
  ${CMAKE_CURRENT_LIST_DIR}/line_buffer.cc
  ${CMAKE_CURRENT_LIST_DIR}/source.cc
)
