# SPDX-License-Identifier: MIT
"""bench_report reads the bench suite's records into bench.json/bench.csv;
bench_compare puts runs side by side and marks what moved, with why;
bench reads the memmap sweep's guest time from its record."""
import io
import json
import os
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout

from harnesslib import records
from harnesslib.bench import runs as bench
from harnesslib.bench import chart as bench_chart
from harnesslib.bench import compare as bench_compare
from harnesslib.bench import pairs as bench_pairs
from harnesslib.bench import report as bench_report

LINE = (
    "    # bench: op=mmio_read target=/pl011@9000000:UARTFR:32 samples=256 batch=16 "
    "min_ns=80.00 p10_ns=90.00 median_ns=100.00 p90_ns=110.00 p99_ns=150.00 max_ns=900.00 "
    "loop_ns=35.00"
)


def figure(op, target, median, p10=None, p90=None):
    p10 = median * 0.95 if p10 is None else p10
    p90 = median * 1.05 if p90 is None else p90
    return {
        "op": op,
        "target": target,
        "samples": 256,
        "batch": 16,
        "min_ns": p10,
        "p10_ns": p10,
        "median_ns": median,
        "p90_ns": p90,
        "p99_ns": p90,
        "max_ns": p90,
        "loop_ns": 30.0,
    }


class Report(unittest.TestCase):
    def test_figures_info_untimed_and_summary_records(self):
        lines = [
            (
                "    # bench-info: counter_hz=62500000 resolution_ns=16.00 loop_ticks_batch1=4"
                " batch=16 loop_ticks_per_batch=14 text=the loop's own cost, subtracted from every"
                " sample"
            ),
            LINE,
            "    # bench-untimed: op=smccc target=hvc:SMCCC_VERSION text=NOT_SUPPORTED",
            "    # sysreg_read CNTVCT_EL0: 5.60x MIDR_EL1, 0.75x a PSCI_VERSION call",
            (
                "    # bench-summary: name=mmio_exit/hypercall_exit value=0.50 text=median 32-bit"
                " MMIO read"
            ),
            "    # bench-summary: name=dropped text=left out",
        ]
        figures, rest = bench_report.parse(lines)
        self.assertEqual(len(figures), 1)
        self.assertEqual(figures[0]["target"], "/pl011@9000000:UARTFR:32")
        self.assertEqual(figures[0]["median_ns"], 100.0)
        self.assertEqual(figures[0]["samples"], 256)
        self.assertEqual(
            rest["info"],
            {
                "counter_hz": 62500000,
                "resolution_ns": 16.0,
                "loop_ticks_batch1": 4,
                "batch": 16,
                "loop_ticks_per_batch": 14,
            },
        )
        self.assertEqual(
            rest["untimed"],
            [{"op": "smccc", "target": "hvc:SMCCC_VERSION", "why": "NOT_SUPPORTED"}],
        )
        self.assertEqual(
            rest["summary"],
            [
                {
                    "name": "mmio_exit/hypercall_exit",
                    "value": 0.5,
                    "text": "median 32-bit MMIO read",
                },
                {"name": "dropped", "text": "left out"},
            ],
        )

    def test_escaped_target_is_read_back(self):
        line = LINE.replace("/pl011@9000000:UARTFR:32", "/odd\\x20node:R:32")
        figures, _ = bench_report.parse([line])
        self.assertEqual(figures[0]["target"], "/odd node:R:32")

    def test_a_record_that_breaks_its_declaration_is_an_error(self):
        with self.assertRaises(records.RecordError):
            bench_report.parse(["    # bench: op=mmio_read target=/x:R:32 samples=256"])
        with self.assertRaises(records.RecordError):
            bench_report.parse(["    # bench: smccc hvc:SMCCC_VERSION not timed: NOT_SUPPORTED"])

    def test_files_only_when_figures(self):
        with tempfile.TemporaryDirectory() as d:
            self.assertIsNone(bench_report.write(["ok 1 boot"], d, "cfg"))
            self.assertEqual(os.listdir(d), [])
            self.assertEqual(bench_report.write([LINE], d, "cfg"), 1)
            doc = json.load(open(os.path.join(d, "bench.json")))
            self.assertEqual(doc["config"], "cfg")
            self.assertEqual((doc["info"], doc["summary"], doc["untimed"]), ({}, [], []))
            csv = open(os.path.join(d, "bench.csv")).read().splitlines()
            self.assertEqual(csv[0].split(",")[:3], ["config", "op", "target"])
            self.assertTrue(
                csv[1].startswith("cfg,mmio_read,/pl011@9000000:UARTFR:32,256,16,80.0,")
            )


TRANSFER = (
    "    # bench: op=throughput target=/fw-cfg@9020000:dma_read samples=16 batch=1 min_ns=300000.00"
    " p10_ns=310000.00 median_ns=320000.00 p90_ns=400000.00 p99_ns=500000.00 max_ns=500000.00"
    " loop_ns=0.00 bytes=524288 median_mb_s=1638.40"
)


class Transfer(unittest.TestCase):
    def test_bytes_and_rate_kept_and_in_csv(self):
        figures, _ = bench_report.parse([LINE, TRANSFER])
        self.assertNotIn("bytes", figures[0])
        self.assertEqual(figures[1]["bytes"], 524288)
        self.assertEqual(figures[1]["median_mb_s"], 1638.4)
        with tempfile.TemporaryDirectory() as d:
            bench_report.write([LINE, TRANSFER], d, "cfg")
            doc = json.load(open(os.path.join(d, "bench.json")))
            self.assertIn("MB/s", doc["transfer_unit"])
            csv = open(os.path.join(d, "bench.csv")).read().splitlines()
            self.assertEqual(csv[0].split(",")[-3:], ["bytes", "median_mb_s", "role"])
            self.assertTrue(csv[1].endswith(",35.0,,,"))
            self.assertTrue(csv[2].endswith(",0.0,524288,1638.4,"))

    def test_compare_shows_rates_in_their_own_table(self):
        fig = bench_report.parse([TRANSFER])[0][0]
        slower = dict(fig, median_ns=640000.0, p10_ns=630000.0, p90_ns=650000.0)
        with tempfile.TemporaryDirectory() as d:
            paths = []
            for i, f in enumerate((fig, slower)):
                paths.append(os.path.join(d, f"r{i}.json"))
                json.dump(
                    {"config": f"c{i}", "figures": [f, figure("irq", "eoi:sgi", 100.0)]},
                    open(paths[-1], "w"),
                )
            out = io.StringIO()
            with redirect_stdout(out):
                self.assertEqual(bench_compare.main(paths), 0)
        text = out.getvalue()
        self.assertIn("median MB/s (p10-p90)", text)
        # 524288 bytes in 320 us: 1638.4 MB/s; the slowest decile (p90, 400 us): 1310.7.
        self.assertIn(
            "| throughput | `/fw-cfg@9020000:dma_read` | 1638.4 (1310.7-1691.3) | 819.2 ", text
        )
        self.assertIn("| 0.50 |", text)
        self.assertLess(text.index("eoi:sgi"), text.index("Transfers"))


class Sweep(unittest.TestCase):
    def test_sweep_time_from_the_memmap_sweep_record(self):
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, "ktap.txt"), "w") as f:
                f.write("    # memmap-sweep: time_us=250000\n")
            self.assertEqual(bench.sweep_seconds(d), 0.25)
            with open(os.path.join(d, "ktap.txt"), "w") as f:
                f.write("    # sweep_time_us: 250000\n")
            self.assertIsNone(bench.sweep_seconds(d))


class Compare(unittest.TestCase):
    def run_compare(self, docs, *args, configs=("cfg", "cfg")):
        with tempfile.TemporaryDirectory() as d:
            paths = []
            for i, figs in enumerate(docs):
                p = os.path.join(d, f"r{i}.json")
                json.dump({"config": configs[i], "figures": figs}, open(p, "w"))
                paths.append(p)
            svg = os.path.join(d, "c.svg")
            out, err = io.StringIO(), io.StringIO()
            with redirect_stdout(out), redirect_stderr(err):
                code = bench_compare.main(paths + ["--svg", svg] + list(args))
            chart = open(svg).read() if os.path.exists(svg) else ""
            return code, out.getvalue(), err.getvalue(), chart

    def test_agreeing_runs_exit_0(self):
        a = [figure("mmio_read", "/x:R:32", 100.0), figure("smccc", "hvc:PSCI_VERSION", 200.0)]
        b = [figure("mmio_read", "/x:R:32", 105.0), figure("smccc", "hvc:PSCI_VERSION", 195.0)]
        code, out, _, chart = self.run_compare([a, b])
        self.assertEqual(code, 0)
        self.assertIn("2 of 2 figures agree within 10%", out)
        self.assertIn("A = r0 (cfg); B = r1 (cfg)", out)  # labelled by file, not by config
        self.assertEqual(chart.count("<circle"), 4)
        self.assertIn("log scale", chart)
        self.assertIn("2 of 2 figures agree", chart)  # the headline

    def test_labels_by_folder_and_given_names_distinct(self):
        with tempfile.TemporaryDirectory() as d:
            runs = [os.path.join(d, "x", "run"), os.path.join(d, "y", "run")]
            self.assertEqual(bench_pairs.labels(runs + [os.path.join(d, "z")]),
                             ["x/run", "y/run", "z"])
            self.assertEqual(bench_pairs.labels(runs, ["q", "x"]), ["q", "x"])
            with self.assertRaises(bench_pairs.InputError):
                bench_pairs.labels(runs, ["q", "q"])
        code, _, err, _ = self.run_compare(
            [[figure("irq", "eoi:sgi", 1.0)]] * 2, "--names", "same,same"
        )
        self.assertEqual(code, 2)
        self.assertIn("two runs one name", err)

    def test_same_path_twice_gets_letters(self):
        self.assertEqual(bench_pairs.labels(["/tmp/r", "/tmp/r"]), ["A: r", "B: r"])

    def test_mmio_rows_pair_by_role_and_register_not_path(self):
        a = [dict(figure("mmio_read", "/intc@8000000:GICD_TYPER:32", 55.0), role="distributor"),
             dict(figure("mmio_read", "/virtio_mmio@a000000:Magic:32", 50.0), role="transport"),
             dict(figure("mmio_read", "/virtio_mmio@a000200:Magic:32", 50.0), role="transport")]
        b = [dict(figure("mmio_read", "/interrupt-controller@3001000:GICD_TYPER:32", 3465.0),
                  role="distributor")]
        code, out, _, chart = self.run_compare([a, b], "--svg-rows", "shared",
                                               configs=("qemu", "xen"))
        self.assertEqual(code, 0)
        self.assertIn(
            "| mmio_read | `distributor GICD_TYPER:32` | 55.0 (52.2-57.8) | 3465.0 "
            "(3291.8-3638.2) | 63.00 | A `/intc@8000000`, B `/interrupt-controller@3001000` |",
            out,
        )
        self.assertIn("`transport#2 Magic:32`", out)
        self.assertIn("63.00x", chart)
        self.assertIn("take a median 63.0x as long", chart)  # the headline
        self.assertIn("2 figures only in r0: mmio_read 2 (roles transport)", chart)
        self.assertNotIn("transport#2", chart)  # --svg-rows shared leaves it to the table

    def test_zero_is_drawn_in_its_column_not_at_the_axis(self):
        a = [figure("ram_load", "bss", 0.0, 0.0, 0.0), figure("irq", "eoi:sgi", 100.0)]
        _, _, _, chart = self.run_compare([a, a], configs=("p", "q"))
        zero_x = bench_chart.LEFT + bench_chart.ZERO_W / 2
        self.assertIn(f'cx="{zero_x:.1f}"', chart)
        axis = bench_chart.Axis([(0.0, 100.0, 100.0)])
        self.assertEqual(axis.lo, 100)
        self.assertGreaterEqual(axis.x(100.0), zero_x + bench_chart.ZERO_W / 2)

    def test_noisy_rows_marked_in_chart_and_transfers_on_their_own_axis(self):
        t = bench_report.parse([TRANSFER])[0][0]
        a = [figure("mmio_read", "/x:R:32", 100.0), t]
        b = [figure("mmio_read", "/x:R:32", 150.0), t]
        code, _, _, chart = self.run_compare([a, b])
        self.assertEqual(code, 1)
        self.assertEqual(chart.count(bench_chart.NOISY_FILL), 2)  # the legend and the row
        self.assertIn("1.50x  noisy", chart)
        self.assertIn("ns per operation", chart)
        self.assertIn("transfers: MB/s", chart)
        self.assertLess(chart.index("ns per operation"), chart.index("transfers: MB/s"))

    def test_moved_figure_is_noisy_with_why(self):
        a = [figure("mmio_read", "/x:R:32", 100.0), figure("irq", "eoi:sgi", 100.0)]
        b = [figure("mmio_read", "/x:R:32", 150.0), figure("irq", "eoi:sgi", 100.0, 20.0, 300.0)]
        code, out, _, _ = self.run_compare([a, b])
        self.assertEqual(code, 1)
        self.assertIn("noisy: medians differ by 50%, both spreads tight", out)
        b[1]["median_ns"] = 200.0
        code, out, _, _ = self.run_compare([a, b])
        self.assertIn("run B spread wide", out)

    def test_two_configs_are_compared_not_judged(self):
        a = [figure("smccc", "hvc:PSCI_VERSION", 200.0)]
        b = [figure("smccc", "hvc:PSCI_VERSION", 5000.0)]
        code, out, _, _ = self.run_compare([a, b], configs=("qemu", "xen"))
        self.assertEqual(code, 0)
        self.assertIn("| 25.00 |  |", out)
        self.assertIn("noise is judged only between runs of one config", out)

    def test_noise_outside_watched_ops_exits_0(self):
        a = [figure("irq", "eoi:sgi", 100.0)]
        b = [figure("irq", "eoi:sgi", 300.0)]
        code, out, _, _ = self.run_compare([a, b])
        self.assertEqual(code, 0)
        self.assertIn("1 noisy (0 of them MMIO or hypercalls)", out)

    def test_bad_input_and_empty_selection(self):
        code, _, err, _ = self.run_compare([[figure("irq", "eoi:sgi", 1.0)]], "--ops", "nosuch")
        self.assertEqual(code, 2)
        self.assertIn("no figure to compare among ops nosuch", err)
        with tempfile.TemporaryDirectory() as d:
            bad = os.path.join(d, "bench.json")
            open(bad, "w").write("{")
            err = io.StringIO()
            with redirect_stderr(err):
                self.assertEqual(bench_compare.main([d]), 2)
            self.assertIn("not a bench.json", err.getvalue())
            err = io.StringIO()
            with redirect_stderr(err):
                self.assertEqual(bench_compare.main([os.path.join(d, "none")]), 2)
            self.assertIn("No such file", err.getvalue())


if __name__ == "__main__":
    unittest.main()


class ImageSizes(unittest.TestCase):
    """scripts/bench prints each built image's size on disk and the memory it takes."""

    def test_arm64_header_and_elf_extent_and_missing_images(self):
        with tempfile.TemporaryDirectory() as d:
            arm64 = bytearray(4096)
            arm64[0x10:0x18] = (0xF3820).to_bytes(8, "little")
            arm64[0x38:0x3C] = b"ARM\x64"
            with open(os.path.join(d, "a.bin"), "wb") as f:
                f.write(arm64)
            # A 32-bit ELF beside an image without the arm64 header: two PT_LOADs.
            elf = bytearray(0x34 + 2 * 0x20)
            elf[:6] = b"\x7fELF\x01\x01"
            elf[0x1C:0x20] = (0x34).to_bytes(4, "little")
            elf[0x2A:0x2C] = (0x20).to_bytes(2, "little")
            elf[0x2C:0x2E] = (2).to_bytes(2, "little")
            for i, (vaddr, memsz) in enumerate(((0x8000, 0x1000), (0x9000, 0x3000))):
                h = 0x34 + i * 0x20
                elf[h : h + 4] = (1).to_bytes(4, "little")
                elf[h + 8 : h + 12] = vaddr.to_bytes(4, "little")
                elf[h + 20 : h + 24] = memsz.to_bytes(4, "little")
            with open(os.path.join(d, "b.elf"), "wb") as f:
                f.write(elf)
            with open(os.path.join(d, "b.bin"), "wb") as f:
                f.write(bytes(2048))
            out = io.StringIO()
            images = (
                ("aarch64", os.path.join(d, "a.bin")),
                ("arm", os.path.join(d, "b.bin")),
                ("absent", os.path.join(d, "c.bin")),
            )
            with redirect_stdout(out):
                bench.image_sizes(images)
        lines = out.getvalue().splitlines()
        self.assertEqual(len(lines), 2)
        self.assertIn("image aarch64: 4096 bytes (4.0 KiB) on disk", lines[0])
        self.assertIn("image_size 997408 bytes", lines[0])
        self.assertIn("image arm: 2048 bytes", lines[1])
        self.assertIn("ELF extent 16384 bytes", lines[1])
