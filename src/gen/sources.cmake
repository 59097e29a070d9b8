# The gen stage's sources (included by the top-level CMakeLists.txt).
target_sources(flowmon_core PRIVATE
)
