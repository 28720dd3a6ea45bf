// util/task_thread.h: one background thread running tasks in order.
#include "util/task_thread.h"

#include "util/poll_until.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace archivar {
namespace {

TEST_CASE("TaskThread runs tasks one after another on one other thread") {
  TaskThread worker;
  std::vector<int> order;  // written by the worker only
  std::vector<std::future<std::thread::id>> runs;
  for (int i = 0; i < 20; ++i) {
    runs.push_back(worker.Run([&order, i] {
      // Earlier tasks sleep longer: a second thread would finish them last.
      std::this_thread::sleep_for(std::chrono::microseconds((20 - i) * 50));
      order.push_back(i);
      return std::this_thread::get_id();
    }));
  }
  std::thread::id first = runs.front().get();
  CHECK(first != std::this_thread::get_id());
  for (auto& run : runs) {
    if (run.valid()) CHECK(run.get() == first);
  }
  std::vector<int> expected;
  for (int i = 0; i < 20; ++i) expected.push_back(i);
  CHECK(order == expected);
}

TEST_CASE("TaskThread hands a task's result and exception to its future") {
  TaskThread worker;
  auto sum = worker.Run([] { return std::string("ab") + "c"; });
  auto failing = worker.Run([]() -> int { throw std::runtime_error("no count"); });
  auto after = worker.Run([] { return 7; });
  CHECK(sum.get() == "abc");
  // The thread goes on after a failed task.  (Asked first: by then the
  // thread has let go of the failed task, so the exception is freed on
  // this thread — ThreadSanitizer cannot see the reference count inside
  // the uninstrumented C++ library and reported the other order as a race.)
  CHECK(after.get() == 7);
  CHECK_THROWS_WITH(failing.get(), "no count");
}

TEST_CASE("TaskThread finishes the tasks given before it is destroyed") {
  int done = 0;
  {
    TaskThread worker;
    for (int i = 0; i < 5; ++i) {
      worker.Run([&done] {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        ++done;
      });
    }
  }
  CHECK(done == 5);
}

TEST_CASE("TaskThread runs a task given while it polls for one, and one given after it slept") {
  TaskThread worker;
  CHECK(worker.Run([] { return 1; }).get() == 1);
  CHECK(worker.Run([] { return 2; }).get() == 2);  // given at once: the thread still polls
  std::this_thread::sleep_for(kHandOffPoll * 5);  // long past the poll: the thread sleeps
  CHECK(worker.Run([] { return 3; }).get() == 3);
}

}  // namespace
}  // namespace archivar
