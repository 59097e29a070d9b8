// Every build of the fused scan and the plain-line splitter (baseline,
// AVX2, AVX-512, as the CPU allows) against a byte-at-a-time reference.
#include "scan/line_scan.h"

#include <random>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "catch.h"
#include "flowmon/scan/tokenizer.h"

namespace flowmon {
namespace {

const ScanIsa kIsas[] = {ScanIsa::kBaseline, ScanIsa::kAvx2, ScanIsa::kAvx512};

// (line, plain lines before it, counted) for each line handed to `full`,
// then the plain tail as ("", n, false).
using Calls = std::vector<std::tuple<std::string, uint64_t, bool>>;

bool IsSpecial(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f || c == '"' ||
         c == '[';
}

// line_scan.h's contract, one byte at a time.
Calls Reference(std::string_view span, size_t expected, std::string_view rare,
                size_t max_line) {
  Calls calls;
  uint64_t plain = 0;
  size_t start = 0;
  while (start < span.size()) {
    size_t end = span.find('\n', start);
    if (end == std::string_view::npos) end = span.size();
    const std::string_view line = span.substr(start, end - start);
    size_t fields = 0;
    bool flagged = false;
    for (size_t i = 0; i < line.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(line[i]);
      if (c != ' ' && (i == 0 || line[i - 1] == ' ')) ++fields;
      if (IsSpecial(c) || rare.find(static_cast<char>(c)) != rare.npos) {
        flagged = true;
      }
    }
    const bool shaped = expected == 0 ? fields > 0 : fields == expected;
    const bool lower =
        !line.empty() && ((line[0] >= 'a' && line[0] <= 'z') || line[0] == ' ');
    const bool fits = shaped && !lower && line.size() <= max_line;
    if (!flagged && fits) {
      ++plain;
    } else {
      calls.emplace_back(std::string(line), plain, fits);
      plain = 0;
    }
    start = end + 1;
  }
  calls.emplace_back("", plain, false);
  return calls;
}

Calls Scanned(ScanIsa isa, std::string_view span, size_t expected,
              std::string_view rare, size_t max_line) {
  Calls calls;
  auto full = [](void* ctx, std::string_view line, uint64_t before,
                 bool counted) {
    static_cast<Calls*>(ctx)->emplace_back(std::string(line), before, counted);
    return true;
  };
  uint64_t tail = 0;
  REQUIRE(ScanForCandidatesWith(isa, span, expected, rare, max_line, full,
                                &calls, &tail));
  calls.emplace_back("", tail, false);
  return calls;
}

std::string RandomLines(std::mt19937& rng) {
  const std::string plain = "ABC  1-.9 0";
  const std::string odd = "ab\"[]\t\x01\x7f\xc3\rRJX";
  std::string span;
  const size_t lines = 1 + rng() % 12;
  for (size_t l = 0; l < lines; ++l) {
    // Lengths around the 64-byte blocks, sometimes past several.
    const size_t len = rng() % 4 == 0 ? rng() % 300 : rng() % 70;
    for (size_t i = 0; i < len; ++i) {
      span += rng() % 10 == 0 ? odd[rng() % odd.size()]
                              : plain[rng() % plain.size()];
    }
    if (l + 1 < lines || rng() % 2 == 0) span += '\n';
  }
  return span;
}

TEST_CASE("every build of the fused scan agrees with the reference",
          "[line_scan]") {
  std::mt19937 rng(7);
  const std::string rares[] = {"R", "RJ", "RJX\xc3", "RJXabc9-"};
  for (int round = 0; round < 4000; ++round) {
    const std::string span = RandomLines(rng);
    const size_t expected = rng() % 4;
    const std::string& rare = rares[rng() % 4];
    const size_t max_line = rng() % 3 == 0 ? 40 : 1 << 20;
    const Calls want = Reference(span, expected, rare, max_line);
    for (const ScanIsa isa : kIsas) {
      if (!ScanIsaAvailable(isa)) continue;
      INFO("isa " << static_cast<int>(isa) << " span " << span);
      REQUIRE(Scanned(isa, span, expected, rare, max_line) == want);
    }
  }
}

// Lines of any byte values but newline, mostly plain ones.
std::string AnyByteLines(std::mt19937& rng) {
  std::string span;
  const size_t lines = 1 + rng() % 8;
  for (size_t l = 0; l < lines; ++l) {
    const size_t len = rng() % 4 == 0 ? rng() % 200 : rng() % 70;
    for (size_t i = 0; i < len; ++i) {
      const char c = static_cast<char>(rng() % 256);
      span += rng() % 6 == 0 && c != '\n' ? c : "AB 1 2 "[rng() % 7];
    }
    if (l + 1 < lines || rng() % 2 == 0) span += '\n';
  }
  return span;
}

// The SIMD builds flag bytes through two nibble tables when the special
// and rare bytes fit in 8 sets of low nibbles, and compare byte by byte
// otherwise: both against the reference, over every byte value.
TEST_CASE(
    "every build of the fused scan flags every byte value as the "
    "reference does",
    "[line_scan]") {
  std::mt19937 rng(13);
  const std::string rares[] = {
      "J",                                 // one rare byte: the table
      "JNS",                               // ten monitors' literals
      std::string("\0", 1),                // a byte already special
      "\x80\xff",                          // high bytes
      "\x8a\x9b\xac\xbd\xce\xdf\xe1\xf2",  // 13 sets: the compares
      "\x8a\x9a\xaa\xba",                  // one shared set
  };
  for (int round = 0; round < 6000; ++round) {
    const std::string span = AnyByteLines(rng);
    const size_t expected = rng() % 5;
    const std::string& rare = rares[rng() % std::size(rares)];
    const Calls want = Reference(span, expected, rare, 1 << 20);
    for (const ScanIsa isa : kIsas) {
      if (!ScanIsaAvailable(isa)) continue;
      INFO("isa " << static_cast<int>(isa) << " rare " << rare);
      REQUIRE(Scanned(isa, span, expected, rare, 1 << 20) == want);
    }
  }
}

TEST_CASE(
    "every build of the plain-line splitter declines every special "
    "byte value",
    "[line_scan]") {
  for (unsigned c = 0; c < 256; ++c) {
    for (const size_t at : {size_t{0}, size_t{5}, size_t{40}, size_t{70}}) {
      std::string line(80, 'A');
      line[10] = line[50] = ' ';
      line[at] = static_cast<char>(c);
      const bool special =
          (c < 0x20 && c != '\t') || c == 0x7f || c == '"' || c == '[';
      for (const ScanIsa isa : kIsas) {
        if (!ScanIsaAvailable(isa)) continue;
        INFO("isa " << static_cast<int>(isa) << " byte " << c << " at " << at);
        Record rec;
        const bool split =
            SplitPlainLineWith(isa, line, &rec, line.data() + line.size());
        REQUIRE(split == !special);
      }
    }
  }
}

// Flow-log-like lines, most of them plain with `fields` fields, so that
// whole blocks of lines are validated at once; among them lines of one
// field more or less, blank lines, leading, trailing and doubled spaces,
// tabs, CR, quotes, lowercase first bytes, rare bytes and long lines that
// cross several blocks, at every offset to the 64-byte blocks.
std::string FlowLikeLines(std::mt19937& rng, size_t fields) {
  static const char* const kWords[] = {
      "2",          "123456789010", "eni-1a2b", "10.0.1.2", "443", "6",
      "1699999944", "ACCEPT",       "OK",       "REJECT",   "-"};
  std::string span(rng() % 64, 'X');  // shifts the lines against the blocks
  span += '\n';
  const size_t lines = 1 + rng() % 40;
  for (size_t l = 0; l < lines; ++l) {
    size_t count = fields;
    const unsigned odd = rng() % 24;
    if (odd == 0) count = fields + 1;
    if (odd == 1 && count > 0) count = fields - 1;
    if (odd == 2) count = 0;
    std::string line;
    if (odd == 3) line += ' ';
    for (size_t f = 0; f < count; ++f) {
      if (f > 0) line += odd == 4 && f == 1 ? "  " : " ";
      if (odd == 5 && f == count / 2) {
        line += std::string(150 + rng() % 200, '7');  // a field of blocks
      } else {
        line += kWords[rng() % std::size(kWords)];
      }
    }
    if (odd == 6) line += ' ';
    if (odd == 7) line += '\r';
    if (odd == 8 && !line.empty()) line[line.size() / 2] = '\t';
    if (odd == 9 && !line.empty()) line[line.size() / 2] = '"';
    if (odd == 10) line.insert(0, "version");
    if (odd == 11 && !line.empty()) line[0] = 'a';
    span += line;
    if (l + 1 < lines || rng() % 2 == 0) span += '\n';
  }
  return span;
}

TEST_CASE(
    "every build of the fused scan agrees with the reference on "
    "flow-log-like lines",
    "[line_scan]") {
  std::mt19937 rng(17);
  const std::string rares[] = {"J", "JT", "Jx\xc3", "JNSGMWYZ"};
  for (int round = 0; round < 6000; ++round) {
    const size_t expected = round % 5 == 0 ? 1 + rng() % 4 : 14;
    const std::string span = FlowLikeLines(rng, expected);
    const std::string& rare = rares[rng() % std::size(rares)];
    const size_t max_line = rng() % 4 == 0 ? 64 + rng() % 200 : 1 << 20;
    const Calls want = Reference(span, expected, rare, max_line);
    for (const ScanIsa isa : kIsas) {
      if (!ScanIsaAvailable(isa)) continue;
      INFO("isa " << static_cast<int>(isa) << " expected " << expected
                  << " max_line " << max_line << " span " << span);
      REQUIRE(Scanned(isa, span, expected, rare, max_line) == want);
    }
  }
}

TEST_CASE(
    "every build finds a line's special bytes as the reference does, "
    "whatever the bytes readable past it",
    "[line_scan]") {
  std::mt19937 rng(19);
  for (int round = 0; round < 20000; ++round) {
    // The line at the end of its buffer or followed by special bytes that
    // must not count.
    const size_t len = rng() % 4 == 0 ? rng() % 300 : rng() % 80;
    std::string buffer;
    bool want = false;
    for (size_t i = 0; i < len; ++i) {
      const char c = rng() % 40 == 0 ? static_cast<char>(rng() % 256)
                                     : "AB 1\t.-"[rng() % 7];
      want = want || IsSpecial(static_cast<unsigned char>(c));
      buffer += c;
    }
    const size_t slack = rng() % 2 == 0 ? 0 : 1 + rng() % 70;
    buffer.append(slack, '"');
    const std::string_view line(buffer.data(), len);
    for (const ScanIsa isa : kIsas) {
      if (!ScanIsaAvailable(isa)) continue;
      INFO("isa " << static_cast<int>(isa) << " line " << line);
      REQUIRE(LineHasSpecialByteWith(isa, line,
                                     buffer.data() + buffer.size()) == want);
    }
  }
}

TEST_CASE("a full callback that says stop ends every build's scan",
          "[line_scan]") {
  const std::string span = "1 2\nR 2\n1 2\nR\n";
  for (const ScanIsa isa : kIsas) {
    if (!ScanIsaAvailable(isa)) continue;
    int calls = 0;
    auto stop = [](void* ctx, std::string_view, uint64_t, bool) {
      ++*static_cast<int*>(ctx);
      return false;
    };
    uint64_t tail = 0;
    CHECK(!ScanForCandidatesWith(isa, span, 2, "R", 1 << 20, stop, &calls,
                                 &tail));
    CHECK(calls == 1);
  }
}

TEST_CASE("every build of the plain-line splitter agrees with the byte loop",
          "[line_scan]") {
  std::mt19937 rng(11);
  const std::string alphabet = "ab 01  -.\"[]\t\x01\x7f\xc3\r";
  for (int round = 0; round < 20000; ++round) {
    std::string buffer;
    const size_t len = rng() % 200;
    for (size_t i = 0; i < len; ++i) {
      buffer += (rng() % 8 == 0) ? alphabet[rng() % alphabet.size()]
                                 : "abc  1-."[rng() % 8];
    }
    // Readable bytes after the line, or none.
    const size_t slack = rng() % 2 == 0 ? 0 : 64;
    const std::string line = buffer;
    buffer.append(slack, 'x');
    Record slow;
    size_t column = 0;
    const LineError e = SplitFieldsBytewise(line, &slow, &column);
    for (const ScanIsa isa : kIsas) {
      if (!ScanIsaAvailable(isa)) continue;
      Record fast;
      const std::string_view view(buffer.data(), line.size());
      if (!SplitPlainLineWith(isa, view, &fast,
                              buffer.data() + buffer.size())) {
        continue;  // declined: the byte loop decides
      }
      INFO("isa " << static_cast<int>(isa) << " line " << line);
      // What it accepts, it splits as the byte loop does.
      REQUIRE((e == LineError::kOk || e == LineError::kBlank));
      REQUIRE(fast.size == slow.size);
      for (size_t i = 0; i < fast.size; ++i) {
        REQUIRE(fast.fields[i] == slow.fields[i]);
      }
    }
  }
}

TEST_CASE("this machine runs the builds it chose", "[line_scan]") {
  CHECK(ScanIsaAvailable(ChosenScanIsa()));
  CHECK(ScanIsaAvailable(ScanIsa::kBaseline));
}

}  // namespace
}  // namespace flowmon
