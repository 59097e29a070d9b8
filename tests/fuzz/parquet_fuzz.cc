// Parquet files on arbitrary bytes: the footer (Thrift compact protocol),
// the schema, column chunks, pages (plain, dictionary, RLE/bit-packed,
// GZIP and SNAPPY) read as text lines, and those lines through the
// pipeline as a Parquet input is read.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fuzz_util.h"
#include "ingest/mapped_file.h"
#include "ingest/parquet/parquet_source.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* bytes, size_t size) {
  using namespace flowmon;
  using namespace flowmon::fuzz;
  const std::string data(reinterpret_cast<const char*>(bytes), size);
  auto mapping = std::make_unique<Mapping>();
  mapping->Adopt(data);
  Result<std::unique_ptr<Source>> source =
      OpenParquetSource("p.parquet", std::move(mapping));
  if (!source.ok()) return 0;
  (void)Drain(**source);

  mapping = std::make_unique<Mapping>();
  mapping->Adopt(data);
  source = OpenParquetSource("p.parquet", std::move(mapping));
  if (!source.ok()) std::abort();  // opened once
  TouchingSink sink;
  RunOn(std::move(*source), PipelineOptions{}, &sink);
  return 0;
}
