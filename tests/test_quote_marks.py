"""Quote-mark pairing (``quote_marks.find_quoted``), including marks typed the wrong way round."""

import pytest

from storyline.analyze.quote_marks import Inside, find_quoted


def _quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quoted(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will win,” she said.", ["“We will win,”"]),
        ('"We will win," she said. "Soon."', ['"We will win,"', '"Soon."']),
        # an opening mark glued to the words before it and followed by a space closes the quotation
        ("“Is that a promise?“ he asked.\n\n“No,” she said.", ["“Is that a promise?“", "“No,”"]),
        ("“It is odd,“ said the mayor.", ["“It is odd,“"]),
        # a closing mark after a space and glued to the next word opens one when none is open
        ("Fans wrote back.\n\n”This is why we vote,” wrote one.", ["”This is why we vote,”"]),
        ("The aides would not let him ”get close to the issues” at all.", ["”get close to the issues”"]),
        # a stray closing mark with no word after it still opens nothing
        ("He left ” early.", []),
        # a curly quotation inside a straight one is nested in it, not a sign that the straight mark was stray
        (
            'The mayor said: "We stand for “equal justice” and always will."',
            ['"We stand for “equal justice” and always will."'],
        ),
        (
            'She wrote:\n\n"The plan is not about “fairness” any more.\n\n"It is about power."\n\nThe end.',
            ['"The plan is not about “fairness” any more.\n\n"It is about power."'],
        ),
        # a quotation open at a paragraph break without a reopening mark is dropped
        ("“Never closed.\n\nNext paragraph.", []),
        # unless the break splits a sentence: the next paragraph goes on in lower case or with a number
        (
            "“We have not won since the election in.\n\n1988. Now we will,” he said.",
            ["“We have not won since the election in.\n\n1988. Now we will,”"],
        ),
        (
            "“They spent it on ads\nin the early states,” she said.",
            ["“They spent it on ads\nin the early states,”"],
        ),
    ],
)
def test_find_quoted(text: str, expected: list[str]) -> None:
    assert _quoted(text) == expected


def test_inside_after_reversed_closing_mark() -> None:
    text = "“Is that a promise?“ he asked.\n\n“No,” she said."
    inside = Inside(find_quoted(text))
    assert not inside(text.index("asked"))
    assert inside(text.index("promise"))
