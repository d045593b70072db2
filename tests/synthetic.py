"""Deterministic synthetic news articles for tests that need many documents (crash, concurrency, bench).

Each article is unique (its own numbers, names and sentence order), realistic enough for every stage, and
written here — not taken from any corpus.
"""

from __future__ import annotations

import random
from pathlib import Path

CITIES = ["Varna", "Ostrava", "Velmora", "Karst", "Duneholm", "Silvan", "Orlik", "Tarsk"]
OUTLETS = [("NPA", "{city}, {month} {day}. /NPA/. "), ("LBN", "{city} (LBN) - "), ("Daily Ledger", "")]
PEOPLE = ["Lena Dorn", "Piotr Hallis", "Amira Sadik", "Jonas Weller", "Ilse Marek", "Tomas Reyes"]
ROLES = ["Foreign Minister", "Prime Minister", "President", "union leader", "port director"]
VERBS = ["met", "discussed the treaty with", "criticised", "signed an agreement with", "called on"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]


def article(index: int) -> str:
    """Article number ``index``: a title, a dateline sentence, a quote and a few body sentences."""
    rng = random.Random(index)
    city, month, day = rng.choice(CITIES), rng.choice(MONTHS), rng.randint(1, 28)
    outlet, dateline = rng.choice(OUTLETS)
    a, b = rng.sample(PEOPLE, 2)
    title = f"{a.split()[1]} and {b.split()[1]} hold talks in {city} (report {index})"
    body = [
        dateline.format(city=city.upper(), month=month, day=day)
        + f"{rng.choice(ROLES)} {a} {rng.choice(VERBS)} {b} in {city} on {month} {day}, officials said.",
        f'"We agreed on {rng.randint(2, 40)} points and will meet again in {rng.randint(2, 9)} weeks," {a} said.',
        f"The talks followed {rng.randint(2, 30)} months of tension over water rights along the river.",
        f"Some {rng.randint(100, 9000)} residents of {rng.choice(CITIES)} were affected, according to the "
        f"regional authorities, who asked for aid on {rng.choice(MONTHS)} {rng.randint(1, 28)}.",
        f"{b} told reporters that the agreement number {index} would be ratified next year.",
    ]
    rng.shuffle(body[2:])
    credit = {"NPA": "", "LBN": "", "Daily Ledger": f"By {rng.choice(PEOPLE)}\n\n"}[outlet]
    return f"{title}\n\n{credit}" + "\n\n".join(body) + "\n"


def write_folder(folder: Path, count: int) -> list[Path]:
    """``count`` articles as ``folder/article-00000.txt`` …, returned in the order ingest reads them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        path = folder / f"article-{index:05d}.txt"
        path.write_text(article(index), encoding="utf-8")
        paths.append(path)
    return paths
