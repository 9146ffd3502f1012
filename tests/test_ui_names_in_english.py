"""Arabic names inside the English interface: a profile, a folder, a bank's language, laid out
where they stand (shaped and in display order), the English around them untouched."""

from __future__ import annotations

from pathlib import Path

from ui_helpers import THREE, build, screen_text

from quiz.text.rtl import embedded_runs

# سارة drawn right to left: isolated teh marbuta, isolated reh, final alef, initial seen.
SARA = "\ufe93\ufead\ufe8e\ufeb3"
# علوم drawn right to left: isolated meem (waw does not join on), final waw, medial lam,
# initial ain.
ULUM = "\ufee1\ufeee\ufee0\ufecb"


def test_a_name_is_laid_out_where_it_stands() -> None:
    assert embedded_runs("Profile: سارة", "reorder") == "Profile: " + SARA
    assert embedded_runs("New profile سارة: nothing saved", "reorder") == (
        "New profile " + SARA + ": nothing saved"
    )


def test_numbers_after_a_name_stay_in_the_sentence() -> None:
    # As if the name were isolated: the count is not pulled into the Arabic run.
    assert embedded_runs("سارة · 37 questions", "reorder") == SARA + " · 37 questions"


def test_english_alone_and_terminal_mode_are_left_as_they_are() -> None:
    assert embedded_runs("Profile: Sara", "reorder") == "Profile: Sara"
    assert embedded_runs("Profile: سارة", "terminal") == "Profile: سارة"


async def test_the_english_home_screen_shows_an_arabic_profile_and_folder(tmp_path: Path):
    folder = tmp_path / "banks"
    (folder / "علوم").mkdir(parents=True)
    (folder / "علوم" / "three.yaml").write_text(THREE, encoding="utf-8")
    app, store = build(folder, tmp_path / "s.db", profile="سارة")
    with store:
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            shown = screen_text(app)
            assert "Profile: " + SARA in shown
            assert ULUM in shown
            # Never the letters in the order they are stored, unjoined.
            assert "سارة" not in shown
            assert "علوم" not in shown
