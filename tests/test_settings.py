from __future__ import annotations

import pytest

from storyline.errors import SettingsError
from storyline.settings import Settings, load_settings


@pytest.mark.parametrize(
    "assignment, section, name, expected",
    [
        ("fetch.timeout_seconds=5", "fetch", "timeout_seconds", 5.0),
        ("fetch.allow_private=true", "fetch", "allow_private", True),
        ("link.num_perm=64", "link", "num_perm", 64),
        ("analyze.spacy_model=en_core_web_sm", "analyze", "spacy_model", "en_core_web_sm"),
        ("ingest.extensions=.txt,.html", "ingest", "extensions", (".txt", ".html")),
    ],
)
def test_override_coerces_to_the_default_type(assignment, section, name, expected):
    settings = Settings().override([assignment])
    assert getattr(getattr(settings, section), name) == expected


@pytest.mark.parametrize(
    "assignment, message",
    [
        ("fetch.nonsense=1", "unknown setting 'fetch.nonsense'"),
        ("nosection.x=1", "unknown setting"),
        ("fetch.retries=many", "expected a int"),
        ("fetch.allow_private=perhaps", "expected a bool"),
        ("fetch.retries", "write section.field=value"),
    ],
)
def test_bad_overrides_say_what_is_wrong(assignment, message):
    with pytest.raises(SettingsError, match=message):
        Settings().override([assignment])


def test_toml_file_then_assignments(tmp_path):
    path = tmp_path / "storyline.toml"
    path.write_text("[fetch]\nretries = 7\nuser_agent = 'me'\n[link]\nlsh_threshold = 0.5\n")
    settings = load_settings(path, ["fetch.retries=3"])
    assert settings.fetch.retries == 3
    assert settings.fetch.user_agent == "me"
    assert settings.link.lsh_threshold == 0.5


def test_toml_file_errors_name_the_file(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("retries = 7\n")
    with pytest.raises(SettingsError, match=r"bad\.toml"):
        load_settings(path)
    with pytest.raises(SettingsError, match=r"missing\.toml"):
        load_settings(tmp_path / "missing.toml")


def test_settings_are_frozen():
    with pytest.raises(AttributeError):
        Settings().fetch.retries = 1  # type: ignore[misc]
