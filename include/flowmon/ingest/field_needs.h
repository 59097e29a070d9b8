// FieldNeeds: which fields of a record a run can observe, so that readers
// of column-wise formats (Parquet) decode only those columns, and which
// single-field tests a record must pass to be selected, so that they
// decode the test columns first and the rest only for rows that pass.
//
// The invariant every user keeps: the text of a field outside the set is
// never observable (no output, count, match or error depends on it). A
// reader may hand such a field out as "-".
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "flowmon/core/schema.h"

namespace flowmon {

// One field: by its flow-log name ("srcaddr"), or, with an empty name, by
// its 0-based position on the line, counted from the end when from_end (0
// is the last field): how a space-delimited pattern's slots bind fields.
struct FieldRef {
  std::string name;
  uint32_t position = 0;
  bool from_end = false;
  // Its index among the fields of `schema`, or -1 when it names none.
  int Resolve(const Schema& schema) const;
};

// A test that a selected record's field passes (one condition of the
// run's pattern): a record whose field fails it is rejected, whatever its
// other fields hold. `holds` is thread-safe.
struct FieldTest {
  FieldRef field;
  std::function<bool(std::string_view)> holds;
};

class FieldNeeds {
 public:
  // Every field (the default): nothing may be left out.
  static FieldNeeds All() { return FieldNeeds(true); }
  // No field yet; add what is read.
  static FieldNeeds None() { return FieldNeeds(false); }

  bool all() const { return all_; }
  void SetAll() { all_ = true; }
  // A field observed of the selected records.
  void Add(FieldRef field) { fields_.push_back(std::move(field)); }
  void Add(std::string name) { Add(FieldRef{std::move(name)}); }
  // A test every selected record passes (see FieldTest); only sound when
  // rejected records are observed no further than AddOfRejected says.
  void AddTest(FieldTest test) { tests_.push_back(std::move(test)); }
  // A field observed of rejected records too (their time, for metrics).
  void AddOfRejected(FieldRef field) {
    of_rejected_.push_back(std::move(field));
  }

  // The fields' indexes for an input of `schema`:
  // needed[i] when field i of a selected record may be observed,
  // of_rejected[i] when it may be observed of any record; tests resolved
  // to their fields (tests on a field the schema lacks are left out).
  struct Resolved {
    std::vector<uint8_t> needed;
    std::vector<uint8_t> of_rejected;
    std::vector<std::pair<size_t, const FieldTest*>> tests;
  };
  Resolved Resolve(const Schema& schema) const;

 private:
  explicit FieldNeeds(bool all) : all_(all) {}
  bool all_;
  std::vector<FieldRef> fields_;
  std::vector<FieldTest> tests_;
  std::vector<FieldRef> of_rejected_;
};

}  // namespace flowmon
