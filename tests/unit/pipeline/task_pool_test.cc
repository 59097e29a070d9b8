#include "pipeline/task_pool.h"

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
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
  // One thread, busy with the first task until the second's future says
  // it was dropped (a dropped task's future is ready, with broken_promise):
  // the pool drops it as it goes, and only then does the first one end.
  std::atomic<int> ran{0};
  std::promise<void> release;
  std::shared_future<void> gate = release.get_future().share();
  std::promise<void> started;
  std::future<void> first, queued;
  std::thread releaser;
  {
    TaskPool pool(1);
    first = pool.Submit([&ran, &started, gate] {
      started.set_value();
      gate.wait();
      ++ran;
    });
    queued = pool.Submit([&ran] { ++ran; });
    started.get_future().wait();
    releaser = std::thread([&queued, &release] {
      // Bounded, so that a pool that ran it instead fails, not hangs.
      queued.wait_for(std::chrono::seconds(30));
      release.set_value();
    });
  }  // drops the second, which lets the releaser free the first; joins
  releaser.join();
  first.get();
  CHECK(ran == 1);
  CHECK_THROWS_AS(queued.get(), std::future_error);
}

}  // namespace
}  // namespace flowmon
