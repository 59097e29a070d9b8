#include "ingest/cloudwatch/subscription_payloads.h"

#include "ingest/cloudwatch/json_documents.h"
#include "ingest/cloudwatch/json_scan.h"

namespace flowmon {

void ReadSubscriptionPayloads(std::string_view text, EventWriter* w) {
  size_t pos = 0;
  size_t n = 0;
  while (pos < text.size()) {
    while (pos < text.size() && IsJsonSpace(text[pos])) ++pos;
    size_t end = pos;
    while (end < text.size() && !IsJsonSpace(text[end])) ++end;
    if (end > pos) ReadSubscriptionPayload(text.substr(pos, end - pos), ++n, w);
    pos = end;
  }
}

}  // namespace flowmon
