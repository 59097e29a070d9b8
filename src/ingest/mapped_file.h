// Mapped files: a read-only mapping of a whole regular file, the source
// that hands it out as one chunk, and OnMapping, which keeps a mapping
// alive under a stream that reads from it.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "flowmon/ingest/source.h"
#include "ingest/whole_source.h"

namespace flowmon {

class Mapping {
 public:
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping();

  // Maps the first `size` bytes of fd (nothing when 0). The descriptor may
  // be closed afterwards. `name` is for the error message. If the file
  // shrinks while mapped, reads past its new end see zero bytes instead of
  // raising SIGBUS, and cut_at() says where that began.
  Status Map(int fd, size_t size, const std::string& name);
  // Keeps `fd` (the mapped file, open for reading) for ReadAt, and closes
  // it with the mapping.
  void KeepDescriptor(int fd) { fd_ = fd; }
  // Copies up to `len` bytes from `offset` of the file into `buf` (pread):
  // how many it copied; fewer when the file shrank (cut_at() then says
  // where) or a read failed (read_error()). 0 without a kept descriptor.
  // Thread-safe.
  size_t ReadAt(size_t offset, char* buf, size_t len) const;
  bool can_read_at() const { return fd_ >= 0; }
  // Holds bytes already in memory (a fetched remote object) instead, so a
  // reader that wants a whole file (Parquet) reads them the same way.
  void Adopt(std::string bytes) { owned_ = std::move(bytes); }
  // Where the file was found cut because it shrank while mapped: the first
  // page that read as zeros (page-aligned) or the end of a copy that came
  // up short (ReadAt), whichever is first; nullopt when it did not shrink.
  std::optional<size_t> cut_at() const;
  // The errno of a ReadAt that failed, or 0.
  int read_error() const { return read_errno_.load(); }
  // The mapped or adopted bytes; valid until the Mapping is destroyed.
  std::string_view view() const {
    return data_ != nullptr
               ? std::string_view(static_cast<const char*>(data_), size_)
               : std::string_view(owned_);
  }

 private:
  void* data_ = nullptr;
  size_t size_ = 0;
  void* guard_ = nullptr;  // this mapping's SIGBUS guard slot, or null
  int fd_ = -1;            // KeepDescriptor's, or -1
  mutable std::atomic<size_t> short_at_{SIZE_MAX};  // ReadAt's cut
  mutable std::atomic<int> read_errno_{0};
  std::string owned_;
};

// A regular text file, mapped and handed out as one chunk that points into
// the mapping and lives as long as the source.
class MappedSource : public WholeSource {
 public:
  MappedSource(std::string name, std::unique_ptr<Mapping> mapping);
  size_t CopyOut(size_t offset, char* buf, size_t len) const override {
    return mapping_->ReadAt(offset, buf, len);
  }
  bool copies_out() const override { return mapping_->can_read_at(); }

 protected:
  // An input error when the file shrank during the scan (cut_at()).
  Status Finish() override;

 private:
  std::unique_ptr<Mapping> mapping_;
};

// A `Base` source that reads from `mapping` (a gzip stream over a mapped
// file) and owns it, so the mapping outlives the reads.
template <typename Base>
class OnMapping : public Base {
 public:
  template <typename... Args>
  OnMapping(std::unique_ptr<Mapping> mapping, Args&&... args)
      : Base(std::forward<Args>(args)...), mapping_(std::move(mapping)) {}

 private:
  std::unique_ptr<Mapping> mapping_;
};

}  // namespace flowmon
