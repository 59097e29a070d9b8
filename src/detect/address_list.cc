#include "flowmon/detect/address_list.h"

#include <fmt/format.h>
#include <simdjson.h>

#include <algorithm>

#include "detect/hash.h"
#include "flowmon/core/text_file.h"

namespace flowmon {
namespace {

uint64_t Bits(const IpAddress& a, size_t from, size_t n) {
  uint64_t v = 0;
  for (size_t i = from; i < from + n; ++i) v = (v << 8) | a.bytes[i];
  return v;
}

uint64_t HighMask(int length, int width) {
  if (length <= 0) return 0;
  if (length >= width)
    return width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
  const uint64_t all = width == 64 ? ~uint64_t{0} : (uint64_t{1} << width) - 1;
  return all & ~((uint64_t{1} << (width - length)) - 1);
}

std::string_view BaseName(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

size_t AddressList::EntryHash::operator()(const Entry& e) const {
  return detect::HashCombine(detect::HashCombine(detect::Mix64(e.hi), e.lo),
                             static_cast<uint64_t>(e.length));
}

void AddressList::Add(const IpNetwork& network, std::string_view name) {
  auto known = std::find(names_.begin(), names_.end(), name);
  uint32_t index = static_cast<uint32_t>(known - names_.begin());
  if (known == names_.end()) names_.emplace_back(name);
  const IpAddress& a = network.address;
  Entry e;
  e.length = network.prefix;
  Family* f;
  if (a.family == IpAddress::Family::kV4) {
    e.hi = 0;
    e.lo = Bits(a, 0, 4) & HighMask(e.length, 32);
    f = &v4_;
  } else {
    e.hi = Bits(a, 0, 8) & HighMask(e.length, 64);
    e.lo = Bits(a, 8, 8) & HighMask(e.length - 64, 64);
    f = &v6_;
  }
  f->names.emplace(e, index);  // the first name stays
  if (std::find(f->lengths.begin(), f->lengths.end(), e.length) ==
      f->lengths.end()) {
    f->lengths.push_back(e.length);
  }
}

void AddressList::Build() {
  for (Family* f : {&v4_, &v6_}) {
    std::sort(f->lengths.begin(), f->lengths.end(), std::greater<>());
  }
  v4_blocks_.assign(65536 / 64, 0);
  for (const auto& [e, name] : v4_.names) {
    const uint64_t first = e.lo >> 16;
    const uint64_t count = e.length >= 16 ? 1 : uint64_t{1} << (16 - e.length);
    for (uint64_t b = first; b < first + count && b < 65536; ++b) {
      v4_blocks_[b / 64] |= uint64_t{1} << (b % 64);
    }
  }
}

const std::string* AddressList::FindIn(const Family& f,
                                       const IpAddress& a) const {
  const bool v4 = a.family == IpAddress::Family::kV4;
  const uint64_t hi = v4 ? 0 : Bits(a, 0, 8);
  const uint64_t lo = v4 ? Bits(a, 0, 4) : Bits(a, 8, 8);
  for (const int length : f.lengths) {
    Entry e;
    e.length = length;
    if (v4) {
      e.hi = 0;
      e.lo = lo & HighMask(length, 32);
    } else {
      e.hi = hi & HighMask(length, 64);
      e.lo = lo & HighMask(length - 64, 64);
    }
    auto it = f.names.find(e);
    if (it != f.names.end()) return &names_[it->second];
  }
  return nullptr;
}

const std::string* AddressList::Find(const IpAddress& a) const {
  if (a.family == IpAddress::Family::kV4) {
    if (v4_.names.empty() || v4_blocks_.empty()) return nullptr;
    const size_t b = (size_t{a.bytes[0]} << 8) | a.bytes[1];
    if ((v4_blocks_[b / 64] & (uint64_t{1} << (b % 64))) == 0) return nullptr;
    return FindIn(v4_, a);
  }
  return v6_.names.empty() ? nullptr : FindIn(v6_, a);
}

std::vector<std::pair<std::string, std::string>> AddressList::Blocks() const {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Family* f : {&v4_, &v6_}) {
    for (const auto& [e, name] : f->names) {
      IpNetwork n;
      n.prefix = e.length;
      n.address.family =
          f == &v4_ ? IpAddress::Family::kV4 : IpAddress::Family::kV6;
      const int bytes = f == &v4_ ? 4 : 16;
      for (int i = 0; i < bytes; ++i) {
        const uint64_t word = f == &v4_ ? e.lo : (i < 8 ? e.hi : e.lo);
        const int shift = f == &v4_ ? 8 * (3 - i) : 8 * (7 - i % 8);
        n.address.bytes[static_cast<size_t>(i)] =
            static_cast<uint8_t>(word >> shift);
      }
      std::string text;
      n.AppendTo(&text);
      out.emplace_back(std::move(text), names_[name]);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

Status AddressList::LoadText(std::string_view text, std::string_view source) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && text[first] == '{') {
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (auto e = parser.parse(text.data(), text.size()).get(root); e) {
      return Status::InvalidArgument(fmt::format("{}: invalid JSON: {}", source,
                                                 simdjson::error_message(e)));
    }
    simdjson::dom::array v4, v6;
    const bool has_v4 =
        root["prefixes"].get_array().get(v4) == simdjson::SUCCESS;
    const bool has_v6 =
        root["ipv6_prefixes"].get_array().get(v6) == simdjson::SUCCESS;
    if (!has_v4 && !has_v6) {
      return Status::InvalidArgument(fmt::format(
          "{}: a JSON list must be AWS's ip-ranges.json (\"prefixes\": [...])",
          source));
    }
    // AMAZON lists every range again: a service's own name comes first.
    Status status;
    auto add = [&](simdjson::dom::array list, std::string_view key,
                   bool amazon) {
      for (simdjson::dom::element p : list) {
        std::string_view prefix, service, region;
        if (p[key].get_string().get(prefix) != simdjson::SUCCESS) continue;
        if (p["service"].get_string().get(service) != simdjson::SUCCESS) {
          service = "AMAZON";
        }
        if ((service == "AMAZON") != amazon) continue;
        if (p["region"].get_string().get(region) != simdjson::SUCCESS) {
          region = "";
        }
        const std::optional<IpNetwork> n = IpNetwork::Parse(prefix);
        if (!n) {
          status = Status::InvalidArgument(
              fmt::format("{}: '{}' is not a CIDR block", source, prefix));
          return;
        }
        Add(*n, region.empty() ? fmt::format("AWS {}", service)
                               : fmt::format("AWS {} {}", service, region));
      }
    };
    for (const bool amazon : {false, true}) {
      if (has_v4) add(v4, "ip_prefix", amazon);
      if (has_v6) add(v6, "ipv6_prefix", amazon);
    }
    return status;
  }
  const std::string_view name = BaseName(source);
  size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    line = line.substr(0, line.find_first_of("#;"));
    const size_t b = line.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) continue;
    line = line.substr(b);
    line = line.substr(0, line.find_first_of(" \t\r"));
    const std::optional<IpNetwork> n = IpNetwork::Parse(line);
    if (!n) {
      return Status::InvalidArgument(
          fmt::format("{}:{}: '{}' is not an address or CIDR block", source,
                      line_no, line));
    }
    Add(*n, name);
  }
  return Status::Ok();
}

Status AddressList::LoadFile(const std::string& path) {
  Result<std::string> text = ReadTextFile(path);
  if (!text.ok()) return text.status();
  return LoadText(*text, path);
}

}  // namespace flowmon
