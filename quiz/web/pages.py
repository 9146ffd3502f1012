"""The HTML of `quiz serve`'s own pages: sign-in, the app's page, the teacher's pages.

Every text a student or a file gave (a name, a bank title) is escaped here, once; every
interface string comes from the catalogue (quiz.text.locales), so the pages speak the
server's language and lay out right to left in Arabic. No page loads anything from elsewhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from quiz.text.i18n import is_rtl, language, t

CSS = """
:root { color-scheme: light dark; --accent: #2f6fb0; --bad: #b3261e; --muted: #667; }
body { font: 17px/1.5 system-ui, "DejaVu Sans", sans-serif; margin: 0; padding: 2rem 1rem; }
main { max-width: 44rem; margin: 0 auto; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
form { display: grid; gap: .75rem; max-width: 22rem; }
label { display: grid; gap: .25rem; font-weight: 600; }
input { font: inherit; padding: .45rem .6rem; border: 1px solid #889; border-radius: .3rem; }
button { font: inherit; font-weight: 600; padding: .5rem 1rem; border: 0; border-radius: .3rem;
         background: var(--accent); color: #fff; cursor: pointer; justify-self: start; }
.problem { color: var(--bad); font-weight: 600; }
.muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { text-align: start; padding: .35rem .6rem; border-bottom: 1px solid #ccd; }
td.num { font-variant-numeric: tabular-nums; }
ul.links { padding-inline-start: 1.2rem; }
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def page(title: str, body: str, *, refresh: int | None = None) -> str:
    """A whole page in the server's language and direction."""
    direction = "rtl" if is_rtl() else "ltr"
    again = f'<meta http-equiv="refresh" content="{refresh}">\n' if refresh else ""
    return (
        "<!doctype html>\n"
        f'<html lang="{_e(language())}" dir="{direction}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"{again}<title>{_e(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


def sign_in(*, problem: str = "", name: str = "") -> str:
    """The sign-in form: the class code and the student's name."""
    said = f'<p class="problem" role="alert" id="problem">{_e(problem)}</p>' if problem else ""
    body = (
        f"<h1>{_e(t('web.signin.heading'))}</h1>\n{said}\n"
        '<form method="post" action="/signin">\n'
        f'<label>{_e(t("web.signin.code"))} <input id="code" name="code" required '
        'autocomplete="off" inputmode="numeric" autofocus></label>\n'
        f'<label>{_e(t("web.signin.name"))} <input id="name" name="name" required '
        f'maxlength="40" dir="auto" autocomplete="name" value="{_e(name)}"></label>\n'
        f'<button type="submit" id="play">{_e(t("web.signin.button"))}</button>\n</form>'
    )
    return page(t("web.signin.title"), body)


def app_page(websocket_url: str, name: str) -> str:
    """The page a student plays in: xterm.js, textual-serve's script, the app's websocket."""
    direction = "rtl" if is_rtl() else "ltr"
    return (
        "<!doctype html>\n"
        f'<html lang="{_e(language())}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{_e(t('web.app.title', name=name))}</title>\n"
        '<link rel="stylesheet" href="/static/css/xterm.css">\n'
        '<script src="/static/js/textual.js"></script>\n<style>\n'
        "html, body { margin: 0; height: 100%; background: #0c181f; }\n"
        "body { font-family: system-ui, 'DejaVu Sans', sans-serif; color: #eee; }\n"
        ".textual-terminal { position: absolute; inset: 0; opacity: 0; }\n"
        "body.-first-byte .textual-terminal { opacity: 1; transition: opacity .2s; }\n"
        ".notice { position: absolute; inset: 0; display: flex; align-items: center;"
        " justify-content: center; flex-direction: column; gap: 1rem; z-index: 10; }\n"
        "body.-first-byte .connecting, .ended { display: none; }\n"
        "body.-closed .ended { display: flex; background: #0c181f; }\n"
        "button { font: inherit; padding: .5rem 1.2rem; border: 0; border-radius: .3rem;"
        " background: #2f6fb0; color: #fff; cursor: pointer; }\n"
        "</style>\n</head>\n<body>\n"
        f'<div class="notice connecting" dir="{direction}">{_e(t("web.app.connecting"))}</div>\n'
        f'<div class="notice ended" dir="{direction}"><p>{_e(t("web.app.ended"))}</p>'
        f'<form method="get" action="/"><button type="submit" id="continue">'
        f"{_e(t('web.app.continue'))}</button></form></div>\n"
        f'<div id="terminal" class="textual-terminal" '
        f'data-session-websocket-url="{_e(websocket_url)}" data-font-size="16"></div>\n'
        "</body>\n</html>\n"
    )


def teacher_sign_in(*, problem: str = "") -> str:
    """The teacher's form: the teacher key."""
    said = f'<p class="problem" role="alert" id="problem">{_e(problem)}</p>' if problem else ""
    body = (
        f"<h1>{_e(t('web.teacher.heading'))}</h1>\n{said}\n"
        '<form method="post" action="/teacher">\n'
        f'<label>{_e(t("web.teacher.key"))} <input id="key" name="key" type="password" '
        'required autocomplete="off" autofocus></label>\n'
        f'<button type="submit" id="open">{_e(t("web.teacher.open"))}</button>\n</form>'
    )
    return page(t("web.teacher.title"), body)


@dataclass(frozen=True, slots=True)
class Row:
    """One student on the teacher's page, as their app last said."""

    name: str
    connected: bool
    screen: str
    bank: str
    position: int | None
    total: int | None
    answered: int | None
    correct: int | None


def _doing(screen: str) -> str:
    """What a student's app shows, in words (nothing for a screen it did not name)."""
    words = {
        "home": t("web.teacher.screen.home"),
        "question": t("web.teacher.screen.question"),
        "exam": t("web.teacher.screen.exam"),
        "study": t("web.teacher.screen.study"),
        "results": t("web.teacher.screen.results"),
        "stats": t("web.teacher.screen.stats"),
    }
    return words.get(screen, "")


def _row(row: Row) -> str:
    state = t("web.teacher.playing") if row.connected else t("web.teacher.away")
    doing = _doing(row.screen)
    where = ""
    if row.position is not None and row.total is not None:
        where = t("web.teacher.position", position=row.position, total=row.total)
    score = ""
    if row.answered is not None and row.correct is not None:
        score = t("web.teacher.score", correct=row.correct, answered=row.answered)
    return (
        f'<tr class="student"><td class="name"><bdi>{_e(row.name)}</bdi></td>'
        f'<td class="state">{_e(state)}{" · " + _e(doing) if doing else ""}</td>'
        f'<td class="bank"><bdi>{_e(row.bank)}</bdi></td>'
        f'<td class="num position">{_e(where)}</td><td class="num score">{_e(score)}</td></tr>'
    )


def teacher(rows: Sequence[Row], *, playing: int, limit: int | None, code: str) -> str:
    """The teacher's page: who is signed in and what each is doing; the report and export."""
    if rows:
        heads = (
            t("web.teacher.col.name"),
            t("web.teacher.col.state"),
            t("web.teacher.col.bank"),
            t("web.teacher.col.position"),
            t("web.teacher.col.score"),
        )
        head = "".join(f"<th>{_e(h)}</th>" for h in heads)
        table = (
            f'<table id="students"><thead><tr>{head}</tr></thead><tbody>'
            + "".join(_row(row) for row in rows)
            + "</tbody></table>"
        )
    else:
        table = f'<p id="students" class="muted">{_e(t("web.teacher.none"))}</p>'
    counts = t("web.teacher.counts", playing=playing, signed=len(rows))
    if limit is not None:
        counts += " · " + t("web.teacher.limit", limit=limit)
    body = (
        f"<h1>{_e(t('web.teacher.heading'))}</h1>\n"
        f'<p class="muted">{_e(t("web.teacher.code", code=code))} · {_e(counts)}</p>\n'
        f"{table}\n"
        '<ul class="links">'
        f'<li><a id="report" href="/teacher/report">{_e(t("web.teacher.report"))}</a></li>'
        f'<li><a id="export" href="/teacher/results.csv">{_e(t("web.teacher.export"))}</a>'
        "</li></ul>"
    )
    return page(t("web.teacher.title"), body, refresh=5)


def refused(title: str, message: str, *, back: str = "/signin") -> str:
    """A page that says no, politely, with the way back."""
    body = (
        f"<h1>{_e(title)}</h1>\n"
        f'<p class="problem" role="alert" id="problem">{_e(message)}</p>\n'
        f'<p><a href="{_e(back)}">{_e(t("web.back"))}</a></p>'
    )
    return page(title, body)
