// ReadAsEvents: picks the reader for an input's format (detected from its
// first chunk when asked to) and converts CloudWatch inputs to events.
#include <string>

#include "flowmon/ingest/source.h"
#include "ingest/cloudwatch/console_csv.h"
#include "ingest/cloudwatch/event_source.h"
#include "ingest/cloudwatch/event_writer.h"
#include "ingest/cloudwatch/export_file.h"
#include "ingest/cloudwatch/json_documents.h"
#include "ingest/cloudwatch/json_stream_source.h"
#include "ingest/cloudwatch/subscription_payloads.h"
#include "ingest/cloudwatch/tail_output.h"
#include "ingest/pass_through_source.h"

namespace flowmon {

Result<std::unique_ptr<Source>> ReadAsEvents(std::unique_ptr<Source> base,
                                             InputFormat format) {
  if (format == InputFormat::kText) return base;
  Chunk first;
  Status first_status = base->Next(&first);
  if (format == InputFormat::kAuto) {
    format = first_status.ok() ? DetectFormat(first.data) : InputFormat::kText;
  }
  if (format == InputFormat::kText || format == InputFormat::kTail) {
    std::unique_ptr<Source> s = std::make_unique<PassThroughSource>(
        std::move(base), first, std::move(first_status));
    if (format == InputFormat::kTail) s = NewTailSource(std::move(s));
    return s;
  }
  // Documents span chunks, and a Firehose object is one line of any
  // length: no line limit for converted formats.
  base->KeepLongLines();
  if (format == InputFormat::kCloudWatch) {
    // Converted document by document, as they complete, from files and
    // pipes alike.
    return NewJsonDocumentSource(std::move(base), first,
                                 std::move(first_status));
  }
  // The other converted formats are read whole.
  std::string all(first.data);
  Status read_error = first_status;
  while (read_error.ok() && !first.data.empty()) {
    Chunk chunk;
    read_error = base->Next(&chunk);
    if (chunk.data.empty()) break;
    all.append(chunk.data);
  }
  EventWriter writer(base->name());
  switch (format) {
    case InputFormat::kCloudWatch:
      ReadJsonDocuments(all, "", &writer);
      break;
    case InputFormat::kSubscription:
      ReadSubscriptionPayloads(all, &writer);
      break;
    case InputFormat::kCsv:
      ReadConsoleCsv(all, &writer);
      break;
    case InputFormat::kExport:
      ReadExportFile(all, &writer);
      break;
    case InputFormat::kAuto:
    case InputFormat::kText:
    case InputFormat::kTail:
      break;
  }
  std::unique_ptr<Source> s = std::make_unique<EventSource>(
      *base, std::move(writer), std::move(read_error));
  return s;
}

}  // namespace flowmon
