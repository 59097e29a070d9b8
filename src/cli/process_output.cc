#include "process_output.h"

#include <fmt/format.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <mutex>

#include "flowmon/core/output.h"
#include "flowmon/core/terminal_text.h"

namespace flowmon {
namespace {

// std::mutex: S3 prefetch threads log too (--verbose), beside the main thread.
class TerminalSafeStderrSink final
    : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    spdlog::memory_buf_t formatted;
    formatter_->format(msg, formatted);
    fmt::memory_buffer safe;
    AppendTerminalSafe(&safe,
                       std::string_view(formatted.data(), formatted.size()));
    std::fwrite(safe.data(), 1, safe.size(), stderr);
  }
  void flush_() override { std::fflush(stderr); }
};

}  // namespace

std::shared_ptr<spdlog::logger> NewStderrLogger() {
  return std::make_shared<spdlog::logger>(
      "flowmon", std::make_shared<TerminalSafeStderrSink>());
}

int FinishRun(int code) {
  if (Status s = FinishOutput(stdout, "stdout"); !s.ok()) {
    spdlog::error("{}", s.message());
    return s.exit_code();
  }
  return code;
}

}  // namespace flowmon
