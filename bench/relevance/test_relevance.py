"""Unit tests for the relevance benchmark's own logic (no corpora needed).

Run: python3 -m unittest discover -s bench/relevance -p 'test_*.py'
"""

import math
import unittest

import datasets
import evaluate
import make_compound_recall
import metrics
import report
from query_rewrite import as_typed, every_word_required


class MetricsTest(unittest.TestCase):
    def test_reciprocal_rank_of_first_relevant_within_cutoff(self):
        self.assertEqual(metrics.reciprocal_rank(["a", "b", "c"], {"b", "c"}), 0.5)
        self.assertEqual(metrics.reciprocal_rank(["a"] * 10 + ["b"], {"b"}), 0.0)
        self.assertEqual(metrics.reciprocal_rank([], {"b"}), 0.0)

    def test_recall_counts_relevant_within_cutoff(self):
        ranking = ["a", "x", "b"] + ["y"] * 20 + ["c"]
        self.assertEqual(metrics.recall(ranking, {"a", "b", "c", "d"}, 10), 0.5)
        self.assertEqual(metrics.recall(ranking, {"a", "b", "c", "d"}, 100), 0.75)

    def test_ndcg_is_one_for_an_ideal_ranking(self):
        self.assertAlmostEqual(metrics.ndcg(["a", "b", "x"], {"a", "b"}), 1.0)
        many = {str(n) for n in range(20)}
        self.assertAlmostEqual(metrics.ndcg([str(n) for n in range(10)], many), 1.0)

    def test_ndcg_discounts_by_log2_of_rank_plus_one(self):
        # One relevant article at rank 3: DCG = 1/log2(4), ideal = 1/log2(2).
        self.assertAlmostEqual(metrics.ndcg(["x", "y", "a"], {"a"}), 1 / math.log2(4))

    def test_ndcg_ignores_relevant_beyond_cutoff(self):
        self.assertEqual(metrics.ndcg(["x"] * 10 + ["a"], {"a"}), 0.0)

    def test_score_reports_rank_of_first_relevant(self):
        self.assertEqual(evaluate.score(["x", "a"], {"a"}).first_relevant_rank, 2)
        self.assertIsNone(evaluate.score(["x"], {"a"}).first_relevant_rank)


class QueryRewriteTest(unittest.TestCase):
    def test_as_typed_keeps_the_text(self):
        self.assertEqual(as_typed("Haus Boot"), "Haus Boot")

    def test_joins_words_with_and(self):
        self.assertEqual(every_word_required("Waffe Neukölln Festnahme"),
                         "Waffe AND Neukölln AND Festnahme")

    def test_keeps_phrases_and_hyphenated_words(self):
        self.assertEqual(every_word_required('"grüne Wasserstoff" Wien-Umgebung'),
                         '"grüne Wasserstoff" AND Wien-Umgebung')

    def test_drops_punctuation_around_words(self):
        self.assertEqual(every_word_required("Wer gewann (2015) – und wo?"),
                         "Wer AND gewann AND 2015 AND und AND wo")

    def test_single_word_is_unchanged(self):
        self.assertEqual(every_word_required("Keller"), "Keller")


class CompoundRecallTest(unittest.TestCase):
    def part(self, word):
        return next(p for p in make_compound_recall.PARTS if p.word == word)

    def test_compounds_with_the_part_count(self):
        beutel = self.part("Beutel")
        for word in ("farbbeutel", "farbbeutelwürfe", "sprengstoffbeutelbesitzer"):
            self.assertTrue(make_compound_recall.is_compound_of(beutel, word), word)

    def test_inflected_simple_word_is_no_compound(self):
        self.assertFalse(make_compound_recall.is_compound_of(self.part("Boot"), "booten"))

    def test_excluded_words_are_no_compounds(self):
        self.assertFalse(make_compound_recall.is_compound_of(self.part("Beutel"), "beutelose"))
        self.assertFalse(make_compound_recall.is_compound_of(self.part("Gewehr"), "abgewehrt"))
        self.assertFalse(make_compound_recall.is_compound_of(self.part("Kabel"), "praktikabel"))
        self.assertTrue(make_compound_recall.is_compound_of(self.part("Boot"), "hausboot"))

    def test_words_split_at_hyphens(self):
        self.assertEqual(make_compound_recall.words_of("Softair-Gewehr"),
                         {"softair", "gewehr"})


class ReportTest(unittest.TestCase):
    def test_sections_without_known_item_sets_have_no_overall_row(self):
        collection = datasets.Collection("news", ())
        recall_set = datasets.QuerySet("recall", collection, (
            datasets.Query("q1", "compound-part", "Keller", frozenset({"a"})),), False)
        self.assertEqual([label for label, _ in report.table_sections([recall_set])],
                         ["compound-part"])

    def test_sections_end_known_item_sets_with_an_overall_row(self):
        collection = datasets.Collection("news", ())
        sets = [datasets.QuerySet(name, collection, (
                    datasets.Query(name + "1", group, "x", frozenset({"a"})),
                    datasets.Query(name + "2", "other", "y", frozenset({"a"}))))
                for name, group in (("one", "g1"), ("two", "g2"))]
        self.assertEqual([label for label, _ in report.table_sections(sets)],
                         ["g1", "other", "one: all groups", "g2", "other",
                          "two: all groups", "overall (one + two)"])

    def test_table_pads_columns_and_right_aligns_numbers(self):
        table = report.format_table(["group", "n"], [["xquad", "1190"], ["umlaut", "21"]])
        self.assertEqual(table.splitlines(), [
            "| group  |    n |",
            "|--------|-----:|",
            "| xquad  | 1190 |",
            "| umlaut |   21 |",
        ])


if __name__ == "__main__":
    unittest.main()
