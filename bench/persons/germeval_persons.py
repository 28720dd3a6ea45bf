#!/usr/bin/env python3
"""Person-name extraction measured on GermEval 2014 (development split).

Every sentence of ../shared/corpora/germeval2014_dev.jsonl.gz becomes one
article; `archivar-index --dry-run --json` recognises the persons in it, and
its `person_mentions` are compared with the sentence's gold `persons` spans:
a predicted mention counts as correct when the same string is a gold span of
the same sentence (counting multiplicity).  Reported are precision, recall
and F1 over mentions, for all sentences and for the news-site sentences only
(`source_url` not on wikipedia).

Usage:
    python3 bench/persons/germeval_persons.py [--build DIR] [--shared DIR]
                                              [--errors N] [--json]

Standard library only.  Skips (exit 0, with a message) when the shared
corpora are not there, as on a fresh clone.
"""

import argparse
import collections
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATASET = 'corpora/germeval2014_dev.jsonl.gz'


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--build', default=os.environ.get('ARCHIVAR_BUILD', str(REPO / 'build')),
                        help='build directory with indexer/archivar-index '
                             '(default: $ARCHIVAR_BUILD or <repo>/build)')
    parser.add_argument('--shared', default=os.environ.get('ARCHIVAR_SHARED',
                                                           str(REPO.parent / 'shared')),
                        help='the shared folder (default: $ARCHIVAR_SHARED or <repo>/../shared)')
    parser.add_argument('--errors', type=int, default=0, metavar='N',
                        help='also print up to N missed and N wrong mentions of news sentences')
    parser.add_argument('--json', action='store_true', help='print the results as JSON')
    return parser.parse_args()


def read_sentences(path):
    with gzip.open(path, 'rt', encoding='utf-8') as lines:
        return [json.loads(line) for line in lines if line.strip()]


def is_news(sentence):
    return 'wikipedia.org' not in sentence.get('source_url', '')


def recognise(index_binary, sentences):
    """Runs the indexer's dry run over the sentences; returns id -> [mention text]."""
    articles = ''.join(
        json.dumps({'id': s['id'], 'title': '', 'date': '', 'source': 'GermEval 2014',
                    'category': '', 'body': s['text']}, ensure_ascii=False) + '\n'
        for s in sentences)
    run = subprocess.run([str(index_binary), '--dry-run', '--json', '--quiet', '-'],
                         input=articles.encode('utf-8'), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, check=False)
    if run.returncode != 0:
        sys.exit('archivar-index failed (exit %d): %s' % (run.returncode,
                                                          run.stderr.decode('utf-8', 'replace')))
    found = {}
    for line in run.stdout.decode('utf-8').splitlines():
        record = json.loads(line)
        found[record['id']] = [m['text'] for m in record.get('person_mentions', [])]
    return found


class Score:
    def __init__(self):
        self.sentences = self.gold = self.predicted = self.correct = 0
        self.missed = []
        self.wrong = []

    def add(self, sentence, predicted):
        gold = collections.Counter(sentence['persons'])
        found = collections.Counter(predicted)
        correct = gold & found
        self.sentences += 1
        self.gold += sum(gold.values())
        self.predicted += sum(found.values())
        self.correct += sum(correct.values())
        for name in (gold - correct).elements():
            self.missed.append((name, sentence['text']))
        for name in (found - correct).elements():
            self.wrong.append((name, sentence['text']))

    def result(self):
        precision = self.correct / self.predicted if self.predicted else 0.0
        recall = self.correct / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {'sentences': self.sentences, 'gold': self.gold, 'predicted': self.predicted,
                'correct': self.correct, 'precision': round(precision, 4),
                'recall': round(recall, 4), 'f1': round(f1, 4)}


def main():
    args = parse_args()
    dataset = Path(args.shared) / DATASET
    if not dataset.exists():
        print('germeval_persons: %s is not there; skipping the evaluation' % dataset)
        return 0
    index_binary = Path(args.build) / 'indexer' / 'archivar-index'
    if not index_binary.exists():
        sys.exit('germeval_persons: %s not found; build first or pass --build DIR' % index_binary)

    sentences = read_sentences(dataset)
    found = recognise(index_binary, sentences)
    overall, news = Score(), Score()
    for sentence in sentences:
        predicted = found.get(sentence['id'], [])
        overall.add(sentence, predicted)
        if is_news(sentence):
            news.add(sentence, predicted)

    results = {'dataset': DATASET, 'all': overall.result(), 'news': news.result()}
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print('GermEval 2014 dev, person mentions (exact span, per sentence)')
        print('%-6s %9s %6s %9s %7s %9s %7s %6s' % ('set', 'sentences', 'gold', 'predicted',
                                                  'correct', 'precision', 'recall', 'F1'))
        for name in ('all', 'news'):
            r = results[name]
            print('%-6s %9d %6d %9d %7d %9.3f %7.3f %6.3f' % (
                name, r['sentences'], r['gold'], r['predicted'], r['correct'],
                r['precision'], r['recall'], r['f1']))
    if args.errors:
        print('\nmissed (news):')
        for name, text in news.missed[:args.errors]:
            print('  %-28s | %s' % (name, text[:150]))
        print('\nwrong (news):')
        for name, text in news.wrong[:args.errors]:
            print('  %-28s | %s' % (name, text[:150]))
    return 0


if __name__ == '__main__':
    sys.exit(main())
