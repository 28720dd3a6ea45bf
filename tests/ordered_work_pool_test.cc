// util/ordered_work_pool.h: parallel work, results consumed in input order.
#include "util/ordered_work_pool.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace archivar {
namespace {

TEST_CASE("OrderedWorkPool consumes every result in submission order") {
  std::vector<int> consumed;
  std::set<std::size_t> workers_used;
  std::mutex workers_mutex;
  OrderedWorkPool<int, int> pool(
      3, 8,
      [&](int&& item, std::size_t worker) {
        {
          std::lock_guard<std::mutex> lock(workers_mutex);
          workers_used.insert(worker);
        }
        // Later items finish first, so results arrive out of order.
        std::this_thread::sleep_for(std::chrono::microseconds((item % 5) * 200));
        return item * 10;
      },
      [&](int&& result) { consumed.push_back(result); });
  for (int i = 0; i < 200; ++i) REQUIRE(pool.Submit(i));
  pool.Finish();
  REQUIRE(consumed.size() == 200);
  for (int i = 0; i < 200; ++i) CHECK(consumed[static_cast<std::size_t>(i)] == i * 10);
  for (std::size_t worker : workers_used) CHECK(worker < 3);
}

TEST_CASE("OrderedWorkPool keeps at most `window` items in flight") {
  std::atomic<int> in_flight{0};
  std::atomic<int> most_in_flight{0};
  OrderedWorkPool<int, int> pool(
      2, 4,
      [&](int&& item, std::size_t) {
        int now = ++in_flight;
        int seen = most_in_flight.load();
        while (now > seen && !most_in_flight.compare_exchange_weak(seen, now)) {
        }
        return item;
      },
      [&](int&&) {
        std::this_thread::sleep_for(std::chrono::microseconds(300));  // a slow writer
        --in_flight;
      });
  for (int i = 0; i < 100; ++i) pool.Submit(i);
  pool.Finish();
  CHECK(most_in_flight.load() <= 4);
  CHECK(in_flight.load() == 0);
}

TEST_CASE("OrderedWorkPool bounds the weight in flight and lets an overweight item in alone") {
  std::atomic<int> weight_in_flight{0};
  std::atomic<int> most_weight{0};
  std::atomic<int> heavy_companions{0};  // other items in flight beside the heavy one
  OrderedWorkPool<int, int> pool(
      2, 10,
      [&](int&& weight, std::size_t) {
        int now = (weight_in_flight += weight);
        int seen = most_weight.load();
        while (now > seen && !most_weight.compare_exchange_weak(seen, now)) {
        }
        if (weight > 10 && now != weight) ++heavy_companions;
        return weight;
      },
      [&](int&& weight) {
        std::this_thread::sleep_for(std::chrono::microseconds(300));  // a slow writer
        weight_in_flight -= weight;
      });
  std::vector<int> weights;
  for (int i = 0; i < 60; ++i) weights.push_back(i == 30 ? 25 : 1 + i % 4);
  for (int weight : weights) REQUIRE(pool.Submit(weight, static_cast<std::size_t>(weight)));
  pool.Finish();
  CHECK(most_weight.load() == 25);  // the heavy item, alone
  CHECK(heavy_companions.load() == 0);
  CHECK(weight_in_flight.load() == 0);
}

TEST_CASE("OrderedWorkPool stops at the first error and rethrows it from Finish") {
  std::vector<int> consumed;
  OrderedWorkPool<int, int> pool(
      2, 4, [](int&& item, std::size_t) { return item; },
      [&](int&& result) {
        if (result == 10) throw std::runtime_error("disk full");
        consumed.push_back(result);
      });
  bool refused = false;
  for (int i = 0; i < 1000 && !refused; ++i) refused = !pool.Submit(i);
  CHECK(refused);  // the pool refused items once the consumer had failed
  CHECK_THROWS_WITH(pool.Finish(), "disk full");
  REQUIRE(consumed.size() == 10);  // everything before the failing item, in order
  CHECK(consumed.back() == 9);
}

TEST_CASE("OrderedWorkPool reports errors thrown by the work too") {
  OrderedWorkPool<int, int> pool(
      1, 2,
      [](int&& item, std::size_t) -> int {
        if (item == 3) throw std::runtime_error("cannot analyse");
        return item;
      },
      [](int&&) {});
  for (int i = 0; i < 50; ++i) {
    if (!pool.Submit(i)) break;
  }
  CHECK_THROWS_WITH(pool.Finish(), "cannot analyse");
}

TEST_CASE("OrderedWorkPool finishes cleanly with nothing submitted") {
  int consumed = 0;
  OrderedWorkPool<int, int> pool(
      2, 2, [](int&& item, std::size_t) { return item; }, [&](int&&) { ++consumed; });
  pool.Finish();
  pool.Finish();  // idempotent
  CHECK(consumed == 0);
}

}  // namespace
}  // namespace archivar
