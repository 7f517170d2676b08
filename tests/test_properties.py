"""Property-based tests: merging is deterministic, and no YAML makes a command crash."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wegwijzer.cli import main
from wegwijzer.read.models import Hulplijn
from wegwijzer.rules.validate import validate

FIELDS = sorted(Hulplijn.model_fields)
SCALARS = st.one_of(
    st.sampled_from(["ja", "nee", "0612345678", "112", "0800 0450", "2024-01-01", "https://a.nl",
                     "zwanger", "geld", "", "~", "null", "- x", "[a", "&x", "*x", "!!int 1", ":", "#"]),
    st.text(max_size=30),
)
KEYS = st.one_of(st.sampled_from(FIELDS + ["gemeente", "regio", "niet_aangeboden", "telefon"]), st.text(max_size=8))


def yaml_values(depth: int = 2) -> st.SearchStrategy[str]:
    scalar = SCALARS.map(lambda s: repr(s) if s and s[0] in "'\"" else s)
    if depth == 0:
        return scalar
    inner = yaml_values(depth - 1)
    flow_list = st.lists(scalar, max_size=3).map(lambda xs: "[" + ", ".join(xs) + "]")
    block = st.lists(st.tuples(KEYS, inner), max_size=4).map(
        lambda pairs: "".join(f"\n  {k}: {v}".replace("\n", "\n  ") for k, v in pairs)
    )
    return st.one_of(scalar, flow_list, block)


DOCUMENTS = st.one_of(
    st.lists(st.tuples(KEYS, yaml_values()), max_size=5).map(
        lambda pairs: "".join(f"{k}: {v}\n" for k, v in pairs)
    ),
    st.text(max_size=200),
    st.binary(max_size=200),
)


def _fresh_root(base: Path) -> Path:
    root = base / "root"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(FIXTURES / "mini", root)
    return root


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=DOCUMENTS, target=st.sampled_from(["gemeenten/beta.yml", "content/regio/testregio.yml", "content/landelijk.yml"]))
def test_no_yaml_makes_a_command_crash(tmp_path: Path, capsys, document, target: str) -> None:
    root = _fresh_root(tmp_path)
    path = root / target
    data = document if isinstance(document, bytes) else document.encode("utf-8", errors="replace")
    path.write_bytes(data)
    for args in (["validate"], ["show", "alfa"], ["show", "beta", "--json"]):
        code = main([*args, "--root", str(root)])
        captured = capsys.readouterr()
        assert code in (0, 1, 2), (args, code, captured.err)
        assert "interne fout" not in captured.err, captured.err
        if args == ["validate"] and code == 1:
            assert ": fout: " in captured.out


ENTRY = st.fixed_dictionaries(
    {"naam": st.sampled_from(["A", "B", "Cé"]), "telefoon": st.sampled_from(["112", "0800 0450", "085 130 46 58"])},
    optional={"website": st.sampled_from(["https://a.nl", "https://b.nl/x"]),
              "fasen": st.sampled_from(["[zwanger]", "[na-geboorte, zwanger]"])},
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    overrides=st.lists(st.tuples(st.sampled_from(["huisbezoek", "oudergroep", "alarm", "luisterlijn"]), ENTRY),
                       max_size=3, unique_by=lambda t: t[0]),
    excluded=st.lists(st.sampled_from(["oudergroep", "luisterlijn", "huisbezoek"]), max_size=2, unique=True),
)
def test_merging_is_deterministic(tmp_path: Path, overrides, excluded) -> None:
    root = _fresh_root(tmp_path)
    kinds = {"huisbezoek": "interventies", "oudergroep": "interventies", "alarm": "hulplijnen", "luisterlijn": "hulplijnen"}
    lines = ["gemeente:", "  naam: Beta", "  regio: testregio", "  woonplaatsen: [Beta]"]
    for kind in ("hulplijnen", "interventies"):
        chosen = [(i, e) for i, e in overrides if kinds[i] == kind]
        if chosen:
            lines.append(f"{kind}:")
            for id_, entry in chosen:
                lines.append(f"  - id: {id_}")
                lines += [f"    {k}: {v if k == 'fasen' else repr(v)}" for k, v in entry.items()]
    if excluded:
        lines.append("niet_aangeboden: [" + ", ".join(excluded) + "]")
    (root / "gemeenten" / "beta.yml").write_text("\n".join(lines) + "\n")
    first = validate(root)
    second = validate(root)
    assert first.gemeenten == second.gemeenten
    assert list(first.meldingen) == list(second.meldingen)
    # every generated file is valid data: the merge result is there to check, never skipped
    assert "beta" in first.gemeenten, [m.format() for m in first.meldingen.fouten]
    beta = first.gemeenten["beta"]
    present = {e.item.id for e in beta.all_entries()}
    for id_, entry in overrides:
        if id_ not in excluded:
            item = next(e.item for e in beta.all_entries() if e.item.id == id_)
            assert item.naam == entry["naam"]
    for id_ in excluded:
        if id_ not in dict(overrides):
            assert id_ not in present
