// Numbers as people read them in text output (tables, summaries): sizes in
// binary units, thousands separators, protocol names. Machine outputs
// (json, ndjson, csv, tsv) keep raw numbers (docs/output.md).
#pragma once

#include <string>

namespace flowmon {

// A byte count with one decimal in the largest binary unit it reaches:
// "512 B", "1.5 KiB", "1.2 GiB" (IEC 80000-13 prefixes, as `ls -h`).
std::string HumanBytes(double bytes);

// A count with a comma between groups of three digits: "1,234,567". A
// value with a fraction or too large for exact integers is written as
// fmt's shortest form ("2.5", "1e+20").
std::string GroupThousands(double value);

// The IANA protocol number's keyword ("TCP", "UDP", "ICMP", "GRE"), or the
// number itself for one without a common name.
std::string ProtocolName(int protocol);

}  // namespace flowmon
