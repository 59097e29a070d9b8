// gzip on arbitrary bytes: inflated whole (InflateGzip), block by block
// with output buffers of every size (GzipInflater, as streams use it), and
// through the memory source's line buffer. All three give the same bytes
// and agree on whether the data is damaged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "flowmon/ingest/format.h"
#include "flowmon/ingest/memory_source.h"
#include "flowmon/scan/tokenizer.h"
#include "fuzz_util.h"
#include "ingest/gzip_inflate.h"

namespace {

// Inflates `gz` feeding `in_block` bytes at a time into an `out_block`
// buffer. A cap on the output keeps a gzip bomb from filling memory.
flowmon::Status Stream(std::string_view gz, size_t in_block, size_t out_block,
                       std::string* out) {
  flowmon::GzipInflater inflater;
  flowmon::Status s = inflater.Init();
  if (!s.ok()) return s;
  std::string buf(out_block, '\0');
  size_t pos = 0;
  while (true) {
    if (inflater.needs_input()) {
      if (pos == gz.size()) return inflater.Finish();
      const size_t n = std::min(in_block, gz.size() - pos);
      inflater.Feed(gz.data() + pos, n);
      pos += n;
    }
    flowmon::Status error;
    const size_t n = inflater.Inflate(buf, &error);
    out->append(buf.data(), n);
    if (!error.ok()) return error;
    if (out->size() > (64 << 20)) return flowmon::Status::Ok();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace flowmon;
  const std::string_view gz(reinterpret_cast<const char*>(bytes), size);
  std::string whole;
  const Status a = InflateGzip(gz, &whole);
  if (whole.size() > (64 << 20)) return 0;
  // Block sizes from the data's length: one byte at a time through whole
  // pages, with output buffers from one byte up.
  const size_t in_block = 1 + size % 61, out_block = 1 + size % 4099;
  std::string streamed;
  const Status b = Stream(gz, in_block, out_block, &streamed);
  // Damage may be found after different amounts of output: compare the
  // bytes of intact data only.
  if (a.ok() != b.ok() || (a.ok() && whole != streamed)) std::abort();

  // Lines longer than kMaxLineBytes are cut short by design.
  if (IsGzip(gz) && whole.size() < kMaxLineBytes) {
    auto source = NewMemorySource("g", std::string(gz), 1 + size % 1024);
    const fuzz::Drained lines = fuzz::Drain(*source);
    // Lines come whole; the last may lack its '\n', which the source adds.
    if (a.ok() && lines.status.ok() && lines.bytes != whole &&
        lines.bytes != whole + "\n")
      std::abort();
  }
  return 0;
}
