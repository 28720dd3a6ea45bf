"""Ranking metrics for known-item and recall evaluation.

Each function takes `ranking`, the ids an engine returned, best first, and
`relevant`, the set of ids judged relevant (never empty), and returns a
number in [0, 1]. Relevance is binary: an id is relevant or it is not.
"""

import math

CUTOFF = 10


def reciprocal_rank(ranking, relevant, k=CUTOFF):
    """MRR@k for one query: 1/rank of the first relevant id among the top k, else 0."""
    for rank, doc_id in enumerate(ranking[:k], start=1):
        if doc_id in relevant:
            return 1.0 / rank
    return 0.0


def recall(ranking, relevant, k=CUTOFF):
    """Recall@k: the share of the relevant ids that appear among the top k."""
    found = relevant.intersection(ranking[:k])
    return len(found) / len(relevant)


def ndcg(ranking, relevant, k=CUTOFF):
    """nDCG@k with binary gains and a log2(rank + 1) discount.

    The ideal ranking puts min(|relevant|, k) relevant ids first.
    """
    dcg = sum(_discount(rank)
              for rank, doc_id in enumerate(ranking[:k], start=1)
              if doc_id in relevant)
    ideal = sum(_discount(rank) for rank in range(1, min(len(relevant), k) + 1))
    return dcg / ideal


def _discount(rank):
    return 1.0 / math.log2(rank + 1)
