"""A person's gender from a first name that is clearly one gender's, for pronoun resolution.

Coreference learns a person's gender from the pronouns already joined to them, which is circular: in "Hillary
Clinton said her plan would work. Donald Trump rejected her claims." the second "her" went to Trump, who then
counted as a woman. A first name settles many such cases before any pronoun is read.

The names come from the US Census 1990 first-name lists shipped by the ``names`` package (MIT licence):
``dist.male.first`` and ``dist.female.first``, one line per name (NAME, frequency in percent of that sex,
cumulative percent, rank). A name gets a gender only when its frequency among one sex is at least
``DOMINANCE`` times its frequency among the other: "Donald" and "Angela" do, "Kim", "Jean", "Leslie", "Jordan"
do not. Names in neither list ("Ilham", "Nikol", "Recep") stay unknown, and pronouns decide, as before.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from importlib.resources import files

__all__ = ["gender_of", "listed"]

# How much more frequent among one sex a name must be to give that gender: 10:1, ten holders of one sex for each
# of the other. It leaves shared names unknown, where one wrong gender would hide the right antecedent: "Kim" (6:1
# women, and the Korean family name of "Kim Jong Un"), "Jean" (9:1 women, a Frenchman's name), "Chris" (8:1),
# "Lee", "Terry", "Leslie"; "Bernie" (4:1) too. On ECB+ train 3:1 or 20:1 change a dozen pronoun links at most.
DOMINANCE = 10.0
# A name missing from one list counts as this frequency there (percent), the smallest the lists record, so a
# name only one list holds must reach 0.010% (one in 10,000) to count: "Hillary" does, the rare tail where
# other languages' given and family names sit ("Moon", "Yang", "Nikita") does not.
UNLISTED = 0.001
LISTS = {"m": "dist.male.first", "f": "dist.female.first"}
LAST_NAMES = "dist.all.last"  # the 1990 Census family names, for ``listed``


def gender_of(first_name: str) -> str | None:
    """ "m", "f" or ``None`` for a first name ("Hillary" -> "f"); case and accents do not matter."""
    return _genders().get(_key(first_name))


def listed(word: str) -> bool:
    """Whether ``word`` is a first name or a family name of the lists ("Rose", "Bush", "Sheriff"; not "Debris"),
    so that a capitalized common word can be told from a name."""
    return _key(word) in _listed()


@cache
def _listed() -> frozenset[str]:
    return frozenset(_frequencies(LISTS["m"]) | _frequencies(LISTS["f"]) | _frequencies(LAST_NAMES))


@cache
def _genders() -> dict[str, str]:
    """Every clearly gendered name, read from the package once, on first use."""
    male, female = _frequencies(LISTS["m"]), _frequencies(LISTS["f"])
    genders: dict[str, str] = {}
    for name in male.keys() | female.keys():
        m, f = male.get(name, UNLISTED), female.get(name, UNLISTED)
        if m >= DOMINANCE * f:
            genders[name] = "m"
        elif f >= DOMINANCE * m:
            genders[name] = "f"
    return genders


def _frequencies(filename: str) -> dict[str, float]:
    text = files("names").joinpath(filename).read_text(encoding="ascii")
    return {name: float(freq) for name, freq, *_ in (line.split() for line in text.splitlines() if line)}


def _key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.upper())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
