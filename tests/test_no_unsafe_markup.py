"""No code path marks user text as safe HTML: templates never switch escaping off, and Python
never builds markup except through ``format_html`` with a fixed format string (which escapes
every argument).

An exception needs an entry in ``ALLOWED`` with the reason it is safe.
"""

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CODE_DIRS = [REPO / "positions", REPO / "tracker"]
TEMPLATE_DIRS = [REPO / "templates", *REPO.glob("positions/templates")]
TEMPLATE_SUFFIXES = {".html", ".txt", ".xml", ".svg"}

UNSAFE_TEMPLATE = re.compile(
    r"\|\s*safe(seq)?\b|{%\s*autoescape\s+off|{%\s*filter\s+[^%]*\bsafe\b", re.I
)
# Calls that turn a string into markup without escaping it.
UNSAFE_CALLS = {"mark_safe", "SafeString", "SafeText", "mark_for_escaping"}
# Calls that escape their arguments but trust their format string.
FORMAT_CALLS = {"format_html": 0, "format_html_join": 1}

# (path relative to the repository, function name): why it is safe.
ALLOWED: dict[tuple[str, str], str] = {}


def python_files():
    for directory in CODE_DIRS:
        for path in directory.rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


def template_files():
    for directory in TEMPLATE_DIRS:
        for path in directory.rglob("*"):
            if path.suffix in TEMPLATE_SUFFIXES:
                yield path


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def unsafe_markup(source: str, filename: str) -> list[str]:
    """Every place in the module that could emit unescaped text, as 'file:line function: why'."""
    findings = []
    tree = ast.parse(source, filename)
    enclosing: dict[ast.AST, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            for child in ast.walk(node):
                enclosing.setdefault(child, node.name)
    for node in ast.walk(tree):
        where = f"{filename}:{getattr(node, 'lineno', '?')} {enclosing.get(node, '<module>')}"
        if isinstance(node, ast.Call):
            name = _called_name(node)
            if name in UNSAFE_CALLS:
                findings.append(f"{where}: calls {name}")
            elif name in FORMAT_CALLS:
                index = FORMAT_CALLS[name]
                template = node.args[index] if len(node.args) > index else None
                literal = isinstance(template, ast.Constant) and isinstance(template.value, str)
                if not literal:
                    findings.append(f"{where}: {name} with a format string that is not literal")
            for keyword in node.keywords:
                constant = isinstance(keyword.value, ast.Constant) and keyword.value.value is True
                if keyword.arg in {"is_safe", "needs_autoescape"} and constant:
                    findings.append(f"{where}: template filter declared {keyword.arg}=True")
        elif isinstance(node, ast.Attribute) and node.attr in {"allow_tags", "is_safe"}:
            if isinstance(getattr(node, "ctx", None), ast.Store):
                findings.append(f"{where}: sets .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "django.utils.safestring":
            names = [alias.name for alias in node.names if alias.name != "SafeData"]
            if names:
                findings.append(f"{where}: imports {', '.join(names)} from django.utils.safestring")
    return findings


def _allowed(finding: str) -> bool:
    location, _ = finding.split(": ", 1)
    path, function = location.split(" ", 1)
    return (path.rsplit(":", 1)[0], function) in ALLOWED


def test_no_template_switches_escaping_off():
    found = [
        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
        for path in template_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if UNSAFE_TEMPLATE.search(line)
    ]
    assert found == []


def test_no_python_code_marks_text_safe():
    found = [
        finding
        for path in python_files()
        for finding in unsafe_markup(path.read_text(encoding="utf-8"), str(path.relative_to(REPO)))
        if not _allowed(finding)
    ]
    assert found == []


def test_every_allowed_exception_still_exists_and_says_why():
    for (path, function), reason in ALLOWED.items():
        assert len(reason) > 20, path
        assert f"def {function}(" in (REPO / path).read_text(encoding="utf-8"), (path, function)


@pytest.mark.parametrize(
    "snippet",
    [
        "from django.utils.safestring import mark_safe\ndef f(x):\n    return mark_safe(x)",
        "from django.utils import safestring\ndef f(x):\n    return safestring.SafeString(x)",
        "from django.utils.html import format_html\ndef f(x):\n    return format_html(x)",
        "def f(x):\n    return format_html(f'<b>{x}</b>')",
        "def f(rows, x):\n    return format_html_join(', ', x, rows)",
        "@register.filter(is_safe=True)\ndef f(x):\n    return x",
        "def f(x):\n    pass\nf.allow_tags = True",
    ],
)
def test_the_scan_finds_unsafe_markup(snippet):
    assert unsafe_markup(snippet, "example.py")


@pytest.mark.parametrize(
    "snippet",
    [
        "def f(x):\n    return format_html('<b>{}</b>', x)",
        "def f(rows):\n    return format_html_join('; ', '{}: {}', rows)",
        "from django.utils.html import escape\ndef f(x):\n    return escape(x)",
    ],
)
def test_the_scan_accepts_escaped_markup(snippet):
    assert unsafe_markup(snippet, "example.py") == []


@pytest.mark.parametrize(
    "line",
    [
        "{{ position.quote|safe }}",
        "{{ names|safeseq|join:', ' }}",
        "{% autoescape off %}{{ x }}{% endautoescape %}",
        "{% filter safe %}{{ x }}{% endfilter %}",
    ],
)
def test_the_template_scan_finds_escaping_switched_off(line):
    assert UNSAFE_TEMPLATE.search(line)
