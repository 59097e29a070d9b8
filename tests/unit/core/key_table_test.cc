#include "flowmon/core/key_table.h"

#include <random>
#include <string>
#include <unordered_map>

#include "catch.h"

namespace flowmon {
namespace {

TEST_CASE("keys are numbered in first-seen order", "[key_table]") {
  KeyTable t;
  bool inserted = false;
  CHECK(t.Insert("10.0.0.1", &inserted) == 0);
  CHECK(inserted);
  CHECK(t.Insert("10.0.0.2", &inserted) == 1);
  CHECK(t.Insert("10.0.0.1", &inserted) == 0);
  CHECK(!inserted);
  CHECK(t.Insert("", &inserted) == 2);
  CHECK(inserted);
  CHECK(t.Insert("", &inserted) == 2);
  CHECK(!inserted);
  CHECK(t.Key(1) == "10.0.0.2");
  CHECK(t.size() == 3);
  t.Clear();
  CHECK(t.size() == 0);
  CHECK(t.Insert("10.0.0.2", &inserted) == 0);
  CHECK(inserted);
}

TEST_CASE("short keys that share their first or last bytes stay apart",
          "[key_table]") {
  // Short keys live in the slot as overlapping words; every byte counts.
  KeyTable t;
  bool inserted = false;
  const char* keys[] = {"a",
                        "b",
                        "ab",
                        "ba",
                        "aba",
                        "abb",
                        "abcd",
                        "abce",
                        "abcde",
                        "abxde",
                        "12345678",
                        "12345679",
                        "123456789",
                        "123456780",
                        "1234x6789",
                        "10.0.0.1",
                        "10.0.0.10",
                        "10.0.0.100",
                        "10.0.100.1",
                        "100.0.0.1",
                        "255.255.255.255",
                        "255.255.255.254",
                        "255.255.255.2555"};
  uint32_t n = 0;
  for (const char* k : keys) {
    CHECK(t.Insert(k, &inserted) == n++);
    CHECK(inserted);
  }
  n = 0;
  for (const char* k : keys) {
    CHECK(t.Insert(k, &inserted) == n++);
    CHECK(!inserted);
  }
  CHECK(t.Key(3) == "ba");
}

TEST_CASE("the table agrees with a hash map over many keys and growths",
          "[key_table]") {
  std::mt19937 rng(3);
  KeyTable t;
  std::unordered_map<std::string, uint32_t> want;
  const std::string alphabet = "0123456789.ab";
  for (int i = 0; i < 60000; ++i) {
    std::string key;
    const size_t len = rng() % 4 == 0 ? rng() % 40 : rng() % 17;
    for (size_t j = 0; j < len; ++j) key += alphabet[rng() % 4];
    bool inserted = false;
    const uint32_t got = t.Insert(key, &inserted);
    auto [it, fresh] = want.emplace(key, static_cast<uint32_t>(want.size()));
    REQUIRE(inserted == fresh);
    REQUIRE(got == it->second);
    REQUIRE(t.Key(got) == key);
  }
  CHECK(t.size() == want.size());
}

}  // namespace
}  // namespace flowmon
