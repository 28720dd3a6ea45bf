// Ctrl-C handling for long runs: the first SIGINT or SIGTERM asks the run
// to stop at the next record; the run then commits what it has and says
// how far it got.  A second signal ends the process at once (the database
// still holds the last commit).
//
// SIGXFSZ is ignored too: past a file size limit (`ulimit -f`, which is how
// a full disk can be simulated, and how some batch systems cap output) a
// write then fails with EFBIG, Xapian throws, and the run ends with a clear
// message and the database as of its last commit, instead of the process
// being killed in the middle of a write.
#pragma once

namespace archivar::app {

// Installs the handlers and ignores SIGXFSZ (idempotent).
void InstallInterruptHandlers();

// True once SIGINT or SIGTERM was received.  Async-signal-safe.
bool InterruptRequested();

}  // namespace archivar::app
