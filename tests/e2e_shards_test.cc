// End-to-end, beyond one database: an archive split into shards, one of
// them served by xapian-tcpsrv, searched as one through a Xapian stub
// file — what archivar-search finds there is what it finds in one
// database; a shard that cannot be reached, a server that restarts under
// a long --batch, a database that moves under it; a replica kept by
// Xapian's replication.
#include "process_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using json = nlohmann::json;
using archivar::testing::ReadFileOrEmpty;
using archivar::testing::Run;
using archivar::testing::ShellQuote;
using archivar::testing::Workspace;
using archivar::testing::WriteFile;

// A server on a free local port for the lifetime of the object: ports are
// tried at random until `probe` succeeds.  `command` and `probe` are
// shell commands that use $port; `name` names the server in messages.
class LocalServer {
 public:
  LocalServer(const Workspace& ws, std::string name, std::string command, std::string probe)
      : ws_(ws), name_(std::move(name)), command_(std::move(command)), probe_(std::move(probe)) {
    Start("$(shuf -i 20000-60000 -n 20)");
  }
  ~LocalServer() { Stop(); }
  LocalServer(const LocalServer&) = delete;
  LocalServer& operator=(const LocalServer&) = delete;

  int Port() const { return port_; }

  // Stops the server and starts another on the same port, as when its
  // machine restarts.
  void Restart() {
    Stop();
    Start(std::to_string(port_));
  }

 private:
  // Starts the server on the first of `ports` (a shell word list) where
  // the probe succeeds.
  void Start(const std::string& ports) {
    int status = ws_.Shell(
        "for port in " + ports + "; do\n"
        // Its own session: on SIGTERM xapian-tcpsrv signals its whole
        // process group, which would otherwise hold this test.
        "  setsid " + command_ + " > " + name_ + ".log 2>&1 &\n"
        "  pid=$!\n"
        "  for try in $(seq 50); do\n"
        "    if " + probe_ + " > /dev/null 2>&1; then echo $port $pid > " + name_ + ".pid; exit 0; fi\n"
        "    kill -0 $pid 2> /dev/null || break\n"
        "    sleep 0.1\n"
        "  done\n"
        "  kill $pid 2> /dev/null\n"
        "done\n"
        "exit 1\n");
    std::ifstream server(ws_.Path(name_ + ".pid"));
    if (status != 0 || !(server >> port_ >> pid_)) {
      FAIL(name_ << " did not start: " << ReadFileOrEmpty(ws_.Path(name_ + ".log")));
    }
  }

  // Stops the server and waits until the probe fails (its port refuses).
  void Stop() {
    if (pid_ <= 0) return;
    ws_.Shell("kill " + std::to_string(pid_) + " && port=" + std::to_string(port_) +
              " && for try in $(seq 50); do " + probe_ +
              " > /dev/null 2>&1 || exit 0; sleep 0.1; done");
    pid_ = 0;
  }

  const Workspace& ws_;
  std::string name_;
  std::string command_;
  std::string probe_;
  int port_ = 0;
  int pid_ = 0;
};

// xapian-tcpsrv serving one database.
class RemoteShard : public LocalServer {
 public:
  RemoteShard(const Workspace& ws, const std::string& db)
      : LocalServer(ws, "xapian-tcpsrv", "xapian-tcpsrv --quiet --port $port " + ShellQuote(db),
                    "printf 'remote 127.0.0.1:%s\\n' $port > probe.stub &&"
                    " xapian-delve probe.stub") {}

  // The stub file line that opens the remote shard.
  std::string StubLine() const { return "remote 127.0.0.1:" + std::to_string(Port()) + "\n"; }
};

json SearchJson(const Workspace& ws, const std::string& db, std::vector<std::string> args) {
  args.insert(args.begin(), {"--db", db, "--json", "--no-snippets", "--limit", "20"});
  Run run = ws.Exec(archivar::testing::SearchProgram(), args);
  INFO("archivar-search on " << db << ": " << run.err);
  REQUIRE(run.status == 0);
  return json::parse(run.out);
}

// The dates of the hits, in order; without the undated ones when
// `undated` is false.
std::vector<std::string> Dates(const json& response, bool undated = true) {
  std::vector<std::string> dates;
  for (const auto& hit : response["results"]) {
    if (undated || hit["date"] != "") dates.push_back(hit["date"]);
  }
  return dates;
}

// archivar-search --batch on `db`, running while the test changes the
// world around it: requests are sent one at a time through a FIFO that a
// sleeping writer holds open.
class BatchThroughFifo {
 public:
  BatchThroughFifo(const Workspace& ws, const std::string& db)
      : ws_(ws) {
    started_ = ws.Shell("mkfifo requests && (sleep 60 > requests 2> /dev/null &"
                        " echo $! > holder) && (" +
                        ShellQuote(archivar::testing::SearchProgram()) + " --db " +
                        ShellQuote(db) + " --batch --limit 1 --no-snippets < requests"
                        " > answers 2> errors & echo $! > searcher)") == 0;
  }
  ~BatchThroughFifo() { Finish(); }
  BatchThroughFifo(const BatchThroughFifo&) = delete;
  BatchThroughFifo& operator=(const BatchThroughFifo&) = delete;

  // Sends request number `qid` for `query` and waits for its answer line;
  // the answer, or null when none came within 10 seconds.
  json Ask(int qid, const std::string& query) {
    WriteFile(ws_.Path("request").string(),
              json{{"qid", qid}, {"query", query}}.dump() + "\n");
    // (`timeout`: writing to a FIFO nobody reads would wait for ever.)
    int status = ws_.Shell("timeout 10 sh -c 'cat request > requests'"
                           " && for try in $(seq 100); do [ $(wc -l < answers) -ge " +
                           std::to_string(qid) + " ] && exit 0; sleep 0.1; done; exit 1");
    if (!started_ || status != 0) return json();
    std::ifstream answers(ws_.Path("answers"));
    std::string line;
    for (int answered = 0; answered < qid && std::getline(answers, line);) ++answered;
    return json::parse(line, nullptr, /*allow_exceptions=*/false);
  }

  // What the batch wrote to standard error so far.
  std::string Errors() const { return ReadFileOrEmpty(ws_.Path("errors")); }

 private:
  // Ends the batch: the FIFO's writer goes, the batch reads its end.
  void Finish() {
    // (Gone, or a zombie nobody reaps in a container: state Z.)
    ws_.Shell("kill $(cat holder) 2> /dev/null; for try in $(seq 50); do"
              " state=$(awk '{print $3}' /proc/$(cat searcher)/stat 2> /dev/null);"
              " [ -z \"$state\" ] || [ \"$state\" = Z ] && exit 0; sleep 0.1; done");
  }

  const Workspace& ws_;
  bool started_ = false;
};

}  // namespace

TEST_CASE("Shards searched as one, one served by xapian-tcpsrv, answer as one database") {
  Workspace ws;
  const std::string corpus = ARCHIVAR_SOURCE_DIR "/corpus/";
  REQUIRE(ws.Index({corpus}).status == 0);  // the whole archive in one database
  auto index_shard = [&](const std::string& name, std::vector<std::string> inputs) {
    inputs.insert(inputs.begin(), {"--db", ws.Path(name).string()});
    Run run = ws.Exec(archivar::testing::IndexProgram(), inputs);
    INFO(run.err);
    REQUIRE(run.status == 0);
  };
  index_shard("local-shard", {corpus + "tagesblatt.jsonl", corpus + "agentur"});
  index_shard("remote-shard", {corpus + "regional.jsonl", corpus + "archiv_2016.jsonl.gz"});
  RemoteShard server(ws, ws.Path("remote-shard").string());
  WriteFile(ws.Path("shards.stub").string(),
            "glass " + ws.Path("local-shard").string() + "\n" + server.StubLine());
  const std::string shards = ws.Path("shards.stub").string();

  const std::string query = "Berlin OR Polizei OR Regierung OR Merkel OR Wien";
  SECTION("facets, persons among them, count every match of every shard") {
    std::vector<std::string> args{query, "--facet", "year", "--facet", "source", "--facet",
                                  "person"};
    json whole = SearchJson(ws, ws.Db(), args);
    json sharded = SearchJson(ws, shards, args);
    CHECK(whole["facets"]["person"].size() > 1);
    CHECK(whole["facets"]["source"].size() > 1);
    CHECK(sharded["facets"] == whole["facets"]);
    CHECK(sharded["total"] == whole["total"]);
    CHECK(sharded["facet_sample_step"] == 1);
  }
  SECTION("newest first and oldest first, undated articles last either way") {
    json whole = SearchJson(ws, ws.Db(), {query, "--sort", "newest"});
    json sharded = SearchJson(ws, shards, {query, "--sort", "newest"});
    CHECK(Dates(whole).size() > Dates(whole, false).size());  // some undated
    CHECK(Dates(whole).back().empty());
    CHECK(Dates(sharded) == Dates(whole));

    whole = SearchJson(ws, ws.Db(), {query, "--sort", "oldest"});
    sharded = SearchJson(ws, shards, {query, "--sort", "oldest"});
    CHECK(Dates(whole).back().empty());
    CHECK(!Dates(whole).front().empty());
    CHECK(Dates(sharded) == Dates(whole));
    CHECK(sharded["total"] == whole["total"]);
  }
  SECTION("the persons of the archive") {
    auto persons = [&](const std::string& db) {
      Run run = ws.Exec(archivar::testing::SearchProgram(), {"--db", db, "--persons", ""});
      INFO(run.err);
      REQUIRE(run.status == 0);
      return run.out;
    };
    std::string whole = persons(ws.Db());
    CHECK(whole.find("Merkel") != std::string::npos);
    CHECK(persons(shards) == whole);
  }
}

TEST_CASE("A remote shard nobody serves fails the search with its address and what to check") {
  Workspace ws;
  REQUIRE(ws.Index({ARCHIVAR_SOURCE_DIR "/corpus/regional.jsonl"}).status == 0);
  std::string stub_line;
  {
    RemoteShard server(ws, ws.Db());
    stub_line = server.StubLine();
  }  // stopped, and gone
  const std::string stub = ws.Path("gone.stub").string();
  WriteFile(stub, stub_line);
  for (std::string mode : {"", "--batch"}) {
    INFO("mode " << mode);
    std::vector<std::string> args{"--db", stub, mode.empty() ? "Polizei" : mode};
    Run run = ws.Exec(archivar::testing::SearchProgram(), args, "{\"query\": \"Polizei\"}\n");
    CHECK(run.status == 2);
    CHECK(run.err.find("NetworkError: ") != std::string::npos);
    CHECK(run.err.find("at remote shard remote:tcp(127.0.0.1:") != std::string::npos);
    CHECK(run.err.find("is xapian-tcpsrv running there") != std::string::npos);
    CHECK(run.out.empty());
  }
}

TEST_CASE("A long --batch searches on after the server of a remote shard restarted") {
  Workspace ws;
  REQUIRE(ws.Index({ARCHIVAR_SOURCE_DIR "/corpus/regional.jsonl"}).status == 0);
  RemoteShard server(ws, ws.Db());
  const std::string stub = ws.Path("remote.stub").string();
  WriteFile(stub, server.StubLine());
  BatchThroughFifo batch(ws, stub);
  CHECK(batch.Ask(1, "Hochwasser")["results"].size() == 1);
  server.Restart();  // the batch's connection to it is broken now
  json second = batch.Ask(2, "Hochwasser");
  INFO(second.dump() << batch.Errors());
  CHECK(second["qid"] == 2);
  CHECK(second["results"].size() == 1);
  CHECK(batch.Errors().empty());
}

TEST_CASE("A long --batch follows its database to a new copy, as on a replica after a full copy") {
  Workspace ws;
  const std::string corpus = ARCHIVAR_SOURCE_DIR "/corpus/";
  auto index = [&](const std::string& name, const std::string& input) {
    Run run = ws.Exec(archivar::testing::IndexProgram(), {"--db", ws.Path(name).string(), input});
    INFO(run.err);
    REQUIRE(run.status == 0);
  };
  index("copy_1", corpus + "regional.jsonl");
  index("copy_2", corpus + "tagesblatt.jsonl");
  // A replica's directory is a stub file naming its current copy.
  const std::string stub = ws.Path("replica.stub").string();
  WriteFile(stub, "auto copy_1\n");
  BatchThroughFifo batch(ws, stub);
  json first = batch.Ask(1, "Hochwasser OR Wasserstoff");
  std::string first_id = first["results"].empty() ? "" : first["results"][0]["id"];
  CHECK(first_id.rfind("tb-", 0) != 0);  // not from Tagesblatt
  // The copy is replaced: the stub names the new one, the old one goes.
  WriteFile(stub, "auto copy_2\n");
  std::filesystem::remove_all(ws.Path("copy_1"));
  REQUIRE(ws.Shell("sleep 1.2") == 0);  // the batch checks for changes once a second
  json second = batch.Ask(2, "Hochwasser OR Wasserstoff");
  INFO(second.dump() << batch.Errors());
  CHECK(second["qid"] == 2);
  REQUIRE(second["results"].size() == 1);
  CHECK(second["results"][0]["id"].get<std::string>().rfind("tb-", 0) == 0);
  CHECK(batch.Errors().empty());
}

TEST_CASE("A replica kept by Xapian's replication answers as its master, changes included") {
  Workspace ws;
  const std::string corpus = ARCHIVAR_SOURCE_DIR "/corpus/";
  std::filesystem::create_directories(ws.Path("master"));
  const std::string master = ws.Path("master/archive").string();
  const std::string replica = ws.Path("replica").string();
  auto index = [&](const std::string& input) {
    // With changesets the master sends its changes, not whole copies.
    Run run = ws.Exec("env", {"XAPIAN_MAX_CHANGESETS=10", archivar::testing::IndexProgram(),
                              "--db", master, input});
    INFO(run.err);
    REQUIRE(run.status == 0);
  };
  index(corpus + "regional.jsonl");
  LocalServer server(ws, "xapian-replicate-server",
                     "xapian-replicate-server --port $port " +
                         ShellQuote(ws.Path("master").string()),
                     "xapian-replicate --host 127.0.0.1 --port $port --master archive"
                     " --one-shot --quiet probe-replica");
  auto replicate = [&] {
    return ws.Shell("xapian-replicate --host 127.0.0.1 --port " + std::to_string(server.Port()) +
                    " --master archive --one-shot --verbose --reader-time 0 " +
                    ShellQuote(replica) +
                    " > " + ShellQuote(ws.Path("replicate.log").string()) + " 2>&1");
  };
  const std::vector<std::string> query{"Hochwasser OR Wasserstoff OR Wien", "--facet", "source"};
  REQUIRE(replicate() == 0);  // a whole copy
  json from_master = SearchJson(ws, master, query);
  CHECK(SearchJson(ws, replica, query) == from_master);

  index(corpus + "tagesblatt.jsonl");
  REQUIRE(replicate() == 0);  // the changes
  std::string log = ReadFileOrEmpty(ws.Path("replicate.log"));
  INFO(log);
  CHECK(log.find("0 copies, 1 changesets") != std::string::npos);
  json changed = SearchJson(ws, master, query);
  CHECK(changed["total"] > from_master["total"]);
  CHECK(SearchJson(ws, replica, query) == changed);
}
