// Xapian's exceptions as lines a person can act on: the system's reason
// when Xapian knows it, and for a remote shard that cannot be reached,
// which one and what to check.
#pragma once

#include <xapian.h>

#include <string>

namespace archivar::app {

// Xapian's message, then the system's reason in brackets when Xapian
// knows one it does not already say ("… (Permission denied)").
std::string WithReason(const Xapian::Error& e);

// The error's type and WithReason; for a NetworkError (a remote shard,
// remote_shards.h) also the shard's address and a hint to check that
// xapian-tcpsrv serves it.
std::string DescribeXapianError(const Xapian::Error& e);

}  // namespace archivar::app
