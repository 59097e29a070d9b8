// JsonDocumentSource: CloudWatch JSON documents (aws logs pages, subscription
// messages, Firehose objects) converted to events as each document is
// complete, so that a pipe of documents streams and memory holds one
// document, not the input.
#pragma once

#include <memory>

#include "flowmon/ingest/source.h"

namespace flowmon {

// Reads `base` (its long lines kept whole: KeepLongLines) after `first`, the
// chunk (and status) base->Next() last returned, and hands out the events of
// the documents completed by each chunk, with their timestamps. Errors are
// ReadJsonDocuments' (byte offsets into the whole input); the first stops
// the conversion, after the events before it. Chunks are valid until the
// next Next().
std::unique_ptr<Source> NewJsonDocumentSource(std::unique_ptr<Source> base,
                                              Chunk first, Status first_status);

}  // namespace flowmon
