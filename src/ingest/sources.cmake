# The ingest stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/byte_input.cc
  ${CMAKE_CURRENT_LIST_DIR}/format.cc
  ${CMAKE_CURRENT_LIST_DIR}/gzip_inflate.cc
  ${CMAKE_CURRENT_LIST_DIR}/gzip_source.cc
  ${CMAKE_CURRENT_LIST_DIR}/input_files.cc
  ${CMAKE_CURRENT_LIST_DIR}/line_buffer.cc
  ${CMAKE_CURRENT_LIST_DIR}/mapped_file.cc
  ${CMAKE_CURRENT_LIST_DIR}/memory_source.cc
  ${CMAKE_CURRENT_LIST_DIR}/open_source.cc
  ${CMAKE_CURRENT_LIST_DIR}/pass_through_source.cc
  ${CMAKE_CURRENT_LIST_DIR}/read_as_events.cc
  ${CMAKE_CURRENT_LIST_DIR}/remote_input.cc
  ${CMAKE_CURRENT_LIST_DIR}/stream_source.cc
  ${CMAKE_CURRENT_LIST_DIR}/whole_gzip_source.cc
  ${CMAKE_CURRENT_LIST_DIR}/whole_source.cc
  ${CMAKE_CURRENT_LIST_DIR}/cloudwatch/console_csv.cc
  ${CMAKE_CURRENT_LIST_DIR}/cloudwatch/event_source.cc
  ${CMAKE_CURRENT_LIST_DIR}/cloudwatch/event_writer.cc
  ${CMAKE_CURRENT_LIST_DIR}/cloudwatch/export_file.cc
  ${CMAKE_CURRENT_LIST_DIR}/cloudwatch/json_documents.cc
  ${CMAKE_CURRENT_LIST_DIR}/cloudwatch/json_scan.cc
  ${CMAKE_CURRENT_LIST_DIR}/cloudwatch/log_events.cc
  ${CMAKE_CURRENT_LIST_DIR}/cloudwatch/payload.cc
  ${CMAKE_CURRENT_LIST_DIR}/cloudwatch/subscription_payloads.cc
  ${CMAKE_CURRENT_LIST_DIR}/cloudwatch/tail_output.cc
)
