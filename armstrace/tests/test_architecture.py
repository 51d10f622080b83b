"""The shape of the code: no import cycle between apps, registry and core import no domain app, and modules and
functions stay small. Reads the source (ast); imports nothing of the project."""

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]   # armstrace/
# Apps that every domain app may build on, in layers: core imports no app, accounts only core, registry only these.
CORE, BASE = "core", {"core", "accounts"}
MAX_MODULE_LINES, MAX_FUNCTION_LINES = 500, 60
DATA_TABLES = {"registry/reference_data.py"}
# Today's exceptions, to shrink: path -> lines, and (path, function) -> lines. A listed one may not grow.
MODULE_EXCEPTIONS = {}
FUNCTION_EXCEPTIONS = {}


def _sources():
    return sorted(p for p in ROOT.rglob("*.py") if "migrations" not in p.parts)


def _is_test(path):
    rel = path.relative_to(ROOT)
    return "tests" in rel.parts or rel.name == "conftest.py"


def _apps():
    return {p.parent.name for p in ROOT.glob("*/apps.py")}


def _component(module, apps):
    """The app a module `armstrace.x.y` belongs to; project-level modules (settings, urls, demo, the core's
    commands...) are components of their own."""
    parts = module.split(".")
    if parts[0] != "armstrace" or len(parts) < 2:
        return None
    if parts[1] == CORE and len(parts) > 2 and parts[2] == "management":
        return "project:core.management"
    return parts[1] if parts[1] in apps else f"project:{parts[1]}"


def _imported_modules(path):
    tree = ast.parse(path.read_text(), str(path))
    package = ".".join(("armstrace", *path.relative_to(ROOT).with_suffix("").parts[:-1]))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[:len(package.split(".")) - node.level + 1] + ([base] if base else []))
            names = [f"{base}.{alias.name}" for alias in node.names]  # `from armstrace import api`
            if not all(_is_module(name) for name in names):  # `from . import a, b` of submodules needs no more
                yield base
            yield from names


def _is_module(name):
    path = ROOT.joinpath(*name.split(".")[1:])
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def app_graph():
    """{app: {app it imports: [module that imports it]}} over the non-test modules of armstrace/."""
    apps, graph = _apps(), defaultdict(lambda: defaultdict(list))
    for path in _sources():
        if _is_test(path):
            continue
        module = ".".join(("armstrace", *path.relative_to(ROOT).with_suffix("").parts))
        source = _component(module, apps)
        for imported in _imported_modules(path):
            target = _component(imported, apps)
            if target and target != source:
                graph[source][target].append(module)
    return graph


def _cycles(graph):
    """Strongly connected components of more than one node (Tarjan)."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, {}):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in list(graph):
        if node not in index:
            visit(node)
    return found


def module_graph():
    """{module: {module it imports}} over the non-test modules of armstrace/ (imports inside functions too)."""
    modules = {}
    for path in _sources():
        if not _is_test(path):
            name = ".".join(("armstrace", *path.relative_to(ROOT).with_suffix("").parts)).removesuffix(".__init__")
            modules[name] = path
    graph = defaultdict(dict)
    for name, path in modules.items():
        for imported in _imported_modules(path):
            while imported and imported not in modules:
                imported = imported.rpartition(".")[0]
            if imported and imported != name and imported != "armstrace":
                graph[name][imported] = True
    return graph


def test_no_import_cycle_between_apps():
    graph = app_graph()
    apps_only = {a: {b: m for b, m in targets.items() if not b.startswith("project:")}
                 for a, targets in graph.items() if not a.startswith("project:")}
    cycles = _cycles(apps_only)
    details = [{a: {b: sorted(set(graph[a][b])) for b in graph[a] if b in cycle} for a in cycle} for cycle in cycles]
    assert cycles == [], details


def test_no_import_cycle_between_modules():
    """No cycle at all, so that no import has to hide inside a function to break one."""
    assert _cycles(module_graph()) == []


def test_registry_and_core_import_no_domain_app():
    apps, graph = _apps(), app_graph()
    domain = apps - BASE - {"registry"}
    assert domain >= {"custody", "transfers", "tracing", "monitoring"}
    registry = {target: modules for target, modules in graph["registry"].items() if target in domain}
    assert registry == {}, registry
    core = {target: modules for target, modules in graph[CORE].items() if target in apps}
    assert core == {}, core
    accounts = {target: modules for target, modules in graph["accounts"].items() if target in apps - {CORE}}
    assert accounts == {}, accounts


def _function_sizes(path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield node.name, node.end_lineno - node.lineno + 1


def test_modules_and_functions_are_small():
    too_long = {}
    for path in _sources():
        rel = path.relative_to(ROOT).as_posix()
        lines = path.read_text().count("\n")
        if rel not in DATA_TABLES and lines > MODULE_EXCEPTIONS.get(rel, MAX_MODULE_LINES):
            too_long[rel] = lines
        for name, length in _function_sizes(path):
            if length > FUNCTION_EXCEPTIONS.get((rel, name), MAX_FUNCTION_LINES):
                too_long[f"{rel}:{name}"] = length
    assert too_long == {}, f"over {MAX_MODULE_LINES} lines a module or {MAX_FUNCTION_LINES} a function: {too_long}"


def test_exceptions_are_still_needed():
    """An exception that the code no longer needs is removed from the lists (they only shrink)."""
    stale = [rel for rel, allowed in MODULE_EXCEPTIONS.items()
             if (ROOT / rel).read_text().count("\n") <= MAX_MODULE_LINES]
    sizes = {(path.relative_to(ROOT).as_posix(), name): length
             for path in _sources() for name, length in _function_sizes(path)}
    stale += [key for key in FUNCTION_EXCEPTIONS if sizes.get(key, 0) <= MAX_FUNCTION_LINES]
    assert stale == []
