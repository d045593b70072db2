"""The command line: help everywhere, one line per problem, exit codes, and results read back through the API."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from storyline.cli import cli
from storyline.store.sqlite import Store
from synthetic import article

COMMANDS = sorted(cli.commands)


@pytest.fixture
def runner():
    return CliRunner()


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(runner, command):
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert len(cli.commands[command].help or "") > 20


def bad_inputs(folder):
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "report.pdf.txt").write_bytes(b"%PDF-1.4 binary")
    (folder / "lines.jsonl").write_text(
        '{"text": "' + article(1).replace("\n", " ").replace('"', "'") + '"}\n{oops\n'
    )
    (folder / "nav.html").write_text("<html><body><nav>Home</nav></body></html>")
    return folder


def test_ingest_twice_stores_once_and_reports_bad_files(runner, tmp_path):
    folder = bad_inputs(tmp_path / "in")
    (folder / "good.txt").write_text(article(2))
    db = str(tmp_path / "s.db")
    first = runner.invoke(cli, ["--quiet", "ingest", str(folder), "--db", db])
    assert first.exit_code == 0, first.output
    assert "2 added, 0 already stored, 4 skipped" in first.output
    for name, reason in [
        ("empty.txt", "the file is empty"),
        ("report.pdf.txt", "PDF"),
        ("lines.jsonl:2", "not valid JSON"),
        ("nav.html", "no article"),
    ]:
        assert any(name in line and reason in line for line in first.stderr.splitlines()), (
            name,
            first.stderr,
        )
    second = runner.invoke(cli, ["--quiet", "ingest", str(folder), "--db", db])
    assert "0 added, 2 already stored" in second.output
    with Store.open(db) as store:
        assert store.document_count() == 2


def test_nothing_usable_exits_non_zero(runner, tmp_path):
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    result = runner.invoke(cli, ["--quiet", "analyze", str(folder)])
    assert result.exit_code == 1
    assert "nothing could be processed" in result.stderr


def test_storyline_errors_are_one_line(runner, tmp_path):
    notes = tmp_path / "notes.db"
    notes.write_text("not a database " * 200)
    result = runner.invoke(cli, ["stats", "--db", str(notes)])
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0
    assert "notes.db" in result.stderr and "Traceback" not in result.stderr


def test_bad_setting_is_a_usage_error(runner):
    result = runner.invoke(cli, ["--set", "fetch.nonsense=1", "settings"])
    assert result.exit_code == 2
    assert "unknown setting 'fetch.nonsense'" in result.stderr


def test_analyze_writes_the_json_contract(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for index in range(3):
        (folder / f"a{index}.txt").write_text(article(index))
    out = tmp_path / "out.json"
    result = runner.invoke(cli, ["--quiet", "analyze", str(folder), "--json", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert len(data["documents"]) == 3
    assert {e["type"] for e in data["entities"]} >= {"PERSON"}
    assert data["timexes"] and data["quotes"] and data["stories"]


def test_hostile_titles_are_printed_safely(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil.txt").write_text("Talks \x1b[2J\x1b]0;owned\x07[bold]collapse[/bold]\n\n" + article(5))
    result = runner.invoke(cli, ["--quiet", "analyze", str(folder)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_ingest_sources_list_keeps_outlet_labels_and_refuses_private_by_default(runner, tmp_path):
    from localserver import Route, article_html, serve

    for server in serve():
        server.routes["/story.html"] = Route(article_html("Dam talks resume", article(9).split("\n\n")[1:]))
        listed = tmp_path / "sources.toml"
        listed.write_text(
            f'[sites.gazette]\nurl = "{server.url("/story.html")}"\noutlet = "Valley Gazette"\n'
        )
        db = str(tmp_path / "s.db")
        refused = runner.invoke(cli, ["--quiet", "ingest", "--sources", str(listed), "--db", db])
        assert refused.exit_code == 1 and "127.0.0.1" in refused.stderr
        allowed = runner.invoke(
            cli,
            [
                "--quiet",
                "--set",
                "fetch.politeness_seconds=0",
                "ingest",
                "--sources",
                str(listed),
                "--db",
                db,
                "--allow-private",
            ],
        )
        assert allowed.exit_code == 0, allowed.output + allowed.stderr
    with Store.open(db) as store:
        (document,) = store.documents()
    assert document.outlet == "Valley Gazette"
    assert document.url.endswith("/story.html")


def test_summary_line_counts_in_english(runner, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a0.txt").write_text(article(0))
    result = runner.invoke(cli, ["analyze", str(folder)])
    assert result.exit_code == 0, result.output
    assert "1 document, 0 skipped, 0 reuse links (0 near-duplicates)" in result.output
