"""Raw HTML in show notes that takes the Markdown after it with it (SRC046), and a comment that hides the rest (SRC047).

CommonMark ends a block of raw HTML at the next blank line, not at its closing tag: in

    <div class="note">
    **Read this** before [the paper](https://example.org/)
    </div>

the second line is part of the HTML, so the page shows ``**Read this** before [the paper](https://…)`` as it is
written (GitHub, Obsidian and every CommonMark editor do the same), and an autolink there (``<https://…>``) was read
as a tag by the sanitiser and lost with its text. A producer sees none of it until a listener does. ``<!--`` without
``-->`` hides everything after it. The notes are rendered as CommonMark says (the same file reads the same
everywhere); these warnings name the line and the fix. Only string work: it runs for every episode of a build.

Also notes that would render to far more HTML than their size (:func:`too_big`): tables filled up to a wide header,
footnote references by the ten thousand; told before cmark builds them.
"""

from __future__ import annotations

import re

from .errors import Problem, warning
from .lazypattern import lazy

#: CommonMark's HTML block start conditions 6 (block-level tag names: can interrupt a paragraph) and 7 (any other
#: complete tag alone on its line: cannot), and the kinds that end at a closing marker instead of a blank line
_BLOCK_NAMES = ("address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|"
                "div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|"
                "legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|"
                "table|tbody|td|tfoot|th|thead|title|tr|track|ul")
_START_6 = lazy(rf"[ ]{{0,3}}</?(?:{_BLOCK_NAMES})(?:[ \t/>]|$)", re.I)
_ATTRIBUTE = r"""(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t"'=<>`]+|'[^']*'|"[^"]*"))?)"""
_START_7 = lazy(rf"[ ]{{0,3}}(?:<(?!(?:script|style|pre|textarea)\b)[A-Za-z][A-Za-z0-9-]*{_ATTRIBUTE}*[ \t]*/?>"
                r"|</[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$", re.I)
_CLOSED_BY = (  # (start, the marker that ends the block)
    (lazy(r"[ ]{0,3}<(script|pre|style|textarea)(?:[ \t>]|$)", re.I), None),
    (lazy(r"[ ]{0,3}<!--"), "-->"),
    (lazy(r"[ ]{0,3}<\?"), "?>"),
    (lazy(r"[ ]{0,3}<![A-Za-z]"), ">"),
    (lazy(r"[ ]{0,3}<!\[CDATA\["), "]]>"),
)
_FENCE = lazy(r"[ ]{0,3}(`{3,}|~{3,})")
#: Markdown that a line inside an HTML block shows as written: emphasis, a link or image, a list item, a heading, a
#: quote, code, a table row, or an autolink (which the sanitiser took for a tag, with its text)
_MARKDOWN = lazy(r"\*\*|__|(?<![\w*])\*(?=\S)[^*\n]*\S\*|(?<!\w)_(?=\S)[^_\n]*\S_(?!\w)|\]\(|\]\[|^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]"
                 r"|^[ \t]*#{1,6}[ \t]|^[ \t]*>[ \t]|`|^[ \t]*\||<(?:https?|mailto|tel):[^\s<>]*>|<[^\s<>@]+@[^\s<>@]+>", re.I)


def html_block_problems(body: str, file: str, slug: str, first_line: int = 1) -> list[Problem]:
    """SRC046 for the first line of Markdown that a block of raw HTML takes in (with a count of the others), and
    SRC047 for a comment never closed. ``first_line`` is the line of episode.md where ``body`` starts."""
    if "<" not in body:
        return []
    lines = body.split("\n")
    swallowed: list[tuple[int, int]] = []  #: (the HTML's line, the Markdown's line), 0-based in ``body``
    problems: list[Problem] = []
    fence = ""
    paragraph = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if fence:
            if line.lstrip(" ").startswith(fence):
                fence = ""
            index += 1
            continue
        opened = _FENCE.match(line)
        if opened:
            fence, paragraph = opened.group(1)[0] * 3, False
            index += 1
            continue
        if not line.strip():
            paragraph = False
            index += 1
            continue
        if "<" not in line or line.startswith("    ") or line.startswith("\t"):
            paragraph = paragraph or not line.startswith(("    ", "\t"))
            index += 1
            continue
        end = _closing_marker(line)
        if end is not None:
            index = _after_marker(lines, index, end, file, slug, first_line, problems)
            paragraph = False
            continue
        if _START_6.match(line) or (not paragraph and _START_7.match(line)):
            start = index
            after_tag = line[line.find(">") + 1:] if ">" in line else ""
            if _MARKDOWN.search(after_tag):  # <div>**Read this**</div>: one line of HTML, Markdown and all
                swallowed.append((start, start))
            else:
                index += 1
                while index < len(lines) and lines[index].strip():
                    if _MARKDOWN.search(lines[index]) and not _START_7.match(lines[index]):
                        swallowed.append((start, index))
                        break
                    index += 1
            while index < len(lines) and lines[index].strip():
                index += 1
            paragraph = False
            continue
        paragraph = True
        index += 1
    if swallowed:
        (tag, text), more = swallowed[0], len(swallowed) - 1
        others = f" ({more} more HTML block{'s' if more != 1 else ''} like it)" if more else ""
        problems.insert(0, warning(
            "SRC046", f"{file}:{first_line + text}",
            f"the Markdown on line {first_line + text} is shown as it is written, not formatted{others}: the HTML "
            f"tag on line {first_line + tag} starts a block of raw HTML that runs to the next blank line",
            field="notes", episode=slug,
            hint=f"add a blank line after the HTML tag on line {first_line + tag} (and one before its closing tag)"))
    return problems


def _closing_marker(line: str) -> str | None:
    """The marker that ends an HTML block of kinds 1-5 starting on ``line`` ("" for a kind 1's end tag), else None."""
    for start, end in _CLOSED_BY:
        found = start.match(line)
        if found:
            return end if end is not None else f"</{found.group(1).lower()}>"
    return None


def _after_marker(lines: list[str], index: int, end: str, file: str, slug: str, first_line: int,
                  problems: list[Problem]) -> int:
    """The index of the line after the one holding ``end`` (searched from the block's first line, after its opening
    for a comment); a comment never closed is SRC047, and the rest of the notes is its."""
    opening = lines[index].find("<!--") + 4 if end == "-->" else 0
    for at in range(index, len(lines)):
        text = lines[at][opening:] if at == index else lines[at]
        if end in (text.lower() if end.startswith("</") else text):
            return at + 1
    if end == "-->":
        hidden = sum(1 for line in lines[index + 1:] if line.strip())
        if hidden:
            problems.append(warning(
                "SRC047", f"{file}:{first_line + index}",
                f"the HTML comment opened on line {first_line + index} is never closed: "
                f"{'the line' if hidden == 1 else f'the {hidden} lines'} of notes after it "
                f"{'is' if hidden == 1 else 'are'} left out of the pages and feeds",
                field="notes", episode=slug, hint="close the comment with --> where it should end"))
    return len(lines)


#: the most table cells the notes may make: GFM fills each row of a table up to its header's number of columns,
#: so a header of 1,000 columns and 1,000 rows of "|x" (7 KB of Markdown) made 500,000 cells, 5 MB of HTML and
#: half a gigabyte of memory to render, and eight such tables (56 KB) 42 MB and 1.9 GB. A table of 100 columns and
#: 1,000 rows fits; more is a data set, which belongs in a file the notes link to
MAX_TABLE_CELLS = 100_000
#: the most footnote references the notes may hold: each is a link where it is and one back to it under the footnote
#: (about 250 bytes of HTML for the 4 of "[^1]"), so 240,000 of them (960 KB of notes) made 68 MB
MAX_FOOTNOTE_REFERENCES = 10_000
#: a line that can be a GFM table's delimiter row (``|---|:--:|``), in a quote or list or not; told apart below
_DELIMITER_ROW = lazy(r"^[ \t>*+0-9.)|:-]*$", re.M)
#: a line with nothing but white space and quote markers, which ends a table
_BLANK_LINE = lazy(r"\n[ \t>]*(?:\n|$)")
#: a footnote reference, not its definition (a label holds no bracket: each "[^" is looked past once)
_FOOTNOTE_REFERENCE = lazy(r"\[\^[^\[\]\n]{1,999}\](?!:)")


def too_big(markdown: str) -> tuple[int, str, str] | None:
    """(the line of ``markdown``, from 0; what is wrong; the fix) when its tables or footnotes would render to far
    more HTML than its size: judged on the text alone, before cmark builds a node of every cell (its memory is the
    cost). An upper bound: a table is taken to run to the next blank line."""
    # (every table's columns are at most the pipes, its rows at most the lines: most notes are answered here)
    if "|" in markdown and "-" in markdown and (markdown.count("|") + 1) * (markdown.count("\n") + 1) > MAX_TABLE_CELLS:
        cells, worst, end = 0, (0, 0, 0, 0), 0
        for row in _DELIMITER_ROW.finditer(markdown):
            line = row.group().lstrip(" \t>")
            if row.start() < end or "|" not in line or "-" not in line:
                continue  # (a row inside the table counted already; a list marker or thematic break)
            columns = len(line.strip(" \t").strip("|").split("|"))
            blank = _BLANK_LINE.search(markdown, row.end())
            end = blank.start() if blank else len(markdown)
            # (the rows under the header, as a producer counts them: with the header's, a table of 100 columns and
            # 1,000 rows was 100,100 cells, refused, though the limit is documented to let it through)
            rows = markdown.count("\n", row.end(), end)
            cells += columns * rows
            worst = max(worst, (columns * rows, columns, rows, row.start()))
            if cells > MAX_TABLE_CELLS:
                line_of = markdown.count("\n", 0, worst[3]) - 1  # (the header row, above the delimiter row)
                return (max(line_of, 0), f"the tables in the notes make more than {MAX_TABLE_CELLS:,} cells (the one on "
                        f"this line has {_count(worst[1], 'column')} and {_count(worst[2], 'row')} under its header: {worst[0]:,} cells, as every row is "
                        "filled up to the header's columns); rendering them takes hundreds of megabytes of memory or more, and a feed "
                        "over 10 MB is refused by apps", "make the table smaller or a list; a data set belongs in a file "
                        "the notes link to")
    if "^" in markdown and "[^" in markdown:  # (a character first: a search for two is ~100 times slower)
        references = _FOOTNOTE_REFERENCE.findall(markdown, 0) if markdown.count("[^") > MAX_FOOTNOTE_REFERENCES else []
        if len(references) > MAX_FOOTNOTE_REFERENCES:
            first = _FOOTNOTE_REFERENCE.search(markdown)
            return (markdown.count("\n", 0, first.start()) if first else 0,
                    f"the notes hold {len(references):,} footnote references; at most {MAX_FOOTNOTE_REFERENCES:,} are "
                    "rendered (each is a link, and one back to it under its footnote: about 250 bytes of HTML for the "
                    "4 of '[^1]')", "cite fewer places, or write the sources as a list")
    return None


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'s' if number != 1 else ''}"
