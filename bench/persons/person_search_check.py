#!/usr/bin/env python3
"""Person search checked against articles judged by reading.

Indexes ../shared/corpora/gnad10k_test.jsonl.gz (derStandard) and
../shared/corpora/berlin_police.jsonl.gz into a temporary database with
`archivar-index`, runs every query of person_search_judgments.jsonl through
`archivar-search --json --limit 10000`, and compares the returned article
ids with the judged ones: precision and recall per person, micro (over all
person-article pairs) and macro (mean over persons).

Each judgment: {"person", "query", "relevant": [ids], "optional": [ids],
"note"}.  "optional" articles name the person only inside a compound
("Merkel-Berater", "Putin-Biografie"); they count neither way.  When a
query returns nothing, its precision counts as 0.

Usage:
    python3 bench/persons/person_search_check.py [--build DIR] [--shared DIR]
        [--db DIR] [--keep DIR] [--errors] [--json]

Standard library only.  Skips (exit 0, with a message) when the shared
corpora are not there, as on a fresh clone.  Exit status 1 when micro or
macro precision or recall is below --target (default 0.95).
"""

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
COLLECTIONS = ['corpora/gnad10k_test.jsonl.gz', 'corpora/berlin_police.jsonl.gz']
JUDGMENTS = HERE / 'person_search_judgments.jsonl'


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--build', default=os.environ.get('ARCHIVAR_BUILD', str(REPO / 'build')),
                        help='build directory with indexer/archivar-index and '
                             'searcher/archivar-search (default: $ARCHIVAR_BUILD or <repo>/build)')
    parser.add_argument('--shared', default=os.environ.get('ARCHIVAR_SHARED',
                                                           str(REPO.parent / 'shared')),
                        help='the shared folder (default: $ARCHIVAR_SHARED or <repo>/../shared)')
    parser.add_argument('--judgments', default=str(JUDGMENTS), help='judgments file (JSON Lines)')
    parser.add_argument('--db', help='use this existing database (both collections indexed) '
                                     'instead of indexing into a temporary one')
    parser.add_argument('--keep', metavar='DIR', help='index into DIR and keep it (for --db later)')
    parser.add_argument('--errors', action='store_true',
                        help='list every missed and wrong article with the persons Archivar '
                             'found in it (dry run over those articles)')
    parser.add_argument('--json', action='store_true', help='print the results as JSON')
    parser.add_argument('--target', type=float, default=0.95,
                        help='exit 1 when a micro or macro figure is below this (default 0.95)')
    return parser.parse_args()


def run(command, stdin=None):
    done = subprocess.run(command, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          check=False)
    if done.returncode != 0:
        sys.exit('%s failed (exit %d): %s' % (command[0], done.returncode,
                                              done.stderr.decode('utf-8', 'replace')))
    return done.stdout.decode('utf-8')


def search_ids(search_binary, db, query):
    output = json.loads(run([str(search_binary), '--db', db, '--json', '--limit', '10000', query]))
    ids = [r['id'] for r in output.get('results', [])]
    if output.get('total', len(ids)) > len(ids):
        sys.exit('query %s: %d results, more than the limit' % (query, output['total']))
    return set(ids), output.get('note') or output.get('notes')


def ratio(a, b):
    return a / b if b else 0.0


def found_persons(index_binary, corpora, wanted):
    """Dry run over the articles with these ids: id -> (persons, mentions)."""
    lines = []
    for path in corpora:
        with gzip.open(path, 'rt', encoding='utf-8') as articles:
            for line in articles:
                if json.loads(line)['id'] in wanted:
                    lines.append(line if line.endswith('\n') else line + '\n')
    out = run([str(index_binary), '--dry-run', '--json', '--quiet', '-'],
              stdin=''.join(lines).encode('utf-8'))
    found = {}
    for line in out.splitlines():
        record = json.loads(line)
        found[record['id']] = (record.get('persons', []), record.get('person_mentions', []))
    return found


def surname(person):
    return person.split()[-1]


def main():
    args = parse_args()
    shared = Path(args.shared)
    corpora = [shared / c for c in COLLECTIONS]
    if not all(c.exists() for c in corpora):
        print('person_search_check: %s not found; skipped (the shared corpora are optional)'
              % ', '.join(str(c) for c in corpora if not c.exists()))
        return 0
    build = Path(args.build)
    index_binary = build / 'indexer' / 'archivar-index'
    search_binary = build / 'searcher' / 'archivar-search'
    for binary in (index_binary, search_binary):
        if not binary.exists():
            sys.exit('%s not found: build it, or give --build DIR' % binary)
    with open(args.judgments, encoding='utf-8') as lines:
        judgments = [json.loads(line) for line in lines if line.strip()]

    temp = None
    index_seconds = None
    if args.db:
        db = args.db
    else:
        if args.keep:
            db = args.keep
            if os.path.exists(db):
                shutil.rmtree(db)
        else:
            temp = tempfile.mkdtemp(prefix='archivar-person-check-')
            db = os.path.join(temp, 'db')
        started = time.monotonic()
        run([str(index_binary), '--db', db, '--quiet'] + [str(c) for c in corpora])
        index_seconds = time.monotonic() - started
    try:
        rows = []
        for j in judgments:
            relevant = set(j['relevant'])
            optional = set(j.get('optional', []))
            returned, note = search_ids(search_binary, db, j['query'])
            returned -= optional
            correct = len(returned & relevant)
            rows.append({'person': j['person'], 'query': j['query'], 'relevant': len(relevant),
                         'returned': len(returned), 'correct': correct,
                         'precision': ratio(correct, len(returned)),
                         'recall': ratio(correct, len(relevant)),
                         'missed': sorted(relevant - returned),
                         'wrong': sorted(returned - relevant), 'search_note': note})
    finally:
        if temp:
            shutil.rmtree(temp, ignore_errors=True)

    total_relevant = sum(r['relevant'] for r in rows)
    total_returned = sum(r['returned'] for r in rows)
    total_correct = sum(r['correct'] for r in rows)
    summary = {
        'persons': len(rows), 'relevant': total_relevant, 'returned': total_returned,
        'correct': total_correct,
        'micro_precision': ratio(total_correct, total_returned),
        'micro_recall': ratio(total_correct, total_relevant),
        'macro_precision': ratio(sum(r['precision'] for r in rows), len(rows)),
        'macro_recall': ratio(sum(r['recall'] for r in rows), len(rows)),
        'index_seconds': index_seconds,
    }
    details = {}
    if args.errors:
        wanted = {i for r in rows for i in r['missed'] + r['wrong']}
        details = found_persons(index_binary, corpora, wanted) if wanted else {}

    if args.json:
        for r in rows:
            for kind in ('missed', 'wrong'):
                r[kind + '_found'] = {i: details[i][0] for i in r[kind] if i in details}
        print(json.dumps({'summary': summary, 'persons': rows}, ensure_ascii=False, indent=1))
    else:
        print('| person | relevant | returned | correct | precision | recall |')
        print('|---|---|---|---|---|---|')
        for r in rows:
            print('| %s | %d | %d | %d | %.3f | %.3f |' % (r['person'], r['relevant'],
                                                         r['returned'], r['correct'],
                                                         r['precision'], r['recall']))
        print('| **micro** (%d persons) | %d | %d | %d | **%.3f** | **%.3f** |'
              % (summary['persons'], total_relevant, total_returned, total_correct,
                 summary['micro_precision'], summary['micro_recall']))
        print('| **macro** | | | | **%.3f** | **%.3f** |'
              % (summary['macro_precision'], summary['macro_recall']))
        if index_seconds is not None:
            print('\nindexing both collections: %.1f s' % index_seconds)
        if args.errors:
            for r in rows:
                if not (r['missed'] or r['wrong']):
                    continue
                print('\n%s  (%s)' % (r['person'], r['query']))
                name = surname(r['person']).lower()[:5]
                for kind in ('missed', 'wrong'):
                    for i in r[kind]:
                        persons, mentions = details.get(i, ([], []))
                        texts = sorted({'%s→%s' % (m['text'], m['person']) for m in mentions
                                        if name in m['text'].lower()
                                        or name in m['person'].lower()})
                        print('  %-6s %s  persons: %s' % (kind, i, '; '.join(persons) or '-'))
                        if texts:
                            print('         mentions: %s' % '; '.join(texts))
    figures = [summary[k] for k in ('micro_precision', 'micro_recall', 'macro_precision',
                                    'macro_recall')]
    return 0 if min(figures) >= args.target else 1


if __name__ == '__main__':
    sys.exit(main())
