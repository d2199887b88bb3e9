"""An imported episode's side files: its own artwork, transcripts and chapters, fetched into its folder.

Each is fetched whole (``get_small``: size and time limits) and checked before it is written; one that cannot be
fetched or read is a warning naming its address, never a failed import: the episode itself is what matters.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .. import chapters as chapter_io
from .. import transcripts as transcript_io
from ..atomicfiles import atomic_write
from ..errors import Problem, Severity, warning
from ..scaffold import slugify
from ..source import quoted
from .download import DownloadError, get_small, refuse_web_page
from .feedread import EpisodeRecord, url_path

TRANSCRIPT_EXTENSIONS = {"text/vtt": ".vtt", "application/x-subrip": ".srt", "application/srt": ".srt",
                         "text/srt": ".srt", "text/html": ".html", "application/json": ".json", "text/plain": ".txt"}


def image_extension(data: bytes) -> str:
    """".png" or ".jpg" by the bytes themselves (a host's URL or Content-Type is often wrong); "" for anything else."""
    return ".png" if data.startswith(b"\x89PNG") else ".jpg" if data.startswith(b"\xff\xd8\xff") else ""


def side_files(http: Any, episode: EpisodeRecord, show_image: str, folder: Path, rel: str,
               problems: list[Problem]) -> dict[str, Any]:
    """The front matter entries (``artwork``, ``transcripts``, ``chapters``) for the files fetched into ``folder``."""
    data: dict[str, Any] = {}
    artwork = _artwork(http, episode, show_image, folder, rel, problems)
    if artwork:
        data["artwork"] = artwork
    transcripts = _transcripts(http, episode, folder, rel, problems)
    if transcripts:
        data["transcripts"] = transcripts
    if (_chapters(http, episode, folder, rel, problems) if episode.chapters else
            _inline_chapters(episode, folder, rel, problems) if episode.inline_chapters else False):
        data["chapters"] = "chapters.json"
    return data


def _artwork(http: Any, episode: EpisodeRecord, show_image: str, folder: Path, rel: str, problems: list[Problem]) -> str:
    """The episode's own artwork (itunes:image unlike the show's), as ``artwork.jpg``/``.png``: apps show it in the
    episode list, so it must survive the move. Many hosts repeat the show's artwork on every item: not copied."""
    if not episode.image or episode.image == show_image:
        return ""
    try:
        body, _ = get_small(http, episode.image)
    except DownloadError as exc:
        problems.append(warning("IMP022", rel, f"cannot download the episode's artwork {episode.image}: {exc}",
                                field="artwork", episode=episode.guid,
                                hint="save it into the folder and add 'artwork: FILE' to episode.md"))
        return ""
    ext = image_extension(body)
    if not ext:
        problems.append(warning("IMP022", rel, f"the episode's artwork at {episode.image} is neither JPEG nor PNG",
                                field="artwork", episode=episode.guid,
                                hint="convert it to a square JPEG in the folder and add 'artwork: FILE' to episode.md"))
        return ""
    atomic_write(folder / f"artwork{ext}", body)
    return f"artwork{ext}"


def _transcripts(http: Any, episode: EpisodeRecord, folder: Path, rel: str, problems: list[Problem]) -> list[dict[str, str]]:
    transcripts: list[dict[str, str]] = []
    used: set[str] = set()
    for remote in episode.transcripts:
        ext = TRANSCRIPT_EXTENSIONS.get(remote.mime.split(";")[0].strip()) or \
            os.path.splitext(url_path(remote.url))[1].lower()
        if ext not in TRANSCRIPT_EXTENSIONS.values():
            problems.append(warning("IMP040", rel, f"transcript of unknown type {quoted(remote.mime)} skipped: {remote.url}",
                                    field="transcript", episode=episode.guid))
            continue
        name = f"transcript{'.' + slugify(remote.language) if remote.language else ''}{ext}"
        if name in used:  # (it was left out without a word)
            problems.append(warning("IMP040", rel, f"a second {ext[1:]} transcript"
                                    f"{f' in {quoted(remote.language)}' if remote.language else ''} not imported: "
                                    f"{remote.url}", field="transcript", episode=episode.guid,
                                    hint="an episode takes one transcript of each type and language: keep the better "
                                    f"one as {name}"))
            continue
        try:
            body, kind = get_small(http, remote.url)
            if ext != ".html":
                refuse_web_page(kind, body[:64], "the transcript")
        except DownloadError as exc:
            problems.append(warning("IMP041", rel, f"cannot fetch the transcript {remote.url}: {exc}",
                                    field="transcript", episode=episode.guid, hint="save it into the folder by hand"))
            continue
        readable = _readable(body, ext, remote.url, f"{rel}/{name}", episode, problems)
        if readable is None:
            continue
        atomic_write(folder / name, readable)
        used.add(name)
        transcripts.append({"file": name, **({"language": remote.language} if remote.language else {})})
    return transcripts


def _readable(body: bytes, ext: str, url: str, file: str, episode: EpisodeRecord, problems: list[Problem]) -> bytes | None:
    """The transcript as the build takes it: UTF-8 (one in Windows-1252, as older subtitle tools write SRT, is
    converted, with a warning), and a WebVTT or SRT document the build reads without an error. Such a file was
    written as it came ("'utf-8' codec can't decode byte 0xe9"; a .vtt without its WEBVTT line) and the imported show
    did not build (TRN001); now it is named and left out, for the producer to mend."""
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        text = body.decode("cp1252", "replace")
        body = text.encode("utf-8")
        problems.append(warning("IMP041", file, f"the transcript {url} is not UTF-8; read as Windows-1252 and written "
                                "as UTF-8", field="transcript", episode=episode.guid,
                                hint="check its accented letters"))
    mime = transcript_io.TRANSCRIPT_TYPES.get(ext, "")
    if mime in transcript_io.TIMED:
        _, found = transcript_io.parse(text, mime, file, episode.guid)
        errors = [p for p in found if p.severity == Severity.ERROR]
        if errors:
            problems.append(warning("IMP041", file, f"transcript {url} not imported: {errors[0].message}"
                                    + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""),
                                    field="transcript", episode=episode.guid,
                                    hint=f"{errors[0].hint}; then save it into the folder and list it in episode.md"))
            return None
    return body


def _chapters(http: Any, episode: EpisodeRecord, folder: Path, rel: str, problems: list[Problem]) -> bool:
    assert episode.chapters is not None
    try:
        body, kind = get_small(http, episode.chapters.url)
        refuse_web_page(kind, body[:64], "the chapters")
        found, chapter_problems = chapter_io.parse_json(body.decode("utf-8"), f"{rel}/chapters.json", episode.guid)
    except (DownloadError, UnicodeDecodeError) as exc:
        found, chapter_problems = (), [warning("IMP042", rel, f"cannot fetch the chapters {episode.chapters.url}: {exc}",
                                               field="chapters", episode=episode.guid)]
    return _kept(body if found else b"", found, chapter_problems, episode, folder, problems)


def _inline_chapters(episode: EpisodeRecord, folder: Path, rel: str, problems: list[Problem]) -> bool:
    """``psc:chapters`` written in the item, as chapters.json: they were left out without a word (PowerPress and
    Podlove shows lost every chapter in the move)."""
    body = json.dumps({"version": "1.2.0", "chapters": list(episode.inline_chapters)}, indent=2,
                      ensure_ascii=False).encode("utf-8") + b"\n"
    found, chapter_problems = chapter_io.parse_json(body.decode("utf-8"), f"{rel}/chapters.json", episode.guid)
    return _kept(body, found, chapter_problems, episode, folder, problems)


def _kept(body: bytes, found: Any, chapter_problems: list[Problem], episode: EpisodeRecord, folder: Path,
          problems: list[Problem]) -> bool:
    """Writes chapters.json when its chapters were read without a problem; else each problem, as a warning."""
    if found and not chapter_problems:
        atomic_write(folder / "chapters.json", body)
        return True
    problems.extend(warning(p.code, p.file, f"chapters not imported: {p.message}", field="chapters",
                            episode=episode.guid) for p in chapter_problems)
    return False
