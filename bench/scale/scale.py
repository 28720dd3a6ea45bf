#!/usr/bin/env python3
"""Scale benchmark: Archivar against the textbook Xapian recipe (bench/README.md).

Called by bench/scale/run.sh, which builds the programs first:

    scale.py --archivar-build DIR --baseline BIN [--results TSV] [--plot PNG] SIZES...

For each size: generate the collection (cached), index it with the textbook
baseline and with archivar-index (wall time and peak memory through
/usr/bin/time), measure database sizes before and after compaction, search
latency inside the processes (archivar-search --batch, xapian-baseline
batch), and the start-up time of one archivar-search process. Prints a
Markdown table per size, appends one row per size to the results file and
redraws the growth plot (gnuplot) from it.
"""
import argparse
import datetime
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "../.."))
GIB = 1024 ** 3
MIB = 1024 ** 2

# Targets of issue 6 (ratios are Archivar / textbook, except indexing
# speed, which is textbook time / Archivar time).
TARGET_SPEEDUP = 2.0
TARGET_LATENCY_RATIO = 1.5
TARGET_STARTUP_MS = 20.0
# The start-up target is for the database of about 15,000
# articles; on larger ones the row times the query as much as the start
# (bench/README.md), so it gets no verdict there.
STARTUP_TARGET_MAX_SIZE = 20_000
TARGET_RSS_BYTES = 1.5 * GIB
TARGET_SIZE_RATIO = 1.3
TARGET_P99_MS = 50.0

# The query start-up is measured with (a plain two-word search, text output).
STARTUP_QUERY = ["Polizei", "Unfall"]
LIMIT = 10  # results per query for both engines: one page

RESULT_COLUMNS = [
    "date", "commit", "cores", "load", "size", "mean_bytes",
    "archivar_index_s", "archivar_rss_mib", "archivar_mib", "archivar_compacted_mib",
    "baseline_index_s", "baseline_rss_mib", "baseline_mib", "baseline_compacted_mib",
    "baseline_text_index_s", "baseline_text_mib", "baseline_text_compacted_mib",
    "archivar_p50_ms", "archivar_p99_ms", "archivar_kw_p50_ms", "archivar_kw_p99_ms",
    "baseline_p50_ms", "baseline_p99_ms", "archivar_startup_ms", "baseline_startup_ms",
    "archivar_ids_p50_ms", "archivar_ids_p99_ms", "baseline_show_p50_ms", "baseline_show_p99_ms",
]


def log(message):
    print(message, file=sys.stderr, flush=True)


def dir_bytes(path):
    total = 0
    for root, _, files in os.walk(path):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return total


def percentile(values, p):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[int(rank) - 1]


def timed(cmd, log_path, stdin=None, env=None):
    """Runs cmd under /usr/bin/time; returns (wall seconds, peak RSS bytes)."""
    time_path = log_path + ".time"
    with open(log_path, "wb") as out:
        result = subprocess.run(["/usr/bin/time", "-f", "%e %M", "-o", time_path] + cmd,
                                stdout=out, stderr=subprocess.STDOUT, stdin=stdin, env=env)
    if result.returncode != 0:
        with open(log_path, errors="replace") as f:
            tail = f.read()[-3000:]
        raise RuntimeError(f"{' '.join(cmd)} failed ({result.returncode}):\n{tail}")
    with open(time_path) as f:
        wall, peak_kib = f.read().split()[-2:]
    return float(wall), int(peak_kib) * 1024


def compact(db, log_path):
    out = db + ".compact"
    wall, _ = timed(["xapian-compact", db, out], log_path)
    size = dir_bytes(out)
    shutil.rmtree(out)
    return size, wall


def batch_latencies(cmd, queries_path, passes, field, scale, extra=None):
    """Runs one batch process over the queries `passes + 1` times (the first
    pass warms up and is not counted); returns the per-query times in ms and
    the answers of the last pass.  `extra` fields are added to each query."""
    with open(queries_path, encoding="utf-8") as f:
        lines = [line for line in f if line.strip()]
    if extra:
        lines = [json.dumps({**json.loads(line), **extra}, ensure_ascii=False) + "\n"
                 for line in lines]
    text = "".join(lines * (passes + 1))
    result = subprocess.run(cmd, input=text.encode(), capture_output=True)
    if result.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{result.stderr.decode(errors='replace')}")
    answers = [json.loads(line) for line in result.stdout.decode().splitlines()]
    if len(answers) != len(lines) * (passes + 1):
        raise RuntimeError(f"{cmd[0]}: {len(answers)} answers for "
                           f"{len(lines) * (passes + 1)} queries")
    errors = [a for a in answers if "error" in a]
    if errors:
        raise RuntimeError(f"{cmd[0]}: queries failed: {errors[:3]}")
    measured = answers[len(lines):]
    return [a[field] * scale for a in measured], answers[-len(lines):]


def paired_latencies(first, second, passes):
    """Latencies of two batch searches measured in alternation: `passes`
    rounds, each one process of `first` then one of `second` (each with
    its own warm-up pass), so that a slow stretch of the machine falls on
    both sides alike.  `first` and `second` are the argument tuples of
    batch_latencies with one pass; returns both lists of times in ms and
    the answers of the last round of `first`."""
    first_times, second_times = [], []
    for _ in range(passes):
        times, answers = batch_latencies(*first)
        first_times += times
        second_times += batch_latencies(*second)[0]
    return first_times, second_times, answers


def startup_ms(cmd, runs):
    """Median wall time of `runs` processes (after 3 not counted)."""
    times = []
    for i in range(runs + 3):
        start = time.perf_counter()
        result = subprocess.run(cmd, capture_output=True)
        elapsed = (time.perf_counter() - start) * 1000
        if result.returncode not in (0, 1):
            raise RuntimeError(f"{' '.join(cmd)} failed:\n{result.stderr.decode(errors='replace')}")
        if i >= 3:
            times.append(elapsed)
    return statistics.median(times)


def git_commit():
    try:
        out = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, check=True).stdout.strip()
        # The rows this run appends do not make the code dirty.
        dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no",
                                "--", ".", ":(exclude)bench/scale/results"],
                               capture_output=True, text=True).stdout.strip()
        return out + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def mean_article_bytes(data_path, sample=2000):
    import gzip
    total = count = 0
    with gzip.open(data_path, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            total += len(record["title"].encode()) + len(record["body"].encode())
            count += 1
            if count == sample:
                break
    return total / max(count, 1)


def measure(size, args, work):
    row = {"date": datetime.datetime.now().isoformat(timespec="seconds"),
           "commit": git_commit(), "cores": os.cpu_count(),
           # other work on the machine skews every number: recorded with them
           "load": round(os.getloadavg()[0], 2), "size": size}
    env = dict(os.environ, BENCH_DATA_DIR=args.data_dir)
    data = subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(size)],
                          env=env, check=True, capture_output=True, text=True).stdout.strip()
    row["mean_bytes"] = round(mean_article_bytes(data))
    log(f"[{size:,}] collection {data} ({os.path.getsize(data) / MIB:.0f} MiB gzip)")

    baseline = args.baseline
    index_bin = os.path.join(args.bin_dir, "archivar-index")
    search_bin = os.path.join(args.bin_dir, "archivar-search")

    # The textbook recipe with default settings: the speed yardstick.
    db = os.path.join(work, "baseline")
    log(f"[{size:,}] textbook Xapian: indexing")
    row["baseline_index_s"], rss = timed(
        [baseline, "index", "--stop-words", "--commit-every", "10000", db, data],
        os.path.join(work, "baseline-index.log"))
    row["baseline_rss_mib"] = rss / MIB
    row["baseline_mib"] = dir_bytes(db) / MIB
    size_bytes, _ = compact(db, os.path.join(work, "baseline-compact.log"))
    row["baseline_compacted_mib"] = size_bytes / MIB

    # The same recipe storing the article text: the size yardstick (skipped
    # above --text-baseline-max articles, to save an hour at a million).
    db_text = os.path.join(work, "baseline-text")
    with_text = size <= args.text_baseline_max
    if with_text:
        log(f"[{size:,}] textbook Xapian with stored text: indexing")
        row["baseline_text_index_s"], _ = timed(
            [baseline, "index", "--stop-words", "--commit-every", "10000", "--store-text",
             db_text, data], os.path.join(work, "baseline-text-index.log"))
        row["baseline_text_mib"] = dir_bytes(db_text) / MIB
        size_bytes, _ = compact(db_text, os.path.join(work, "baseline-text-compact.log"))
        row["baseline_text_compacted_mib"] = size_bytes / MIB
    else:
        log(f"[{size:,}] textbook Xapian with stored text: skipped (--text-baseline-max)")
        for column in ("baseline_text_index_s", "baseline_text_mib",
                       "baseline_text_compacted_mib", "baseline_show_p50_ms",
                       "baseline_show_p99_ms"):
            row[column] = ""

    # Archivar with its defaults (it compacts a fresh database itself when
    # it has --compact; otherwise xapian-compact measures the compacted size).
    adb = os.path.join(work, "archivar")
    log(f"[{size:,}] Archivar: indexing")
    row["archivar_index_s"], rss = timed([index_bin, "--db", adb, data],
                                         os.path.join(work, "archivar-index.log"))
    row["archivar_rss_mib"] = rss / MIB
    if args.archivar_compacts:
        row["archivar_mib"] = ""
        row["archivar_compacted_mib"] = dir_bytes(adb) / MIB
    else:
        row["archivar_mib"] = dir_bytes(adb) / MIB
        size_bytes, _ = compact(adb, os.path.join(work, "archivar-compact.log"))
        row["archivar_compacted_mib"] = size_bytes / MIB

    # Latency inside the processes, over warm caches.
    log(f"[{size:,}] searching")
    # Two fair pairs, each measured in alternation.  Results pages:
    # Archivar's snippets against the textbook MSet::snippet() of each
    # hit's stored body (without the recipe's stored text, Archivar alone).
    # Id lists: Archivar without snippets against the textbook search
    # reading each hit's id from the same stored text.
    search = [search_bin, "--db", adb, "--batch", "--limit", str(LIMIT)]
    baseline_db = db_text if with_text else db
    if with_text:
        mixed, shown, answers = paired_latencies(
            (search, args.mixed, 1, "took_ms", 1.0),
            ([baseline, "batch", "--stop-words", "--show", "--limit", str(LIMIT), baseline_db],
             args.keywords, 1, "took_us", 0.001),
            args.passes)
        row["baseline_show_p50_ms"] = percentile(shown, 50)
        row["baseline_show_p99_ms"] = percentile(shown, 99)
    else:
        mixed, answers = batch_latencies(search, args.mixed, args.passes, "took_ms", 1.0)
    no_hits = [a["qid"] for a in answers if a["total"] == 0]
    if no_hits:
        log(f"[{size:,}] note: mixed queries without results: {', '.join(no_hits)}")
    slowest = sorted(answers, key=lambda a: -a["took_ms"])[:5]
    row["_slowest"] = [(a["qid"], a["query"], a["took_ms"]) for a in slowest]
    row["archivar_p50_ms"] = percentile(mixed, 50)
    row["archivar_p99_ms"] = percentile(mixed, 99)
    keywords, _ = batch_latencies(search, args.keywords, args.passes, "took_ms", 1.0)
    row["archivar_kw_p50_ms"] = percentile(keywords, 50)
    row["archivar_kw_p99_ms"] = percentile(keywords, 99)
    ids, plain, _ = paired_latencies(
        (search, args.mixed, 1, "took_ms", 1.0, {"snippets": False}),
        ([baseline, "batch", "--stop-words", "--limit", str(LIMIT), baseline_db],
         args.keywords, 1, "took_us", 0.001),
        args.passes)
    row["archivar_ids_p50_ms"] = percentile(ids, 50)
    row["archivar_ids_p99_ms"] = percentile(ids, 99)
    row["baseline_p50_ms"] = percentile(plain, 50)
    row["baseline_p99_ms"] = percentile(plain, 99)
    if with_text:
        shutil.rmtree(db_text)

    log(f"[{size:,}] start-up ({args.startup_runs} runs each)")
    row["archivar_startup_ms"] = startup_ms([search_bin, "--db", adb, "--"] + STARTUP_QUERY,
                                            args.startup_runs)
    row["baseline_startup_ms"] = startup_ms(
        [baseline, "search", "--stop-words", "--limit", str(LIMIT), db] + STARTUP_QUERY,
        args.startup_runs)
    return row


def verdict(ok):
    return "yes" if ok else "**no**"


def table_heading(row, extra=""):
    return [
        f"### {row['size']:,} articles (about {row['mean_bytes']:,} bytes of title + body each; "
        f"{row['cores']} cores, load average {row['load']} at the start; commit {row['commit']}; "
        f"{row['date']}{extra})",
        "",
        "| measure | Archivar | textbook Xapian | Archivar vs textbook | target | met |",
        "|---|---|---|---|---|---|",
    ]


def indexing_rows(row):
    size = row["size"]
    speedup = row["baseline_index_s"] / row["archivar_index_s"]
    return [
        f"| indexing: wall time | {row['archivar_index_s']:,.1f} s "
        f"({size / row['archivar_index_s']:,.0f} articles/s) "
        f"| {row['baseline_index_s']:,.1f} s ({size / row['baseline_index_s']:,.0f} articles/s) "
        f"| {speedup:.2f}× as fast | ≥ {TARGET_SPEEDUP:g}× | {verdict(speedup >= TARGET_SPEEDUP)} |",
        f"| indexing: peak memory (RSS) | {row['archivar_rss_mib']:,.0f} MiB "
        f"| {row['baseline_rss_mib']:,.0f} MiB | | ≤ 1.5 GiB "
        f"| {verdict(row['archivar_rss_mib'] * MIB <= TARGET_RSS_BYTES)} |",
    ]


def startup_verdict(row):
    if row["size"] > STARTUP_TARGET_MAX_SIZE:
        return "–"
    return verdict(row["archivar_startup_ms"] <= TARGET_STARTUP_MS)


def table_ending(row):
    return [
        f"| start-up: one search process, median | {row['archivar_startup_ms']:.1f} ms "
        f"| {row['baseline_startup_ms']:.1f} ms | | ≤ {TARGET_STARTUP_MS:g} ms "
        f"(up to {STARTUP_TARGET_MAX_SIZE:,} articles) | {startup_verdict(row)} |",
        "",
        "Slowest mixed queries (last pass): " + "; ".join(
            f"`{qid}` {json.dumps(query, ensure_ascii=False)} {ms:.2f} ms"
            for qid, query, ms in row["_slowest"]),
        "",
    ]


def table_without_text_baseline(row):
    """The table of a size measured without the stored-text recipe
    (--text-baseline-max): no size ratio, no results-page pair; the id
    lists compare with the recipe's ids-only database."""
    ids_p50 = row["archivar_ids_p50_ms"] / row["baseline_p50_ms"]
    ids_p99 = row["archivar_ids_p99_ms"] / row["baseline_p99_ms"]
    lines = table_heading(row, "; recipe with stored text not run") + indexing_rows(row) + [
        f"| database compacted | {row['archivar_compacted_mib']:,.1f} MiB (with stored text) "
        f"| {row['baseline_compacted_mib']:,.1f} MiB (ids only) | | | |",
        f"| search, id lists: p50 (Archivar mixed without snippets; textbook keywords, "
        f"ids-only database) | {row['archivar_ids_p50_ms']:.3f} ms "
        f"| {row['baseline_p50_ms']:.3f} ms | {ids_p50:.2f}× | ≤ {TARGET_LATENCY_RATIO:g}× "
        f"| {verdict(ids_p50 <= TARGET_LATENCY_RATIO)} |",
        f"| search, id lists: p99 | {row['archivar_ids_p99_ms']:.3f} ms "
        f"| {row['baseline_p99_ms']:.3f} ms | {ids_p99:.2f}× | ≤ {TARGET_LATENCY_RATIO:g}× "
        f"| {verdict(ids_p99 <= TARGET_LATENCY_RATIO)} |",
        f"| search, results pages: p50 / p99 (Archivar mixed with snippets) "
        f"| {row['archivar_p50_ms']:.3f} / {row['archivar_p99_ms']:.3f} ms | – | | "
        f"p99 ≤ {TARGET_P99_MS:g} ms | {verdict(row['archivar_p99_ms'] <= TARGET_P99_MS)} |",
    ] + table_ending(row)
    return "\n".join(lines)


def table(row):
    if row["baseline_text_compacted_mib"] == "":
        return table_without_text_baseline(row)
    size_ratio = row["archivar_compacted_mib"] / row["baseline_text_compacted_mib"]
    p50_ratio = row["archivar_p50_ms"] / row["baseline_show_p50_ms"]
    p99_ratio = row["archivar_p99_ms"] / row["baseline_show_p99_ms"]
    ids_p50 = row["archivar_ids_p50_ms"] / row["baseline_p50_ms"]
    ids_p99 = row["archivar_ids_p99_ms"] / row["baseline_p99_ms"]
    before = ("– (archivar-index compacts a new database itself)" if row["archivar_mib"] == ""
              else f"{row['archivar_mib']:,.1f} MiB")
    lines = table_heading(row) + indexing_rows(row) + [
        f"| database before compaction | {before} | {row['baseline_mib']:,.1f} MiB "
        f"(ids only), {row['baseline_text_mib']:,.1f} MiB (stored text) | | | |",
        f"| database compacted | {row['archivar_compacted_mib']:,.1f} MiB "
        f"| {row['baseline_text_compacted_mib']:,.1f} MiB (stored text; "
        f"{row['baseline_compacted_mib']:,.1f} ids only) | {size_ratio:.2f}× | ≤ {TARGET_SIZE_RATIO:g}× "
        f"| {verdict(size_ratio <= TARGET_SIZE_RATIO)} |",
        f"| search, id lists: p50 (Archivar mixed without snippets; textbook keywords, "
        f"ids from stored text) | {row['archivar_ids_p50_ms']:.3f} ms "
        f"| {row['baseline_p50_ms']:.3f} ms | {ids_p50:.2f}× | ≤ {TARGET_LATENCY_RATIO:g}× "
        f"| {verdict(ids_p50 <= TARGET_LATENCY_RATIO)} |",
        f"| search, id lists: p99 | {row['archivar_ids_p99_ms']:.3f} ms "
        f"| {row['baseline_p99_ms']:.3f} ms | {ids_p99:.2f}× | ≤ {TARGET_LATENCY_RATIO:g}× "
        f"| {verdict(ids_p99 <= TARGET_LATENCY_RATIO)} |",
        f"| search, results pages: p50 (Archivar mixed with snippets; textbook keywords "
        f"with MSet::snippet) | {row['archivar_p50_ms']:.3f} ms "
        f"| {row['baseline_show_p50_ms']:.3f} ms | {p50_ratio:.2f}× | ≤ {TARGET_LATENCY_RATIO:g}× "
        f"| {verdict(p50_ratio <= TARGET_LATENCY_RATIO)} |",
        f"| search, results pages: p99 | {row['archivar_p99_ms']:.3f} ms "
        f"| {row['baseline_show_p99_ms']:.3f} ms | {p99_ratio:.2f}× | ≤ {TARGET_LATENCY_RATIO:g}×, "
        f"≤ {TARGET_P99_MS:g} ms | {verdict(p99_ratio <= TARGET_LATENCY_RATIO and row['archivar_p99_ms'] <= TARGET_P99_MS)} |",
        f"| search p50 / p99, both on the keyword queries (Archivar with snippets, textbook "
        f"ids) | {row['archivar_kw_p50_ms']:.3f} / "
        f"{row['archivar_kw_p99_ms']:.3f} ms | {row['baseline_p50_ms']:.3f} / "
        f"{row['baseline_p99_ms']:.3f} ms | {row['archivar_kw_p50_ms'] / row['baseline_p50_ms']:.2f}× / "
        f"{row['archivar_kw_p99_ms'] / row['baseline_p99_ms']:.2f}× | | |",
    ] + table_ending(row)
    return "\n".join(lines)


def append_result(path, row):
    new = not os.path.exists(path)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "a", encoding="utf-8") as f:
        if new:
            f.write("\t".join(RESULT_COLUMNS) + "\n")
        values = []
        for column in RESULT_COLUMNS:
            value = row[column]
            values.append(f"{value:.4g}" if isinstance(value, float) else str(value))
        f.write("\t".join(values) + "\n")


def latest_rows(path):
    """The newest row per size from the results file, by size."""
    rows = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            record = dict(zip(header, line.rstrip("\n").split("\t")))
            rows[int(record["size"])] = record
    return [rows[size] for size in sorted(rows)]


def plot(results_path, png_path):
    if shutil.which("gnuplot") is None:
        log("growth plot skipped: gnuplot is missing (apt-get install gnuplot-nox)")
        return
    rows = latest_rows(results_path)
    if len(rows) < 2:
        log("growth plot skipped: the results file has fewer than two collection sizes")
        return
    # Like-for-like pairs only: Archivar's id lists against the recipe's,
    # Archivar's results pages against the recipe's (the table's rows).
    columns = ["size", "archivar_index_s", "baseline_index_s",
               "archivar_ids_p50_ms", "archivar_ids_p99_ms", "baseline_p50_ms", "baseline_p99_ms",
               "archivar_p50_ms", "archivar_p99_ms", "baseline_show_p50_ms", "baseline_show_p99_ms"]
    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "growth.dat")
        with open(data, "w") as f:
            f.write("# " + " ".join(columns) + "\n")
            for r in rows:  # "?" where a row lacks a measure (gnuplot: missing)
                f.write(" ".join(r.get(c) or "?" for c in columns) + "\n")
        latency_pair = """
plot "{data}" using 1:{a50} with linespoints lw 2 pt 7 lc 1 title "Archivar p50", \\
     "{data}" using 1:{a99} with linespoints lw 2 pt 7 lc 1 dt 2 title "Archivar p99", \\
     "{data}" using 1:{b50} with linespoints lw 2 pt 5 lc 2 title "Xapian p50", \\
     "{data}" using 1:{b99} with linespoints lw 2 pt 5 lc 2 dt 2 title "Xapian p99"
"""
        script = f"""
set terminal pngcairo size 1500,480 font ",10"
set output "{png_path}"
set datafile missing "?"
set multiplot layout 1,3 title "Archivar vs textbook Xapian: cost by collection size"
set logscale xy
set grid
set key top left
set xlabel "articles"
set format x "%.0s%c"
set ylabel "indexing wall time (s)"
set title "Indexing"
plot "{data}" using 1:2 with linespoints lw 2 pt 7 title "Archivar (all analysis)", \\
     "{data}" using 1:3 with linespoints lw 2 pt 5 title "textbook Xapian"
set ylabel "search time inside the process (ms)"
set title "Id lists (Archivar: mixed queries; Xapian: keywords)"
""" + latency_pair.format(data=data, a50=4, a99=5, b50=6, b99=7) + """
set title "Results pages (Archivar: snippets; Xapian: MSet::snippet)"
""" + latency_pair.format(data=data, a50=8, a99=9, b50=10, b99=11) + """
unset multiplot
"""
        result = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
        if result.returncode != 0 and "pngcairo" in result.stderr:
            result = subprocess.run(["gnuplot"], input=script.replace("pngcairo", "png"),
                                    text=True, capture_output=True)
        if result.returncode != 0:
            log(f"growth plot failed:\n{result.stderr}")
            return
    log(f"growth plot: {png_path}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", type=int, nargs="+")
    parser.add_argument("--bin-dir", required=True,
                        help="folder with archivar-index and archivar-search")
    parser.add_argument("--baseline", required=True, help="xapian-baseline program")
    parser.add_argument("--data-dir", default=os.environ.get("BENCH_DATA_DIR")
                        or "/tmp/archivar-bench-data")
    parser.add_argument("--work-dir", help="where the databases go: a fresh temporary folder "
                        "in it per size, removed afterwards (default: the data folder)")
    parser.add_argument("--results", default=os.path.join(HERE, "results", "results.tsv"))
    parser.add_argument("--plot", default=os.path.join(HERE, "results", "growth.png"))
    parser.add_argument("--mixed", default=os.path.join(HERE, "queries_mixed.jsonl"))
    parser.add_argument("--keywords", default=os.path.join(HERE, "queries_keywords.jsonl"))
    # 20: the p99 of the mixed set then rests on its 23 slowest of 2,200
    # searches; from 3 passes (330) it was the 4th slowest, so one slow
    # moment of the machine moved it by a third (bench/README.md).
    parser.add_argument("--passes", type=int, default=20,
                        help="measured passes over each query set (after one warm-up pass)")
    parser.add_argument("--startup-runs", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="keep the databases")
    parser.add_argument("--text-baseline-max", type=int, default=10**12,
                        help="skip the recipe with stored text above this many articles "
                             "(no size ratio, no results-page pair; id lists then use the "
                             "recipe's ids-only database)")
    args = parser.parse_args()

    with subprocess.Popen([os.path.join(args.bin_dir, "archivar-index"), "--help"],
                          stdout=subprocess.PIPE, text=True) as help_process:
        args.archivar_compacts = "--no-compact" in help_process.stdout.read()
    if not os.path.exists("/usr/bin/time"):
        sys.exit("scale benchmark: /usr/bin/time is missing (apt-get install time)")
    if shutil.which("xapian-compact") is None:
        sys.exit("scale benchmark: xapian-compact is missing (apt-get install xapian-tools)")

    os.makedirs(args.data_dir, exist_ok=True)
    for size in args.sizes:
        work_root = args.work_dir or args.data_dir
        os.makedirs(work_root, exist_ok=True)
        work = tempfile.mkdtemp(prefix=f"work-{size}-", dir=work_root)
        try:
            row = measure(size, args, work)
        finally:
            if args.keep:
                log(f"databases kept in {work}")
            else:
                shutil.rmtree(work, ignore_errors=True)
        print(table(row), flush=True)
        append_result(args.results, row)
    print(f"Rows appended to {os.path.relpath(args.results)}.")
    plot(args.results, args.plot)


if __name__ == "__main__":
    main()
