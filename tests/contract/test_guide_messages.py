"""Every message that a guide quotes is one the code produces.

The convention: a guide under docs/docsite/rst/ quotes a message of the collection (a failure,
a warning, a progress line) with Sphinx's ``:samp:`` role, its variable parts in braces:
:samp:`no cluster named '{name}' among {N} clusters`. (Other inline literals are options,
values and commands, which this test leaves alone.)

The message, its variable parts standing for any text, must be a string literal of plugins/
(documentation and docstrings left out) once that literal's own placeholders (``%s``,
``{name}``, an f-string's values) stand for any text too; a literal whose fixed text is
shorter than MIN_FIXED characters proves nothing (``"%s: %s"``) and is not used.
"""

import ast
import glob
import os
import re

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GUIDES = os.path.join(ROOT, "docs", "docsite", "rst")
PLUGINS = os.path.join(ROOT, "plugins")
MIN_FIXED = 10

QUOTE = re.compile(r":samp:`((?:[^`\\]|\\.)+)`")
VARIABLE = re.compile(r"(?<!\\)\{[^{}]*\}")
PRINTF = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdrfix]")
FORMAT = re.compile(r"\{[^{}]*\}")
DOCS = {"DOCUMENTATION", "EXAMPLES", "RETURN"}


def quoted_messages():
    """[(guide, message as a reader sees it, with each variable part as 'x')]."""
    found = []
    for path in sorted(glob.glob(os.path.join(GUIDES, "*.rst"))):
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        for match in QUOTE.finditer(text):
            message = " ".join(VARIABLE.sub("x", match.group(1)).split())
            found.append((os.path.basename(path), message.replace("\\{", "{").replace("\\}", "}")))
    return found


def _not_output(tree):
    """The string nodes that are documentation, not output: docstrings, DOCUMENTATION..."""
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                skip.add(id(first.value))
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) in DOCS for t in node.targets):
            skip.add(id(node.value))
    return skip


def _pattern(parts):
    """A regular expression from [(text, is_placeholder)], with the number of fixed characters."""
    regex, fixed = [], 0
    for text, placeholder in parts:
        if placeholder:
            regex.append(".*?")  # (a value may be empty: "cluster%s" % "")
        else:
            text = re.sub(r"\s+", " ", text)
            regex.append(re.escape(text))
            fixed += len(text.strip())
    return "".join(regex), fixed


def _parts_of_literal(value):
    """A literal split at its own placeholders (printf and str.format)."""
    value = value.replace("%%", "\0")  # (a literal per cent sign)
    parts, last = [], 0
    for match in re.finditer("%s|%s" % (PRINTF.pattern, FORMAT.pattern), value):
        parts.append((value[last:match.start()], False))
        parts.append(("", True))
        last = match.end()
    parts.append((value[last:], False))
    return [(text.replace("\0", "%"), placeholder) for text, placeholder in parts]


def produced_patterns():
    """The compiled patterns of every string literal of plugins/ that may be output."""
    patterns = []
    for path in sorted(glob.glob(os.path.join(PLUGINS, "**", "*.py"), recursive=True)):
        if os.sep + "doc_fragments" + os.sep in path:
            continue
        with open(path, encoding="utf-8") as handle:
            tree = ast.parse(handle.read())
        skip = _not_output(tree)
        for node in ast.walk(tree):
            if id(node) in skip:
                continue
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                regex, fixed = _pattern(_parts_of_literal(node.value))
            elif isinstance(node, ast.JoinedStr):
                regex, fixed = _pattern([(v.value, False) if isinstance(v, ast.Constant) else ("", True)
                                         for v in node.values])
            else:
                continue
            if fixed >= MIN_FIXED:
                patterns.append(re.compile(regex, re.S))
    return patterns


QUOTES = quoted_messages()
PATTERNS = produced_patterns()


def test_the_guides_quote_messages_with_the_convention():
    """The convention is in use (a guide that stopped using it would leave this test empty)."""
    assert len(QUOTES) >= 4, QUOTES


@pytest.mark.parametrize("guide, message", QUOTES, ids=["%s-%d" % (g, i) for i, (g, _m) in enumerate(QUOTES)])
def test_a_message_a_guide_quotes_is_one_the_code_produces(guide, message):
    assert any(pattern.fullmatch(message) for pattern in PATTERNS), (
        "%s quotes a message that no string of plugins/ produces: %r" % (guide, message))
