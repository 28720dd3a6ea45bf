#include "app/xapian_error.h"

#include <string_view>

namespace archivar::app {

std::string WithReason(const Xapian::Error& e) {
  const char* reason = e.get_error_string();
  std::string message = e.get_msg();
  if (reason != nullptr && *reason != '\0' && message.find(reason) == std::string::npos) {
    message += std::string(" (") + reason + ")";
  }
  return message;
}

std::string DescribeXapianError(const Xapian::Error& e) {
  std::string described = e.get_type() + std::string(": ") + WithReason(e);
  // Xapian's errors have no virtual functions to cast by: the type names
  // NetworkError and its NetworkTimeoutError.
  bool network = std::string_view(e.get_type()).rfind("Network", 0) == 0;
  if (network && !e.get_context().empty()) {
    described += " at remote shard " + e.get_context() +
                 "; is xapian-tcpsrv running there and serving that database?";
  }
  return described;
}

}  // namespace archivar::app
