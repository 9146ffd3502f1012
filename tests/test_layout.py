"""The layout the README describes: no module so long that its parts cannot be seen."""

from __future__ import annotations

from conftest import ROOT

#: A module longer than this is split by concern (the README's Development section).
MOST_LINES = 500


def test_no_module_of_the_package_is_over_the_limit() -> None:
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in (ROOT / "quiz").rglob("*.py")
    }
    assert len(sizes) > 50  # the package was found
    too_long = {name: lines for name, lines in sizes.items() if lines > MOST_LINES}
    assert too_long == {}
