"""Engine adapters: one small class per search engine under test.

Every adapter offers the same two calls, so the evaluation never needs to
know which engine it is talking to:

    index(db_dir, files) -> seconds        build a fresh on-disk database
    search(db_dir, queries, limit) -> SearchRun
        queries: [(qid, text)]; SearchRun.rankings maps qid -> ids, best first

Both adapters run the engine's programs (no library calls), so what is
measured is what a user of the command line gets.
"""

import concurrent.futures
import dataclasses
import json
import subprocess
import time


@dataclasses.dataclass
class SearchRun:
    rankings: dict  # qid -> [id, ...] best first
    errors: dict    # qid -> message, for queries the engine refused
    seconds: float


class EngineError(RuntimeError):
    pass


def _run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, **kwargs)


def _timed_index(command):
    start = time.monotonic()
    result = _run(command)
    seconds = time.monotonic() - start
    if result.returncode not in (0, 1):  # 1: some records were rejected
        raise EngineError(f"{' '.join(command[:2])} failed:\n{result.stderr}")
    return seconds


class Archivar:
    """archivar-index / archivar-search, one search process per query."""

    name = "Archivar"

    def __init__(self, index_program, search_program, workers=2):
        self.index_program = index_program
        self.search_program = search_program
        self.workers = workers

    def index(self, db_dir, files):
        return _timed_index([self.index_program, "--quiet", "--db", db_dir, *files])

    def search(self, db_dir, queries, limit):
        start = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(self.workers) as pool:
            answers = list(pool.map(lambda query: self._search_one(db_dir, *query, limit),
                                    queries))
        run = SearchRun({}, {}, time.monotonic() - start)
        for qid, ids, error in answers:
            run.rankings[qid] = ids
            if error:
                run.errors[qid] = error
        return run

    def _search_one(self, db_dir, qid, text, limit):
        """Returns (qid, ids, error message or None)."""
        result = _run([self.search_program, "--db", db_dir, "--json",
                       "--limit", str(limit), "--", text])
        if result.returncode == 2:  # e.g. a query of stop words only
            return qid, [], result.stderr.strip()
        if result.returncode not in (0, 1):  # 1: no results
            raise EngineError(f"archivar-search {text!r}: {result.stderr}")
        response = json.loads(result.stdout)
        return qid, [hit["id"] for hit in response["results"]], None


class XapianBaseline:
    """bench/baseline/xapian-baseline; all queries through one batch process."""

    name = "Xapian"

    def __init__(self, program):
        self.program = program

    def index(self, db_dir, files):
        return _timed_index([self.program, "index", db_dir, *files])

    def search(self, db_dir, queries, limit):
        start = time.monotonic()
        requests = "".join(json.dumps({"qid": qid, "query": text}) + "\n"
                           for qid, text in queries)
        result = _run([self.program, "batch", db_dir, "--limit", str(limit)],
                      input=requests)
        if result.returncode != 0:
            raise EngineError(f"xapian-baseline batch failed:\n{result.stderr}")
        run = SearchRun({}, {}, 0.0)
        for line in result.stdout.splitlines():
            answer = json.loads(line)
            run.rankings[answer["qid"]] = answer["ids"]
            if "error" in answer:
                run.errors[answer["qid"]] = answer["error"]
        run.seconds = time.monotonic() - start
        return run
