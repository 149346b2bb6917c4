"""Jinja's compile of a template, kept by the template's text between checks.

dbt compiles every macro, model and Jinja string it renders (a description's `{{ doc(...) }}`)
with Jinja, whose compile (lexing, parsing, generating Python, Python's compile) is the same work
for the same text every time: in check's dbt pass after an edit of a grammar macro, some 1,500
templates and a sixth of its CPU time, nearly all of them unchanged since the last check.

`compiled_templates_kept_in(path)` keeps, for the length of check's dbt pass, the Python code Jinja
compiled each template to, under a hash of everything that compile reads: the template's text, its
name and file name, the environment's class, code generator, extensions, syntax settings, filters
and tests, and the versions of Python, Jinja, dbt-core and dbt-common. A template whose text or
environment changed has another key: it is compiled again, never taken from the file. A template
Jinja cannot compile raises as before and is not kept. Entries no check used in its last KEEP_RUNS
dbt passes are dropped.

Used by `python -m pipeline check` only; the build's dbt runs compile as dbt does.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import marshal
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

# bump when the layout of the file changes
FORMAT = 1
# an entry unused by this many dbt passes of check in a row is dropped
KEEP_RUNS = 20


def _qualified(value: object) -> str:
    if value is None or isinstance(value, bool | str | int):
        return repr(value)
    return f"{getattr(value, '__module__', '?')}.{getattr(value, '__qualname__', type(value).__qualname__)}"


def _callables(table: dict) -> str:
    """Names of an environment's filters or tests, each with its function and how it is passed
    context (Jinja's code generator writes both into the compiled code)."""
    from jinja2.utils import _PassArg

    return ";".join(
        f"{name}={_qualified(function)}:{_PassArg.from_obj(function)}" for name, function in sorted(table.items())
    )


# signatures already written out, by the objects they were written from (dbt makes a new
# environment for each template, nearly always with the same settings, filters and tests)
_signatures: dict[tuple, str] = {}


def environment_signature(environment) -> str:
    """Everything of a Jinja environment its compile of a template reads."""
    syntax = (
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        environment.is_async,
        environment.sandboxed,
        tuple(sorted(getattr(environment, "intercepted_binops", ()))),
        tuple(sorted(getattr(environment, "intercepted_unops", ()))),
    )
    extensions = tuple(type(extension) for extension in environment.extensions.values())
    settings = (
        type(environment),
        environment.code_generator_class,
        syntax,
        environment.finalize,
        environment.autoescape,
        extensions,
        tuple(environment.filters.items()),
        tuple(environment.tests.items()),
    )
    try:
        signature = _signatures.get(settings)
        hashable = True
    except TypeError:  # a filter or test that cannot be hashed: written out each time
        signature, hashable = None, False
    if signature is None:
        signature = "\n".join(
            [
                _qualified(type(environment)),
                _qualified(environment.code_generator_class),
                repr(syntax),
                _qualified(environment.finalize),
                _qualified(environment.autoescape),
                ";".join(sorted(_qualified(extension) for extension in extensions)),
                _callables(environment.filters),
                _callables(environment.tests),
            ]
        )
        if hashable:
            _signatures[settings] = signature
    return signature


def versions() -> str:
    packages = [f"{name}={importlib.metadata.version(name)}" for name in ("jinja2", "dbt-core", "dbt-common")]
    return "\n".join([f"format {FORMAT}", sys.version, sys.implementation.cache_tag or "", *packages])


class CompiledTemplates:
    """The kept entries (key -> (the check's run that last used it, marshalled code)), and what
    this run used or added."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.prefix = versions()
        self.entries: dict[str, tuple[int, bytes]] = {}
        self.run = 0
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            saved = marshal.loads(path.read_bytes())
            if saved.get("prefix") == self.prefix:
                self.entries, self.run = saved["entries"], saved["run"]
        self.run += 1
        self.used: set[str] = set()
        self.added = 0
        self.lock = threading.Lock()

    def key(self, environment, source: str, name, filename, defer_init: bool) -> str:
        digest = hashlib.sha256()
        for part in (self.prefix, environment_signature(environment), repr((name, filename, defer_init)), source):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        return digest.hexdigest()

    def get(self, key: str):
        entry = self.entries.get(key)
        if entry is None:
            return None
        with self.lock:
            self.used.add(key)
        return marshal.loads(entry[1])

    def put(self, key: str, code) -> None:
        try:
            data = marshal.dumps(code)
        except ValueError:  # a constant marshal cannot write: compiled again next time
            return
        with self.lock:
            self.entries[key] = (self.run, data)
            self.used.add(key)
            self.added += 1

    def save(self) -> None:
        """Written aside, then renamed: another check reading it meanwhile sees the old file or the new."""
        kept = {
            key: (self.run if key in self.used else last, code)
            for key, (last, code) in self.entries.items()
            if key in self.used or self.run - last < KEEP_RUNS
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.partial")
        partial.write_bytes(marshal.dumps({"prefix": self.prefix, "run": self.run, "entries": kept}))
        os.replace(partial, self.path)


@contextlib.contextmanager
def compiled_templates_kept_in(path: Path) -> Iterator[CompiledTemplates | None]:
    """For the length of the block (check's dbt parse and compile, in this process): each Jinja
    compile of a template's text is taken from `path` when the same text was compiled in the same
    environment before, else compiled and kept there. Off when dbt's MACRO_DEBUGGING is set (it
    changes what a compile writes)."""
    import jinja2

    if os.environ.get("DBT_MACRO_DEBUGGING"):
        yield None
        return
    compiled = CompiledTemplates(path)
    original = jinja2.Environment.compile

    def compile_(self, source, name=None, filename=None, raw=False, defer_init=False):
        if raw or not isinstance(source, str):
            return original(self, source, name, filename, raw, defer_init)
        key = compiled.key(self, source, name, filename, defer_init)
        code = compiled.get(key)
        if code is None:
            code = original(self, source, name, filename, raw, defer_init)
            compiled.put(key, code)
        return code

    jinja2.Environment.compile = compile_
    try:
        yield compiled
    finally:
        jinja2.Environment.compile = original
    compiled.save()
