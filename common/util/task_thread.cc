#include "util/task_thread.h"

#include "util/poll_until.h"

namespace archivar {

TaskThread::~TaskThread() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    signals_.fetch_add(1, std::memory_order_release);
  }
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void TaskThread::Enqueue(std::function<void()> job) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back(std::move(job));
    signals_.fetch_add(1, std::memory_order_release);
    if (!thread_.joinable()) thread_ = std::thread([this] { Loop(); });
  }
  wake_.notify_one();
}

void TaskThread::Loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    if (jobs_.empty() && !stopping_) PollForNextJob(lock);
    wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (jobs_.empty()) return;  // stopping, nothing left
    std::function<void()> job = std::move(jobs_.front());
    jobs_.pop_front();
    lock.unlock();
    job();  // a packaged_task: its exception goes to its future
    lock.lock();
  }
}

void TaskThread::PollForNextJob(std::unique_lock<std::mutex>& lock) {
  unsigned seen = signals_.load(std::memory_order_acquire);
  lock.unlock();
  PollUntil([this, seen] { return signals_.load(std::memory_order_acquire) != seen; });
  lock.lock();
}

}  // namespace archivar
