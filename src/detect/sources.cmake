# The detect stage's sources (included by the top-level CMakeLists.txt):
# DetectSink and its detectors, one file each (see src/detect/detector.h).
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/address_list.cc
  ${CMAKE_CURRENT_LIST_DIR}/brute_force.cc
  ${CMAKE_CURRENT_LIST_DIR}/config_file.cc
  ${CMAKE_CURRENT_LIST_DIR}/contact_detectors.cc
  ${CMAKE_CURRENT_LIST_DIR}/detect_config.cc
  ${CMAKE_CURRENT_LIST_DIR}/detect_sink.cc
  ${CMAKE_CURRENT_LIST_DIR}/detector.cc
  ${CMAKE_CURRENT_LIST_DIR}/distinct_counter.cc
  ${CMAKE_CURRENT_LIST_DIR}/exfiltration.cc
  ${CMAKE_CURRENT_LIST_DIR}/finding.cc
  ${CMAKE_CURRENT_LIST_DIR}/finding_book.cc
  ${CMAKE_CURRENT_LIST_DIR}/finding_json.cc
  ${CMAKE_CURRENT_LIST_DIR}/flow.cc
  ${CMAKE_CURRENT_LIST_DIR}/logging_gaps.cc
  ${CMAKE_CURRENT_LIST_DIR}/port_probe.cc
  ${CMAKE_CURRENT_LIST_DIR}/port_scan.cc
  ${CMAKE_CURRENT_LIST_DIR}/traffic_spike.cc
)
