#include "ingest/mapped_file.h"

#include <errno.h>
#include <fmt/format.h>
#include <sys/mman.h>

#include <cstring>

namespace flowmon {

Mapping::~Mapping() {
  if (data_ != nullptr) ::munmap(data_, size_);
}

Status Mapping::Map(int fd, size_t size, const std::string& name) {
  if (size == 0) return Status::Ok();
  void* p = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  if (p == MAP_FAILED) {
    return Status::IoError(
        fmt::format("{}: cannot map file: {}", name, std::strerror(errno)));
  }
  ::madvise(p, size, MADV_SEQUENTIAL | MADV_WILLNEED);
  data_ = p;
  size_ = size;
  return Status::Ok();
}

MappedSource::MappedSource(std::string name, std::unique_ptr<Mapping> mapping)
    : WholeSource(std::move(name)), mapping_(std::move(mapping)) {
  set_bytes(mapping_->view());
}

}  // namespace flowmon
