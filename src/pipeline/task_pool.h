// TaskPool: threads that live as long as the pool and run the tasks handed
// to them, first come first served. The pipeline's rounds of spans and the
// inputs it opens ahead (an S3 tree of small .gz files) ran each on a
// thread of its own: starting a thread per task cost page faults (its
// stack, its malloc arena) worth a tenth of the work on a tree of 64
// objects (docs/benchmarks.md, "A pool of threads").
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>
#include <vector>

namespace flowmon {

class TaskPool {
 public:
  // `threads` start with the first task.
  explicit TaskPool(unsigned threads) : size_(threads) {}
  // Tasks not yet started are dropped (their futures say broken_promise);
  // running ones finish first.
  ~TaskPool();
  TaskPool(const TaskPool&) = delete;
  TaskPool& operator=(const TaskPool&) = delete;

  // Runs `task` on one of the pool's threads; its future holds the result
  // (or the exception). Whatever `task` refers to must outlive it.
  template <typename F>
  std::future<std::invoke_result_t<F>> Submit(F&& task) {
    using R = std::invoke_result_t<F>;
    auto packaged =
        std::make_shared<std::packaged_task<R()>>(std::forward<F>(task));
    std::future<R> result = packaged->get_future();
    Push([packaged] { (*packaged)(); });
    return result;
  }

 private:
  void Push(std::function<void()> task);
  void Loop();

  const unsigned size_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> queue_;  // guarded by mu_
  bool stopping_ = false;                    // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace flowmon
