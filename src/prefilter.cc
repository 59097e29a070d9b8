#include "prefilter.h"

#include <cstring>

namespace flowmon {
namespace {

// Rough commonness of a byte in log lines (higher = more common): digits,
// spaces, punctuation of addresses and lowercase letters are everywhere in
// flow logs; most uppercase letters are rare.
int Commonness(unsigned char c) {
  if (c == ' ' || (c >= '0' && c <= '9') || c == '.' || c == '-') return 100;
  if (c >= 'a' && c <= 'z') return std::strchr("etaoinsrhldcu", c) ? 80 : 60;
  if (c >= 'A' && c <= 'Z') return std::strchr("ETAOINSRCDK", c) ? 30 : 10;
  if (c >= 0x80) return 5;
  return 40;
}

}  // namespace

LiteralFinder::LiteralFinder(std::string literal) : literal_(std::move(literal)) {
  for (size_t i = 1; i < literal_.size(); ++i) {
    if (Commonness(static_cast<unsigned char>(literal_[i])) <
        Commonness(static_cast<unsigned char>(literal_[rare_]))) {
      rare_ = i;
    }
  }
}

const char* LiteralFinder::Find(const char* p, const char* end) const {
  const size_t n = literal_.size();
  const char rare = literal_[rare_];
  const char* scan = p + rare_;
  while (scan < end) {
    const void* hit = std::memchr(scan, rare, static_cast<size_t>(end - scan));
    if (hit == nullptr) return nullptr;
    const char* start = static_cast<const char*>(hit) - rare_;
    if (start + n <= end && std::memcmp(start, literal_.data(), n) == 0) {
      return start;
    }
    scan = static_cast<const char*>(hit) + 1;
  }
  return nullptr;
}

}  // namespace flowmon
