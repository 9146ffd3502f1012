"""The core never imports Textual, nor Rich: checked in a fresh interpreter, as `quiz check` runs.

This is the one place for the check: every quiz module outside quiz.ui is found and imported,
but quiz.web.server, which serves the Textual app through textual-serve (Textual and Rich).
"""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import BUNDLED, ROOT

REQUIRED = [
    "quiz.bank.loader",
    "quiz.bank.check",
    "quiz.bank.cache",
    "quiz.bank.catalog",
    "quiz.bank.model",
    "quiz.locations",
    "quiz.cli",
]


def core_modules() -> list[str]:
    """The required modules and every other quiz module outside quiz.ui (store, play...) and
    the web server."""
    package = ROOT / "quiz"
    found = set()
    for path in package.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        if parts[1] in ("ui", "__main__") or parts[1:] == ("web", "server"):
            continue
        found.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return REQUIRED + sorted(found - set(REQUIRED))


def fresh_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_list_covers_every_core_package() -> None:
    modules = core_modules()
    for name in ("quiz.store.sqlite", "quiz.play.run", "quiz.progress.stats", "quiz.text.rtl"):
        assert name in modules


def test_importing_the_core_imports_neither_textual_nor_rich() -> None:
    modules = core_modules()
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "importlib.import_module('quiz.bank.schema').schema()  # reading the schema file too\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))\n"
    )
    done = fresh_python(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_quiz_check_and_list_do_not_import_textual() -> None:
    code = (
        "import contextlib, io, sys\n"
        "from quiz.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['check', {str(BUNDLED)!r}]) == 0\n"
        f"    assert main(['list', '--bank', {str(BUNDLED)!r}]) == 0\n"
        "print('textual' in sys.modules)\n"
    )
    done = fresh_python(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_the_command_line_imports_only_the_command_it_runs() -> None:
    # quiz play starts faster without the modules of import, export, the database and serve.
    code = (
        "import sys\n"
        "import quiz.cli\n"
        "from quiz.cli import command\n"
        "print(sorted(m for m in sys.modules if m.startswith('quiz.cli.')))\n"
        "command('db')\n"
        "print('quiz.cli.db' in sys.modules, 'quiz.cli.interchange' in sys.modules)\n"
    )
    done = fresh_python(code)
    assert done.returncode == 0, done.stderr
    first, second = done.stdout.splitlines()
    assert first == "['quiz.cli.common', 'quiz.cli.parser']"
    assert second == "True False"
