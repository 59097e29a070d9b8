# The core stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/caret.cc
  ${CMAKE_CURRENT_LIST_DIR}/csv_writer.cc
  ${CMAKE_CURRENT_LIST_DIR}/dimension_key.cc
  ${CMAKE_CURRENT_LIST_DIR}/flow_fields.cc
  ${CMAKE_CURRENT_LIST_DIR}/header_words.cc
  ${CMAKE_CURRENT_LIST_DIR}/human_text.cc
  ${CMAKE_CURRENT_LIST_DIR}/ip_address.cc
  ${CMAKE_CURRENT_LIST_DIR}/json_writer.cc
  ${CMAKE_CURRENT_LIST_DIR}/key_table.cc
  ${CMAKE_CURRENT_LIST_DIR}/output.cc
  ${CMAKE_CURRENT_LIST_DIR}/percentile.cc
  ${CMAKE_CURRENT_LIST_DIR}/quoted_string.cc
  ${CMAKE_CURRENT_LIST_DIR}/schema.cc
  ${CMAKE_CURRENT_LIST_DIR}/statistics.cc
  ${CMAKE_CURRENT_LIST_DIR}/terminal_text.cc
  ${CMAKE_CURRENT_LIST_DIR}/text_file.cc
  ${CMAKE_CURRENT_LIST_DIR}/text_split.cc
  ${CMAKE_CURRENT_LIST_DIR}/time_util.cc
  ${CMAKE_CURRENT_LIST_DIR}/unknown_fields.cc
  ${CMAKE_CURRENT_LIST_DIR}/xml_writer.cc
)
