#include "flowmon/ingest/memory_source.h"

#include "ingest/byte_input.h"
#include "ingest/gzip_source.h"
#include "ingest/stream_source.h"
#include "ingest/whole_source.h"

namespace flowmon {
namespace {

// Owns the bytes that a stream or gzip source reads through a memory
// ByteInput.
class MemorySource : public Source {
 public:
  MemorySource(std::string name, std::string data, size_t block)
      : Source(std::move(name)), data_(std::move(data)) {
    auto input = std::make_unique<ByteInput>(std::string_view(data_));
    if (IsGzip(data_)) {
      inner_ =
          std::make_unique<GzipSource>(this->name(), std::move(input), block);
    } else {
      inner_ =
          std::make_unique<StreamSource>(this->name(), std::move(input), block);
    }
  }
  Status Next(Chunk* chunk) override { return inner_->Next(chunk); }
  void KeepLongLines() override { inner_->KeepLongLines(); }
  uint64_t bytes_consumed() const override { return inner_->bytes_consumed(); }

 private:
  std::string data_;
  std::unique_ptr<Source> inner_;
};

class WholeMemorySource : public WholeSource {
 public:
  WholeMemorySource(std::string name, std::string data)
      : WholeSource(std::move(name)), data_(std::move(data)) {
    set_bytes(data_);
  }

 private:
  std::string data_;
};

}  // namespace

std::unique_ptr<Source> NewMemorySource(std::string name, std::string data,
                                        size_t block) {
  return std::make_unique<MemorySource>(std::move(name), std::move(data),
                                        block);
}

std::unique_ptr<Source> NewWholeMemorySource(std::string name,
                                             std::string data) {
  return std::make_unique<WholeMemorySource>(std::move(name), std::move(data));
}

}  // namespace flowmon
