# The scan stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/line_scan.cc
  ${CMAKE_CURRENT_LIST_DIR}/prefilter.cc
  ${CMAKE_CURRENT_LIST_DIR}/tokenizer.cc
)
# The fused prefilter scan also comes in AVX2 and AVX-512 builds, chosen at
# run time.
if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64")
  target_sources(flowmon_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/line_scan_avx2.cc
    ${CMAKE_CURRENT_LIST_DIR}/line_scan_avx512.cc)
  set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/line_scan_avx2.cc PROPERTIES COMPILE_OPTIONS "-mavx2;-mpopcnt")
  set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/line_scan_avx512.cc PROPERTIES
    COMPILE_OPTIONS "-mavx2;-mavx512f;-mavx512bw;-mpopcnt;-mbmi;-mbmi2")
  set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/line_scan.cc PROPERTIES COMPILE_DEFINITIONS FLOWMON_HAVE_AVX2_SCAN)
endif()
