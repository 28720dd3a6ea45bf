// OrderedWorkPool<In, Out>: runs `work` on submitted items in worker
// threads and hands every result to `consume` on one consumer thread, in
// the order the items were submitted — the shape of the indexer: articles
// are analysed in parallel and written by a single writer, in input order.
//
// Memory is bounded: the items in flight (submitted but not yet consumed)
// weigh at most `window` together — each item weighs 1 unless submitted
// with a weight (its size, say) — and Submit() blocks beyond that.  An
// item heavier than the window is let in alone.
//
// Errors: the first exception thrown by `work` or `consume` stops the pool
// (later items are dropped, Submit() returns false) and is rethrown by
// Finish().  `work` gets the index of its worker thread (0 … threads-1) so
// it can use per-thread state without locking.
//
// Submit() and Finish() must be called from one thread (the producer).
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace archivar {

template <typename In, typename Out>
class OrderedWorkPool {
 public:
  using Work = std::function<Out(In&& item, std::size_t worker)>;
  using Consume = std::function<void(Out&& result)>;

  OrderedWorkPool(std::size_t threads, std::size_t window, Work work, Consume consume)
      : window_(std::max<std::size_t>(window, 1)),
        work_(std::move(work)),
        consume_(std::move(consume)) {
    threads = std::max<std::size_t>(threads, 1);
    for (std::size_t i = 0; i < threads; ++i) {
      workers_.emplace_back([this, i] { RunWorker(i); });
    }
    consumer_ = std::thread([this] { RunConsumer(); });
  }

  ~OrderedWorkPool() {
    try {
      Finish();
    } catch (...) {
      // Finish() reports errors to callers that call it explicitly.
    }
  }

  OrderedWorkPool(const OrderedWorkPool&) = delete;
  OrderedWorkPool& operator=(const OrderedWorkPool&) = delete;

  // Queues `item`; blocks while it would take the weight in flight past
  // the window.  Returns false (dropping the item) once the pool has failed.
  bool Submit(In item, std::size_t weight = 1) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] {
      return failed_ || weight_in_flight_ == 0 || weight_in_flight_ + weight <= window_;
    });
    if (failed_) return false;
    weight_in_flight_ += weight;
    weights_in_flight_.push_back(weight);
    pending_.emplace_back(submitted_++, std::move(item));
    work_ready_.notify_one();
    return true;
  }

  // True once `work` or `consume` has thrown.
  bool Failed() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return failed_;
  }

  // Waits until every submitted item is consumed (or the pool failed),
  // stops the threads and rethrows the first error.  Idempotent.
  void Finish() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (finished_) return;
      finished_ = true;
      closing_ = true;
    }
    work_ready_.notify_all();
    for (auto& worker : workers_) worker.join();
    {
      std::lock_guard<std::mutex> lock(mutex_);
      workers_done_ = true;
    }
    result_ready_.notify_all();
    consumer_.join();
    if (error_) std::rethrow_exception(error_);
  }

 private:
  void Fail(std::exception_ptr error) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!failed_) error_ = error;
    failed_ = true;
    pending_.clear();
    work_ready_.notify_all();
    result_ready_.notify_all();
    room_.notify_all();
  }

  void RunWorker(std::size_t worker) {
    for (;;) {
      std::pair<std::size_t, In> job;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        work_ready_.wait(lock, [&] { return failed_ || closing_ || !pending_.empty(); });
        if (failed_ || pending_.empty()) return;  // closing with nothing left
        job = std::move(pending_.front());
        pending_.pop_front();
      }
      try {
        Out result = work_(std::move(job.second), worker);
        std::lock_guard<std::mutex> lock(mutex_);
        results_.emplace(job.first, std::move(result));
        result_ready_.notify_one();
      } catch (...) {
        Fail(std::current_exception());
        return;
      }
    }
  }

  void RunConsumer() {
    for (;;) {
      Out result;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        result_ready_.wait(lock, [&] {
          return failed_ || results_.count(consumed_) > 0 ||
                 (workers_done_ && consumed_ == submitted_);
        });
        if (failed_ || results_.count(consumed_) == 0) return;
        auto next = results_.find(consumed_);
        result = std::move(next->second);
        results_.erase(next);
      }
      try {
        consume_(std::move(result));
      } catch (...) {
        Fail(std::current_exception());
        return;
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        ++consumed_;
        weight_in_flight_ -= weights_in_flight_.front();
        weights_in_flight_.pop_front();
      }
      room_.notify_one();
    }
  }

  const std::size_t window_;
  Work work_;
  Consume consume_;

  mutable std::mutex mutex_;
  std::condition_variable work_ready_;    // pending_ grew, or closing/failed
  std::condition_variable result_ready_;  // results_ grew, or done/failed
  std::condition_variable room_;          // an item was consumed, or failed
  std::deque<std::pair<std::size_t, In>> pending_;  // sequence number, item
  std::map<std::size_t, Out> results_;              // by sequence number
  std::deque<std::size_t> weights_in_flight_;  // in submission (= consumption) order
  std::size_t weight_in_flight_ = 0;           // their sum
  std::size_t submitted_ = 0;
  std::size_t consumed_ = 0;
  bool closing_ = false;       // no more submissions
  bool workers_done_ = false;  // every worker has returned
  bool finished_ = false;
  bool failed_ = false;
  std::exception_ptr error_;

  std::vector<std::thread> workers_;
  std::thread consumer_;
};

}  // namespace archivar
