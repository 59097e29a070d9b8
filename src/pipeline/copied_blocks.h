// ScanCopied: a stretch of a mapped file scanned from copies of it (pread)
// in blocks of whole lines, instead of through the mapping. On this
// project's machine, faulting a page-cached GiB into a mapping costs more
// system time than copying it, and the scan then reads a block that sits
// in L2 rather than memory (docs/benchmarks.md, "Copied blocks").
#pragma once

#include <cstring>
#include <string_view>
#include <vector>

#include "flowmon/ingest/source.h"

namespace flowmon {

// The bytes of a whole() source's chunk that can be copied out: `data` is
// the stretch being scanned, which begins at byte `offset` of the chunk.
struct CopiedInput {
  const Source* source = nullptr;  // copies_out(); null: scan `data` itself
  std::string_view data;
  size_t offset = 0;
};

// Hands `scan(block, at)` the lines of data[begin, end) (whole lines: end
// is data.size() or just past a newline) in order, as blocks of whole
// lines that start at data[at]. A block is a copy in *buffer (it stays
// valid until the next call) or, for a line longer than the buffer, a view
// of `data` itself once a copy of its last byte says the file still holds
// it. Where a copy comes up short, the file shrank (or a read failed) and
// ends there now: the whole lines copied are scanned and nothing after
// them, *cut is set, and the source reports it at its end of input (the
// caller ends the input there: later stretches are cut too). Returns false
// as soon as scan does. REQUIRES: !buffer->empty() when input.source is
// set.
template <typename ScanFn>
bool ScanCopied(const CopiedInput& input, size_t begin, size_t end,
                std::vector<char>* buffer, bool* cut, ScanFn&& scan) {
  const std::string_view data = input.data;
  *cut = false;
  if (input.source == nullptr) {
    return scan(data.substr(begin, end - begin), begin);
  }
  size_t at = begin;
  while (at < end) {
    const size_t want = std::min(buffer->size(), end - at);
    const size_t got =
        input.source->CopyOut(input.offset + at, buffer->data(), want);
    std::string_view block(buffer->data(), got);
    if (got < want) *cut = true;
    if (at + got < end) {
      const void* nl = ::memrchr(block.data(), '\n', block.size());
      if (nl == nullptr) {
        if (*cut) return true;  // a line cut short by the file's new end
        // A line longer than the buffer, read where it is mapped.
        const size_t line_end = data.find('\n', at + got);
        const size_t stop = line_end >= end ? end : line_end + 1;
        char last;
        if (input.source->CopyOut(input.offset + stop - 1, &last, 1) != 1) {
          *cut = true;  // the mapping reads zeros there now
          return true;
        }
        if (!scan(data.substr(at, stop - at), at)) return false;
        at = stop;
        continue;
      }
      block = block.substr(
          0,
          static_cast<size_t>(static_cast<const char*>(nl) - block.data()) + 1);
    }
    if (!scan(block, at)) return false;
    if (*cut) return true;
    at += block.size();
  }
  return true;
}

}  // namespace flowmon
