// Exit statuses shared by archivar-index and archivar-search.
#pragma once

namespace archivar::app {

enum ExitCode : int {
  kExitOk = 0,       // everything indexed / results found
  kExitPartial = 1,  // some records rejected / no results
  kExitFatal = 2,    // nothing could be done (bad arguments, no database, …)
  kExitInterrupted = 130,  // stopped by SIGINT/SIGTERM after committing
};

}  // namespace archivar::app
