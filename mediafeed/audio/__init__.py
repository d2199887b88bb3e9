"""Media files: probe what they really are, and tag them without ever damaging them.

This package is the only place that imports mutagen. Its public surface:

* :func:`probe` → :class:`~mediafeed.model.Media` (format from content, real duration, tags, chapters);
* :class:`Tags` (what to write, in one shape for every format) and :func:`tag` / :func:`tag_copy`
  (copy, tag, re-read, verify the audio payload, replace atomically; padded to a stable size);
* :func:`payload_digest`: a hash of the audio alone, unchanged by tagging (:func:`payload_size`: its size, where cheap);
* :func:`read_comment`: the comment a producer's tool left in a file (``mediafeed add``'s summary).

Each name is imported from its module when first used (PEP 562): a rebuild that probes and tags nothing
asks only :mod:`.formats` and never loads mutagen (~60 ms). ``probe`` is both a module and the function
this package exports; the function wins, as it did when everything was imported up front.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .formats import APP_FORMATS, EXTENSIONS, MIME, NAMES, SUPPORTED, TAGGABLE, ffmpeg_path
    from .payload import digest as payload_digest
    from .payload import size as payload_size
    from .probe import describe, probe, sniff
    from .tagger import BLOCK, TagResult, padded_size, stale_temp_files, tag, tag_copy
    from .tags import read_comment
    from .tagset import Change, Cover, TagChapter, Tags, diff

#: exported name → (module, name in it)
_WHERE = {
    **{name: ("formats", name) for name in ("APP_FORMATS", "EXTENSIONS", "MIME", "NAMES", "SUPPORTED", "TAGGABLE",
                                            "ffmpeg_path")},
    "payload_digest": ("payload", "digest"),
    "payload_size": ("payload", "size"),
    **{name: ("probe", name) for name in ("describe", "probe", "sniff")},
    **{name: ("tagger", name) for name in ("BLOCK", "TagResult", "padded_size", "stale_temp_files", "tag", "tag_copy")},
    "read_comment": ("tags", "read_comment"),
    **{name: ("tagset", name) for name in ("Change", "Cover", "TagChapter", "Tags", "diff")},
}

__all__ = ["APP_FORMATS", "BLOCK", "EXTENSIONS", "MIME", "NAMES", "SUPPORTED", "TAGGABLE", "Change", "Cover", "TagChapter",
           "TagResult", "Tags", "describe", "diff", "ffmpeg_path", "padded_size", "payload_digest", "payload_size", "probe", "read_comment",
           "sniff", "stale_temp_files", "tag", "tag_copy"]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        module, attribute = _WHERE[name]
        value = getattr(importlib.import_module(f"{__name__}.{module}"), attribute)
    else:
        try:
            value = importlib.import_module(f"{__name__}.{name}")  # a submodule: ``audio.tagset``
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    def __setattr__(self, name: str, value: Any) -> None:
        if name == "probe" and isinstance(value, types.ModuleType):
            return  # the import system binding the submodule: ``audio.probe`` stays the function
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
