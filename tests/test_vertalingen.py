"""Translations are data: read with the other files, once per run, judged by the rules, and
never from a cache that can run code."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest
from flyer_check import make_flyer_root

from wegwijzer.rules.validate import validate

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "wegwijzer"
OUTPUT_STAGES = ("site", "flyer", "check", "export")


def _imports(path: Path) -> set[str]:
    """Every wegwijzer module `path` imports (at any depth in the file)."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module.removesuffix(".__init__")
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
    return {name for name in found if name.startswith("wegwijzer")}


def _modules() -> dict[str, set[str]]:
    graph = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__")
        graph[name] = _imports(path)
    return {name: {i for i in imports if i in graph and i != name} for name, imports in graph.items()}


def test_read_and_rules_import_no_output_stage() -> None:
    for name, imports in _modules().items():
        if name.startswith(("wegwijzer.read", "wegwijzer.rules")):
            wrong = {i for i in imports if i.split(".")[1:2] and i.split(".")[1] in OUTPUT_STAGES}
            assert not wrong, f"{name} imports {wrong}"


def test_the_translation_modules_form_no_cycle() -> None:
    graph = _modules()
    for start in ("wegwijzer.read.vertalingen", "wegwijzer.rules.vertalingen",
                  "wegwijzer.flyer.vertalingen", "wegwijzer.flyer.inhoud", "wegwijzer.read.project"):
        seen: set[str] = set()
        todo = list(graph[start])
        while todo:
            name = todo.pop()
            assert name != start, f"{start} imports itself through {sorted(seen)}"
            if name not in seen:
                seen.add(name)
                todo.extend(graph.get(name, ()))


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return make_flyer_root(tmp_path / "root")


def test_the_validated_result_carries_the_translations(root: Path) -> None:
    resultaat = validate(root)
    assert {"nl", "en", "ar"} <= set(resultaat.project.vertalingen)
    assert resultaat.project.vertalingen["nl"].vast["titel"].tekst


def test_one_flyers_run_reads_each_translation_file_once(
    root: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    from collections import Counter

    from wegwijzer.read import vertalingen

    reads: Counter[str] = Counter()
    real = vertalingen.read

    def counted(path: Path, meldingen):
        reads[path.name] += 1
        return real(path, meldingen)

    monkeypatch.setattr(vertalingen, "read", counted)
    monkeypatch.setenv("WEGWIJZER_WERKERS", "1")
    run = cli("flyers", "--root", root, "--out", root / "uit", "--gemeente", "alfa")
    assert run.code == 0, run.err
    files = {p.name for p in (root / "content" / "vertalingen").glob("*.yml")}
    assert set(reads) == files and set(reads.values()) == {1}
    # a second run in the same process reads them again (no memo that could go stale)
    (root / "content" / "vertalingen" / "nl.yml").write_text(
        (root / "content" / "vertalingen" / "nl.yml").read_text(encoding="utf-8").replace(
            "taal: nl", "taal: nl\nonbekend_veld: x", 1
        ),
        encoding="utf-8",
    )
    assert validate(root).meldingen.has_errors
    assert set(reads.values()) == {2}


class _Boobytrap:
    """Unpickling this creates the file it names: proof that a pickle was loaded."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self):
        return (Path.touch, (self.target,))


def test_a_planted_pickle_in_the_old_cache_is_never_loaded(root: Path, tmp_path: Path) -> None:
    """A pickle committed where the translations cache lived does not run on `validate` in a
    fresh process (a fresh clone): it would create a file if it were unpickled."""
    import os
    import subprocess
    import sys

    def validate_fresh() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "wegwijzer", "validate", "--root", str(root)],
            capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"}, timeout=120,
        )

    assert validate_fresh().returncode == 0  # a run that would have written the cache
    proof = tmp_path / "code-ran"
    cache = root / ".wegwijzer-cache" / "vertalingen"
    cache.mkdir(parents=True, exist_ok=True)
    planted = [*cache.glob("*.pickle"), cache / ("0" * 64 + ".pickle")]
    for path in planted:
        path.write_bytes(pickle.dumps(_Boobytrap(proof)))
    run = validate_fresh()
    assert run.returncode == 0, run.stderr
    assert not proof.exists()
    assert all(path.read_bytes() == planted[-1].read_bytes() for path in planted)  # left alone


def test_nothing_in_the_package_unpickles_or_evaluates() -> None:
    """No reader that can run code: pickle, marshal, shelve, eval/exec, unsafe yaml loaders."""
    forbidden_modules = {"pickle", "marshal", "shelve", "dill", "cloudpickle", "_pickle"}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                assert not {a.name.split(".")[0] for a in node.names} & forbidden_modules, path
            elif isinstance(node, ast.ImportFrom):
                assert (node.module or "").split(".")[0] not in forbidden_modules, path
            elif isinstance(node, ast.Call):
                func = node.func
                if isinstance(func, ast.Name):
                    assert func.id not in ("eval", "exec"), f"{path}:{node.lineno}: {func.id}"
                    continue
                attr = getattr(func, "attr", "")
                assert attr not in ("unsafe_load", "full_load", "unsafe_load_all", "full_load_all"), (
                    f"{path}:{node.lineno}: {attr}"
                )
                for keyword in node.keywords:
                    value = keyword.value
                    shown = getattr(value, "id", getattr(value, "attr", getattr(value, "value", "")))
                    if keyword.arg == "Loader":
                        assert shown not in ("Loader", "UnsafeLoader", "FullLoader"), f"{path}:{node.lineno}"
                    if keyword.arg == "typ":
                        assert shown in ("safe", "rt", "base"), f"{path}:{node.lineno}: YAML(typ={shown!r})"
