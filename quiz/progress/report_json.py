"""The class report as JSON (`quiz report --format json`): a contract, see docs/report.md.

Proportions are fractions 0..1, correlations -1..1; a figure with too few students is null.
"""

from __future__ import annotations

from typing import Any

from quiz.progress.report import BankResult, QuestionResult, Report

#: The version of the keys below; raised when one changes meaning.
VERSION = 1


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _question(q: QuestionResult) -> dict[str, Any]:
    item = q.analysis
    found: dict[str, Any] = {
        "number": item.number if item else None,
        "id": q.question_id,
        "question": q.question,
        "answers": q.answers,
        "right": q.right,
        "students": q.students,
        "facility": _round(item.facility if item else None),
        "sd": _round(item.sd if item else None),
        "discrimination": _round(item.discrimination if item else None),
        "efficiency": _round(item.efficiency if item else None),
        "d27": _round(item.d27 if item else None),
        "flags": list(item.flags) if item else [],
        "choices": [
            {
                "text": c.text,
                "key": c.key,
                "picked": c.picked,
                "upper": c.upper,
                "lower": c.lower,
                "discrimination": _round(c.discrimination),
                "flag": c.flag,
            }
            for c in (item.choices if item else ())
        ],
    }
    return found


def _bank(bank: BankResult) -> dict[str, Any]:
    test = bank.test
    return {
        "title": bank.title,
        "file": bank.file_name,
        "students": test.students if test else 0,
        "items": test.items if test else len(bank.questions),
        "mean": _round(test.mean if test else None),
        "median": _round(test.median if test else None),
        "sd": _round(test.sd if test else None),
        "skewness": _round(test.skewness if test else None),
        "kurtosis": _round(test.kurtosis if test else None),
        "alpha": _round(test.alpha if test else None),
        "alpha_ci": (
            [_round(test.alpha_ci[0]), _round(test.alpha_ci[1])] if test and test.alpha_ci else None
        ),
        "sem": _round(test.sem if test else None),
        "reading": test.reading if test else "",
        "questions": [
            _question(q)
            for q in sorted(bank.questions, key=lambda q: q.analysis.number if q.analysis else 0)
        ],
    }


def report_json(report: Report) -> dict[str, Any]:
    """The whole report as JSON-ready data."""
    f = report.filters
    return {
        "version": VERSION,
        "files": [p.name for p in report.files],
        "filters": {
            "banks": list(f.banks),
            "modes": list(f.modes),
            "since": f.since.isoformat() if f.since else None,
            "until": f.until.isoformat() if f.until else None,
            "attempts": f.attempts,
        },
        "students": len(report.students),
        "answers": report.answers,
        "duplicates": report.duplicates,
        "banks": [_bank(b) for b in report.banks],
        "student_results": [
            {"name": s.name, "answers": s.answers, "right": s.right} for s in report.students
        ],
    }
