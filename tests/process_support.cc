#include "process_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace archivar::testing {

namespace fs = std::filesystem;

std::string ReadFileOrEmpty(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string ShellQuote(const std::string& arg) {
  std::string quoted = "'";
  for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string JsonLine(const std::string& id, const std::string& title, const std::string& date,
                     const std::string& source, const std::string& category,
                     const std::string& body) {
  return nlohmann::json{{"id", id},         {"title", title},       {"date", date},
                        {"source", source}, {"category", category}, {"body", body}}
             .dump() +
         "\n";
}

const char* IndexProgram() { return ARCHIVAR_INDEX_BIN; }
const char* SearchProgram() { return ARCHIVAR_SEARCH_BIN; }

namespace {

// The current environment with NO_COLOR=1 added.
std::vector<std::string> ChildEnvironment() {
  std::vector<std::string> env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    if (std::strncmp(*entry, "NO_COLOR=", 9) != 0) env.emplace_back(*entry);
  }
  env.emplace_back("NO_COLOR=1");
  return env;
}

std::vector<char*> Pointers(std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (auto& s : strings) pointers.push_back(s.data());
  pointers.push_back(nullptr);
  return pointers;
}

// Resets this process's peak resident size to its current size.  A child
// started with posix_spawn inherits its parent's peak at exec (Linux keeps
// the larger of the old and new address space's peak), so without this a
// test that once held a 100 MB string would measure that instead of the
// child.  Best effort: without /proc/self/clear_refs the peak is an upper
// bound.
void ResetPeakMemory() {
  std::ofstream clear_refs("/proc/self/clear_refs");
  clear_refs << "5";
}

}  // namespace

Run Workspace::Exec(const std::string& program, const std::vector<std::string>& args,
                    const std::string& stdin_text) const {
  std::string in = Path("stdin").string(), out = Path("stdout").string(),
              err = Path("stderr").string();
  WriteFile(in, stdin_text);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, in.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&actions, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);

  std::vector<std::string> argv_strings = {program};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  std::vector<std::string> env_strings = ChildEnvironment();
  std::vector<char*> argv = Pointers(argv_strings), envp = Pointers(env_strings);

  ResetPeakMemory();
  pid_t pid = 0;
  int spawned = posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    throw std::runtime_error("cannot start " + program + ": " + std::strerror(spawned));
  }
  int raw = 0;
  struct rusage usage {};
  while (wait4(pid, &raw, 0, &usage) < 0) {
    if (errno != EINTR) throw std::runtime_error("wait4: " + std::string(std::strerror(errno)));
  }
  Run run;
  run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  run.signal = WIFSIGNALED(raw) ? WTERMSIG(raw) : 0;
  run.out = ReadFileOrEmpty(out);
  run.err = ReadFileOrEmpty(err);
  run.peak_rss_kib = usage.ru_maxrss;
  return run;
}

Run Workspace::Index(std::vector<std::string> args, const std::string& stdin_text) const {
  args.insert(args.begin(), {"--db", Db()});
  return Exec(IndexProgram(), args, stdin_text);
}

Run Workspace::Search(std::vector<std::string> args) const {
  args.insert(args.begin(), {"--db", Db()});
  return Exec(SearchProgram(), args);
}

std::vector<std::string> Workspace::Ids(std::vector<std::string> args) const {
  args.insert(args.end(), {"--json", "--limit", "100"});
  Run run = Search(args);
  INFO(run.err);
  REQUIRE(run.status <= 1);
  std::vector<std::string> ids;
  nlohmann::json doc = nlohmann::json::parse(run.out);
  for (const auto& result : doc["results"]) {
    ids.push_back(result["id"].get<std::string>());
  }
  return ids;
}

int Workspace::Shell(const std::string& script) const {
  WriteFile(Path("script.sh").string(), script);
  int raw = std::system(("cd " + ShellQuote(Path("").string()) + " && bash script.sh").c_str());
  return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
}

}  // namespace archivar::testing
