// Status and Result<T>: how the engine reports user and input errors without
// exceptions, and the process exit codes the CLI maps them to.
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace flowmon {

// Process exit codes shared by every subcommand (docs/exit-codes.md).
enum ExitCode : int {
  kExitOk = 0,       // filter: something matched
  kExitNoMatch = 1,  // filter: nothing matched
  kExitUsage = 2,    // bad flag, bad pattern, bad format
  kExitInput = 3,    // unreadable file, corrupt gzip, too many bad lines
};

// A Status is OK or carries a code and a message. Cheap to copy when OK.
class Status {
 public:
  enum class Code { kOk, kInvalidArgument, kIoError, kCorrupt };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string msg) {
    return Status(Code::kInvalidArgument, std::move(msg));
  }
  static Status IoError(std::string msg) {
    return Status(Code::kIoError, std::move(msg));
  }
  static Status Corrupt(std::string msg) {
    return Status(Code::kCorrupt, std::move(msg));
  }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  // The exit code this status maps to when it ends the process.
  int exit_code() const {
    switch (code_) {
      case Code::kOk:
        return kExitOk;
      case Code::kInvalidArgument:
        return kExitUsage;
      case Code::kIoError:
      case Code::kCorrupt:
        return kExitInput;
    }
    return kExitUsage;
  }

 private:
  Status(Code code, std::string msg) : code_(code), message_(std::move(msg)) {}
  Code code_ = Code::kOk;
  std::string message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T& operator*() { return *value_; }
  T* operator->() { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace flowmon
