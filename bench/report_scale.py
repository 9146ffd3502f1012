"""How the class report scales: 300 students x 200 answers, against reading the same CSV alone.

Writes one export per student (300 files, 200 answers each over 4 banks of 50 questions, with the
`database`, `answer_id`, `mode` and `attempt` columns) and prints, best of --repeat runs in this
process:

- `build_report` (reading, counting once, filters, item, distractor and test analysis) on them;
- the baseline: `csv.reader` over the same files, every row read and nothing else;
- the ratio (target: well under a second in all; the ratio says how much the analysis adds);
- printing the text report and rendering the HTML page, for scale.

Run: python bench/report_scale.py [--students 300] [--answers 200] [--repeat 5]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import tempfile
import time
from pathlib import Path

from quiz.progress.export import COLUMNS
from quiz.progress.report import build_report
from quiz.render.report_html import render_html
from quiz.render.report_text import print_report

EXTRA = ("database", "session", "answer_id", "mode", "attempt")


def write_exports(folder: Path, students: int, answers: int) -> list[Path]:
    rng = random.Random(12)
    banks = [(f"/banks/bank{b}.yaml", f"Bank {b}") for b in range(4)]
    per_bank = answers // len(banks)
    files = []
    for s in range(students):
        ability = rng.random()
        path = folder / f"student{s:03}.csv"
        with path.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.writer(stream)
            writer.writerow([*COLUMNS, *EXTRA])
            number = 0
            for bank, title in banks:
                for q in range(per_bank):
                    number += 1
                    difficulty = (q % 10) / 10
                    right = rng.random() < 0.2 + 0.7 * ability * (1.2 - difficulty)
                    picked = "A" if right else rng.choice("BCD")
                    writer.writerow(
                        [
                            "default",
                            bank,
                            title,
                            f"q{q}",
                            f"Question {q} of {title}",
                            "A | B | C | D",
                            picked,
                            "right" if right else "wrong",
                            "4.5",
                            f"2026-03-01T10:{number // 60:02}:{number % 60:02}+03:00",
                            f"db{s}",
                            "1",
                            str(number),
                            "exam",
                            "1",
                        ]
                    )
        files.append(path)
    return files


def best(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = write_exports(folder, args.students, args.answers)

        def read_alone() -> None:
            for path in files:
                with path.open(encoding="utf-8-sig", newline="") as stream:
                    for _row in csv.reader(stream):
                        pass

        baseline = best(args.repeat, read_alone)
        report_time = best(args.repeat, lambda: build_report([folder]))
        report = build_report([folder])
        text_time = best(args.repeat, lambda: print_report(report, io.StringIO()))
        html_time = best(args.repeat, lambda: render_html(report))
    rows = args.students * args.answers
    print(f"{args.students} students x {args.answers} answers = {rows} rows in {len(files)} files")
    print(f"baseline, csv.reader over the files:  {baseline * 1000:8.1f} ms")
    print(f"build_report (read, count, analyse):  {report_time * 1000:8.1f} ms")
    print(f"ratio build_report / baseline:        {report_time / baseline:8.1f}")
    print(f"print_report (80-column text):        {text_time * 1000:8.1f} ms")
    print(f"render_html:                          {html_time * 1000:8.1f} ms")
    total = report_time + text_time
    print(f"report and text together:             {total * 1000:8.1f} ms (target < 1000 ms)")


if __name__ == "__main__":
    main()
