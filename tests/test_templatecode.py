"""The code templates compile to (mediafeed.templatecode): every page the same text as Jinja's own code makes.

Each template here is rendered twice, by mediafeed's environment and by the same environment with Jinja's
stock code generator, and the two texts must be equal; then the sample show's pages are compared the same way.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import jinja2
import jinja2.compiler
import pytest
from helpers import copy_show
from markupsafe import Markup, escape

from mediafeed import build, site
from mediafeed.cache import CACHE_DIR, Cache
from mediafeed.project import load_project
from mediafeed.render import Renderer
from mediafeed.templatecode import CodeGenerator, escaped


class Html:
    """An object that says how it is written into HTML."""

    def __html__(self) -> str:
        return "<b>bold</b>"


class Plain:
    def __str__(self) -> str:
        return "<Plain & 'quoted'>"


VALUES = {
    "text": "Tom & Jerry <script>alert('x')</script> \"quoted\"",
    "markup": Markup("<em>kept</em>"),
    "html": Html(),
    "plain": Plain(),
    "number": 42,
    "ratio": 1.5,
    "nothing": None,
    "items": ["<a>", Markup("<b>"), 3],
    "mapping": {"key": "<v>", "url": "https://example.org/?a=1&b=2"},
    "empty": [],
}

TEMPLATES = {
    "base.html": "<title>{% block title %}{{ text }}{% endblock %}</title>{% block body %}{% endblock %}|{{ number }}",
    "part.html": "[{{ text }}|{{ markup }}{% set local = text ~ '!' %}{{ local }}]",
    "values.html": "{{ text }}{{ markup }}{{ html }}{{ plain }}{{ number }}{{ ratio }}{{ nothing }}"
                   "{{ mapping.key }}{{ mapping.url }}{{ text | upper }}{{ text | safe }}{{ text ~ markup }}"
                   "{{ '%s<%s>' % (text, number) }}{{ text if number else markup }}{{ items | join(', ') }}",
    "control.html": "{% for i in items %}<{{ i }}>{{ loop.index }}{% if not loop.last %},{% endif %}{% else %}none"
                    "{% endfor %}{% for i in empty %}{{ i }}{% else %}<empty {{ text }}>{% endfor %}"
                    "{% if number > 3 %}big {{ number }} {{ text }}{% elif number %}small{% else %}{{ nothing }}"
                    "{% endif %}",
    "blocks.html": "{% set captured %}<i>{{ text }}</i>{{ markup }}{% endset %}{{ captured }}|{{ captured | length }}"
                   "{% filter upper %}{{ text }} and {{ markup }}{% endfilter %}"
                   "{% macro card(title, body='<d>') %}<h2>{{ title }}</h2>{{ body }}{{ caller() if caller }}"
                   "{% endmacro %}{{ card(text) }}{% call card(markup, text) %}inner {{ text }}{% endcall %}"
                   "{% autoescape false %}{{ text }}{% endautoescape %}{% autoescape number > 3 %}{{ text }}"
                   "{% endautoescape %}{% raw %}{{ not a value }}{% endraw %}",
    "child.html": "{% extends 'base.html' %}{% block title %}{{ super() }} – {{ markup }}{% endblock %}"
                  "{% block body %}{% include 'part.html' %}{{ self.title() }}{% endblock %}",
    "maybe.html": "{% if number > 100 %}{% extends 'base.html' %}{% endif %}before {{ text }} {{ number }}"
                  "{% block title %}own {{ text }}{% endblock %}",
    "page.txt": "{{ text }} {{ number }}",  # not autoescaped (not HTML): str() as before
}


def environments() -> tuple[jinja2.Environment, jinja2.Environment]:
    def make(generator: type[jinja2.compiler.CodeGenerator]) -> jinja2.Environment:
        class Env(jinja2.Environment):
            code_generator_class = generator

        return Env(loader=jinja2.DictLoader(TEMPLATES), trim_blocks=True, lstrip_blocks=True,
                   autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=True))

    return make(CodeGenerator), make(jinja2.compiler.CodeGenerator)


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_every_template_renders_the_same_text_as_with_jinjas_own_code(name: str) -> None:
    ours, stock = environments()
    expected = stock.get_template(name).render(VALUES)
    assert ours.get_template(name).render(VALUES) == expected
    assert "".join(ours.get_template(name).generate(VALUES)) == expected
    if name.endswith(".html"):
        assert "&lt;script&gt;" in expected  # escaped where it should be (values.html also writes it `| safe`)


def test_values_are_escaped_as_markupsafe_escapes_them_without_a_markup() -> None:
    for value in ["", "plain", "<a href=\"x\">Tom & 'Jerry'</a>", "naïve – ☃", 0, 3.25, None, Plain(), Html(),
                  Markup("<i>safe</i>")]:
        result = escaped(value)
        assert result == str(escape(value))
        if not hasattr(value, "__html__"):
            assert type(result) is str  # joined into the page as it is


def test_output_runs_are_yielded_once_and_values_escaped_without_markup() -> None:
    ours, stock = environments()
    source = TEMPLATES["values.html"]
    code = ours.compile(source, "values.html", raw=True)
    assert "_mf_escaped(" in code and "escape(" not in code.replace("_mf_escaped(", "")
    assert code.count("yield") < stock.compile(source, "values.html", raw=True).count("yield")


def test_the_sample_shows_pages_are_the_same_bytes_as_with_jinjas_own_code(tmp_path: Path) -> None:
    root = copy_show(tmp_path / "show")
    cache = Cache(root / CACHE_DIR / "cache.sqlite")
    try:
        project = load_project(root, cache)
        items, _ = build.inspect(project, cache)
        assert items
        date = items[0].episode.date if items else datetime(1970, 1, 1, tzinfo=UTC)
        ours = Renderer(project, date)
        stock = Renderer(project, date)
        stock.env = site.environment(root)
        stock.env.code_generator_class = jinja2.compiler.CodeGenerator
        stock.env.globals["artwork"] = stock.artwork
        stock.env.globals["artwork_alt"] = stock.artwork_alt
        assert type(ours.env).code_generator_class is CodeGenerator

        class Pages(dict[str, bytes]):
            def add(self, rel: str, data: bytes, origin: str = "") -> None:
                self[rel] = data

        pages: list[Pages] = []
        for renderer in (ours, stock):
            made = Pages()
            for item in items:
                renderer.episode_pages(made, replace(item))  # type: ignore[arg-type]
            renderer.index_page(made, items, 1)  # type: ignore[arg-type]
            pages.append(made)
        assert len(pages[0]) >= 4 * len(items) + 1
        assert pages[0] == pages[1]
    finally:
        cache.close()


def test_template_globals_are_one_dict_and_a_templates_own_stay_its_own(tmp_path: Path) -> None:
    """site.environment's templates copy their globals into each context from a plain dict (not a ChainMap):
    the environment's globals (mediafeed_version, artwork) reach every template; a template's own only it."""
    (tmp_path / "templates").mkdir()
    (tmp_path / "templates" / "one.html").write_text("{{ mediafeed_version }} {{ shown | default('-') }}")
    (tmp_path / "templates" / "two.html").write_text("{{ shown | default('-') }}")
    env = site.environment(tmp_path)
    one = env.get_template("one.html", globals={"shown": "<own>"})
    assert type(one.globals) is dict and "mediafeed_version" in one.globals
    assert one.render() == f"{env.globals['mediafeed_version']} &lt;own&gt;"
    assert env.get_template("two.html").render() == "-"
    assert "shown" not in env.globals
