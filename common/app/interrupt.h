// Ctrl-C handling for long runs: the first SIGINT or SIGTERM asks the run
// to stop at the next record; the run then commits what it has and says
// how far it got.  A second signal ends the process at once (the database
// still holds the last commit).
#pragma once

namespace archivar::app {

// Installs the handlers (idempotent).
void InstallInterruptHandlers();

// True once SIGINT or SIGTERM was received.  Async-signal-safe.
bool InterruptRequested();

}  // namespace archivar::app
