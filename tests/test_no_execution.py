"""Nothing executes: JSON is data, and no untrusted input is ever unpickled or evaluated.

Loading a document validates plain JSON against strict models: no field names a
class, a module or a callable, unknown keys are refused, and every
``kind``/``field`` that decides what ``render`` reads is a closed set of
literals. An audit hook watches for imports, compilation, code execution,
unpickling and process creation while hostile documents are loaded, parsed and
rendered.
"""

from __future__ import annotations

import ast
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from pydantic import ValidationError

import articleparse as ap

PACKAGE = Path(ap.__file__).resolve().parent
SEED = PACKAGE.parent.parent / "fixtures" / "seed" / "000_462883809ea3ad38.txt"

WATCHED = (
    "import",
    "compile",
    "exec",
    "pickle.find_class",
    "marshal.loads",
    "os.system",
    "os.exec",
    "os.posix_spawn",
    "os.spawn",
    "subprocess.Popen",
    "ctypes.dlopen",
    "open",
)

_recording: list[list[tuple[str, tuple[object, ...]]]] = []


def _hook(event: str, args: tuple[object, ...]) -> None:
    if _recording and event.startswith(WATCHED):
        _recording[-1].append((event, args))


sys.addaudithook(_hook)  # hooks cannot be removed; it records only inside `watched()`


@contextmanager
def watched() -> Iterator[list[tuple[str, tuple[object, ...]]]]:
    events: list[tuple[str, tuple[object, ...]]] = []
    _recording.append(events)
    try:
        yield events
    finally:
        _recording.pop()


MARKER = "/tmp/articleparse-should-not-exist"
PAYLOADS = [
    f"__import__('os').system('touch {MARKER}')",
    "os.system",
    "builtins.eval",
    "subprocess:Popen",
    "!!python/object/apply:os.system ['true']",
    "cos\nsystem\n(S'true'\ntR.",  # a pickle program, as text
]


def _seed_dump() -> dict[str, object]:
    doc = ap.parse(SEED.read_text(encoding="utf-8"))
    data: dict[str, object] = json.loads(doc.model_dump_json())
    return data


def hostile_documents() -> list[str]:
    """Documents whose data names code: as values (valid) and as keys or kinds (invalid)."""
    docs = []
    for payload in PAYLOADS:
        data = _seed_dump()
        # The layout places every chrome entry: the payload replaces the first.
        data["boilerplate"] = [payload, *data["boilerplate"][1:]]  # type: ignore[misc]
        data["metadata"]["title"] = payload  # type: ignore[index]
        data["metadata"]["extra"] = {payload: payload, "__class__": payload}  # type: ignore[index]
        docs.append(json.dumps(data, ensure_ascii=False))
    for key, value in [
        ("__class__", "os.system"),
        ("__reduce__", ["os.system", ["true"]]),
        ("py/object", "os.system"),
        ("$type", "System.Diagnostics.Process"),
        ("model_config", {"extra": "allow"}),
    ]:
        data = _seed_dump()
        data[key] = value
        docs.append(json.dumps(data))
    for piece in [
        {"kind": "field", "field": "__class__"},
        {"kind": "field", "field": "model_dump"},
        {"kind": "os.system", "text": "true"},
        {"kind": "items", "field": "__dict__"},
        {"kind": "nodes", "field": "__init__"},
    ]:
        data = _seed_dump()
        data["layout"] = [piece]
        docs.append(json.dumps(data))
    return docs


@pytest.fixture(scope="module", autouse=True)
def warm_up() -> None:
    """Import and build everything once, so the watched calls need nothing new."""
    doc = ap.parse(SEED.read_text(encoding="utf-8"))
    ap.Article.model_validate_json(doc.model_dump_json())
    ap.render(doc)
    ap.to_markdown(doc)
    for text in hostile_documents():
        with suppress(ValidationError):
            ap.render(ap.Article.model_validate_json(text))


@pytest.mark.parametrize("text", hostile_documents())
def test_loading_hostile_json_runs_nothing(text: str) -> None:
    modules = set(sys.modules)
    with watched() as events:
        try:
            doc = ap.Article.model_validate_json(text)
        except ValidationError:
            doc = None
        if doc is not None:
            ap.render(doc)
            ap.to_markdown(doc)
            ap.Article.model_validate(json.loads(text))
    assert events == []
    assert set(sys.modules) == modules
    assert not Path(MARKER).exists()


def test_code_names_as_values_stay_text() -> None:
    for text in hostile_documents()[: len(PAYLOADS)]:
        doc = ap.Article.model_validate_json(text)
        payload = doc.boilerplate[0]
        assert payload in PAYLOADS
        assert doc.metadata.title == payload
        assert payload in ap.render(doc)


def test_names_of_code_as_keys_or_kinds_are_refused() -> None:
    refused = hostile_documents()[len(PAYLOADS) :]
    for text in refused:
        with pytest.raises(ValidationError):
            ap.Article.model_validate_json(text)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_parsing_code_like_text_runs_nothing(payload: str) -> None:
    text = f"标题 | {payload} |\n范文 | 摘要:{payload} 1引言 {payload} |\n{payload}\n"
    with watched() as events:
        doc = ap.parse(text)
        ap.render(doc)
        data = ap.parse_bytes(text.encode())
    assert events == []
    assert ap.render(doc) == text
    assert ap.render(data) == text


# Calls that turn data into code or into objects of any class. The package may
# use none of them on its input; the one use of exec is listed with its reason.
FORBIDDEN_NAMES = {"eval", "exec", "compile", "__import__", "import_module", "literal_eval"}
FORBIDDEN_MODULES = {"pickle", "marshal", "shelve", "dill", "cloudpickle", "yaml", "jsonpickle"}
ALLOWED = {
    # Builds one constructor function per model class from the class's own field
    # names (articleparse/trusted.py); no input text reaches the generated source.
    ("trusted.py", "exec"),
    ("trusted.py", "compile"),
}


def _problems(path: Path) -> Iterator[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            names.append(getattr(node, "module", None) or "")
            for name in names:
                if name.split(".")[0] in FORBIDDEN_MODULES:
                    yield f"{path.name}:{node.lineno} imports {name}"
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                name = func.id
            elif isinstance(func, ast.Attribute) and func.attr in FORBIDDEN_NAMES:
                owner = func.value
                # regex.compile / re.compile build patterns, not code
                if isinstance(owner, ast.Name) and owner.id in ("regex", "re"):
                    continue
                name = func.attr
            else:
                continue
            if name in FORBIDDEN_NAMES and (path.name, name) not in ALLOWED:
                yield f"{path.name}:{node.lineno} calls {name}"


def test_package_source_neither_unpickles_nor_evaluates() -> None:
    found = [problem for path in sorted(PACKAGE.rglob("*.py")) for problem in _problems(path)]
    assert found == []


def test_the_source_check_sees_what_it_forbids(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import pickle\nfrom marshal import loads\nimport regex\n"
        "eval('1')\nimportlib.import_module('os')\nregex.compile('x')\n"
    )
    assert list(_problems(sample)) == [
        "sample.py:1 imports pickle",
        "sample.py:2 imports marshal",
        "sample.py:4 calls eval",
        "sample.py:5 calls import_module",
    ]
