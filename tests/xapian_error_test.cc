// app/xapian_error.h: Xapian's exceptions as lines a person can act on.
#include "app/xapian_error.h"

#include <catch2/catch.hpp>

namespace archivar::app {
namespace {

TEST_CASE("A Xapian error names its type and the system's reason once") {
  Xapian::DatabaseOpeningError denied("Couldn't open /srv/db", EACCES);
  CHECK(WithReason(denied) == "Couldn't open /srv/db (Permission denied)");
  CHECK(DescribeXapianError(denied) ==
        "DatabaseOpeningError: Couldn't open /srv/db (Permission denied)");
  Xapian::DatabaseCorruptError corrupt("Bad block 7");
  CHECK(DescribeXapianError(corrupt) == "DatabaseCorruptError: Bad block 7");
  Xapian::DatabaseError said("Disk full (No space left on device)", ENOSPC);
  CHECK(WithReason(said) == "Disk full (No space left on device)");
}

TEST_CASE("An unreachable remote shard is named, with what to check") {
  Xapian::NetworkError refused("Couldn't connect", "remote:tcp(archiv2.example.org:7001)",
                               ECONNREFUSED);
  CHECK(DescribeXapianError(refused) ==
        "NetworkError: Couldn't connect (Connection refused) at remote shard "
        "remote:tcp(archiv2.example.org:7001); is xapian-tcpsrv running there and serving "
        "that database?");
  Xapian::NetworkError without_address("Timeout expired");
  CHECK(DescribeXapianError(without_address) == "NetworkError: Timeout expired");
}

}  // namespace
}  // namespace archivar::app
