#include "pipeline/task_pool.h"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <vector>

#include "catch.h"

namespace flowmon {
namespace {

TEST_CASE("TaskPool runs every task and hands back results and exceptions",
          "[pipeline][pool]") {
  TaskPool pool(2);
  std::vector<std::future<int>> results;
  for (int i = 0; i < 100; ++i) {
    results.push_back(pool.Submit([i] { return i * i; }));
  }
  for (int i = 0; i < 100; ++i) CHECK(results[i].get() == i * i);
  std::future<void> thrown =
      pool.Submit([] { throw std::runtime_error("task failed"); });
  CHECK_THROWS_WITH(thrown.get(), "task failed");
  // The pool's threads outlive the tasks: later ones still run.
  CHECK(pool.Submit([] { return 7; }).get() == 7);
}

TEST_CASE("TaskPool drops the tasks not yet started when it goes",
          "[pipeline][pool]") {
  // One thread, busy with the first task until well after the pool began
  // to go: the second task never starts, and its future says so.
  std::atomic<int> ran{0};
  std::promise<void> started;
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::future<void> first, queued;
  std::thread releaser;
  {
    TaskPool pool(1);
    first = pool.Submit([&] {
      started.set_value();
      gate.wait();
      ++ran;
    });
    queued = pool.Submit([&ran] { ++ran; });
    started.get_future().wait();
    releaser = std::thread([&release] {
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
      release.set_value();
    });
  }  // waits for the first task, which waits for the releaser
  releaser.join();
  first.get();
  CHECK(ran == 1);
  CHECK_THROWS_AS(queued.get(), std::future_error);
}

}  // namespace
}  // namespace flowmon
