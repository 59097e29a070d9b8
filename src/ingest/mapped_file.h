// Mapped files: a read-only mapping of a whole regular file, the source
// that hands it out as one chunk, and OnMapping, which keeps a mapping
// alive under a stream that reads from it.
#pragma once

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
  // Holds bytes already in memory (a fetched remote object) instead, so a
  // reader that wants a whole file (Parquet) reads them the same way.
  void Adopt(std::string bytes) { owned_ = std::move(bytes); }
  // The offset of the first page that read as zeros because the file
  // shrank under the mapping (page-aligned), or nullopt.
  std::optional<size_t> cut_at() const;
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
  std::string owned_;
};

// A regular text file, mapped and handed out as one chunk that points into
// the mapping and lives as long as the source.
class MappedSource : public WholeSource {
 public:
  MappedSource(std::string name, std::unique_ptr<Mapping> mapping);

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
