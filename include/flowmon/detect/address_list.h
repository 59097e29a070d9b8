// AddressList: named IPv4 and IPv6 ranges (blocklists, AWS's ip-ranges.json)
// and the lookup `detect` runs for both addresses of every record.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "flowmon/core/ip_address.h"
#include "flowmon/core/status.h"

namespace flowmon {

class AddressList {
 public:
  // Adds `network` under `name`. A block several lists name keeps the name
  // it got first; an address in nested blocks gets the innermost one's.
  void Add(const IpNetwork& network, std::string_view name);
  // Call after the last Add, before Find.
  void Build();

  // The name of the range holding `a`, or nullptr. Nothing allocates: this
  // runs per record.
  const std::string* Find(const IpAddress& a) const;
  bool empty() const { return v4_.names.empty() && v6_.names.empty(); }
  // Every block as CIDR text with its name, sorted by the text (for SQL).
  std::vector<std::pair<std::string, std::string>> Blocks() const;
  size_t ranges() const { return v4_.names.size() + v6_.names.size(); }

  // A plain list, as the public blocklists ship them: one address or CIDR
  // block a line, '#' or ';' starts a comment, blank lines ignored; the
  // ranges are named after the file's base name. AWS's ip-ranges.json
  // (recognised by its "prefixes" key) adds each prefix named "AWS
  // <service> <region>". Errors name the file and line.
  Status LoadFile(const std::string& path);
  // The same from text; `source` names it in errors and ranges.
  Status LoadText(std::string_view text, std::string_view source);

 private:
  // CIDR blocks nest or are disjoint, so the longest matching prefix is the
  // one to name: per family, one table keyed by (masked address, length),
  // probed from the longest length present down.
  struct Entry {
    uint64_t hi, lo;  // the masked address (IPv4: lo only)
    int length;
    bool operator==(const Entry&) const = default;
  };
  struct EntryHash {
    size_t operator()(const Entry& e) const;
  };
  struct Family {
    std::vector<int> lengths;  // present, longest first
    std::unordered_map<Entry, uint32_t, EntryHash> names;
  };
  const std::string* FindIn(const Family& f, const IpAddress& a) const;

  std::vector<std::string> names_;
  Family v4_, v6_;
  // One bit per IPv4 /16 that any IPv4 block touches: most lookups stop
  // there.
  std::vector<uint64_t> v4_blocks_;
};

}  // namespace flowmon
