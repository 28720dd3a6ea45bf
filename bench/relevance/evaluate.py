#!/usr/bin/env python3
"""Relevance benchmark: Archivar against a plain Xapian baseline.

Indexes each collection with each engine into a temporary directory, puts
every judged query to both engines twice (as typed, and with every word
required), scores the rankings and prints the tables. See bench/README.md.
Usually started through run.sh, which builds the programs first.
"""

import argparse
import collections
import dataclasses
import os
import shutil
import sys
import tempfile
import time

import datasets
import engines
import metrics
import report
from query_rewrite import OPERATORS

REPO_ROOT = os.path.normpath(os.path.join(datasets.HERE, "..", ".."))
RESULTS_PER_QUERY = 100  # the engines' --limit


@dataclasses.dataclass(frozen=True)
class QueryScores:
    mrr10: float
    recall10: float
    ndcg10: float
    recall100: float
    first_relevant_rank: object  # int (1-based) or None if not in the results


def score(ranking, relevant):
    first_rank = next((rank for rank, doc_id in enumerate(ranking, start=1)
                       if doc_id in relevant), None)
    return QueryScores(mrr10=metrics.reciprocal_rank(ranking, relevant),
                       recall10=metrics.recall(ranking, relevant, 10),
                       ndcg10=metrics.ndcg(ranking, relevant),
                       recall100=metrics.recall(ranking, relevant, 100),
                       first_relevant_rank=first_rank)


@dataclasses.dataclass
class Evaluation:
    """Everything measured in one run."""
    query_sets: list
    engine_names: list
    scores: dict = dataclasses.field(default_factory=dict)         # (operator, engine, qid)
    errors: dict = dataclasses.field(default_factory=dict)         # (operator, engine, qid) -> message
    index_seconds: dict = dataclasses.field(default_factory=dict)  # (engine, collection name)
    search_seconds: dict = dataclasses.field(default_factory=collections.Counter)  # engine

    def record(self, operator, engine_name, queries, run):
        """Scores one engines.SearchRun of `queries` under `operator`."""
        self.search_seconds[engine_name] += run.seconds
        for query in queries:
            self.scores[operator, engine_name, query.qid] = score(
                run.rankings.get(query.qid, []), query.relevant)
        for qid, message in run.errors.items():
            self.errors[operator, engine_name, qid] = message


def queries_by_collection(query_sets):
    """Groups the queries of all sets by the collection they search."""
    grouped = {}
    for query_set in query_sets:
        grouped.setdefault(query_set.collection, []).extend(query_set.queries)
    return grouped.items()


def evaluate_engine(engine, query_sets, work_dir, evaluation):
    """Indexes every collection with `engine` and scores every query on it."""
    for collection, queries in queries_by_collection(query_sets):
        db_dir = os.path.join(work_dir, f"{engine.name}-{collection.name}.db")
        progress(f"{engine.name}: indexing {collection.name}")
        evaluation.index_seconds[engine.name, collection.name] = engine.index(
            db_dir, collection.files)
        for operator, rewrite in OPERATORS.items():
            progress(f"{engine.name}: {len(queries)} queries on {collection.name}, {operator}")
            run = engine.search(db_dir, [(q.qid, rewrite(q.text)) for q in queries],
                                RESULTS_PER_QUERY)
            evaluation.record(operator, engine.name, queries, run)


def check_query_sets(query_sets):
    """Returns a list of problems: duplicate qids, judged ids not in the collection."""
    problems = []
    for collection, queries in queries_by_collection(query_sets):
        counts = collections.Counter(query.qid for query in queries)
        problems += [f"qid {qid} occurs {n} times on {collection.name}"
                     for qid, n in counts.items() if n > 1]
    for query_set in query_sets:
        problems += [f"{query_set.name}: query {qid} judges {doc_id}, which is not "
                     f"in the {query_set.collection.name} collection"
                     for qid, doc_id in datasets.missing_judged_ids(query_set)]
    return problems


def snapshot_programs(programs, bin_dir):
    """Copies the programs into bin_dir and returns their new paths.

    A build that finishes while the benchmark runs would otherwise mix two
    versions (an index written by one analyser, searched by another).
    """
    os.makedirs(bin_dir)
    copies = {}
    for name, path in programs.items():
        if not os.access(path, os.X_OK):
            raise SystemExit(f"relevance benchmark: {path} is missing; build it first "
                             f"(bench/relevance/run.sh does)")
        stamp = time.strftime("%Y-%m-%d %H:%M", time.localtime(os.path.getmtime(path)))
        progress(f"using {os.path.relpath(path, REPO_ROOT)} (built {stamp})")
        copies[name] = shutil.copy2(path, os.path.join(bin_dir, name))
    return copies


def progress(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=os.path.join(REPO_ROOT, "..", "shared", "corpora"),
                        help="folder with the shared corpora (default: ../shared/corpora "
                             "next to the repository)")
    parser.add_argument("--archivar-build", default=os.path.join(REPO_ROOT, "build"),
                        help="build folder with indexer/archivar-index and "
                             "searcher/archivar-search (default: build/)")
    parser.add_argument("--baseline",
                        default=os.path.join(REPO_ROOT, "build-bench", "baseline",
                                             "xapian-baseline"),
                        help="the xapian-baseline program")
    parser.add_argument("--sets", default=None,
                        help="comma-separated query sets to run (xquad, news, "
                             "compound-part recall); default: all")
    parser.add_argument("--workers", type=int, default=2,
                        help="archivar-search processes run at a time (default 2)")
    parser.add_argument("--per-query", action="store_true",
                        help="also list the rank of the first relevant article for "
                             "every known-item news query")
    return parser.parse_args()


def selected_query_sets(corpora, names):
    query_sets = datasets.standard_query_sets(corpora)
    if names is None:
        return query_sets
    wanted = {name.strip() for name in names.split(",")}
    return [query_set for query_set in query_sets if query_set.name in wanted]


def main():
    args = parse_args()
    if not os.path.isdir(args.corpora):
        print(f"relevance benchmark skipped: no shared corpora at "
              f"{os.path.normpath(args.corpora)}")
        return 0
    query_sets = selected_query_sets(args.corpora, args.sets)
    problems = check_query_sets(query_sets)
    if problems:
        print("relevance benchmark: the judgments do not fit the corpora:\n  "
              + "\n  ".join(problems), file=sys.stderr)
        return 2
    programs = {
        "archivar-index": os.path.join(args.archivar_build, "indexer", "archivar-index"),
        "archivar-search": os.path.join(args.archivar_build, "searcher", "archivar-search"),
        "xapian-baseline": args.baseline,
    }
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="archivar-relevance-") as work_dir:
        programs = snapshot_programs(programs, os.path.join(work_dir, "bin"))
        engine_list = [
            engines.Archivar(programs["archivar-index"], programs["archivar-search"],
                             workers=args.workers),
            engines.XapianBaseline(programs["xapian-baseline"]),
        ]
        evaluation = Evaluation(query_sets, [engine.name for engine in engine_list])
        for engine in engine_list:
            evaluate_engine(engine, query_sets, work_dir, evaluation)
    report.print_report(evaluation, list(OPERATORS), show_per_query=args.per_query)
    print(f"\nTotal time: {time.monotonic() - start:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
