#include "scan/prefilter.h"

#include <cstring>

namespace flowmon {
namespace {

int Commonness(unsigned char c) {
  if (c == ' ' || (c >= '0' && c <= '9') || c == '.' || c == '-') return 100;
  if (c >= 'a' && c <= 'z') return std::strchr("etaoinsrhldcu", c) ? 80 : 60;
  if (c >= 'A' && c <= 'Z') return std::strchr("ETAOINSRCDK", c) ? 30 : 10;
  if (c >= 0x80) return 5;
  return 40;
}

}  // namespace

char RarestByte(std::string_view literal) {
  char best = literal[0];
  for (char c : literal) {
    if (Commonness(static_cast<unsigned char>(c)) <
        Commonness(static_cast<unsigned char>(best))) {
      best = c;
    }
  }
  return best;
}

}  // namespace flowmon
