#include "ingest/cloudwatch/payload.h"

#include <array>
#include <cstdint>

#include "flowmon/ingest/format.h"
#include "ingest/cloudwatch/json_scan.h"
#include "ingest/gzip_inflate.h"

namespace flowmon {
namespace {

// Standard base64 (RFC 4648); false on a character outside the alphabet.
bool DecodeBase64(std::string_view in, std::string* out) {
  static const auto table = [] {
    std::array<int8_t, 256> t{};
    t.fill(-1);
    const char* alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < 64; ++i)
      t[static_cast<unsigned char>(alphabet[i])] = static_cast<int8_t>(i);
    return t;
  }();
  out->clear();
  uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    if (c == '=' || IsJsonSpace(c)) continue;
    const int8_t v = table[static_cast<unsigned char>(c)];
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out->push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return true;
}

}  // namespace

Status DecodePayload(std::string_view payload, std::string* json) {
  std::string bytes;
  if (!DecodeBase64(payload, &bytes)) return Status::Corrupt("not base64");
  if (!IsGzip(bytes)) {
    *json = std::move(bytes);  // a payload someone sent uncompressed
    return Status::Ok();
  }
  return InflateGzip(bytes, json, kMaxPayloadBytes);
}

}  // namespace flowmon
