// The sort of a table's rows that both top and a query's stats make of
// millions of keys: on two threads when there are enough of them.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <thread>
#include <vector>

namespace flowmon {

// Sorts `items` by `before`, a strict order under which no two items are
// equivalent, and returns index_of(item) of each in that order. With
// `threads` > 1 and enough items, two threads sort a half each and the
// halves are merged straight into the result (no ties to order).
template <typename T, typename Before, typename IndexOf>
std::vector<uint32_t> SortedIndexes(std::vector<T>& items, Before before,
                                    IndexOf index_of, unsigned threads) {
  // Below this many items a thread costs more than it saves.
  constexpr size_t kParallelItems = size_t{1} << 16;
  std::vector<uint32_t> order;
  order.reserve(items.size());
  if (threads < 2 || items.size() < kParallelItems) {
    std::sort(items.begin(), items.end(), before);
    for (const T& t : items) order.push_back(index_of(t));
    return order;
  }
  // Two parts: the machine's two cores are the common case.
  const auto middle =
      items.begin() + static_cast<std::ptrdiff_t>(items.size() / 2);
  std::thread other([&] { std::sort(items.begin(), middle, before); });
  std::sort(middle, items.end(), before);
  other.join();
  auto a = items.begin(), b = middle;
  while (a != middle && b != items.end())
    order.push_back(before(*b, *a) ? index_of(*b++) : index_of(*a++));
  for (; a != middle; ++a) order.push_back(index_of(*a));
  for (; b != items.end(); ++b) order.push_back(index_of(*b));
  return order;
}

}  // namespace flowmon
