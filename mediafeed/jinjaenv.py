"""The Jinja classes of the site's template environment, imported only by a build that renders a page.

``site.environment`` makes the environment; ``site.template_cache`` the compiled-template cache. Kept apart from
``site`` so that ``list``, ``check`` and a build with no page to render do not load Jinja (about 10 ms).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

import jinja2
import jinja2.bccache

from .atomicfiles import enter_versioned, read_checked, sweep_temp_files, write_checked
from .site import default_theme
from .templatecode import GENERATOR


class _CompiledFolder(jinja2.FileSystemBytecodeCache):
    """One folder of compiled templates, ``<parent>/<Jinja version>-<fingerprint>/``. Jinja keys each file by
    template name and path and checks the source's checksum before using it; the folder name covers what Jinja's
    own magic does not (a Jinja upgrade, an edited environment). Each file starts with the SHA-256 of the rest
    (Jinja's own file): a file whose bytes were damaged (a torn write, a bad disk) unmarshals all the same into
    code that crashes the interpreter when run (64 bytes changed a tenth of the way into one: every build of the
    show ended with SIGSEGV, exit code -11, until the folder was deleted). A file that does not match, or cannot be
    read back, is deleted and the template compiled from source; a folder that cannot be written costs only the
    compile."""

    def __init__(self, parent: Path, fingerprint: str):
        self.folder = parent / f"{jinja2.__version__}-{fingerprint}"
        self.swept = False  #: whether this build has swept the folder's temp files (see dump_bytecode)
        super().__init__(str(self.folder))

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        name = self._get_cache_filename(bucket)
        data = read_checked(name)
        try:
            if data is None:  # (missing: the unlink below finds nothing)
                raise ValueError("missing or damaged")
            bucket.bytecode_from_string(data)
        except Exception:  # a damaged, torn or foreign file (pickle and marshal errors vary): never trusted
            bucket.reset()
            with contextlib.suppress(OSError):
                os.unlink(name)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            enter_versioned(self.folder)  # (another version's templates: never read again)
            if not self.swept:  # a run killed as it wrote one left its temp file, which no later write replaces
                self.swept = True  # (the user's cache is swept by no build otherwise: once a build, at its first)
                sweep_temp_files(self.folder, deep=False)
            # a temp file renamed into place: builds may share a folder
            write_checked(self._get_cache_filename(bucket), bucket.bytecode_to_string())
        except OSError:
            pass


class TemplateCache(jinja2.BytecodeCache):
    """Compiled templates in ``.mediafeed/jinja/<Jinja version>-<mediafeed code hash>/``, so a build does not
    compile the theme again (about 0.1 s of CPU).

    The default theme's templates are also kept in the user's cache (:func:`user_cache_dir`), like ``.pyc``
    files of the installed package: a show's first build (an empty ``.mediafeed/``) takes them from there instead
    of compiling them. They are keyed by the theme's path in this installation and used only while the source's
    checksum, the Jinja and Python versions and mediafeed's code are the same. Trust: the code in these files runs,
    like the show's own templates; the show's are written by whoever can write the show folder, the user cache's
    by whoever can write the user's home."""

    def __init__(self, cache_dir: Path, fingerprint: str, user_dir: Path | None = None):
        self.show = _CompiledFolder(cache_dir / "jinja", fingerprint)
        self.user = _CompiledFolder(user_dir / "jinja", fingerprint) if user_dir is not None else None
        self.theme = os.path.join(str(default_theme()), "")
        self.from_theme: set[str] = set()  #: the keys of the default theme's templates

    @property
    def folder(self) -> Path:
        """The show's folder of compiled templates."""
        return self.show.folder

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        if self.user is not None and filename and filename.startswith(self.theme):
            self.from_theme.add(self.get_cache_key(name, filename))
        return super().get_bucket(environment, name, filename, source)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.show.load_bytecode(bucket)
        if bucket.code is None and self.user is not None and bucket.key in self.from_theme:
            self.user.load_bytecode(bucket)
            if bucket.code is not None:
                self.show.dump_bytecode(bucket)  # the show's next build finds it in its own folder

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.show.dump_bytecode(bucket)
        if self.user is not None and bucket.key in self.from_theme:
            self.user.dump_bytecode(bucket)


class Environment(jinja2.Environment):
    code_generator_class = GENERATOR  # the same pages, for less CPU (see templatecode)

    def make_globals(self, d: MutableMapping[str, Any] | None) -> MutableMapping[str, Any]:
        """A template's globals as one dict (the environment's, then the template's own), not Jinja's ChainMap:
        every render and include copies them into a new context, and a ChainMap is copied key by key in Python
        (about a twentieth of an episode page). The environment's globals are all set before a template is
        loaded (Jinja asks for that: a template would not see a later change either way)."""
        return {**self.globals, **(d or {})}


class ThemeFileError(jinja2.TemplateError):
    """A file of the show's theme that Jinja cannot read as a template: a link to a file that is not there (which
    Jinja took for no file at all, so the default theme's page was used without a word, or a partial was reported
    as "TemplateNotFound"), or text that is not UTF-8. ``filename``: the file; ``hint``: how to put it right."""

    lineno = None

    def __init__(self, filename: str, message: str, hint: str):
        super().__init__(message)
        self.filename, self.hint = filename, hint


class ShowLoader(jinja2.FileSystemLoader):
    """The show's ``templates/`` folder: Jinja's loader, but a file it cannot read is an error naming that file
    (see :class:`ThemeFileError`) instead of a fall back to the default theme or a bare decode error."""

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Any]:
        for folder in self.searchpath:
            path = os.path.join(folder, *jinja2.loaders.split_template_path(template))
            if os.path.islink(path) and not os.path.exists(path):
                raise ThemeFileError(path, f"the file is a link to {os.readlink(path)}, which does not exist",
                                     "restore the file it points to, or replace the link with the file itself "
                                     "(or delete it to use the default theme's)")
        try:
            return super().get_source(environment, template)
        except UnicodeDecodeError as exc:
            raise ThemeFileError(path, f"the file is not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset "
                                       f"{exc.start})", "save it as UTF-8 in your editor") from None
