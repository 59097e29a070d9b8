// The outputs of `flowmon gen`: text lines, filter-log-events JSON, and the
// S3 layout of gzip objects.
#include <fmt/format.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

#include "flowmon/core/json_writer.h"
#include "flowmon/core/output.h"
#include "flowmon/core/time_util.h"
#include "flowmon/gen/output.h"
#include "flowmon/gen/prng.h"

namespace flowmon::gen {
namespace {

// Writes and flushes (a live pipe gets each batch as it is made). A
// failure reads as every command's ("cannot write to stdout: REASON") and
// is reported once. A reader that went away (EPIPE, with SIGPIPE ignored)
// is not an error, as for every command: the failed write has ended the
// input (the CLI's SetStdoutFailureListener), and `gen` stops on that.
Status WriteAll(std::FILE* out, std::string_view data) {
  if (WriteOutput(out, data) && FlushOutput(out)) return Status::Ok();
  return FinishOutput(out, "stdout");
}

class TextWriter : public RecordWriter {
 public:
  TextWriter(std::FILE* out, RecordFormatter formatter, bool header)
      : out_(out), formatter_(std::move(formatter)), header_(header) {}
  Status Write(std::span<const GenRecord> records) override {
    buffer_.clear();
    if (header_) {
      buffer_ = formatter_.HeaderLine() + "\n";
      header_ = false;
    }
    for (const GenRecord& r : records) {
      formatter_.Append(r, &buffer_);
      buffer_.push_back('\n');
    }
    return WriteAll(out_, buffer_);
  }
  Status Finish() override {
    return header_ ? WriteAll(out_, formatter_.HeaderLine() + "\n")
                   : Status::Ok();
  }

 private:
  std::FILE* out_;
  RecordFormatter formatter_;
  bool header_;
  std::string buffer_;
};

class CloudWatchWriter : public RecordWriter {
 public:
  CloudWatchWriter(std::FILE* out, RecordFormatter formatter,
                   const std::vector<GenHost>& hosts)
      : out_(out), formatter_(std::move(formatter)), hosts_(hosts) {}
  Status Write(std::span<const GenRecord> records) override {
    fmt::memory_buffer b;
    if (next_id_ == 0) b.append(std::string_view("{\n    \"events\": ["));
    for (const GenRecord& r : records) {
      line_.clear();
      formatter_.Append(r, &line_);
      const std::string stream = hosts_[r.host].eni + "-all";
      streams_.insert(stream);
      fmt::format_to(std::back_inserter(b),
                     "{}\n        {{\n            \"logStreamName\": ",
                     next_id_ == 0 ? "" : ",");
      AppendJsonString(&b, stream);
      fmt::format_to(
          std::back_inserter(b),
          ",\n            \"timestamp\": {},\n            \"message\": ",
          r.start * 1000);
      AppendJsonString(&b, line_);
      fmt::format_to(std::back_inserter(b),
                     ",\n            \"ingestionTime\": {},\n            "
                     "\"eventId\": \"{:032}\"\n        }}",
                     (r.end + 300) * 1000, next_id_);
      ++next_id_;
    }
    return WriteAll(out_, std::string_view(b.data(), b.size()));
  }
  Status Finish() override {
    fmt::memory_buffer b;
    if (next_id_ == 0) b.append(std::string_view("{\n    \"events\": ["));
    b.append(std::string_view("\n    ],\n    \"searchedLogStreams\": ["));
    bool first = true;
    for (const std::string& s : streams_) {
      b.append(std::string_view(first ? "\n" : ",\n"));
      first = false;
      b.append(std::string_view("        {\n            \"logStreamName\": "));
      AppendJsonString(&b, s);
      b.append(std::string_view(
          ",\n            \"searchedCompletely\": true\n        }"));
    }
    b.append(std::string_view("\n    ]\n}\n"));
    return WriteAll(out_, std::string_view(b.data(), b.size()));
  }

 private:
  std::FILE* out_;
  RecordFormatter formatter_;
  const std::vector<GenHost>& hosts_;
  std::set<std::string> streams_;
  uint64_t next_id_ = 0;
  std::string line_;
};

class S3Writer : public RecordWriter {
 public:
  S3Writer(std::string dir, RecordFormatter formatter, const GenConfig& config)
      : dir_(std::move(dir)),
        formatter_(std::move(formatter)),
        config_(config) {}
  ~S3Writer() override { Close(); }

  Status Write(std::span<const GenRecord> records) override {
    for (const GenRecord& r : records) {
      const int64_t period =
          r.start - ((r.start % kPeriod) + kPeriod) % kPeriod;
      if (file_ == nullptr || period != period_) {
        if (Status s = Open(period); !s.ok()) return s;
      }
      line_.clear();
      formatter_.Append(r, &line_);
      line_.push_back('\n');
      if (gzwrite(file_, line_.data(), static_cast<unsigned>(line_.size())) <=
          0) {
        return Status::IoError(fmt::format("write error on {}", path_));
      }
    }
    return Status::Ok();
  }
  Status Finish() override { return Close(); }

 private:
  static constexpr int64_t kPeriod = 300;  // AWS delivers every 5 minutes

  Status Close() {
    if (file_ == nullptr) return Status::Ok();
    const int rc = gzclose(file_);
    file_ = nullptr;
    return rc == Z_OK
               ? Status::Ok()
               : Status::IoError(fmt::format("write error on {}", path_));
  }

  Status Open(int64_t period) {
    if (Status s = Close(); !s.ok()) return s;
    period_ = period;
    const UtcTime t = ToUtc(period * 1000);
    const std::string folder =
        fmt::format("{}/AWSLogs/{}/vpcflowlogs/{}/{:04}/{:02}/{:02}", dir_,
                    config_.account, config_.region, t.year, t.month, t.day);
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
      return Status::IoError(
          fmt::format("cannot create {}: {}", folder, ec.message()));
    }
    uint64_t h = config_.seed ^ static_cast<uint64_t>(period);
    path_ = fmt::format(
        "{}/{}_vpcflowlogs_{}_fl-0a1b2c3d4e5f60718_{:04}{:02}{:02}T{:02}{:02}Z_"
        "{:08x}.log.gz",
        folder, config_.account, config_.region, t.year, t.month, t.day, t.hour,
        t.minute, static_cast<uint32_t>(SplitMix64(&h)));
    file_ = gzopen(path_.c_str(), "wb6");
    if (file_ == nullptr) {
      return Status::IoError(
          fmt::format("cannot create {}: {}", path_, std::strerror(errno)));
    }
    gzbuffer(file_, 1 << 17);
    const std::string header = formatter_.HeaderLine() + "\n";
    if (gzwrite(file_, header.data(), static_cast<unsigned>(header.size())) <=
        0) {
      return Status::IoError(fmt::format("write error on {}", path_));
    }
    return Status::Ok();
  }

  std::string dir_;
  RecordFormatter formatter_;
  GenConfig config_;
  gzFile file_ = nullptr;
  int64_t period_ = 0;
  std::string path_, line_;
};

}  // namespace

std::unique_ptr<RecordWriter> NewTextWriter(std::FILE* out,
                                            RecordFormatter formatter,
                                            bool header) {
  return std::make_unique<TextWriter>(out, std::move(formatter), header);
}

std::unique_ptr<RecordWriter> NewCloudWatchWriter(
    std::FILE* out, RecordFormatter formatter,
    const std::vector<GenHost>& hosts) {
  return std::make_unique<CloudWatchWriter>(out, std::move(formatter), hosts);
}

std::unique_ptr<RecordWriter> NewS3Writer(std::string dir,
                                          RecordFormatter formatter,
                                          const GenConfig& config) {
  return std::make_unique<S3Writer>(std::move(dir), std::move(formatter),
                                    config);
}

}  // namespace flowmon::gen
