// util/poll_until.h: polling for another thread's work before blocking.
#include "util/poll_until.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <future>
#include <stdexcept>
#include <thread>

namespace archivar {
namespace {

TEST_CASE("PollUntil returns once another thread makes the condition true") {
  std::atomic<bool> done{false};
  std::thread worker([&done] {
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
    done = true;
  });
  // A limit far beyond the worker's sleep: only the condition ends the wait.
  CHECK(PollUntil([&done] { return done.load(); }, std::chrono::seconds(30)));
  worker.join();
}

TEST_CASE("PollUntil gives up after its limit when the condition stays false") {
  auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(PollUntil([] { return false; }, std::chrono::microseconds(3000)));
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::microseconds(3000));
  CHECK(PollUntil([] { return true; }, std::chrono::microseconds(0)));  // asked at least once
}

TEST_CASE("IsReady tells whether a future's value has been set") {
  std::promise<int> promise;
  std::future<int> result = promise.get_future();
  CHECK_FALSE(IsReady(result));
  promise.set_value(4);
  CHECK(IsReady(result));
  CHECK(result.get() == 4);
}

TEST_CASE("GetPolling returns the value another thread sets, or throws its exception") {
  std::promise<int> value, failure;
  std::future<int> result = value.get_future(), failed = failure.get_future();
  std::thread setter([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(3));  // past the poll: then blocks
    value.set_value(7);
    failure.set_exception(std::make_exception_ptr(std::runtime_error("broken")));
  });
  CHECK(GetPolling(result) == 7);
  CHECK_THROWS_WITH(GetPolling(failed), "broken");
  setter.join();
}

}  // namespace
}  // namespace archivar
