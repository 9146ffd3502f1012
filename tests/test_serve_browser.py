"""`quiz serve` in a real browser: headless Chromium driven by Playwright, with the system's
Chromium (Playwright's own browsers are never downloaded). Students sign in, answer with a key,
refresh; the teacher watches. What the page shows is read from what the app process sent to
xterm.js over the page's websocket (its canvas has no text to read), with screenshots saved
beside the test's files for a person to look at.

Skipped, with the reason, where no Chromium, Playwright or textual-serve is installed
(.ci/run installs Debian's chromium; the test extra brings the other two).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_report_browser import find_chromium

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="no Chromium to play quiz serve in: install it (Debian: apt-get install chromium)",
)
pytest.importorskip("textual_serve", reason="quiz serve needs the serve extra: textual-serve")
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="needs Playwright: pip install playwright"
)

from serve_helpers import CODE, TEACHER_KEY, Served, screen_text  # noqa: E402

from quiz.store import Store  # noqa: E402

#: Keeps what the app sends to the page, as the page's xterm.js receives it.
SPY = """
window.__quizScreen = [];
(() => {
  const Socket = window.WebSocket;
  const decoder = new TextDecoder();
  class Watched extends Socket {
    constructor(...options) {
      super(...options);
      this.addEventListener("message", (event) => {
        if (typeof event.data !== "string") {
          window.__quizScreen.push(decoder.decode(new Uint8Array(event.data), {stream: true}));
        }
      });
    }
  }
  window.WebSocket = Watched;
})();
"""


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    server = Served.start(tmp_path_factory.mktemp("serve-browser"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            ],
        )
        yield launched
        launched.close()


def new_page(browser: Any) -> Any:
    """A page in a browser context of its own (its own cookies): one student's browser."""
    context = browser.new_context(viewport={"width": 1000, "height": 640})
    page = context.new_page()
    page.add_init_script(SPY)
    return page


def shown(page: Any) -> str:
    """Everything the app has drawn on this page since it loaded, as text."""
    return screen_text(page.evaluate("window.__quizScreen.join('')"))


def wait_for(page: Any, text: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while text not in shown(page):
        if time.monotonic() > deadline:
            raise AssertionError(f"{text!r} never showed: {shown(page)[-800:]}")
        page.wait_for_timeout(100)


def press(page: Any, *keys: str) -> None:
    for key in keys:
        page.keyboard.press(key)
        page.wait_for_timeout(150)


def sign_in(page: Any, served: Served, name: str, code: str = CODE) -> Any:
    page.goto(served.url + "/")
    assert page.url.endswith("/signin")
    page.fill("#code", code)
    page.fill("#name", name)
    with page.expect_navigation():
        page.click("#play")
    return page


def start_first_bank(page: Any) -> None:
    """From the home screen: the first bank, its start dialog, go."""
    page.click("#terminal")
    press(page, "Enter")
    wait_for(page, "How many questions?")
    press(page, "Enter")
    wait_for(page, "Which city is the capital of France?")


def sessions(served: Served, name: str) -> list[Any]:
    with Store.open(served.database) as store:
        return store.sessions(profile=name)


@pytest.fixture(scope="module")
def amal(browser: Any, served: Served) -> Any:
    """Amal signed in, on the first question, having answered it right with the key 1."""
    page = sign_in(new_page(browser), served, "Amal")
    wait_for(page, "Profile: Amal")
    start_first_bank(page)
    wait_for(page, "Question 1/3 · Score 0/0")
    press(page, "1")
    wait_for(page, "Score 1/1")
    return page


@pytest.fixture(scope="module")
def badr(browser: Any, served: Served, amal: Any) -> Any:
    """Badr signed in after Amal, having answered the first question wrong with the key 2."""
    page = sign_in(new_page(browser), served, "Badr")
    wait_for(page, "Profile: Badr")
    start_first_bank(page)
    press(page, "2")
    wait_for(page, "Score 0/1")
    return page


def test_a_student_signs_in_answers_with_a_key_and_the_answer_is_saved(
    served: Served, amal: Any
) -> None:
    amal.screenshot(path=str(served.folder / "amal.png"))
    (session,) = sessions(served, "Amal")
    assert (session.title, session.planned, session.answered, session.correct) == (
        "Capitals in order",
        3,
        1,
        1,
    )
    with Store.open(served.database) as store:
        (answer,) = store.answers(session.id)
    assert (answer["question_id"], answer["choices"], answer["picked"]) == (
        "q-france",
        ["Paris", "Lyon", "Marseille"],
        [0],
    )


def test_a_second_student_plays_as_their_own_profile(served: Served, amal: Any, badr: Any) -> None:
    assert "Profile: Badr" in shown(badr)
    assert "Amal" not in shown(badr)
    (session,) = sessions(served, "Badr")
    assert (session.answered, session.correct) == (1, 0)
    with Store.open(served.database) as store:
        (answer,) = store.answers(session.id)
    assert answer["picked"] == [1]  # Lyon
    # Amal's answers are hers alone, unchanged.
    (hers,) = sessions(served, "Amal")
    assert (hers.answered, hers.correct) == (1, 1)


def test_a_wrong_class_code_is_refused(browser: Any, served: Served) -> None:
    page = new_page(browser)
    page.goto(served.url + "/signin")
    page.fill("#code", "111111")
    page.fill("#name", "Chadi")
    with page.expect_navigation() as navigation:
        page.click("#play")
    assert navigation.value.status == 403
    assert "That is not this class's code." in page.inner_text("#problem")
    assert page.context.cookies() == []
    page.goto(served.url + "/")
    assert page.url.endswith("/signin")
    assert page.evaluate("window.__quizScreen.length") == 0
    page.context.close()


def test_the_teacher_page_needs_the_key_then_shows_both_students(
    browser: Any, served: Served, amal: Any, badr: Any
) -> None:
    page = new_page(browser)
    page.goto(served.url + "/teacher/report")
    assert "Quiz report" not in page.content()
    page.goto(served.url + "/teacher")
    assert page.locator("#students").count() == 0
    page.fill("#key", "not-the-key")
    with page.expect_navigation():
        page.click("#open")
    assert page.inner_text("#problem") == "That is not the teacher key."
    page.fill("#key", TEACHER_KEY)
    with page.expect_navigation():
        page.click("#open")
    # The app reports within a quarter of a second; the page is read as it is now.
    page.wait_for_timeout(600)
    page.reload()
    rows = {
        row.locator(".name").inner_text(): [
            row.locator(f".{cell}").inner_text() for cell in ("state", "bank", "position", "score")
        ]
        for row in page.locator("tr.student").all()
    }
    assert rows == {
        "Amal": ["playing · answering", "Capitals in order", "1 of 3", "1 right of 1 answered"],
        "Badr": ["playing · answering", "Capitals in order", "1 of 3", "0 right of 1 answered"],
    }
    page.screenshot(path=str(served.folder / "teacher.png"), full_page=True)
    page.click("#report")
    report = page.content()
    assert "Quiz report" in report
    assert "Which city is the capital of France?" in report
    assert "Amal" in report and "Badr" in report
    page.screenshot(path=str(served.folder / "report.png"), full_page=True)
    page.goto(served.url + "/teacher")
    with page.expect_download() as download:
        page.click("#export")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert len(lines) == 3  # the header, Amal's answer, Badr's
    assert {line.split(",")[0] for line in lines[1:]} == {"Amal", "Badr"}
    page.context.close()


def test_a_refresh_resumes_at_the_next_unanswered_question(
    served: Served, amal: Any, badr: Any
) -> None:
    amal.reload()
    wait_for(amal, "Which city is the capital of Egypt?")
    wait_for(amal, "Question 2/3 · Score 1/1")
    assert "capital of France" not in shown(amal)
    amal.click("#terminal")
    press(amal, "2")
    wait_for(amal, "Score 2/2")
    # The same session goes on: no new one was started, and both answers are in it.
    (session,) = sessions(served, "Amal")
    assert (session.answered, session.correct, session.finished) == (2, 2, None)
    with Store.open(served.database) as store:
        assert [a["question_id"] for a in store.answers(session.id)] == ["q-france", "q-egypt"]


def test_the_same_name_in_another_browser_is_refused(
    browser: Any, served: Served, amal: Any
) -> None:
    page = new_page(browser)
    page.goto(served.url + "/signin")
    page.fill("#code", CODE)
    page.fill("#name", "amal")
    with page.expect_navigation() as navigation:
        page.click("#play")
    assert navigation.value.status == 409
    assert "Someone is playing as amal now." in page.inner_text("#problem")
    page.context.close()


def test_an_edited_cookie_opens_nothing(browser: Any, served: Served, amal: Any) -> None:
    (cookie,) = [c for c in amal.context.cookies() if c["name"] == "quiz_student"]
    payload, signature = cookie["value"].split(".")
    page = new_page(browser)
    forged = {**cookie, "value": payload + "." + signature[::-1]}
    page.context.add_cookies([forged])
    page.goto(served.url + "/")
    assert page.url.endswith("/signin")
    page.goto(served.url + "/?profile=Amal")
    assert page.url.endswith("/signin")
    assert page.evaluate("window.__quizScreen.length") == 0
    page.context.close()


def test_arabic_is_joined_and_right_to_left_in_the_browser(browser: Any, served: Served) -> None:
    # The Arabic bank's title, مصر, reaches xterm.js as it is to be drawn: its letters joined
    # (final ra, medial sad, initial mim) and in display order, right to left.
    page = sign_in(new_page(browser), served, "Nour")
    wait_for(page, "Profile: Nour")
    wait_for(page, "\ufeae\ufebc\ufee3")
    assert "مصر" not in shown(page)
    page.screenshot(path=str(served.folder / "arabic.png"))
    page.context.close()
