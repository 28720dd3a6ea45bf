"""Article collections and judged query sets the benchmark runs on.

A collection is a list of JSON Lines files indexed together into one
database. A query set is a list of judged queries over one collection.
"""

import dataclasses
import gzip
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


@dataclasses.dataclass(frozen=True)
class Query:
    qid: str
    group: str
    text: str
    relevant: frozenset
    note: str = ""


@dataclasses.dataclass(frozen=True)
class Collection:
    name: str
    files: tuple  # paths of JSON Lines files (.jsonl or .jsonl.gz)


@dataclasses.dataclass(frozen=True)
class QuerySet:
    name: str
    collection: Collection
    queries: tuple
    # True when each query looks for one specific article (or a few equally
    # right ones); false for recall sets with many relevant articles per query.
    known_item: bool = True


def read_jsonl(path):
    """Yields one dict per non-empty line of a .jsonl or .jsonl.gz file."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                yield json.loads(line)


def load_judged_queries(path, default_group):
    """Reads {"qid", "group"?, "query", "relevant": [ids], "note"?} records."""
    return tuple(Query(qid=str(record["qid"]),
                       group=record.get("group", default_group),
                       text=record["query"],
                       relevant=frozenset(record["relevant"]),
                       note=record.get("note", ""))
                 for record in read_jsonl(path))


def standard_query_sets(corpora_dir):
    """The benchmark's three query sets over the shared corpora."""
    corpus = lambda name: os.path.join(corpora_dir, name)
    xquad = Collection("xquad", (corpus("xquad_de_passages.jsonl.gz"),))
    news = Collection("news", (corpus("berlin_police.jsonl.gz"),
                               corpus("gnad10k_test.jsonl.gz")))
    return [
        QuerySet("xquad", xquad,
                 load_judged_queries(corpus("xquad_de_queries.jsonl.gz"), "xquad")),
        QuerySet("news", news,
                 load_judged_queries(os.path.join(HERE, "news_queries.jsonl"), "news")),
        QuerySet("compound-part recall", news,
                 load_judged_queries(os.path.join(HERE, "compound_recall.jsonl"),
                                     "compound-part"),
                 known_item=False),
    ]


def missing_judged_ids(query_set):
    """Returns (qid, id) pairs whose relevant id is not in the collection."""
    known = {record["id"] for path in query_set.collection.files
             for record in read_jsonl(path)}
    return [(query.qid, doc_id) for query in query_set.queries
            for doc_id in sorted(query.relevant) if doc_id not in known]
