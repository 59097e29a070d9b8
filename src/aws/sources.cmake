# The aws stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_aws PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/aws_client.cc
  ${CMAKE_CURRENT_LIST_DIR}/cloudwatch_logs.cc
  ${CMAKE_CURRENT_LIST_DIR}/credentials.cc
  ${CMAKE_CURRENT_LIST_DIR}/curl_library.cc
  ${CMAKE_CURRENT_LIST_DIR}/http.cc
  ${CMAKE_CURRENT_LIST_DIR}/remote_inputs.cc
  ${CMAKE_CURRENT_LIST_DIR}/remote_url.cc
  ${CMAKE_CURRENT_LIST_DIR}/s3.cc
  ${CMAKE_CURRENT_LIST_DIR}/sns.cc
  ${CMAKE_CURRENT_LIST_DIR}/xml_text.cc
)
