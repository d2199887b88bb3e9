"""What is on a target: one JSON file beside the site, listing every file mediafeed put there.

``.mediafeed-publish.json`` at the top of the target maps each path to its
SHA-256, size and the headers it was uploaded with. Comparing it with the local
site tells which files to upload (a second publish uploads nothing); only files
it lists are ever deleted, so anything else in the bucket or folder is left
alone. It is rewritten after every phase, so an interrupted publish resumes
where it stopped; if it is lost, ``reconcile`` rebuilds it from the target.

Before the first upload it also lists every path the publish is about to write
(``writing``), so a publish killed outright (SIGKILL, a power cut: no handler
runs to record what went up) leaves a record that those files are mediafeed's:
the next run checks them again and never takes them for someone else's (PUB007).
"""

from __future__ import annotations

import json
from dataclasses import field

from ..errors import Problem, warning
from ..outputfolder import is_safe_output
from ..records import frozen, mutable

MANIFEST = ".mediafeed-publish.json"


@frozen
class Entry:
    sha256: str
    size: int
    type: str = ""  #: Content-Type it was uploaded with
    cache: str = ""  #: Cache-Control it was uploaded with


@mutable
class Manifest:
    files: dict[str, Entry] = field(default_factory=dict)
    #: paths a publish was writing when this was written: mediafeed's, their bytes unknown (old, new or absent)
    writing: set[str] = field(default_factory=set)

    def owns(self, rel: str) -> bool:
        """Whether mediafeed put ``rel`` on the target (or was putting it there when it was stopped)."""
        return rel in self.files or rel in self.writing

    def to_json(self) -> bytes:
        data: dict[str, object] = {
            "about": "Written by 'mediafeed publish': what it put here. Do not edit; delete it to make the next publish re-check every file.",
            "version": 1,
            "files": {rel: {"sha256": e.sha256, "size": e.size, "type": e.type, "cache": e.cache}
                      for rel, e in sorted(self.files.items())},
        }
        if self.writing:  # (absent once a publish finished: the file is then as earlier versions wrote it)
            data["writing"] = sorted(self.writing)
        return (json.dumps(data, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def parse(data: bytes, where: str) -> tuple[Manifest | None, list[Problem]]:
    """A manifest from its bytes; an unreadable one is reported and treated as absent (everything re-checked)."""
    from ..source import load_json

    try:
        raw = load_json(data.decode("utf-8"))  # the server's: a thousand nested "[" was exit code 3
        files = raw["files"]
        writing = raw.get("writing", [])
        if not isinstance(writing, list):
            raise ValueError("'writing' is not a list")
        manifest = Manifest({str(rel): Entry(str(e["sha256"]), int(e["size"]), str(e.get("type", "")), str(e.get("cache", "")))
                             for rel, e in files.items() if is_safe_output(str(rel))},
                            {str(rel) for rel in writing if is_safe_output(str(rel))})
        return manifest, []
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return None, [warning("PUB011", where, f"the publish manifest on the target is unreadable ({exc}); checking every file again",
                              hint="nothing to do: this publish rewrites it")]
