"""The package's shape (issue 16): import contracts, few top-level modules, size limits.

The import contracts live in ``pyproject.toml`` (``[tool.importlinter]``): the pipeline's
layers, extractors that do not import each other, the layers inside ``extract`` and ``site``,
and MkDocs only where the site is built. ``lint-imports`` (``nox -s lint``) checks the same.

Sizes: a module has at most 400 lines and a function at most 100 (methods and nested
functions included): a longer one is split by what it does.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
from importlinter import api as _importlinter_api  # noqa: F401  (registers the contract types)
from importlinter.application.use_cases import lint_imports

from kommuneatlas.sources.document_types import DOCUMENT_TYPES

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "kommuneatlas"
MAX_TOP_LEVEL_MODULES = 8
MODULE_LINES = 400
FUNCTION_LINES = 100


def _functions(node: ast.AST, prefix: str = "") -> list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Every function and method under ``node``, with its qualified name."""
    found: list[tuple[str, ast.FunctionDef | ast.AsyncFunctionDef]] = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
            found.append((prefix + child.name, child))
            found += _functions(child, f"{prefix}{child.name}.")
        elif isinstance(child, ast.ClassDef):
            found += _functions(child, f"{prefix}{child.name}.")
        else:
            found += _functions(child, prefix)
    return found


def oversize() -> dict[str, int]:
    """The modules and functions of the package over the limits, with their lengths in lines."""
    found: dict[str, int] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        text = path.read_text(encoding="utf-8")
        if (lines := len(text.splitlines())) > MODULE_LINES:
            found[name] = lines
        for qualname, function in _functions(ast.parse(text)):
            assert function.end_lineno is not None
            if (lines := function.end_lineno - function.lineno + 1) > FUNCTION_LINES:
                found[f"{name}:{qualname}"] = lines
    return found


def test_import_contracts_hold(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    kept = lint_imports(config_filename=str(REPO / "pyproject.toml"), cache_dir=None, no_logo=True)
    report = capsys.readouterr().out
    assert kept, report
    assert "0 broken" in report


def test_at_most_eight_top_level_modules() -> None:
    modules = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(modules) <= MAX_TOP_LEVEL_MODULES, f"top-level modules: {modules}; put new ones in a package"


def test_no_module_or_function_over_the_limits() -> None:
    found = oversize()
    assert not found, (
        f"over {MODULE_LINES} lines per module or {FUNCTION_LINES} per function: {found}; split them"
    )


def test_the_size_check_sees_long_functions_and_methods() -> None:
    tree = ast.parse("class A:\n    def long(self):\n" + "        x = 1\n" * 120 + "def short():\n    pass\n")
    lengths = {name: f.end_lineno - f.lineno + 1 for name, f in _functions(tree) if f.end_lineno}
    assert lengths == {"A.long": 121, "short": 2}


@pytest.mark.parametrize("doc_type", DOCUMENT_TYPES.values(), ids=lambda t: t.name)
def test_every_document_type_names_an_extractor_module(doc_type) -> None:
    """The registry imports extractors by name, which neither import-linter nor a rename sees."""
    module = importlib.import_module(doc_type.extractor)
    assert callable(module.extract)
