// TaskThread: one background thread that runs the tasks given to it, one
// after another in the order given.  The thread starts with the first task
// (a program that gives none starts none) and the destructor stops it after
// the tasks already given.  A Searcher counts facets on one instead of
// starting a thread per search (std::async: about 70 µs per search on the
// benchmark machine; bench/README.md).
//
// Run() is thread-safe.  A task's result or exception comes through the
// future Run() returns; destroying that future does not wait for the task.
// Between tasks the thread polls for the next one for up to kHandOffPoll
// (util/poll_until.h) before it sleeps: a batch of searches gives it the
// next one sooner than a sleeping thread wakes.
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

namespace archivar {

class TaskThread {
 public:
  TaskThread() = default;
  ~TaskThread();
  TaskThread(const TaskThread&) = delete;
  TaskThread& operator=(const TaskThread&) = delete;

  // Queues `task` (callable without arguments) to run on the thread.
  template <typename Task>
  auto Run(Task task) -> std::future<decltype(task())> {
    using Result = decltype(task());
    auto packaged = std::make_shared<std::packaged_task<Result()>>(std::move(task));
    std::future<Result> result = packaged->get_future();
    Enqueue([packaged] { (*packaged)(); });
    return result;
  }

 private:
  void Enqueue(std::function<void()> job);
  void Loop();
  // Unlocks `lock` and polls until a job is given or the destructor
  // starts (or kHandOffPoll has passed), then locks it again.
  void PollForNextJob(std::unique_lock<std::mutex>& lock);

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::atomic<unsigned> signals_{0};  // bumped by each job given and by the destructor
  std::thread thread_;  // started by the first job
};

}  // namespace archivar
