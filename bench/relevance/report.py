"""Prints an Evaluation as Markdown tables: one engine beside the other."""

import statistics

METRICS = [  # (column label, QueryScores attribute)
    ("MRR@10", "mrr10"),
    ("R@10", "recall10"),
    ("nDCG@10", "ndcg10"),
    ("R@100", "recall100"),
]
# Known-item sets up to this size get their failed queries listed one by one.
MAX_LISTED_SET_SIZE = 200


def print_report(evaluation, operators, show_per_query=False):
    print_setup(evaluation)
    for operator in operators:
        print(f"\n## {operator}\n")
        print(format_table(*group_table(evaluation, operator)))
        for query_set in evaluation.query_sets:
            if not query_set.known_item:
                print(f"\n{query_set.name}, per query:\n")
                print(format_table(*recall_table(evaluation, operator, query_set)))
        print_misses(evaluation, operator)
        print_errors(evaluation, operator)
    if show_per_query:
        print_per_query_ranks(evaluation, operators)


def print_setup(evaluation):
    print("# Relevance benchmark: Archivar vs. plain Xapian\n")
    for query_set in evaluation.query_sets:
        counts = ", ".join(f"{group} {len(queries)}"
                           for group, queries in groups_of(query_set))
        print(f"- {query_set.name}: {len(query_set.queries)} queries ({counts}) "
              f"on {query_set.collection.name}")
    print("\nIndexing time (informational):\n")
    collection_names = sorted({name for _, name in evaluation.index_seconds})
    headers = ["collection"] + evaluation.engine_names
    rows = [[name] + [f"{evaluation.index_seconds[engine, name]:.1f} s"
                      for engine in evaluation.engine_names]
            for name in collection_names]
    rows.append(["(all searches)"] + [f"{evaluation.search_seconds[engine]:.1f} s"
                                      for engine in evaluation.engine_names])
    print(format_table(headers, rows))


def groups_of(query_set):
    """[(group, [queries])] in the order the groups first appear."""
    groups = {}
    for query in query_set.queries:
        groups.setdefault(query.group, []).append(query)
    return list(groups.items())


def table_sections(query_sets):
    """[(row label, [queries])]: groups, set totals, then the overall row."""
    known_item = [qs for qs in query_sets if qs.known_item]
    others = [qs for qs in query_sets if not qs.known_item]
    rows = [row for qs in known_item for row in set_rows(qs)]
    if len(known_item) > 1:
        rows.append(("overall (" + " + ".join(qs.name for qs in known_item) + ")",
                     [q for qs in known_item for q in qs.queries]))
    return rows + [row for qs in others for row in set_rows(qs)]


def set_rows(query_set):
    """One row per group, plus a total row when the set has several groups."""
    groups = groups_of(query_set)
    if len(groups) == 1:
        return groups
    return groups + [(f"{query_set.name}: all groups", list(query_set.queries))]


def group_table(evaluation, operator):
    headers = ["group", "n"] + [f"{engine} {label}" for label, _ in METRICS
                                for engine in evaluation.engine_names]
    rows = []
    for label, queries in table_sections(evaluation.query_sets):
        row = [label, str(len(queries))]
        for _, attribute in METRICS:
            row += [f"{mean_score(evaluation, operator, engine, queries, attribute):.3f}"
                    for engine in evaluation.engine_names]
        rows.append(row)
    return headers, rows


def mean_score(evaluation, operator, engine, queries, attribute):
    return statistics.mean(getattr(evaluation.scores[operator, engine, query.qid], attribute)
                           for query in queries)


def recall_table(evaluation, operator, query_set):
    headers = (["query", "relevant"]
               + [f"{engine} R@100" for engine in evaluation.engine_names])
    rows = [[query.text, str(len(query.relevant))]
            + [f"{evaluation.scores[operator, engine, query.qid].recall100:.3f}"
               for engine in evaluation.engine_names]
            for query in query_set.queries]
    rows.append(["mean", ""] + [f"{mean_score(evaluation, operator, engine, query_set.queries, 'recall100'):.3f}"
                                for engine in evaluation.engine_names])
    return headers, rows


def rank_text(evaluation, operator, engine, query):
    rank = evaluation.scores[operator, engine, query.qid].first_relevant_rank
    return "-" if rank is None else str(rank)


def print_misses(evaluation, operator):
    """Lists the known-item queries no engine answers within the top 10."""
    for query_set in evaluation.query_sets:
        if not query_set.known_item:
            continue
        missed = [query for query in query_set.queries
                  if all(evaluation.scores[operator, engine, query.qid].mrr10 == 0
                         for engine in evaluation.engine_names)]
        print(f"\n{query_set.name}: {len(missed)} of {len(query_set.queries)} queries "
              f"have no relevant article in any engine's top 10", end="")
        if not missed or len(query_set.queries) > MAX_LISTED_SET_SIZE:
            print(".")
            continue
        print(" (rank of the first relevant article within the top 100, - if none):\n")
        headers = ["qid", "group", "query"] + evaluation.engine_names
        rows = [[query.qid, query.group, query.text]
                + [rank_text(evaluation, operator, engine, query)
                   for engine in evaluation.engine_names]
                for query in missed]
        print(format_table(headers, rows))


def print_errors(evaluation, operator):
    for engine in evaluation.engine_names:
        messages = [message for (op, name, _), message in evaluation.errors.items()
                    if op == operator and name == engine]
        if messages:
            print(f"\n{engine} refused {len(messages)} queries "
                  f"(scored as no results), e.g.: {messages[0]}")


def print_per_query_ranks(evaluation, operators):
    print("\n## Rank of the first relevant article, per query (- = not in the top 100)\n")
    headers = ["qid", "group", "query"] + [f"{engine} {'typed' if i == 0 else 'AND'}"
                                           for i, _ in enumerate(operators)
                                           for engine in evaluation.engine_names]
    rows = [[query.qid, query.group, query.text]
            + [rank_text(evaluation, operator, engine, query)
               for operator in operators for engine in evaluation.engine_names]
            for query_set in evaluation.query_sets
            if query_set.known_item and len(query_set.queries) <= MAX_LISTED_SET_SIZE
            for query in query_set.queries]
    print(format_table(headers, rows))


def format_table(headers, rows):
    """A Markdown table, columns padded; columns of numbers right-aligned."""
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows)]
    numeric = [all(_is_number(row[i]) for row in rows) for i in range(len(headers))]

    def line(cells):
        padded = [cell.rjust(width) if is_number else cell.ljust(width)
                  for cell, width, is_number in zip(cells, widths, numeric)]
        return "| " + " | ".join(padded) + " |"

    rule = "|" + "|".join("-" * (width + 1) + (":" if is_number else "-")
                          for width, is_number in zip(widths, numeric)) + "|"
    return "\n".join([line(headers), rule] + [line(row) for row in rows])


def _is_number(cell):
    return cell.replace(".", "", 1).isdigit() or cell in ("", "-")
