"""First names that give a gender (US Census 1990 lists from the ``names`` package), as a table."""

from __future__ import annotations

import pytest

from storyline.analyze import first_names


@pytest.mark.parametrize(
    "name, gender",
    [
        ("Donald", "m"),  # 466:1
        ("Hillary", "f"),  # only in the women's list, common enough to count
        ("ANGELA", "f"),  # case does not matter
        ("José", "m"),  # nor accents
        ("Leslie", None),  # in both lists, about 2:1: shared
        ("Kim", None),  # 6:1 women, and a Korean family name written first ("Kim Jong Un")
        ("Jean", None),  # 9:1 women, and a French man's name
        ("Bernie", None),  # 4:1 men: short of the 10:1 the lists must show
        ("Moon", None),  # one woman in 100,000: too rare to tell from noise
        ("Ilham", None),  # in neither list
        ("Recep", None),
        ("", None),
    ],
)
def test_first_name_gives_a_gender_only_when_clearly_one_sex_s(name, gender):
    assert first_names.gender_of(name) == gender


def test_the_lists_are_read_once():
    first_names.gender_of("Donald")
    assert first_names._genders() is first_names._genders()
