#include "flowmon/core/header_words.h"

#include <array>

#include "flowmon/core/schema.h"

namespace flowmon {
namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); }

// What follows the last '-' (the whole word without one) is 8 or more hex
// digits, some of them digits: the tail of eni-0a1b2c3d4e5f60718, of an
// ECS task ID, of a container ID. No field name ends so.
bool HasHexIdTail(std::string_view word) {
  const size_t dash = word.rfind('-');
  const std::string_view tail =
      dash == std::string_view::npos ? word : word.substr(dash + 1);
  if (tail.size() < 8) return false;
  bool digit = false;
  for (const char c : tail) {
    if (!IsHex(c)) return false;
    digit = digit || IsDigit(c);
  }
  return digit;
}

bool IsCompassWord(std::string_view s) {
  static constexpr std::array<std::string_view, 9> kWords = {
      "north",     "south",     "east",      "west",     "central",
      "northeast", "northwest", "southeast", "southwest"};
  for (const std::string_view w : kWords) {
    if (s == w) return true;
  }
  return false;
}

// az1, wlz1: the last part of an Availability Zone or Wavelength Zone ID.
bool IsZoneNumber(std::string_view s) {
  size_t letters = s.starts_with("az") ? 2 : s.starts_with("wlz") ? 3 : 0;
  if (letters == 0 || s.size() == letters) return false;
  for (size_t i = letters; i < s.size(); ++i) {
    if (!IsDigit(s[i])) return false;
  }
  return true;
}

// us-east-1, us-gov-west-1, us-east-1a, use1-az1, usw2-lax1-az1: a compass
// word followed by a number, or a zone number.
bool IsLocationLike(std::string_view word) {
  bool after_compass = false;
  size_t begin = 0;
  while (begin <= word.size()) {
    size_t end = word.find('-', begin);
    if (end == std::string_view::npos) end = word.size();
    const std::string_view part = word.substr(begin, end - begin);
    if (after_compass && !part.empty() && IsDigit(part[0])) return true;
    if (begin > 0 && IsZoneNumber(part)) return true;
    after_compass = begin > 0 && IsCompassWord(part);
    begin = end + 1;
  }
  return false;
}

}  // namespace

bool IsFieldNameShaped(std::string_view word) {
  if (word.empty() || word.size() > kMaxFieldNameBytes || !IsLower(word[0])) {
    return false;
  }
  for (const char c : word) {
    if (!IsLower(c) && !IsDigit(c) && c != '-') return false;
  }
  return true;
}

bool LooksLikeFieldValue(std::string_view word) {
  // The lowercase values of the fields tables: flow-direction,
  // sublocation-type and account-id's "unknown".
  static constexpr std::array<std::string_view, 6> kWords = {
      "ingress", "egress", "wavelength", "outpost", "localzone", "unknown"};
  for (const std::string_view w : kWords) {
    if (word == w) return true;
  }
  return HasHexIdTail(word) || IsLocationLike(word);
}

bool AreHeaderWords(std::span<const std::string_view> words) {
  if (words.empty()) return false;
  bool known = false;
  for (const std::string_view w : words) {
    if (!IsFieldNameShaped(w) || LooksLikeFieldValue(w)) return false;
    known = known || FindFlowField(w) != nullptr;
  }
  return known;
}

}  // namespace flowmon
