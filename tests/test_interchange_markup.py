"""HTML read as a person sees it, and plain text written as HTML that reads back the same."""

from __future__ import annotations

import pytest

from quiz.interchange.markup import html_to_text, starts_right_to_left, text_to_html, xml_safe


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("<p>One</p><p>Two</p>", "One\nTwo"),
        ("<p>One</p>\n\n  <p>Two</p>", "One\nTwo"),
        ("One<br>Two<br/>Three", "One\nTwo\nThree"),
        ("<p>A<br><br>B</p>", "A\n\nB"),
        ("<div><p>nested</p></div><p>after</p>", "nested\nafter"),
        ("Spaces   and\n\ttabs collapse", "Spaces and tabs collapse"),
        ("no&nbsp;break&nbsp;&nbsp;kept", "no break  kept"),
        ("&ndash; &mdash; &hellip; &eacute; &#8364; &#x263A; &amp;lt;", "– — … é € ☺ &lt;"),
        ("<ul><li>one</li><li>two</li></ul>", "- one\n- two"),
        ("<ol><li>one</li><li>two<ul><li>inner</li></ul></li></ol>", "1. one\n2. two\n  - inner"),
        ("Text<script>alert(1)</script><style>p{}</style> after", "Text after"),
        ("<!-- a comment -->kept", "kept"),
        ("<pre>x  = 1\n    y</pre>", "x  = 1\n    y"),
        ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
        ("H<sub>2</sub>O and x<sup>2</sup>", "H2O and x2"),
        ("<img src='x.png' alt='A map'> and <img src='y.png'>", "[image: A map] and"),
        ("<p dir='rtl'>مرحبا&nbsp;بكم</p>", "مرحبا بكم"),
        ("plain text, no tags", "plain text, no tags"),
        ("a < b, unclosed <b>bold", "a < b, unclosed bold"),
    ],
)
def test_html_reads_as_a_browser_shows_it(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_images_become_what_the_caller_says() -> None:
    seen: list[tuple[str, str]] = []

    def image(src: str, alt: str) -> str:
        seen.append((src, alt))
        return f"<{alt or src}>"

    assert html_to_text('<p>See <img src="a.png" alt="map"/><img src="b.png"></p>', image) == (
        "See <map><b.png>"
    )
    assert seen == [("a.png", "map"), ("b.png", "")]


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "A < B & C > D",
        "<script>alert('x')</script>",
        "two\nlines",
        "a blank\n\nline",
        "  indented\n    more",
        "double  spaces   inside",
        "&amp; stays &amp;",
        "ما عاصمة مصر؟",
        "mixed عربي and English",
    ],
)
def test_text_written_as_html_reads_back_the_same(text: str) -> None:
    html = text_to_html(text)
    assert "<script" not in html
    assert html_to_text(html) == text.strip()


def test_html_of_right_to_left_text_says_so() -> None:
    assert text_to_html("ما عاصمة مصر؟") == '<p dir="rtl">ما عاصمة مصر؟</p>'
    assert text_to_html("«مصر» 2024") == '<p dir="rtl">«مصر» 2024</p>'
    assert text_to_html("2024: Egypt مصر") == "<p>2024: Egypt مصر</p>"
    assert starts_right_to_left("(؟)") and not starts_right_to_left("123")


def test_xml_safe_drops_what_xml_cannot_hold() -> None:
    assert xml_safe("a\x00b\x0bc\x1fd\ud800e\ufffef\tg\nh") == "abcdef\tg\nh"
