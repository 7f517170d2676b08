"""The handleiding quotes real messages: each example file in it, run through the command it
names, gives exactly the messages shown (for that file), so the handleiding cannot drift."""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO

HANDLEIDING = REPO / "handleiding" / "redacteuren.md"
FENCE = re.compile(r'^```(\w+) title="([^"]+)"\n(.*?)^```$', re.MULTILINE | re.DOTALL)


@dataclass
class Voorbeeld:
    path: str  # the example file, relative to the project root
    text: str
    command: str  # e.g. "wegwijzer validate"
    messages: list[str]
    line: int  # where the example starts in the handleiding

    def __str__(self) -> str:
        return f"handleiding/redacteuren.md:{self.line}"


def voorbeelden() -> list[Voorbeeld]:
    text = HANDLEIDING.read_text(encoding="utf-8")
    found: list[Voorbeeld] = []
    pending: tuple[str, str, int] | None = None
    for match in FENCE.finditer(text):
        kind, title, body = match.groups()
        line = text.count("\n", 0, match.start()) + 1
        if kind == "yaml":
            pending = (title, body, line)
        elif kind == "text" and title.startswith("wegwijzer ") and pending is not None:
            messages = [m for m in body.splitlines() if m.strip()]
            found.append(Voorbeeld(pending[0], pending[1], title, messages, pending[2]))
            pending = None
    return found


VOORBEELDEN = voorbeelden()


def test_the_handleiding_has_examples_for_every_topic() -> None:
    commands = {v.command for v in VOORBEELDEN}
    assert {"wegwijzer validate", "wegwijzer fmt --check"} <= commands
    assert len(VOORBEELDEN) >= 7
    text = HANDLEIDING.read_text(encoding="utf-8")
    for heading in ("Een telefoonnummer veranderen", "Een interventie toevoegen",
                    "niet wordt aangeboden", "Bekijken voor je publiceert", "Een foutmelding lezen"):
        assert heading in text
    assert "mkdocs serve" in text


@pytest.mark.parametrize("voorbeeld", VOORBEELDEN, ids=str)
def test_example_gives_exactly_the_quoted_messages(voorbeeld: Voorbeeld, tmp_path: Path, cli,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("content", "gemeenten", "schema"):
        shutil.copytree(REPO / name, tmp_path / name)
    target = tmp_path / voorbeeld.path
    assert not target.exists(), f"{voorbeeld}: pick a file name that the shipped data does not use"
    target.write_text(voorbeeld.text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = voorbeeld.command.split()[1:]
    result = cli(*args)
    produced = [line for line in result.lines if line.startswith(voorbeeld.path)]
    quoted = voorbeeld.messages
    missing = [m for m in quoted if m not in produced]
    assert not missing, f"{voorbeeld}: the tool does not (or no longer) say this; it says:\n" + \
        "\n".join(produced)
    # the example is complete: every error about the file is quoted, and every warning too
    # when the example is about warnings
    kinds = {": fout: "} | ({": waarschuwing: "} if any(": waarschuwing: " in m for m in quoted) else set())
    unquoted = [p for p in produced if any(k in p for k in kinds) and p not in quoted]
    assert not unquoted, f"{voorbeeld}: the tool also says this, add it to the handleiding:\n" + \
        "\n".join(unquoted)
    if any(": fout: " in m for m in quoted) or args[:1] == ["fmt"]:
        assert result.code == 1
