#!/usr/bin/env python3
"""Builds compound_recall.jsonl, the compound-part recall query set.

Each query is one German noun (Keller, Boot, Gewehr, ...). Its
relevant articles are ALL articles of the news collection (Berlin police +
10kGNAD) whose title or body contains a closed compound with that noun as a
proper part: Kellerbrand, Schlauchboot, Luftdruckgewehr, Farbbeutel.
Relevance is lexical and mechanical, so the set is reproducible:

- text is split into words at every non-letter, so hyphenated forms
  (Softair-Gewehr) count as the simple word, not as a compound;
- a word is a compound of the part when it contains the part and is not
  just an inflected form of the simple word;
- words that merely contain the letters (praktikabel, abgewehrt) or are
  derivations rather than compounds (Verkabelung, plakatieren) are removed by
  the exclusion list below, each with its reason.

The parts were chosen so that at most about 100 articles contain the noun
at all, alone or in a compound: an engine that finds them all has every
relevant article in its top 100 even if the articles with the bare noun
rank first, so Recall@100 can reach 1.0 and the target (>= 0.85) means
something. (Waffe, Brand, Messer, Rad or Kind are in 300 to 2,700 articles
each; Zaun and Pistole in 140 to 160, of which about 70 with compounds.)

Usage: python3 make_compound_recall.py [--corpora DIR] [--output FILE]
"""

import argparse
import collections
import dataclasses
import json
import os
import re
import sys

import datasets

LETTERS = re.compile(r"[A-Za-zÄÖÜäöüß]+")
NEWS_FILES = ("berlin_police.jsonl.gz", "gnad10k_test.jsonl.gz")


@dataclasses.dataclass(frozen=True)
class Part:
    word: str              # the query, as a journalist would type it
    stem: str              # regex found inside every compound (lowercase)
    simple_forms: tuple    # inflected forms of the simple word: not compounds
    exclusions: tuple = () # (regex searched in the lowercase word, reason)


PARTS = (
    Part("Keller", "keller", ("keller", "kellern", "kellers"),
         ((r"unterkeller", "derivation of the verb unterkellern"),)),
    Part("Koffer", "koffer", ("koffer", "koffern", "koffers")),
    Part("Boot", "boot", ("boot", "bootes", "boots", "boote", "booten"),
         ((r"^ausboot", "derivation of the verb ausbooten"),
          (r"bootloader", "English")),),
    Part("Beutel", "beutel", ("beutel", "beuteln", "beutels"),
         ((r"^gebeutelt", "participle of the verb beuteln"),
          (r"beutelchen", "diminutive, a derivation"),
          (r"^beutelos", "Beute + los (without booty), not Beutel"))),
    Part("Feuerwerk", "feuerwerk",
         ("feuerwerk", "feuerwerks", "feuerwerkes", "feuerwerke", "feuerwerken"),
         ((r"feuerwerker", "the person, a derivation"),)),
    Part("Gewehr", "gewehr", ("gewehr", "gewehre", "gewehren", "gewehres", "gewehrs"),
         ((r"gewehrt", "participle of the verb wehren: (ab)gewehrt"),)),
    Part("Kabel", "kabel", ("kabel", "kabeln", "kabels"),
         ((r"kabeljau", "the fish"),
          (r"praktikabel|vokabel", "only the letters"),
          (r"kabellos|verkabel", "derivations: kabellos, Verkabelung"))),
    Part("Tonne", "tonne", ("tonne", "tonnen"),
         ((r"tonners", "not a German compound"),)),
    Part("Fahne", "fahne", ("fahne", "fahnen")),
    Part("Plakat", "plakat", ("plakat", "plakate", "plakaten", "plakates", "plakats"),
         ((r"plakati", "derivations: plakatieren, Plakatierung, plakativ"),)),
)


def words_of(text):
    return {word.lower() for word in LETTERS.findall(text)}


def exclusion_reason(part, word):
    """The reason `word` is excluded for `part`, or None."""
    return next((reason for pattern, reason in part.exclusions
                 if re.search(pattern, word)), None)


def is_compound_of(part, word):
    """True when the lowercase `word` is a compound with `part` as a proper part."""
    return (re.search(part.stem, word) is not None
            and word not in part.simple_forms
            and exclusion_reason(part, word) is None)


def build_query(part, articles):
    """One record: the part as a query and every article with such a compound."""
    relevant, compounds, excluded = [], collections.Counter(), collections.Counter()
    simple_word_only = 0
    for article in articles:
        words = words_of(article.get("title", "") + "\n" + article.get("body", ""))
        found = {word for word in words if is_compound_of(part, word)}
        excluded.update(word for word in words
                        if re.search(part.stem, word) and exclusion_reason(part, word))
        if found:
            relevant.append(article["id"])
            compounds.update(found)
        elif words.intersection(part.simple_forms):
            simple_word_only += 1
    return {
        "qid": "part-" + part.word.lower(),
        "group": "compound-part",
        "query": part.word,
        "relevant": sorted(relevant),
        "note": f"{len(relevant)} articles contain a compound with '{part.word}' "
                f"as a proper part",
        "simple_word_only": simple_word_only,           # articles, not relevant
        "compounds": dict(sorted(compounds.items())),   # word -> articles
        "excluded": {word: exclusion_reason(part, word) for word in sorted(excluded)},
    }


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=os.path.join(here, "..", "..", "..",
                                                          "shared", "corpora"))
    parser.add_argument("--output", default=os.path.join(here, "compound_recall.jsonl"))
    args = parser.parse_args()
    paths = [os.path.join(args.corpora, name) for name in NEWS_FILES]
    if not all(os.path.exists(path) for path in paths):
        print(f"make_compound_recall: the news corpora are not in {args.corpora}",
              file=sys.stderr)
        return 2
    articles = [article for path in paths for article in datasets.read_jsonl(path)]
    with open(args.output, "w", encoding="utf-8") as output:
        for part in PARTS:
            record = build_query(part, articles)
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
            print(f"{part.word}: {len(record['relevant'])} relevant articles "
                  f"({len(record['compounds'])} compounds, {len(record['excluded'])} "
                  f"words excluded), {record['simple_word_only']} with the simple "
                  f"word only")
    return 0


if __name__ == "__main__":
    sys.exit(main())
