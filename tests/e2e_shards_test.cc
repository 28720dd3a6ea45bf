// End-to-end: an archive split into shards, one of them served by
// xapian-tcpsrv, searched as one through a Xapian stub file — what
// archivar-search finds there is what it finds in one database.
#include "process_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

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

// xapian-tcpsrv serving one database on a free local port for the
// lifetime of the object.
class RemoteShard {
 public:
  RemoteShard(const Workspace& ws, const std::string& db) : ws_(ws), db_(db) {
    Start("$(shuf -i 20000-60000 -n 20)");  // random ports until one is free
  }
  ~RemoteShard() { Stop(); }
  RemoteShard(const RemoteShard&) = delete;
  RemoteShard& operator=(const RemoteShard&) = delete;

  // The stub file line that opens the remote shard.
  std::string StubLine() const { return "remote 127.0.0.1:" + std::to_string(port_) + "\n"; }

  // Stops the server and starts another on the same port, as when the
  // shard's machine restarts.
  void Restart() {
    Stop();
    Start(std::to_string(port_));
  }

 private:
  // Starts the server on the first of `ports` (a shell word list) where it
  // answers xapian-delve.
  void Start(const std::string& ports) {
    int status = ws_.Shell(
        "cd " + ShellQuote(ws_.Path("").string()) + " && for port in " + ports + "; do\n"
        // Its own session: on SIGTERM xapian-tcpsrv signals its whole
        // process group, which would otherwise hold this test.
        "  setsid xapian-tcpsrv --quiet --port $port " + ShellQuote(db_) + " > tcpsrv.log 2>&1 &\n"
        "  pid=$!\n"
        "  for try in $(seq 50); do\n"
        "    printf 'remote 127.0.0.1:%s\\n' $port > probe.stub\n"
        "    if xapian-delve probe.stub > /dev/null 2>&1; then echo $port $pid > server; exit 0; fi\n"
        "    kill -0 $pid 2> /dev/null || break\n"
        "    sleep 0.1\n"
        "  done\n"
        "  kill $pid 2> /dev/null\n"
        "done\n"
        "exit 1\n");
    std::ifstream server(ws_.Path("server"));
    if (status != 0 || !(server >> port_ >> pid_)) {
      FAIL("xapian-tcpsrv did not start: " << ReadFileOrEmpty(ws_.Path("tcpsrv.log")));
    }
  }

  // Stops the server and waits until its port refuses connections.
  void Stop() {
    if (pid_ <= 0) return;
    ws_.Shell("cd " + ShellQuote(ws_.Path("").string()) + " && kill " + std::to_string(pid_) +
              " && printf 'remote 127.0.0.1:%s\\n' " + std::to_string(port_) + " > probe.stub"
              " && for try in $(seq 50); do"
              " xapian-delve probe.stub > /dev/null 2>&1 || exit 0; sleep 0.1; done");
    pid_ = 0;
  }

  const Workspace& ws_;
  std::string db_;
  int port_ = 0;
  int pid_ = 0;
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
  // The batch reads its requests from a FIFO that a sleeping writer holds
  // open, so that requests can be sent one at a time.
  const std::string dir = "cd " + ShellQuote(ws.Path("").string()) + " && ";
  REQUIRE(ws.Shell(dir + "mkfifo requests && (sleep 60 > requests 2> /dev/null & echo $! > holder)"
                   " && (" + ShellQuote(archivar::testing::SearchProgram()) + " --db " +
                   ShellQuote(stub) + " --batch --limit 1 --no-snippets < requests > answers"
                   " 2> errors & echo $! > searcher)") == 0);
  // Sends request `qid` and waits for its answer line.
  auto ask = [&](int qid) {
    std::string n = std::to_string(qid);
    WriteFile(ws.Path("request").string(), "{\"qid\": " + n + ", \"query\": \"Hochwasser\"}\n");
    // (`timeout`: writing to a FIFO nobody reads would wait for ever.)
    return ws.Shell(dir + "timeout 10 sh -c 'cat request > requests'"
                    " && for try in $(seq 100); do [ $(wc -l < answers) -ge " + n +
                    " ] && exit 0; sleep 0.1; done; exit 1");
  };
  int first = ask(1);
  server.Restart();  // the batch's connection to it is broken now
  int second = ask(2);
  ws.Shell(dir + "kill $(cat holder); for try in $(seq 50); do"
           " kill -0 $(cat searcher) 2> /dev/null || exit 0; sleep 0.1; done");
  REQUIRE(first == 0);
  REQUIRE(second == 0);
  std::ifstream answers(ws.Path("answers"));
  std::string line;
  for (int qid = 1; std::getline(answers, line); ++qid) {
    json answer = json::parse(line);
    INFO(line);
    CHECK(answer["qid"] == qid);
    CHECK(!answer.contains("error"));
    CHECK(answer["results"].size() == 1);
  }
  CHECK(ReadFileOrEmpty(ws.Path("errors")).empty());
}
