#include "ingest/cloudwatch/json_stream_source.h"

#include <string>

#include "ingest/cloudwatch/event_writer.h"
#include "ingest/cloudwatch/json_documents.h"
#include "ingest/cloudwatch/json_scan.h"

namespace flowmon {
namespace {

// Where the documents of a growing text end, scanned once per byte (a
// document that arrives over many chunks is not rescanned from its start).
// The same rule as JsonValueEnd: brackets outside strings, and escapes.
class DocumentEnds {
 public:
  // Scans text[scanned_, text.size()); returns the end of the last complete
  // document in `text` (0 when none), or text.size() when a document does
  // not start with '{' or '[' (the reader then reports it).
  size_t Scan(std::string_view text) {
    for (; scanned_ < text.size(); ++scanned_) {
      const char c = text[scanned_];
      if (in_string_) {
        if (escaped_) {
          escaped_ = false;
        } else if (c == '\\') {
          escaped_ = true;
        } else if (c == '"') {
          in_string_ = false;
        }
      } else if (depth_ == 0) {
        if (IsJsonSpace(c)) continue;
        if (c != '{' && c != '[') return complete_ = scanned_ = text.size();
        depth_ = 1;
      } else if (c == '"') {
        in_string_ = true;
      } else if (c == '{' || c == '[') {
        ++depth_;
      } else if ((c == '}' || c == ']') && --depth_ == 0) {
        complete_ = scanned_ + 1;
      }
    }
    return complete_;
  }
  // The first `n` bytes of the text were taken away.
  void Drop(size_t n) {
    scanned_ -= n;
    complete_ -= n;
  }

 private:
  size_t scanned_ = 0;
  size_t complete_ = 0;
  size_t depth_ = 0;
  bool in_string_ = false;
  bool escaped_ = false;
};

class JsonDocumentSource : public Source {
 public:
  JsonDocumentSource(std::unique_ptr<Source> base, Chunk first,
                     Status first_status)
      : Source(base->name()),
        base_(std::move(base)),
        writer_(name()),
        read_error_(std::move(first_status)) {
    set_live(base_->live());
    set_size_hint(base_->size_hint());
    pending_.assign(first.data);
    eof_ = first.data.empty() || !read_error_.ok();
  }

  Status Next(Chunk* chunk) override {
    *chunk = Chunk{};
    while (!done_) {
      const size_t ready = eof_ ? pending_.size() : ends_.Scan(pending_);
      if (ready > 0) {
        writer_.ClearEvents();
        if (writer_.error().ok()) {
          ReadJsonDocuments(std::string_view(pending_).substr(0, ready), "",
                            &writer_, offset_);
        }
        offset_ += ready;
        pending_.erase(0, ready);
        ends_.Drop(ready);
      }
      if (eof_) done_ = true;
      if (ready > 0 && !writer_.text().empty()) {
        chunk->data = writer_.text();
        chunk->timestamps = writer_.timestamps();
        return Status::Ok();
      }
      if (!done_ && !writer_.error().ok()) {
        done_ = true;  // damage stops the input, as for a file read whole
        break;
      }
      if (!done_) Read();
    }
    if (reported_) return Status::Ok();
    reported_ = true;
    if (!read_error_.ok()) return read_error_;
    return writer_.error();
  }

  uint64_t bytes_consumed() const override { return base_->bytes_consumed(); }

 private:
  void Read() {
    Chunk raw;
    Status s = base_->Next(&raw);
    pending_.append(raw.data);
    if (!s.ok()) read_error_ = std::move(s);
    eof_ = raw.data.empty() || !read_error_.ok();
  }

  std::unique_ptr<Source> base_;
  EventWriter writer_;
  Status read_error_;
  std::string pending_;  // bytes not converted yet: the document in progress
  size_t offset_ = 0;    // of pending_[0] in the input
  DocumentEnds ends_;
  bool eof_ = false;
  bool done_ = false;
  bool reported_ = false;
};

}  // namespace

std::unique_ptr<Source> NewJsonDocumentSource(std::unique_ptr<Source> base,
                                              Chunk first,
                                              Status first_status) {
  return std::make_unique<JsonDocumentSource>(std::move(base), first,
                                              std::move(first_status));
}

}  // namespace flowmon
