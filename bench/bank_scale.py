"""How quiz scales with big banks: ratios against baselines measured in the same run.

Generates 100,000 questions in 200 files (mixed Arabic and English) and prints:

- `quiz check` on them, against a bare `yaml.load(..., Loader=yaml.CSafeLoader)` of the same
  files in one process (target <= 1.0);
- `quiz list` with a warm cache over all 200 files, against `quiz list` of one 10-question bank
  (target <= 1.5).

Each figure is the best of several runs of a fresh process, so start-up is counted on both sides.
Run: python bench/bank_scale.py [--files 200] [--per-file 500] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ENGLISH = [
    "Which organ of the organisation is responsible for {x}?",
    "In which year did event number {x} take place?",
    "What is the capital city of the country with code {x}?",
]
ARABIC = [
    "ما الجهاز المسؤول عن المهمة رقم {x} في المنظمة؟",
    "في أي عام وقع الحدث رقم {x}؟",
    "ما عاصمة الدولة ذات الرمز {x} (OIC)؟",
]


def write_bank(path: Path, index: int, count: int) -> None:
    """Write one bank file of `count` questions, Arabic for odd files and English for even ones."""
    arabic = index % 2 == 1
    templates = ARABIC if arabic else ENGLISH
    lines = [
        f"title: {'بنك' if arabic else 'Bank'} {index}",
        f"language: {'ar' if arabic else 'en'}",
        "tags: [bench]",
        "questions:",
    ]
    for n in range(count):
        x = index * count + n
        choices = [f"{'الخيار' if arabic else 'Choice'} {x}-{k}" for k in range(4)]
        lines += [
            f"  - id: q{x}",
            f"    question: {templates[n % 3].format(x=x)}",
            "    choices:",
            *(f"      - {c}" for c in choices),
            f"    answer: {choices[n % 4]}",
            f"    explanation: {'لأن' if arabic else 'Because'} {x} is {x % 7}.",
            "    tags: [generated]",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def best_of(command: list[str], repeat: int, env: dict[str, str]) -> float:
    """The shortest wall time of `repeat` runs of a command (the least disturbed by noise)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=False, env=env, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return min(times)


BARE_LOAD = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    with open(path, "rb") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    parser.add_argument("--per-file", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        big, small = Path(tmp, "big"), Path(tmp, "small")
        big.mkdir()
        small.mkdir()
        for i in range(args.files):
            write_bank(big / f"subject{i % 10}" / f"bank{i}.yaml", i, args.per_file) if (
                big / f"subject{i % 10}"
            ).mkdir(exist_ok=True) is None else None
        write_bank(small / "small.yaml", 0, 10)
        env = {**os.environ, "QUIZ_CACHE": str(Path(tmp, "cache.sqlite3"))}
        env.pop("QUIZ_BANK", None)
        quiz = [sys.executable, "-m", "quiz"]
        total = args.files * args.per_file

        bare = best_of([sys.executable, "-c", BARE_LOAD, str(big)], args.repeat, env)
        check = best_of([*quiz, "check", str(big)], args.repeat, env)
        print(f"{total} questions in {args.files} files")
        print(f"  bare yaml.load (CSafeLoader): {bare:.2f} s")
        print(f"  quiz check:                   {check:.2f} s")
        print(f"  ratio check / bare load:      {check / bare:.2f}  (target <= 1.0)")

        subprocess.run([*quiz, "--bank", str(big), "list"], env=env, stdout=subprocess.DEVNULL)
        subprocess.run([*quiz, "--bank", str(small), "list"], env=env, stdout=subprocess.DEVNULL)
        many = best_of([*quiz, "--bank", str(big), "list"], args.repeat, env)
        one = best_of([*quiz, "--bank", str(small), "list"], args.repeat, env)
        print(f"  quiz list, warm cache, {args.files} files: {many:.3f} s")
        print(f"  quiz list, warm cache, 1 file of 10:  {one:.3f} s")
        print(f"  ratio many / one:             {many / one:.2f}  (target <= 1.5)")


if __name__ == "__main__":
    main()
