#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Host tests of scripts/run --list's reading of the image's listing
(harnesslib/listing.py): the list-suite and list-case records into suites and cases, lines
that do not add up refused, the table. Run with PYTHONPATH=scripts."""
import unittest

from harnesslib import listing
from harnesslib.protocol import REPORT_SENTINEL

LINES = f"""KTAP version 1
1..0
# list-suite: name=boot runs=default cases=2
# list-case: suite=boot name=exception_level runs=default
# list-case: suite=boot name=cpu_id runs=default
# list-suite: name=gic runs=default cases=4
# list-case: suite=gic name=distributor runs=default
# list-case: suite=gic name=sgi_self runs=default
# list-case: suite=gic name=priority runs=default
# list-case: suite=gic name=soak runs=on-request
# list-suite: name=bench runs=on-request cases=1
# list-case: suite=bench name=baseline runs=default
0 passed, 0 failed, 0 skipped
{REPORT_SENTINEL}""".splitlines()


class Parse(unittest.TestCase):
    def test_suites_and_cases_in_order(self):
        got = [(s.name, s.runs, s.cases) for s in listing.parse(LINES)]
        self.assertEqual(
            got,
            [
                ("boot", "default", ["exception_level", "cpu_id"]),
                ("gic", "default", ["distributor", "sgi_self", "priority", "soak(on request)"]),
                ("bench", "on-request", ["baseline"]),
            ],
        )

    def test_no_listing_is_empty(self):
        self.assertEqual(listing.parse(["KTAP version 1", "1..0", "# harness: other"]), [])

    def test_lines_that_do_not_add_up_are_refused(self):
        for bad in (
            [
                l for l in LINES if l != "# list-case: suite=gic name=priority runs=default"
            ],  # a count that does not match
            ["# list-case: suite=gic name=sgi_self runs=default"],  # a case before any suite
            LINES[:3]
            + ["# list-case: suite=gic name=sgi_self runs=default"],  # a case of another suite
            ["# list-suite: name=boot runs=sometimes cases=2"],
            ["# list-suite: name=boot runs=default cases=two"],
            [
                "# list-suite: name=gic runs=default cases=1",
                "# list-case: suite=gic name=soak runs=sometimes",
            ],
            ["# list-suite: what"],
        ):
            with self.subTest(bad=bad):
                with self.assertRaises(listing.ListingError):
                    listing.parse(bad)


class Table(unittest.TestCase):
    def test_rows_marks_and_how_to_run_one(self):
        text = "\n".join(listing.table(listing.parse(LINES)))
        self.assertIn("suite  runs        cases\n", text)
        self.assertIn("boot   by default  exception_level cpu_id\n", text)
        self.assertIn("bench  on request  baseline\n", text)
        self.assertIn(
            (
                "3 suites, 7 cases; without --only every suite that runs by default runs "
                "(on request only: bench); cases on request run only when named: gic.soak"
            ),
            text,
        )
        self.assertIn("  scripts/run --only boot.exception_level\n", text)
        self.assertIn("  scripts/run --only boot.exception_level,gic\n", text)

    def test_long_case_lists_wrap_beside_their_suite(self):
        lines = ["# list-suite: name=many runs=default cases=30"] + [
            f"# list-case: suite=many name=case_number_{i} runs=default" for i in range(30)
        ]
        rows = listing.table(listing.parse(lines), width=80)
        body = rows[1 : rows.index("")]
        self.assertGreater(len(body), 3)
        self.assertTrue(all(len(r) <= 80 for r in body), body)
        self.assertTrue(all(r.startswith(" " * len("many  by default  ")) for r in body[1:]), body)
        self.assertEqual(
            " ".join(" ".join(body).split()[3:]).split(), [f"case_number_{i}" for i in range(30)]
        )


if __name__ == "__main__":
    unittest.main()
