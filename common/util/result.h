// Result<T>: a value or the reason there is none.  Used for expected,
// per-record failures (bad encoding, broken JSON line, bad date) that are
// reported and counted while the run goes on.  Unexpected failures are
// exceptions, caught once at the program's edge.
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace archivar {

template <typename T, typename E = std::string>
class Result {
 public:
  static Result Ok(T value) { return Result(std::move(value)); }
  static Result Fail(E error) {
    Result r;
    r.state_ = Failure{std::move(error)};
    return r;
  }

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }

  const T& value() const& { assert(ok()); return std::get<T>(state_); }
  T& value() & { assert(ok()); return std::get<T>(state_); }
  T&& value() && { assert(ok()); return std::get<T>(std::move(state_)); }

  // Why there is no value; only valid when !ok().
  const E& error() const { assert(!ok()); return std::get<Failure>(state_).error; }

 private:
  struct Failure { E error; };
  Result() = default;
  explicit Result(T value) : state_(std::move(value)) {}
  std::variant<Failure, T> state_;
};

}  // namespace archivar
