#include "scan/prefilter.h"

#include <cstring>

namespace flowmon {
namespace {

int Commonness(unsigned char c) {
  if (c == ' ' || (c >= '0' && c <= '9') || c == '.' || c == '-') return 100;
  // The log status and action words of flow logs: "OK" ends nearly every
  // line, "ACCEPT" most of them; "REJECT" holds only J and R of its own.
  if (c == 'O' || c == 'K') return 90;
  if (c != 0 && std::strchr("ACEPT", c) != nullptr) return 70;
  if (c >= 'a' && c <= 'z') return std::strchr("etaoinsrhldcu", c) ? 80 : 60;
  if (c >= 'A' && c <= 'Z') return std::strchr("INSRD", c) ? 30 : 10;
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
