"""Hostile XML: how fast `quiz import` refuses an entity bomb and an external entity.

A "billion laughs" file (ten levels of ten entities: 10**10 copies of "lol", 30 GB if expanded)
and a file whose entity reads a local file are imported; each must be refused, and the time is
printed beside the time to import a well-formed Moodle XML file of the same size, as a ratio
(target: well under 1, since nothing is expanded).

Run: python bench/hostile_xml.py [--repeat 20]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from quiz.interchange import InterchangeError, read

QUESTION = (
    '<question type="multichoice"><name><text>q{n}</text></name>'
    '<questiontext format="html"><text>Question {n}?</text></questiontext>'
    '<answer fraction="100"><text>yes</text></answer>'
    '<answer fraction="0"><text>no</text></answer></question>\n'
)


def bomb() -> str:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 11)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE quiz [\n' + "\n".join(levels) + "\n]>\n"
        '<quiz><question type="truefalse"><questiontext><text>&lol10;</text></questiontext>'
        "</question></quiz>\n"
    )


def external(secret: Path) -> str:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        + "<quiz>"
        + QUESTION.format(n="&x;")
        + "</quiz>"
    )


def best(path: Path, repeat: int, refused: bool) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        try:
            read(path)
            assert not refused, f"{path.name} was not refused"
        except InterchangeError:
            assert refused, f"{path.name} was refused"
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        secret = root / "secret.txt"
        secret.write_text("private", "utf-8")
        files = {"entity bomb": bomb(), "external entity": external(secret)}
        size = max(len(text) for text in files.values())
        count = max(1, size // len(QUESTION.format(n=0)))
        good = (
            '<?xml version="1.0"?>\n<quiz>\n'
            + "".join(QUESTION.format(n=n) for n in range(count))
            + "</quiz>\n"
        )
        baseline = root / "good.xml"
        baseline.write_text(good, "utf-8")
        base = best(baseline, args.repeat, refused=False)
        print(f"well-formed file of {len(good)} bytes: {base * 1000:.2f} ms")
        for name, text in files.items():
            path = root / f"{name.replace(' ', '-')}.xml"
            path.write_text(text, "utf-8")
            took = best(path, args.repeat, refused=True)
            print(
                f"{name} ({len(text)} bytes): refused in {took * 1000:.2f} ms, "
                f"ratio {took / base:.2f}"
            )


if __name__ == "__main__":
    main()
