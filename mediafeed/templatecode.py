"""The Python code that templates compile to: the same text as Jinja's own, for less CPU per page.

Jinja's code generator turns each ``{{ value }}`` of an autoescaped template into ``yield escape(value)``: a
``Markup`` object made and thrown away at once (the page is joined into a plain ``str``), and a ``yield``
that passes through every level of the page (the block, the template that extends another, ``render``).
A default episode page has about 90 such values and 200 yields. :class:`CodeGenerator` (the environment's
``code_generator_class``, a documented hook of Jinja) makes two changes that keep every byte the same:

* a value written into the page is escaped by :func:`escaped` (markupsafe's escaping, without the ``Markup``);
  an object with ``__html__`` (``Markup``, ``| safe``) is written as it says, as before;
* an ``Output`` node (a run of text and values between two statements) is joined and yielded once, not
  value by value.

It relies on two methods of Jinja's generator (``visit_Output``, ``_output_child_pre``): :data:`GENERATOR` is
this generator under the Jinja versions it was tested with (3.1), else Jinja's own, unchanged.

Where Jinja needs its own form (output inside a macro, a ``{% set %}`` or ``{% filter %}`` block, output after
a conditional ``{% extends %}``, ``{% autoescape %}`` blocks) the generator writes exactly what Jinja writes.
Compiled templates are cached under mediafeed's code fingerprint (``jinjaenv.TemplateCache``), so a change here
recompiles them.
"""

from __future__ import annotations

from typing import Any

import jinja2
from jinja2 import compiler, nodes
from markupsafe import escape as _escape

try:  # markupsafe's C escaping of a str, without the Markup (markupsafe >= 2.1; its own fallback is Python)
    from markupsafe._speedups import _escape_inner
except ImportError:  # pragma: no cover - markupsafe without its C extension
    def _escape_inner(value: str, /) -> str:
        return str.__str__(_escape(value))


def escaped(value: Any) -> str:
    """``str(markupsafe.escape(value))``, without making the ``Markup`` (a template's output is joined into a str)."""
    if type(value) is str:
        return _escape_inner(value)
    html = getattr(value, "__html__", None)
    if html is not None:
        return html()  # type: ignore[no-any-return]
    return _escape_inner(str(value))


class CodeGenerator(compiler.CodeGenerator):
    """Jinja's code generator, with values escaped by :func:`escaped` and each output run yielded once."""

    def visit_Template(self, node: nodes.Template, frame: compiler.Frame | None = None) -> None:
        self.writeline("from mediafeed.templatecode import escaped as _mf_escaped")
        super().visit_Template(node, frame)

    def _output_child_pre(self, node: nodes.Expr, frame: compiler.Frame, finalize: Any) -> None:
        if frame.eval_ctx.volatile or not frame.eval_ctx.autoescape or finalize.src is not None:
            super()._output_child_pre(node, frame, finalize)
        else:
            self.write("_mf_escaped(")

    def visit_Output(self, node: nodes.Output, frame: compiler.Frame) -> None:
        if frame.buffer is not None or frame.require_output_check or len(node.nodes) < 2:
            super().visit_Output(node, frame)
            return
        # Jinja's own buffered form (as in a macro), into a list of this run only, then one yield
        parts = self.temporary_identifier()
        self.writeline(f"{parts} = []")
        frame.buffer = parts
        try:
            super().visit_Output(node, frame)
        finally:
            frame.buffer = None
        self.writeline(f"yield environment.concat({parts})")


#: the generator the environment uses: this one under the Jinja it was tested with, Jinja's own under any other
GENERATOR: type[compiler.CodeGenerator] = CodeGenerator if jinja2.__version__.startswith("3.1.") else compiler.CodeGenerator
