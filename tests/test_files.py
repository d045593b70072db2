from __future__ import annotations

import gzip
import json

import pytest

from storyline.ingest.files import decode, read_file
from storyline.ingest.sources import load
from storyline.model import Document, Skipped
from storyline.settings import IngestSettings, Settings

ARTICLE = (
    "Port workers in Velmora extend strike into second week\n\n"
    "VELMORA, June 3. /NPA/. Dock workers at the port of Velmora extended their strike on Tuesday, "
    "demanding higher wages and safer cranes, union leader Marta Kessel told reporters. "
    "The harbour authority said it would resume talks with the union on Thursday. "
    "Shipping agents said more than forty vessels were waiting offshore."
)
RUSSIAN = (
    "Портовые рабочие Вельморы продлили забастовку на вторую неделю\n\n"
    "ВЕЛЬМОРА, 3 июня. Докеры порта Вельмора во вторник продлили забастовку, требуя повышения зарплаты "
    "и безопасных кранов, заявила журналистам лидер профсоюза Марта Кессель. Администрация порта сообщила, "
    "что возобновит переговоры с профсоюзом в четверг."
)
SETTINGS = IngestSettings()


def read_one(path):
    items = list(read_file(path, SETTINGS))
    assert len(items) == 1
    return items[0]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "latin-1"])
def test_text_in_common_encodings(tmp_path, encoding):
    text = ARTICLE + " Café prices rose, the façade was repainted, déjà vu for the résidents."
    if encoding == "cp1251":
        text = RUSSIAN
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    document = read_one(path)
    assert isinstance(document, Document)
    assert document.text == text
    assert document.language == ("ru" if encoding == "cp1251" else "en")


def test_decode_prefers_utf8_and_strips_bom():
    assert decode("\ufeffhello".encode("utf-8")) == "\ufeffhello".encode("utf-8")[3:].decode()
    assert (
        decode("Привет, мир! Это проверка кодировки.".encode("cp1251"))
        == "Привет, мир! Это проверка кодировки."
    )


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "the file is empty"),
        ("doc.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "looks like a PDF document"),
        ("blob.txt", b"\x00\x01\x02binary\x00stuff" * 50, "binary data"),
        ("tiny.txt", b"Too short.", "too short to be an article"),
        ("page.html", b"<html><body><nav>Home | News</nav></body></html>", "no article"),
        ("archive.txt", gzip.compress(b"hello"), "gzip-compressed"),
    ],
)
def test_bad_files_become_skipped_with_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    skipped = read_one(path)
    assert isinstance(skipped, Skipped)
    assert skipped.source == str(path)
    assert reason in skipped.reason


def test_oversized_file_is_refused_without_reading(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 1000)
    items = list(read_file(path, IngestSettings(max_document_bytes=1000)))
    assert isinstance(items[0], Skipped) and "over ingest.max_document_bytes" in items[0].reason


def test_jsonl_good_and_bad_lines(tmp_path):
    path = tmp_path / "feed.jsonl"
    good = {
        "text": ARTICLE,
        "url": "https://npa.example/strike",
        "title": "Strike",
        "published": "2026-06-03",
        "outlet": "NPA",
    }
    path.write_text(
        "\n".join([json.dumps(good), "{not json", json.dumps({"title": "no body"}), "[1, 2]", ""])
    )
    items = list(read_file(path, SETTINGS))
    documents = [i for i in items if isinstance(i, Document)]
    skipped = [i for i in items if isinstance(i, Skipped)]
    assert len(documents) == 1
    assert documents[0].outlet == "NPA" and documents[0].published.isoformat() == "2026-06-03"
    assert documents[0].url == "https://npa.example/strike"
    assert [s.source.rsplit(":", 1)[1] for s in skipped] == ["2", "3", "4"]
    assert "not valid JSON" in skipped[0].reason


@pytest.mark.parametrize(
    "published, expected",
    [
        ("2026-06-03T08:15:00Z", "2026-06-03"),
        ("June 3, 2026", "2026-06-03"),
        ("Wed, 03 Jun 2026 08:15:00 GMT", "2026-06-03"),
        ("3 июня 2026", "2026-06-03"),
        ("Published: 03.06.2026 08:15", "2026-06-03"),  # dots day-first, as on a page's date line
        ("Sat Jun 3 2026, 08:15 hrs", "2026-06-03"),
        ("Mercredi 3 juin 2026", "2026-06-03"),
        ("04/05/2026", None),  # April 5 or 4 May: not guessed
        ("yesterday", None),  # relative to a moment the record does not give
        ("June 2026", None),  # no day
    ],
)
def test_jsonl_published_written_out(tmp_path, published, expected):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": ARTICLE, "published": published}))
    [document] = read_file(path, SETTINGS)
    assert (document.published.isoformat() if document.published else None) == expected


def test_html_file_goes_through_trafilatura(tmp_path):
    paragraphs = "".join(f"<p>{sentence}.</p>" for sentence in ARTICLE.split(". ")[1:])
    html = (
        "<html><head><title>Strike at Velmora port</title>"
        "<meta property='og:site_name' content='Velmora Daily'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>All news</a></nav>"
        f"<article><h1>Strike at Velmora port</h1>{paragraphs}</article>"
        "<footer>We use cookies to improve your experience. Accept all cookies.</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html)
    document = read_one(path)
    assert isinstance(document, Document)
    assert "Dock workers at the port of Velmora" in document.text
    assert "cookies" not in document.text
    assert document.title == "Strike at Velmora port"
    assert document.outlet == "Velmora Daily"


def test_folder_is_read_recursively_and_missing_paths_are_reported(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE.replace("Velmora", "Ostrava"))
    (tmp_path / "sub" / "image.png").write_bytes(b"\x89PNG....")
    items = list(load([str(tmp_path), str(tmp_path / "nope.txt")], Settings()))
    assert [type(i).__name__ for i in items] == ["Document", "Document", "Skipped"]
    assert items[2].reason == "no such file or folder"


def test_same_article_rewrapped_has_the_same_identity(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE.replace(". ", ".\n").replace("\n\n", "\r\n\r\n"))
    first, second = list(load([str(tmp_path)], Settings()))
    assert first.id == second.id and first.content_hash == second.content_hash
