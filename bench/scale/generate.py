#!/usr/bin/env python3
"""Builds a realistic N-article German news collection from the shared corpora.

    python3 bench/scale/generate.py N [--corpora DIR] [--out FILE] [--seed S]
    python3 bench/scale/generate.py N --print-path   # where the cached file is

Every article is recombined from real text (bench/README.md, "Scale"):

- a *donor* article (Berlin police press release, derStandard.at article or,
  rarely, an XQuAD passage) gives the source, the category, the title and
  the opening run of sentences, so the persons it introduces by full name
  are kept together with their later surname-only mentions;
- runs of 2-6 consecutive sentences from other donors of the same source
  are added as further paragraphs until the article reaches its drawn
  length (title + body about 2 KB on average, like the issue's
  100,000 x 2 KB measurement);
- ids are new and unique (`scale-0000001`), dates run evenly over 20 years
  (2005-01-01 ... 2024-12-31) in id order, as an archive grows.

The output is gzip-compressed JSON Lines in the shared record format (id,
title, date, source, category, body). It is deterministic for a given N,
seed and corpora, written as a stream (memory does not grow with N) and
cached: without --out the file goes to $BENCH_DATA_DIR (default
/tmp/archivar-bench-data) as scale-<N>-v<VERSION>.jsonl.gz, and an existing
file is reused. Prints the path of the file on standard output.

Exit status 0; 3 when the corpora are missing (the caller skips).
"""
import argparse
import datetime
import gzip
import json
import os
import random
import re
import sys
import time

VERSION = 1  # bump when the output changes, so cached files are not reused
DEFAULT_SEED = 20240606
DEFAULT_DATA_DIR = "/tmp/archivar-bench-data"

# Share of articles per donor collection (file, share). derStandard.at
# articles name many politicians, so person: queries hit about a third of
# the collection; the police releases are the bulk of a local archive.
DONOR_SHARES = (
    ("gnad10k_test.jsonl.gz", 0.35),
    ("berlin_police.jsonl.gz", 0.60),
    ("xquad_de_passages.jsonl.gz", 0.05),
)

MEAN_LENGTH = 1800  # drawn length (bytes of title + body); the articles overshoot
# it by a sentence, so title + body come to about 2 KB on average
FIRST_DAY = datetime.date(2005, 1, 1)
LAST_DAY = datetime.date(2024, 12, 31)

# Sentence ends: . ! ? (optionally followed by a closing quote) before
# whitespace and an upper-case letter, digit or opening quote.
SENTENCE_END = re.compile(r'(?<=[.!?])["“”«»]?\s+(?=[A-ZÄÖÜ0-9„"»«])')
# A fragment ending like this is not a sentence end: titles, abbreviations,
# initials ("Dr. Müller", "z. B.", "J. Schmidt", "St. Petersburg").
NO_BREAK_AFTER = re.compile(
    r"(?:\b(?:Dr|Prof|St|Nr|Hr|Fr|Abs|Art|bzw|ca|vgl|usw|Str|Mio|Mrd|Jh|geb|Mag|Ing|"
    r"Dipl|evtl|inkl|Tel|u\.a|z\.B|d\.h|v\.a|o\.ä|[A-ZÄÖÜa-z])\.)$"
)
POLICE_NUMBER = re.compile(r"\(Nr\. \d+\)\s*$")


def split_sentences(text):
    parts = SENTENCE_END.split(text.strip())
    sentences = []
    for part in parts:
        part = part.strip()
        if not part:
            continue
        if sentences and NO_BREAK_AFTER.search(sentences[-1]):
            sentences[-1] += " " + part
        else:
            sentences.append(part)
    return sentences


class Donor:
    """One real article, cut into sentences with paragraph starts marked."""

    __slots__ = ("source", "category", "title", "sentences", "starts")

    def __init__(self, source, category, title, paragraphs):
        self.source = source
        self.category = category
        self.title = title
        self.sentences = []
        self.starts = set()  # indexes of sentences that begin a paragraph
        for paragraph in paragraphs:
            sentences = split_sentences(paragraph)
            if sentences:
                self.starts.add(len(self.sentences))
                self.sentences.extend(sentences)


def make_donor(record):
    body = record.get("body") or ""
    title = (record.get("title") or "").strip()
    paragraphs = [p for p in body.split("\n") if p.strip()]
    source = record.get("source") or ""
    if source == "derStandard.at":
        # No titles; the first sentence is the teaser line: use it as title.
        sentences = split_sentences(" ".join(paragraphs))
        if len(sentences) < 2:
            return None
        title = sentences[0]
        if len(title) > 140:
            title = title[:140].rsplit(" ", 1)[0] + " …"
        # Paragraphs of about four sentences, as a newspaper sets them.
        paragraphs = [" ".join(sentences[i:i + 4]) for i in range(1, len(sentences), 4)]
    elif source.startswith("XQuAD"):
        title = title.replace("_", " ")
    title = POLICE_NUMBER.sub("", title).strip()
    donor = Donor(source, record.get("category") or "", title, paragraphs)
    return donor if donor.sentences and donor.title else None


def load_donors(corpora):
    groups = []
    for name, share in DONOR_SHARES:
        donors = []
        with gzip.open(os.path.join(corpora, name), "rt", encoding="utf-8") as f:
            for line in f:
                donor = make_donor(json.loads(line))
                if donor is not None:
                    donors.append(donor)
        groups.append((share, donors))
    return groups


def paragraphs_from(donor, start, count):
    """Sentences start..start+count of a donor, split at its paragraph starts."""
    paragraphs = []
    for i in range(start, min(start + count, len(donor.sentences))):
        if i in donor.starts or not paragraphs:
            paragraphs.append([])
        paragraphs[-1].append(donor.sentences[i])
    return [" ".join(p) for p in paragraphs]


def make_article(rng, number, date, groups, weights):
    donors = rng.choices(groups, weights)[0]
    donor = donors[rng.randrange(len(donors))]
    # Length of title + body: a gamma distribution (shape 4) around the mean,
    # so there are short notes and long reports.
    target = max(300, int(rng.gammavariate(4.0, MEAN_LENGTH / 4.0)))
    title = donor.title
    if donor.source.startswith("Polizei"):
        title = f"{title} (Nr. {number % 3000 + 1})"
    # The donor's opening: at least three sentences (or all it has), more
    # while the article is short of its length.
    body = []
    length = len(title.encode())
    sentences = donor.sentences
    taken = 0
    while taken < len(sentences) and (taken < 3 or length < target):
        length += len(sentences[taken].encode()) + 1
        taken += 1
    body.extend(paragraphs_from(donor, 0, taken))
    # Further paragraphs: runs of consecutive sentences from other donors
    # of the same collection.
    while length < target:
        other = donors[rng.randrange(len(donors))]
        run = rng.randint(2, 6)
        start = rng.randrange(max(1, len(other.sentences) - run + 1))
        paragraph = " ".join(other.sentences[start:start + run])
        body.append(paragraph)
        length += len(paragraph.encode()) + 1
    return {
        "id": f"scale-{number:07d}",
        "title": title,
        "date": date,
        "source": donor.source,
        "category": donor.category,
        "body": "\n".join(body),
    }


def generate(n, corpora, out_path, seed):
    groups = load_donors(corpora)
    weights = [share for share, _ in groups]
    groups = [donors for _, donors in groups]
    rng = random.Random(seed)
    first = FIRST_DAY.toordinal()
    span = LAST_DAY.toordinal() - first + 1
    tmp = f"{out_path}.tmp{os.getpid()}"
    encoder = json.JSONEncoder(ensure_ascii=False)
    started = time.monotonic()
    written = 0
    with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=1,
                                               mtime=0) as gz:
        lines = []
        for i in range(n):
            date = datetime.date.fromordinal(first + i * span // n).isoformat()
            article = make_article(rng, i + 1, date, groups, weights)
            lines.append(encoder.encode(article))
            if len(lines) == 2000 or i == n - 1:
                chunk = ("\n".join(lines) + "\n").encode("utf-8")
                gz.write(chunk)
                written += len(chunk)
                lines = []
            if (i + 1) % 100000 == 0:
                print(f"generate: {i + 1:,} articles, {time.monotonic() - started:.0f} s",
                      file=sys.stderr)
    os.replace(tmp, out_path)
    print(f"generate: {n:,} articles, {written / n:.0f} bytes of JSON per article, "
          f"{time.monotonic() - started:.1f} s -> {out_path}", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n", type=int, help="number of articles")
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--corpora",
                        default=os.path.normpath(os.path.join(here, "../../../shared/corpora")))
    parser.add_argument("--out", help="output file (default: cached in $BENCH_DATA_DIR)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--print-path", action="store_true",
                        help="only print where the cached file is (or would be)")
    args = parser.parse_args()
    if args.n <= 0:
        parser.error("N must be positive")
    out = args.out
    if out is None:
        data_dir = os.environ.get("BENCH_DATA_DIR") or DEFAULT_DATA_DIR
        suffix = "" if args.seed == DEFAULT_SEED else f"-s{args.seed}"
        out = os.path.join(data_dir, f"scale-{args.n}-v{VERSION}{suffix}.jsonl.gz")
        if args.print_path or os.path.exists(out):
            print(out)
            return 0
        os.makedirs(data_dir, exist_ok=True)
    if not os.path.isdir(args.corpora):
        print(f"generate: no shared corpora at {args.corpora}", file=sys.stderr)
        return 3
    generate(args.n, args.corpora, out, args.seed)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
