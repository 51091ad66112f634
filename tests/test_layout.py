"""The architecture, enforced: the core imports no Scrapy, Twisted or Redis, and only
crawler.compat reaches into a dependency's private internals."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORE = REPO / "crawler" / "core"
FORBIDDEN_IN_CORE = ("scrapy", "twisted", "redis", "scrapy_redis")
# Our own top-level packages, and the standard library: not dependencies.
OURS = {"crawler", "spiders", "pipelines", "tests", "bench"}
# Modules of trafilatura that count as public, besides its top-level names.
PUBLIC_SUBMODULES = {"trafilatura.meta", "trafilatura.settings"}
# Underscored names that their library documents as public: lxml's element type.
DOCUMENTED = {"_Element"}


def test_every_core_module_imports_without_scrapy_twisted_or_redis():
    modules = sorted(f"crawler.core.{p.stem}" for p in CORE.glob("*.py") if p.stem != "__init__")
    assert len(modules) > 20
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"print(sorted(m for m in sys.modules if m.partition('.')[0] in {FORBIDDEN_IN_CORE!r}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]", done.stdout


def _dependency_reaches(path: Path) -> list[str]:
    """Imports of a private module, or of a private name, of another package; and
    trafilatura submodules that are not public."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules = [node.module]
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.Import):
            modules, names = [alias.name for alias in node.names], []
        else:
            continue
        for module in modules:
            if (
                module.partition(".")[0] in OURS
                or module.partition(".")[0] in sys.stdlib_module_names
            ):
                continue
            private = any(part.startswith("_") for part in module.split("."))
            private |= any(name.startswith("_") for name in names)
            internal = module.startswith("trafilatura.") and module not in PUBLIC_SUBMODULES
            if private or internal:
                found.append(f"{path.relative_to(REPO)}:{node.lineno}: {module} {names}")
    return found


def _not_a_dependency(module: str) -> bool:
    top = module.partition(".")[0]
    return top in OURS or top in sys.stdlib_module_names


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__") and name not in DOCUMENTED


def _private_attribute_uses(path: Path) -> list[str]:
    """`module._name`, `getattr(module, "_name")` on an imported dependency, and
    `super()._name()`: a private method of a base class, when that base is a dependency's."""
    tree = ast.parse(path.read_text(), str(path))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) and not _not_a_dependency(
            getattr(node, "module", None) or node.names[0].name
        ):
            imported |= {(alias.asname or alias.name).partition(".")[0] for alias in node.names}
    found = []
    for node in ast.walk(tree):
        target = name = None
        if isinstance(node, ast.Attribute) and _private(node.attr):
            target, name = node.value, node.attr
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) == "getattr":
            literal = node.args[1] if len(node.args) > 1 else None
            if isinstance(literal, ast.Constant) and _private(str(literal.value)):
                target, name = node.args[0], literal.value
        if target is None:
            continue
        on_import = isinstance(target, ast.Name) and target.id in imported
        on_super = isinstance(target, ast.Call) and getattr(target.func, "id", None) == "super"
        if on_import or on_super:
            found.append(f"{path.relative_to(REPO)}:{node.lineno}: {name}")
    return found


def test_only_compat_imports_private_internals_of_dependencies():
    roots = [REPO / "crawler", REPO / "spiders", REPO / "pipelines"]
    files = [p for root in roots for p in root.rglob("*.py")]
    compat = REPO / "crawler" / "compat"
    outside = [p for p in files if compat not in p.parents]
    reaches = [r for p in outside for r in _dependency_reaches(p) + _private_attribute_uses(p)]
    assert reaches == []
    # and the checks see what compat does
    assert any(_dependency_reaches(p) for p in compat.rglob("*.py"))
    assert any(_private_attribute_uses(p) for p in compat.rglob("*.py"))
