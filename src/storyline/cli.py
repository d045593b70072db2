"""The ``storyline`` command: thin commands over the Python API, one line per problem, no tracebacks.

Each command parses options, calls one API function and prints what it returned. Exit codes: 0 when anything was
processed, 1 when nothing could be, 2 for usage errors (click's own).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from storyline.errors import StorylineError
from storyline.ingest.source_list import SourceSpec
from storyline.model import Analysis, Skipped
from storyline.report.terminal import safe
from storyline.settings import Settings, load_settings

DEFAULT_DB = "storyline.db"
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)


class Context:
    """Options shared by every command."""

    def __init__(self, settings: Settings, quiet: bool) -> None:
        self.settings = settings
        self.quiet = quiet


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="storyline")
@click.option("--config", type=click.Path(dir_okay=False), help="TOML settings file ([fetch], [link]…).")
@click.option(
    "--set", "assignments", multiple=True, metavar="SECTION.FIELD=VALUE", help="Override one setting."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar, only problems and results.")
@click.pass_context
def cli(ctx: click.Context, config: str | None, assignments: tuple[str, ...], quiet: bool) -> None:
    """storyline: one story, many sources — turn news articles from many outlets into one cited story."""
    try:
        settings = load_settings(config, list(assignments))
    except StorylineError as exc:
        raise click.UsageError(str(exc)) from exc
    ctx.obj = Context(settings, quiet)


def _with_fetch(obj: Context, allow_private: bool) -> Settings:
    return obj.settings.override({"fetch.allow_private": True}) if allow_private else obj.settings


@cli.command()
@click.argument("sources", nargs=-1)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite store to add to.")
@click.option(
    "--sources", "source_file", type=click.Path(dir_okay=False), help="TOML list of feeds and sites."
)
@click.option("--allow-private", is_flag=True, help="Allow fetching from loopback/private addresses.")
@click.pass_obj
def ingest(
    obj: Context, sources: tuple[str, ...], db: str, source_file: str | None, allow_private: bool
) -> None:
    """Add articles (files, folders, globs, URLs, feeds, WARC archives) to the store, incrementally."""
    from storyline import pipeline
    from storyline.store.sqlite import Store

    settings = _with_fetch(obj, allow_private)
    all_sources = [*sources, *_listed_sources(source_file)]
    if not all_sources:
        raise click.UsageError("give at least one file, folder, URL or --sources file")
    with _errors(), Store.open(db) as store, _progress(obj) as progress:
        report = pipeline.ingest(all_sources, store, settings, progress)
    _print_skipped(report.skipped)
    out.print(
        f"{len(report.added)} added, {len(report.duplicates)} already stored, "
        f"{len(report.skipped)} skipped → {safe(db)}"
    )
    _exit_for(len(report.added) + len(report.duplicates))


@cli.command()
@click.argument("sources", nargs=-1)
@click.option("--json", "json_path", type=click.Path(dir_okay=False), help="Write the analysis as JSON here.")
@click.option("--db", help="Work through this SQLite store (incremental, resumable); default: in memory.")
@click.option("--allow-private", is_flag=True, help="Allow fetching from loopback/private addresses.")
@click.option("--processes", type=int, help="Worker processes for analysis (0 = one per core).")
@click.pass_obj
def analyze(
    obj: Context,
    sources: tuple[str, ...],
    json_path: str | None,
    db: str | None,
    allow_private: bool,
    processes: int | None,
) -> None:
    """Analyze articles: metadata, entities, time expressions, quotes, events, reuse and stories."""
    settings = _with_fetch(obj, allow_private)
    if processes is not None:
        settings = settings.override({"analyze.processes": processes})
    if not sources and not db:
        raise click.UsageError("give files, folders or URLs to analyze, or --db to analyze a store")
    analysis = _run_analysis(obj, settings, list(sources), db)
    if json_path:
        analysis.to_json(json_path)
    _print_skipped(analysis.skipped)
    _print_summary(analysis, json_path)
    _exit_for(len(analysis.documents))


def _run_analysis(obj: Context, settings: Settings, sources: list[str], db: str | None) -> Analysis:
    from storyline import pipeline
    from storyline.store.sqlite import Store

    with _errors(), _progress(obj) as progress:
        if db is None:
            return pipeline.analyze(sources, settings, progress=progress)
        with Store.open(db) as store:
            return pipeline.analyze(sources, settings, store=store, progress=progress)


@cli.command()
@click.option("-o", "--output", default="storyline-report", show_default=True, help="Folder for the results.")
@click.pass_obj
def demo(obj: Context, output: str) -> None:
    """Analyze the bundled sample corpus (two fictional stories, five outlets) and write the results."""
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    sample = resources.files("storyline") / "sample" / "articles"
    with resources.as_file(sample) as sample_path:
        analysis = _run_analysis(obj, obj.settings, [str(sample_path)], None)
    analysis.to_json(str(folder / "analysis.json"))
    _print_skipped(analysis.skipped)
    _print_summary(analysis, str(folder / "analysis.json"))
    _exit_for(len(analysis.documents))


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite store to describe.")
def stats(db: str) -> None:
    """Counts of documents, analyses, skipped sources, outlets and stories in the store."""
    from storyline.store.sqlite import Store

    if not Path(db).exists():
        raise click.UsageError(f"{db}: no such store; create one with `storyline ingest PATH --db {db}`")
    with _errors(), Store.open(db) as store:
        counts = store.stats()
        outlets = store.outlet_counts()
    out.print(
        f"documents {counts.documents}  analyzed {counts.analyzed}  skipped {counts.skipped}  "
        f"outlets {counts.outlets}  stories {counts.stories}"
    )
    for outlet, n in outlets[:20]:
        out.print(f"  {safe(outlet, limit=60)}: {n}")


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite store to recluster.")
@click.pass_obj
def recluster(obj: Context, db: str) -> None:
    """Rebuild stories and occasions from scratch over every stored document (a full batch pass)."""
    from storyline import pipeline
    from storyline.store.sqlite import Store

    with _errors(), Store.open(db) as store:
        stories = pipeline.recluster(store, obj.settings)
    out.print(f"{len(stories)} stories over {sum(len(s.docs) for s in stories)} documents")


@cli.command()
@click.argument("feeds", nargs=-1, required=True)
@click.option("--every", default="10m", show_default=True, help="Polling interval: 90s, 10m, 1h.")
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite store to add to.")
@click.option("--allow-private", is_flag=True, help="Allow fetching from loopback/private addresses.")
@click.option("--once", is_flag=True, help="Poll every feed once and stop.")
@click.pass_obj
def watch(obj: Context, feeds: tuple[str, ...], every: str, db: str, allow_private: bool, once: bool) -> None:
    """Poll feeds and ingest only new entries, until Ctrl-C."""
    from storyline.ingest.watch import parse_interval
    from storyline.pipeline import watch_feeds
    from storyline.store.sqlite import Store

    settings = _with_fetch(obj, allow_private)
    with _errors(), Store.open(db) as store:
        try:
            watch_feeds(
                list(feeds),
                settings,
                store,
                every_seconds=parse_interval(every),
                once=once,
                report=lambda line: out.print(safe(line, limit=300)),
            )
        except KeyboardInterrupt:
            err.print("stopped")


@cli.command(name="settings")
@click.pass_obj
def show_settings(obj: Context) -> None:
    """Print every setting with its current value (TOML tables, as a --config file takes them)."""
    for section, values in obj.settings.as_dict().items():
        out.print(f"[{section}]", markup=False)
        for name, value in values.items():
            out.print(f"{name} = {value!r}", markup=False)


# helpers ----------------------------------------------------------------------------------------------------


def _listed_sources(source_file: str | None) -> list[SourceSpec]:
    if not source_file:
        return []
    from storyline.ingest.source_list import load_source_list

    with _errors():
        return load_source_list(source_file)


@contextmanager
def _errors() -> Iterator[None]:
    """A storyline error becomes one line on stderr and exit code 1."""
    try:
        yield
    except StorylineError as exc:
        err.print(f"storyline: {safe(exc, limit=500)}")
        sys.exit(1)


@contextmanager
def _progress(obj: Context) -> Iterator[Any]:
    if obj.quiet or not err.is_terminal:
        yield lambda stage, n: None
        return
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        tasks: dict[str, Any] = {}

        def advance(stage: str, n: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=None)
            bar.advance(tasks[stage], n)

        yield advance


def _print_skipped(skipped: tuple[Skipped, ...] | list[Skipped]) -> None:
    for item in skipped:
        err.print(f"skipped {safe(item.source, limit=160)} ({item.stage}): {safe(item.reason, limit=300)}")


def _print_summary(analysis: Analysis, json_path: str | None) -> None:
    table = Table("outlet", "published", "title", "entities", "timexes", "quotes", "events", box=None)
    for d in analysis.documents:
        table.add_row(
            safe(d.outlet or "-", limit=24),
            str(d.published or "-"),
            safe(d.title or "-", limit=60),
            str(len(d.entities)),
            str(len(d.timexes)),
            str(len(d.quotes)),
            str(len(d.events)),
        )
    out.print(table)
    for story in analysis.stories:
        out.print(
            f"story {safe(story.id)}: {safe(story.title, limit=80)} — {_count(len(story.docs), 'document')}, "
            f"{_count(len(story.occasions), 'occasion')}"
        )
    near = sum(1 for r in analysis.reuse if r.near_duplicate)
    out.print(
        f"{_count(len(analysis.documents), 'document')}, {len(analysis.skipped)} skipped, "
        f"{_count(len(analysis.reuse), 'reuse link')} ({_count(near, 'near-duplicate')}), "
        f"{_count(len(analysis.stories), 'story', 'stories')}"
        + (f" → {safe(json_path)}" if json_path else "")
    )


def _count(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 occasion", "2 occasions": a summary line reads as English."""
    return f"{n} {noun if n == 1 else plural or noun + 's'}"


def _exit_for(processed: int) -> None:
    if processed == 0:
        err.print("storyline: nothing could be processed")
        sys.exit(1)


def main() -> None:
    cli(prog_name="storyline")
