"""Writing tags without ever damaging a file: copy, tag the copy, re-read it, verify, replace atomically.

The steps for every file, in order (each one a place where work may stop):

1. ``probe`` the original and read its tags; work out the changes. None → nothing is written at all
   (tagging an already tagged file changes no byte), and ``dry_run`` stops here too.
2. Copy the original to a temporary file next to the target (same folder, so the final rename is atomic).
3. Tag the copy: mutagen for tags; for MP4 chapters, ffmpeg re-muxes the copy with a chapter track first.
4. Flush it to disk, then re-read it from scratch: it must probe as the same format, read back every
   wanted tag, have the same duration, and carry a byte-identical audio payload (``payload.digest``).
5. Make sure the original did not change while we worked, then ``os.replace`` the copy over the target
   and fsync the folder.

An interruption at any moment leaves the target as it was (steps 1–4 only touch the temporary file, which
is removed on failure) or fully replaced (step 5 is one rename). The original is never opened for writing.
Temporary files are named ``.<name>.<random>.tmp<ext>`` (and ``.src<ext>``, ``.chapters.<random>.txt`` for
an M4A re-mux); :func:`stale_temp_files` finds those an interrupted run left behind.

**MP3.** Steps 2 and 3 are one on disk: the copy is written as its new tag (by :mod:`.id3write`, the bytes
mutagen's save would make) followed by the original's audio, copied by the kernel; where id3write does not
apply, or that copy fails step 4, mutagen copies and saves it (and step 4 checks it in turn).
Step 4 reads back the copy's tags (not its MPEG stream) and compares its payload with the
original's byte for byte (a memory comparison in place): the duration needs no second look, as an MP3's duration is a function of its
payload (frames and Xing/VBRI header). The build's copies (``durable=False``, another target) of MP3 files
up to :data:`IN_MEMORY_LIMIT` take steps 2–5 on bytes: the original is read once, its tags (parsed once,
in step 1) are saved into those bytes in memory (by :mod:`.id3write`, which makes the bytes mutagen's save
would make, or by mutagen where it does not apply or its copy fails verification), the result is verified as
above (a fresh mutagen parse), and only then written to the temporary file that replaces the target. ``mediafeed tag`` (the producer's own files) always takes the
steps on disk, with the fsyncs.

**MP4 fast start.** With ``fast_start`` (the build's copies), an MP4 whose index comes after its media is copied
with the index first in steps 2 and 3 (:mod:`.faststart`: its head tagged in memory, the media copied by the
kernel); step 4 also checks the copy reads with its index first, and a copy that fails is made again as above.

**Stable size.** The tags are written with padding (ID3 padding, an MP4 ``free`` atom, a FLAC PADDING
block, Ogg comment padding) so that the file's size does not follow every edit of a title or the notes:
with ``length`` (the size the file was published with) the file is padded to exactly that size when the
new tags fit; otherwise (or without ``length``) its size is rounded up to a whole number of
:data:`BLOCK` bytes, leaving at least :data:`MIN_FREE` bytes of padding for later edits.
"""

from __future__ import annotations

import errno
import io
import mmap
import os
import shutil
import stat
import struct
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext, suppress
from dataclasses import field, replace
from pathlib import Path
from typing import BinaryIO

import mutagen
from mutagen.id3 import ID3

from ..atomicfiles import atomic_write, claim_new, holds, same_bytes, write_new
from ..errors import MediaError, error
from ..lazypattern import lazy
from ..model import Media
from ..records import mutable
from . import apetag, damage, faststart, id3write, mp4, mpeg, payload, qtmeta
from .formats import TAGGABLE, ffmpeg_path  # noqa: F401 - also importable from here
from .mp4chapters import track_chapters
from .probe import NAMES, probe, probe_with_tags, retagged, sniff_data
from .tags import apply, flac_stray_id3, id3v23_date, load, load_tags, quicktime_values, read_id3, read_state, stale_id3v1
from .tagset import STALE_APE, STALE_APPENDED, STALE_TAGS, STALE_V1, Change, TagChapter, Tags, diff, for_format

#: Largest difference in duration (seconds) a re-mux may make (MP4 edit lists are rounded to the track's timescale).
_DURATION_SLACK = 0.05
#: Tagged files are padded to a whole number of these (so a longer title or notes usually fit in the same size)…
BLOCK = 16 * 1024
#: … with at least this much padding left for later edits (ID3v2.3 stores text as UTF-16: 4,000 characters).
MIN_FREE = 8 * 1024
#: The build tags copies of MP3 files up to this size in memory (see the module docstring). Measured: about twice
#: as fast for a 100 KB file, even at 1 MB, and slower beyond (the kernel copies big files faster than Python moves
#: them, and memory would follow the file's size), so bigger files are tagged on disk.
IN_MEMORY_LIMIT = 1024 * 1024
#: A temp file of ours untouched for this long belongs to an interrupted run (a running one writes it within seconds).
STALE_AFTER = 15 * 60


@mutable
class TagResult:
    """What tagging one file did (or, with ``dry_run``, would do)."""

    file: str  #: how messages name the file (relative to the show root)
    changes: list[Change] = field(default_factory=list)
    written: bool = False
    size: int = 0  #: the target's size afterwards, in bytes
    skipped: str = ""  #: why the file was not tagged at all ("" when it was considered)
    notes: list[str] = field(default_factory=list)  #: what could not be written, e.g. M4A chapters without ffmpeg
    media: Media | None = None  #: the target as probed after tagging (when written)
    #: with ``fast_start``: why an MP4 whose index comes last was not written with it first ("" when it was)
    index_kept: str = ""
    #: an MP3 whose Xing/VBRI header counts its frames (the probe does not walk them, see ``Media.gap``): the bytes
    #: between its frames that are no audio and where the first run lies (seconds), found by walking the original
    #: while its tagged copy is made; (0, 0.0) when there are none or it was not walked
    gap: tuple[int, float] = (0, 0.0)

    def to_dict(self) -> dict[str, object]:
        return {"file": self.file, "written": self.written, "size": self.size, "skipped": self.skipped,
                "notes": self.notes, "changes": [c.to_dict() for c in self.changes]}


def padded_size(natural: int, length: int | None = None) -> int:
    """The size a tagged file gets when its tags without padding make it ``natural`` bytes long.

    ``length`` (the size it was published with) when the tags fit in it; else ``natural`` plus at least
    :data:`MIN_FREE`, rounded up to a whole number of :data:`BLOCK` bytes.
    """
    if length is not None and natural <= length:
        return length
    return -(-(natural + MIN_FREE) // BLOCK) * BLOCK


#: :func:`tag`'s ``length`` when none is given: the file keeps its own size
OWN_SIZE = -1


def tag(path: Path, wanted: Tags, *, rel: str = "", dry_run: bool = False, ffmpeg: str | None = None,
        length: int | None = OWN_SIZE) -> TagResult:
    """Write ``wanted`` into the file at ``path`` (safely, see the module docstring).

    By default the file keeps its size when the new tags fit in its padding (see :func:`padded_size`).
    ``length``: the size to keep instead (the size it was published with), or None for the padding of a file never
    published (a whole number of :data:`BLOCK` bytes, at least :data:`MIN_FREE` free), which does not keep the room
    of tags that shrank: a 60 MB cover replaced by the show's artwork would otherwise leave 60 MB of zeros.
    """
    return tag_copy(path, path, wanted, rel=rel, dry_run=dry_run, ffmpeg=ffmpeg,
                    length=path.stat().st_size if length == OWN_SIZE else length)


#: errnos of a write that found no room: a full disk, a full quota, a file past the size limit (ulimit -f)
NO_ROOM = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})


def tag_copy(source: Path, target: Path, wanted: Tags, *, rel: str = "", dry_run: bool = False,
             ffmpeg: str | None = None, length: int | None = None, probed: Media | None = None,
             durable: bool = True, fresh: bool = False, fast_start: bool = False) -> TagResult:
    """Write ``source`` with ``wanted`` tags to ``target`` (which may be ``source`` itself): :func:`_tag_copy`.

    A write that finds no room (:data:`NO_ROOM`) is TAG007 naming the file and the folder that is full (it was an
    OSError naming the master, or no file at all: "Error: No space left on device", exit code 2, from the build and
    from ``mediafeed tag``); its temp file is gone and ``source`` is as it was."""
    try:
        return _tag_copy(source, target, wanted, rel=rel, dry_run=dry_run, ffmpeg=ffmpeg, length=length, probed=probed,
                         durable=durable, fresh=fresh, fast_start=fast_start)
    except OSError as exc:
        if exc.errno not in NO_ROOM:
            raise
        where = "beside it" if target == source else f"in {target.parent}"
        raise MediaError(error("TAG007", rel or str(source), f"no room {where} for the tagged copy: {exc.strerror}; "
                                                             "the file was left as it is", field="audio",
                               hint=f"free space on the disk that holds {target.parent}, then run again")) from None


def _tag_copy(source: Path, target: Path, wanted: Tags, *, rel: str, dry_run: bool, ffmpeg: str | None,
              length: int | None, probed: Media | None, durable: bool, fresh: bool, fast_start: bool) -> TagResult:
    """Write ``source`` with ``wanted`` tags to ``target`` (which may be ``source`` itself).

    ``length``: the size ``target`` should have (the size it was published with); kept when the tags fit,
    see :func:`padded_size`. When nothing needs to change and ``target`` is another file, nothing is
    written either, unless ``source`` is not ``length`` bytes long (then ``target`` is ``source``
    re-padded to that length): the caller can publish ``source`` as it is (``result.written`` is False).

    ``probed``: the caller's probe of ``source`` (the build's cache has it), so it is not probed again; it
    must describe the file as it is now (if it does not, verification refuses the copy: nothing is damaged).
    ``durable=False`` skips the fsyncs, for a copy the caller can make again (the build's tagged copies,
    reused only while their size and mtime are as recorded); the producer's own files are always flushed.
    ``fresh`` (with ``durable=False``, ``target`` not ``source``): the caller trusts ``target`` only through a
    record it makes after this returns, so when no file has that name yet the copy is made and tagged straight
    in it (created with ``O_EXCL``: a new inode, no temp file and rename; a copy cut short by a crash is never
    trusted), and a file already there with the very bytes the tagging made is kept as it is.
    ``fast_start`` (``target`` not ``source``): an MP4 whose index comes after its media is written with the index
    first (see :mod:`.faststart`), even when its tags need no change; where that cannot be done or does not verify,
    the copy is made as without it and ``result.index_kept`` says why. Without it, the file keeps its layout (an
    M4A re-muxed for its chapters too: ffmpeg writes the index last, so a fast-start file gets it moved back).
    """
    rel = rel or str(source)
    before = source.stat()
    if durable is False and target == source:
        raise ValueError("a file tagged in place is always written durably")
    media = probed if probed is not None and probed.size == before.st_size else probe(source, rel)
    result = TagResult(file=rel, size=media.size)
    if media.kind not in TAGGABLE:
        result.skipped = f"{NAMES.get(media.kind, media.kind)} files are not tagged (podcast apps read no tags in them)"
        return result
    wanted = _complete(for_format(wanted, media.kind), media.kind, media.duration)
    in_memory = not durable and target != source and media.kind == "mp3" and before.st_size <= IN_MEMORY_LIMIT
    data = source.read_bytes() if in_memory else b""  # read once: for its tags now, for the tagged copy below
    audio = load_tags(io.BytesIO(data) if in_memory else source, media.kind)
    current = read_state(audio, media.kind)
    if media.kind == "mp3" and current.id3_version is not None:
        current = _id3_layout(data if in_memory else source, audio, current, wanted)
    # an MP3's APEv2 tag at the end whose items say otherwise: updated in the copy (see apetag)
    ape = _ape_update(data if in_memory else source, wanted) if media.kind == "mp3" and wanted.id3_version else None
    if ape is not None:
        current = replace(current, id3_version=(current.id3_version or "") + STALE_APE)
    if media.kind == "mp3" and wanted.id3_version:  # and an ID3v2 tag appended after the audio left out of it
        ape = _tail_splice(data if in_memory else source, ape)
    if media.kind == "flac" and wanted.leading_id3 is not None:  # ID3 tags around the stream: the copy leaves them out
        current = replace(current, leading_id3=flac_stray_id3(source)[0])
    if media.kind == "mp4" and wanted.chapters is not None:  # the chapter track's, Apple's (Nero's list alone: none)
        current = replace(current, chapters=track_chapters(source, before.st_size) or ())
    remux = media.kind == "mp4" and wanted.chapters is not None and tuple(current.chapters or ()) != wanted.chapters
    if remux and ffmpeg is None:
        ffmpeg = ffmpeg_path()  # looked up only when needed: a PATH search per file is a noticeable cost
    if remux and not ffmpeg:
        result.notes.append("M4A/MP4 chapters are not written: ffmpeg was not found on PATH (install ffmpeg to write them)")
        wanted, remux = replace(wanted, chapters=None), False
    result.changes = diff(current, wanted)
    unknown = getattr(audio.tags, "unknown_frames", None) if media.kind == "mp3" else None
    if result.changes and unknown and (current.id3_version or "").rstrip(STALE_TAGS + STALE_APPENDED + STALE_V1 + STALE_APE) != "2.3":
        result.notes.append(f"{len(unknown)} ID3 frame(s) unknown to mutagen are dropped when the tag is rewritten as ID3v2.3")
    repad = not result.changes and length is not None and target != source and media.size != length
    to_front = fast_start and target != source and media.kind == "mp4" and (media.index_last or remux)
    if to_front and media.index_blocker and not remux:
        result.index_kept, to_front = media.index_blocker, False
    front = to_front or (remux and not media.index_last)  # a re-mux keeps a fast-start file fast start
    if target == source and result.changes and not before.st_mode & 0o222:
        # a rename replaces a read-only file (it asks only the folder), and root writes into one: neither is what a
        # producer who protected the master expects of a tagger
        raise MediaError(error("TAG006", rel, f"the file is read-only (mode {stat.filemode(before.st_mode)}), so "
                                              f"its new tags ({', '.join(c.field for c in result.changes)}) were not written; it was left as it is",
                               field="audio", hint=f"make it writable to tag it (chmod u+w '{rel}'), or leave it so: "
                                                   "the build tags the copy it publishes"))
    if (not result.changes and not repad and not to_front) or dry_run:
        return result
    if in_memory:
        try:
            result.media = _tag_in_memory(source, target, data, audio, wanted, length, rel, media, before, fresh, ape)
        except mutagen.MutagenError as exc:
            raise _unsaveable(rel, media.kind, exc) from None
        except MediaError:
            if len(data) != before.st_size or _changed_since(before, source):
                raise _changed_error(rel) from None
            raise
        result.written = True
        result.size = result.media.size
        result.gap = _walk_gap(data) if media.gap < 0 else result.gap
        return result
    try:
        original_digest = "" if media.kind == "mp3" else payload.digest(source, media.kind)  # MP3: compared in place
    except (ValueError, struct.error) as exc:  # samples the probe did not see outside the file (the probe checks MP4s)
        raise MediaError(error("MED004", rel, f"the {NAMES.get(media.kind, media.kind)} file is corrupt ({exc}); "
                                              "it was not tagged", field="audio",
                               hint="export it again from your editor; check it plays to the end")) from None
    if fresh and claim_new(target):
        tmp = target  # a new name: tagged where it is (see ``fresh``)
    else:
        fd, name = tempfile.mkstemp(prefix=_temp_prefix(target.name, target.suffix), suffix=f".tmp{target.suffix}", dir=target.parent)
        os.close(fd)
        tmp = Path(name)
    try:
        # An MP3's new tag written by id3write, then its audio copied by the kernel (mutagen's save would copy
        # the file, then move all of its audio along to make room for the bigger tag): None where it does not apply
        direct = not remux and media.kind == "mp3" and _direct_copy(source, tmp, audio, wanted, length, ape)
        moved = False
        if not direct:
            kept = _copy_and_tag(source, tmp, media.kind, wanted, audio if remux else None, length, remux, ffmpeg or "",
                                 media.duration, rel, front, ape)
            moved = front and not kept
            result.index_kept = kept if to_front else result.index_kept
        if durable:
            _flush(tmp)
        try:
            result.media = _verify(tmp, source, rel, media, wanted, original_digest, before)
            if moved and result.media.index_last:
                raise MediaError(error("TAG001", rel, "the copy still reads with its index after its media", field="audio"))
        except MediaError as exc:
            if not direct and not moved:
                raise
            if moved:  # the copy with the index first did not verify: made as without fast start, verified in turn
                result.index_kept = f"the copy with its index first did not verify ({exc.problems[0].message})"
                _copy_and_tag(source, tmp, media.kind, wanted, audio if remux else None, length, remux, ffmpeg or "",
                              media.duration, rel, False)
            else:  # the direct writer got it wrong: mutagen makes this copy, and it is verified in turn
                _copy_and_tag(source, tmp, media.kind, wanted, None, length, False, "", media.duration, rel, ape=ape)
            if durable:
                _flush(tmp)
            result.media = _verify(tmp, source, rel, media, wanted, original_digest, before)
        if _changed(before, source.stat()):
            raise _changed_error(rel)
        if target == source:
            _keep_owner(tmp, before)
        os.chmod(tmp, before.st_mode & 0o7777 if target == source else 0o644)
        if tmp != target:
            if fresh and same_bytes(tmp, target):
                tmp.unlink()  # a copy with these very bytes is there: kept, so the site's links to it stay
            else:
                os.replace(tmp, target)
        if durable:
            _sync_folder(target.parent)
    except mutagen.MutagenError as exc:  # mutagen read the file but cannot save it: its index is damaged
        tmp.unlink(missing_ok=True)
        raise _unsaveable(rel, media.kind, exc) from None
    except MediaError:
        tmp.unlink(missing_ok=True)
        if _changed_since(before, source):  # (a master still being written: its copy differs from what was probed)
            raise _changed_error(rel) from None
        raise
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    result.written = True
    result.size = target.stat().st_size
    result.gap = _walk_gap(source) if media.kind == "mp3" and media.gap < 0 else result.gap
    return result


def _changed_error(rel: str) -> MediaError:
    return MediaError(error("TAG003", rel, "the file changed while it was being tagged; nothing was written",
                            field="audio", hint="run the command again once the file is finished"))


def _changed_since(before: os.stat_result, source: Path) -> bool:
    """Whether ``source`` is not the file ``before`` described any more (written to, replaced or gone): a copy that
    did not verify was then made of a file still being written (an export, a sync client's download), and TAG002's
    "a bug in mediafeed" (or MED004's "the file itself is damaged", its last frame half written) was wrong."""
    try:
        return _changed(before, source.stat())
    except OSError:
        return True


def _keep_owner(tmp: Path, before: os.stat_result) -> None:
    """Give the tagged copy the master's owner and group before it replaces the master (then its mode: a chown clears
    the set-group-ID bit). A tag run as root (sudo, a container, CI) made every master it tagged root's: its owner,
    editing it next, could no longer write it. Whoever may not give a file away keeps at least its group if they
    are in it; else the copy stays theirs, as any editor's save would leave it."""
    if not hasattr(os, "chown"):  # (Windows)
        return
    st = tmp.stat()
    if (st.st_uid, st.st_gid) == (before.st_uid, before.st_gid):
        return
    try:
        os.chown(tmp, before.st_uid, before.st_gid)
    except PermissionError:
        with suppress(OSError):
            os.chown(tmp, -1, before.st_gid)


def _walk_gap(source: Path | bytes) -> tuple[int, float]:
    """What lies between the frames of an MP3 whose Xing/VBRI header counts them that is no audio (``Scan.gap``):
    the probe trusts the count (a walk is about 40 ms an hour of audio: every probe, ``check`` included, would pay
    it), so the frames are walked here, once per tagged copy made, while the file's pages are fresh from the copy."""
    found = mpeg.scan_data(source) if isinstance(source, bytes) else mpeg.scan(source)
    return (found.gap, found.gap_at) if found is not None else (0, 0.0)


def _unsaveable(rel: str, kind: str, exc: Exception) -> MediaError:
    """MED004 for a file mutagen reads but cannot write tags into (a damaged index: an 'stco' table whose count says
    more offsets than it holds): the original is untouched, and nothing is published (it was "Internal error")."""
    return MediaError(error("MED004", rel, f"the {NAMES.get(kind, kind)} file is corrupt: its tags cannot be written ({exc}); "
                                           "it was left untouched", field="audio",
                           hint="export it again from your editor (or remux it: ffmpeg -i in.m4a -c copy out.m4a)"
                           if kind == "mp4" else "export it again from your editor"))


def _copy_and_tag(source: Path, tmp: Path, kind: str, wanted: Tags, original: mutagen.FileType | None, length: int | None,
                  remux: bool, ffmpeg: str, duration: float, rel: str, front: bool = False,
                  ape: tuple[int, int, bytes] | None = None) -> str:
    """Steps 2 and 3 by mutagen (and ffmpeg for MP4 chapters): copy ``source`` to ``tmp``, then tag ``tmp``.

    ``front``: an MP4 is copied with its index first (:mod:`.faststart`; a re-mux is made in a scratch file first).
    Returns why it is not ("" when it is, or when it was not asked). ``ape``: an MP3's APEv2 tag to put in place of
    its old one (:func:`apetag.update`; with an appended ID3v2 tag left out, :func:`_tail_splice`), before the ID3 tag is saved (which pads the file to its size).
    A FLAC file is copied without an ID3v2 tag in front of it where ``wanted`` removes it (``leading_id3``).
    """
    if front and remux:
        fd, name = tempfile.mkstemp(prefix=_temp_prefix(tmp.name, tmp.suffix), suffix=f".src{tmp.suffix}", dir=tmp.parent)
        os.close(fd)
        try:
            _remux_with_chapters(ffmpeg, source, Path(name), wanted.chapters or (), duration, rel)
            return _copy_and_tag(Path(name), tmp, kind, wanted, original, length, False, "", duration, rel, True)
        finally:
            os.unlink(name)
    if front:
        try:
            kept = faststart.copy(source, tmp, lambda head, rest: _tag_head(head, rest, wanted, original, length))
        except (mutagen.MutagenError, ValueError, struct.error) as exc:  # the plain copy below is tried (and verified)
            kept = f"the index could not be moved ({exc})"
        if not kept:
            return ""
    else:
        kept = ""
    if remux:
        _remux_with_chapters(ffmpeg, source, tmp, wanted.chapters or (), duration, rel)
    else:
        keep, _, start = _id3_lead(source) if kind == "mp3" else (0, 0, 0)
        end = -1  # to the end of the file
        if kind == "flac" and wanted.leading_id3 == "":
            # the FLAC stream alone, from its fLaC marker to its last frame: players read its Vorbis comments
            _, start, end = flac_stray_id3(source)
            end = -1 if end == source.stat().st_size else end
        if start > keep or end >= 0:  # the copy is made without what lies between (see _id3_lead), or after
            with open(source, "rb") as handle, open(tmp, "wb") as out:
                out.write(_unfooted(handle.read(keep)) if keep else b"")
                handle.seek(start)
                if end < 0:
                    shutil.copyfileobj(handle, out)
                else:
                    _copy_span(handle, out, end - start)
        else:
            shutil.copyfile(source, tmp)
        if ape is not None:
            _put_ape(tmp, ape, source.stat().st_size)
        if kind in ("ogg-opus", "ogg-vorbis"):
            size = os.path.getsize(tmp)
            end = payload.ogg_end(tmp, size)
            if end < size:  # zero bytes after the last page: mutagen cannot renumber the pages past them (not audio)
                os.truncate(tmp, end)
    _write_tags(tmp, kind, wanted, original, length)
    if kind == "mp4" and not remux:
        mp4.fix_fragment_offsets(source, tmp)  # mutagen moves only the first fragment's offsets
    return kept


def _changed(before: os.stat_result, after: os.stat_result) -> bool:
    """Whether the file at a path is no longer the one tagging read: written to (size, mtime) or replaced by another
    (its inode: an editor's export renamed over it keeps the size of a re-cut of the same length, and ``cp -p`` or
    ``rsync -t`` keep the mtime they were given)."""
    return (after.st_ino, after.st_dev, after.st_size, after.st_mtime_ns) != \
        (before.st_ino, before.st_dev, before.st_size, before.st_mtime_ns)


def _copy_span(handle: BinaryIO, out: BinaryIO, length: int) -> None:
    """Copy ``length`` bytes from ``handle``'s position to ``out``."""
    while length > 0:
        block = handle.read(min(length, 1 << 20))
        if not block:
            raise ValueError("the file ended before its audio did")
        out.write(block)
        length -= len(block)


def _tag_head(head: io.BytesIO, rest: int, wanted: Tags, original: mutagen.FileType | None, length: int | None) -> None:
    """Tag the head of a fast-start copy in memory (the boxes before the media, and the ``moov``), padded as
    :func:`_write_tags` pads the whole file: ``rest`` more bytes follow it in the copy."""
    audio = load_tags(head, "mp4")
    _restore(audio, original)
    apply(audio, "mp4", wanted)
    _save_mp4(audio, head, lambda: head.getbuffer().nbytes + rest, length, wanted)


def _id3_layout(source: Path | bytes, audio: mutagen.FileType, current: Tags, wanted: Tags) -> Tags:
    """``current`` (an MP3's tags as mutagen reads them) with what players read elsewhere in the file: a second, stale
    ID3v2 tag after the first (:data:`STALE_TAGS`), an ID3v1 tag at the end that tagging would change
    (:data:`STALE_V1`), the date of an ID3v2.3 tag's TYER/TDAT where it also holds a TDRC frame (:func:`id3v23_date`)."""
    if isinstance(source, bytes):
        return _layout_of(source, audio, current, wanted)
    with open(source, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        return _layout_of(data, audio, current, wanted)


def _layout_of(data: bytes | mmap.mmap, audio: mutagen.FileType, current: Tags, wanted: Tags) -> Tags:
    keep, end, start = _id3_lead(data)
    version = current.id3_version or ""
    if start > end and data[end:end + 3] == b"ID3":  # further ID3v2 tags after the first: the copy drops them (see
        # _id3_lead), a change to make (zero bytes alone are dropped with any other change: no tag, nothing to show)
        version += STALE_TAGS
    if wanted.id3_version is not None and mpeg.appended_id3(data) is not None:  # the copy drops it (see _tail_splice)
        version += STALE_APPENDED
    handle = io.BytesIO(data) if isinstance(data, bytes) else data
    if wanted.id3_version is not None and isinstance(audio.tags, ID3) and stale_id3v1(handle, audio.tags, wanted):
        version += STALE_V1
    date = current.date
    if current.id3_version == "2.3" and date is not None and _has_v23_frame(data, keep, b"TDRC"):
        try:
            date = id3v23_date(bytes(data[:keep])) or f"{date} (in a TDRC frame, which ID3v2.3 players do not read)"
        except (mutagen.MutagenError, ValueError):  # mutagen read this tag once already: not expected
            pass
    if (version, date) == (current.id3_version, current.date):
        return current
    return replace(current, id3_version=version or current.id3_version, date=date)


def _has_v23_frame(data: bytes | mmap.mmap, keep: int, frame_id: bytes) -> bool:
    """Whether the ID3v2.3 tag ``data[:keep]`` has a frame ``frame_id``: its frame headers walked (a tag of 20 frames
    and a cover is 20 steps; searching its bytes for the ID took 57 µs for a 90 KB tag). A tag with a flag that
    changes its layout (unsynchronisation, an extended header) is searched instead (a false find costs a parse)."""
    if data[5] & 0xC0:
        return data.find(frame_id, 10, keep) != -1
    pos = 10
    while pos + 10 <= keep and data[pos] != 0:  # a zero byte: the padding
        if data[pos:pos + 4] == frame_id:
            return True
        pos += 10 + int.from_bytes(data[pos + 4:pos + 8], "big")
    return False


def _id3_lead(source: Path | bytes | mmap.mmap) -> tuple[int, int, int]:
    """Where an MP3's leading ID3v2 tag's header and frames end, where the tag ends (after its footer, if any), and
    where the audio starts: ``(0, 0, 0)`` without a tag.

    mutagen's save replaces the first tag's header and frames only; whatever lies between the two would be left
    between the new tag and the first audio frame, so the copy leaves it out. That is the tag's footer (``3DI``,
    10 bytes, an ID3v2.4 option: junk there, and the payload check refuses the copy) and any further ID3v2 tags
    (a tool that prepended its tag without removing the old one): stale metadata that mutagen does not read (it
    reads the first tag) but players may, and audio that starts later than the tag says; and zero bytes before the
    first frame (see ``mpeg.id3v2_end``), with a tag or without one.
    """
    if not isinstance(source, Path):
        return _lead_of(source)
    with open(source, "rb") as handle:
        if os.fstat(handle.fileno()).st_size < 10:
            return 0, 0, 0
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return _lead_of(data)


def _lead_of(data: bytes | mmap.mmap) -> tuple[int, int, int]:
    if len(data) < 10 or data[:3] != b"ID3" or any(b & 0x80 for b in data[6:10]):
        return 0, 0, mpeg.id3v2_end(data, 0) if data[:3] != b"ID3" else 0  # (zero bytes first: left out too)
    keep = min(len(data), 10 + ((data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]))
    end = keep + 10 if data[3] == 4 and data[5] & 0x10 and data[keep:keep + 3] == b"3DI" else keep
    return keep, end, mpeg.id3v2_end(data, end)


def _unfooted(tag: bytes) -> bytes:
    """A leading ID3v2 tag (header and frames, without what followed them) with the header's footer flag cleared."""
    return tag[:5] + bytes([tag[5] & ~0x10]) + tag[6:]


def _direct_copy(source: Path, tmp: Path, audio: mutagen.FileType, wanted: Tags, length: int | None,
                 ape: tuple[int, int, bytes] | None = None) -> bool:
    """Steps 2 and 3 for an MP3 on disk: the new tag that :mod:`.id3write` makes (the bytes mutagen's save would
    make, see :func:`_direct_bytes`), then everything after the old tag, copied by the kernel (``os.sendfile``),
    never whole in memory (``ape``: with a new APEv2 tag in place of the old one). False, with ``tmp`` untouched,
    where id3write does not apply."""
    with open(source, "rb") as original:
        if os.fstat(original.fileno()).st_size == 0:
            return False  # (nothing to map; probing refuses an empty file anyway)
        with mmap.mmap(original.fileno(), 0, access=mmap.ACCESS_READ) as data:
            end = len(data)
            grows = 0 if ape is None else len(ape[2]) - (ape[1] - ape[0])
            made = id3write.new_tag(data, audio.tags, wanted, lambda natural: padded_size(natural + grows, length) - grows)
        if made is None:
            return False
        parts, offset = made
        with open(tmp, "wb") as out:
            out.write(b"".join(parts))
            out.flush()
            if ape is None:
                faststart.send(out, original, offset, end)
            else:
                faststart.send(out, original, offset, ape[0])
                out.write(ape[2])
                out.flush()
                faststart.send(out, original, ape[1], end)
    return True


def _ape_update(source: Path | bytes, wanted: Tags) -> tuple[int, int, bytes] | None:
    """:func:`apetag.update` of an MP3 on disk (mapped) or in memory: its APEv2 tag brought in step, or None."""
    if isinstance(source, bytes):
        return apetag.update(source, wanted)
    with open(source, "rb") as handle:
        if os.fstat(handle.fileno()).st_size < 32:
            return None
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            return apetag.update(data, wanted)


def _tail_splice(source: Path | bytes, ape: tuple[int, int, bytes] | None) -> tuple[int, int, bytes] | None:
    """``ape`` (the new APEv2 tag in place of the old one, or None) with an ID3v2 tag appended after the audio left
    out too, as one splice ``(start, end, new bytes)`` of the file's tail; ``ape`` itself when there is no such tag.
    The tail's tags are a few KB at most, so what lies between the two (a Lyrics3 block) is simply carried along."""
    if isinstance(source, bytes):
        appended = mpeg.appended_id3(source)
        return ape if appended is None else _spliced(source, appended, ape)
    with open(source, "rb") as handle:
        if os.fstat(handle.fileno()).st_size < 20:
            return ape
        with mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            appended = mpeg.appended_id3(data)
            return ape if appended is None else _spliced(data, appended, ape)


def _spliced(data: bytes | mmap.mmap, appended: tuple[int, int], ape: tuple[int, int, bytes] | None) -> tuple[int, int, bytes]:
    parts = sorted([(*appended, b""), *([ape] if ape is not None else [])])
    start, end, pos, out = parts[0][0], parts[-1][1], parts[0][0], b""
    for at, stop, new in parts:
        out += bytes(data[pos:at]) + new
        pos = stop
    return start, end, out


def _put_ape(path: Path, ape: tuple[int, int, bytes], original_size: int) -> None:
    """Put the new APEv2 tag into a copy of an MP3 whose tail (from the old tag on) is the original's, ``original_size``
    bytes long: the bytes after the old tag (Lyrics3, ID3v1) follow it as they were."""
    start, end, tag = ape
    with open(path, "r+b") as handle:
        size = os.fstat(handle.fileno()).st_size
        at = size - (original_size - start)
        handle.seek(at + end - start)
        rest = handle.read()
        handle.seek(at)
        handle.write(tag + rest)
        handle.truncate()


def _complete(wanted: Tags, kind: str, duration: float) -> Tags:
    """ID3 CHAP frames need an end time: the next chapter's start, or the end of the audio for the last one."""
    if kind != "mp3" or not wanted.chapters:
        return wanted
    end_of_audio = int(round(duration * 1000))
    chapters = list(wanted.chapters)
    for index, chapter in enumerate(chapters):
        if chapter.end is None:
            following = chapters[index + 1].start if index + 1 < len(chapters) else end_of_audio
            chapters[index] = replace(chapter, end=max(following, chapter.start))
    return replace(wanted, chapters=tuple(chapters))


def _write_tags(path: Path, kind: str, wanted: Tags, original: mutagen.FileType | None, length: int | None) -> None:
    audio = load_tags(path, kind)
    _restore(audio, original)
    apply(audio, kind, wanted)
    size = lambda: path.stat().st_size  # noqa: E731
    if kind == "mp3":
        _save_padded(size, length, lambda pad: audio.save(v2_version=3, v23_sep="/", v1=1, padding=pad))
    elif kind == "mp4":
        _save_mp4(audio, path, size, length, wanted)
    else:
        _save_padded(size, length, lambda pad: audio.save(padding=pad))


def _save_mp4(audio: mutagen.FileType, target: Path | io.BytesIO, size: Callable[[], int], length: int | None,
              wanted: Tags) -> None:
    """mutagen's save of an MP4's tags (into a file, or a fast-start copy's head in memory), then QuickTime's
    ``moov/meta`` items given the new text (:mod:`.qtmeta`) in the padding mutagen leaves, for which room is asked
    of :func:`_save_padded` beforehand."""
    values = quicktime_values(audio, wanted)
    with open(target, "r+b") if isinstance(target, Path) else nullcontext(target) as handle:
        extra = qtmeta.growth(handle, size(), values) if values else 0
    _save_padded(size, length, lambda pad: audio.save(target, padding=pad), extra)
    if values:
        with open(target, "r+b") if isinstance(target, Path) else nullcontext(target) as handle:
            qtmeta.rewrite(handle, size(), values)


def _restore(audio: mutagen.FileType, original: mutagen.FileType | None) -> None:
    """After ffmpeg re-muxed a file (``original``: its tags before), put every atom of the original back."""
    if original is not None and original.tags is not None:
        if audio.tags is None:
            audio.add_tags()
        audio.tags.clear()
        for key, value in original.tags.items():
            audio.tags[key] = value


def _tag_in_memory(source: Path, target: Path, data: bytes, audio: mutagen.FileType, wanted: Tags, length: int | None,
                   rel: str, original: Media, before: os.stat_result, fresh: bool = False,
                   ape: tuple[int, int, bytes] | None = None) -> Media:
    """Steps 2–5 for a build's copy of an MP3, on bytes: tag, verify, write (see ``fresh`` in :func:`tag_copy`).

    ``data`` is the original as read once (after ``before`` was taken); ``audio`` holds its tags as loaded from
    those bytes (step 1). :mod:`.id3write` writes the copy's tag directly (the bytes mutagen would save); when
    it does not handle the file, or its copy fails verification, the tags are applied to ``audio`` and saved
    by mutagen, and that copy is verified in turn.
    """
    media = None
    # with a new APEv2 tag in place of the old one, an appended ID3v2 tag left out (``ape``): the payload, compared with ``data``'s, is the same
    spliced = data if ape is None else data[:ape[0]] + ape[2] + data[ape[1]:]
    tagged = _direct_bytes(spliced, audio, wanted, length)
    if tagged is not None:
        try:
            media = _verify_mp3(tagged, data, rel, original, wanted, None)
        except MediaError:
            media = None  # the direct writer got it wrong: mutagen makes this copy, and is verified in turn
    if media is None or tagged is None:
        tagged = _tagged_bytes(spliced, audio, wanted, length)
        media = _verify_mp3(tagged, data, rel, original, wanted, source, before)
    if len(data) != before.st_size or _changed(before, source.stat()):
        raise _changed_error(rel)
    # fresh: a free name is written straight into; a copy with these very bytes is kept (the site's links stay)
    if not (fresh and (write_new(target, tagged) or holds(target, tagged))):
        atomic_write(target, tagged, durable=False)
    return media


def _direct_bytes(data: bytes, audio: mutagen.FileType, wanted: Tags, length: int | None) -> bytes | None:
    """:func:`_tagged_bytes` written by :mod:`.id3write` (``audio`` is left as it is), or None where it does not apply."""
    return id3write.tagged_bytes(data, audio.tags, wanted, lambda natural: padded_size(natural, length))


def _tagged_bytes(data: bytes, audio: mutagen.FileType, wanted: Tags, length: int | None) -> bytes:
    """The MP3 ``data`` with ``wanted`` applied to its tags ``audio``, padded as :func:`_save_padded` does on disk."""
    keep, _, start = _id3_lead(data)
    # the copy is made without what lies between (see _id3_lead)
    buffer = io.BytesIO(_unfooted(data[:keep]) + data[start:] if start > keep else data)
    buffer.seek(0)  # mutagen's save reads the old tag's header from where the file is
    apply(audio, "mp3", wanted)
    _save_padded(lambda: buffer.getbuffer().nbytes, length,
                 lambda pad: audio.save(buffer, v2_version=3, v23_sep="/", v1=1, padding=pad))
    return buffer.getvalue()


def _save_padded(size: Callable[[], int], length: int | None, save: Callable[[Callable[[mutagen.PaddingInfo], int]], None],
                 extra: int = 0) -> None:
    """Save with the padding that gives the file (whose current ``size`` is measured) the size :func:`padded_size` asks for.

    mutagen tells the padding callback how much padding would keep the file's size (``info.padding``), so
    the size without padding is known before writing. Adding a new MP4 ``meta`` atom or an Ogg page's
    lacing values is not exactly linear in the padding, so the size is measured after saving and, when it
    is off, saved once more with the difference (the tags are already in place, so the second save is exact).
    ``extra``: bytes the caller then moves from the padding into other tags (an MP4's ``moov/meta``, see
    :func:`_save_mp4`): the padding gets them on top, and the size is reckoned with them.
    """
    chosen = 0
    natural: int | None = None

    def padding(info: mutagen.PaddingInfo) -> int:
        nonlocal chosen
        base = natural if natural is not None else size() - info.padding
        chosen = max(0, padded_size(base + extra, length) - base)
        return chosen

    for _ in range(4):
        save(padding)
        saved = size()
        natural = saved - chosen
        if saved == padded_size(natural + extra, length):
            return


def _remux_with_chapters(ffmpeg: str, source: Path, target: Path, chapters: tuple[TagChapter, ...], duration: float,
                         rel: str) -> None:
    """ffmpeg copies the sound, video and subtitle streams (no re-encoding) into ``target`` with new chapters.

    The cover is taken out of a scratch copy first (ffmpeg would turn it into a video track) and old chapter
    text tracks are dropped (``-map -0:d``); ``_write_tags`` then puts the original's atoms back. ``-copyts`` keeps the
    movie's timeline: ffmpeg otherwise starts its output at the input's first timestamp, so a file whose every track
    begins with an empty edit (an M4A whose sound starts a second in: cut out of a video whose sound started late, or
    made with ``-itsoffset``) lost that silence, and the copy was shorter than its original (TAG001). A file whose
    tracks start at 0, nearly every one, is re-muxed to the same bytes either way.
    """
    lines = [";FFMETADATA1"]
    for index, chapter in enumerate(chapters):
        end = chapters[index + 1].start if index + 1 < len(chapters) else max(int(duration * 1000), chapter.start + 1)
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={chapter.start}", f"END={end}"]
        lines.append(f"title={_ffescape(chapter.title)}")
    fd, meta = tempfile.mkstemp(prefix=".chapters.", suffix=".txt", dir=target.parent)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    fd, scratch = tempfile.mkstemp(prefix=_temp_prefix(target.name, target.suffix), suffix=f".src{target.suffix}", dir=target.parent)
    os.close(fd)
    try:
        shutil.copyfile(source, scratch)
        stripped = load(Path(scratch), "mp4")
        if stripped.tags is not None and "covr" in stripped.tags:
            del stripped.tags["covr"]
            stripped.save()
        command = [ffmpeg, "-nostdin", "-v", "error", "-y", "-copyts", "-i", scratch, "-f", "ffmetadata", "-i", meta,
                   "-map", "0", "-map", "-0:d", "-map_chapters", "1", "-c", "copy",
                   "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
                   *_muxer(target, getattr(stripped.info, "codec", "")), str(target)]
        import subprocess  # here: tagging an MP3 runs no command, and a build of a small show forks no pool that imports it

        done = subprocess.run(command, capture_output=True, text=True, check=False)
    finally:
        os.unlink(meta)
        os.unlink(scratch)
    if done.returncode != 0:
        if _chapter_images(source):  # (ffmpeg cannot write such a track: "Could not find tag for codec mjpeg")
            raise MediaError(error("TAG004", rel, "the file's chapters have images (a picture track of them, as Apple's "
                                                  "tools write an enhanced podcast), which ffmpeg cannot write with new "
                                                  "chapters", field="chapters",
                                   hint="give the episode the chapters the file has (mediafeed add reads them), or "
                                        "export the file again with the new chapters from the tool that made them; "
                                        "or drop the images, the sound copied as it is: ffmpeg -i in.m4a -map 0:a -c "
                                        "copy -movflags +faststart out.m4a, then put out.m4a in place under the same "
                                        "name"))
        detail = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise MediaError(error("TAG004", rel, f"ffmpeg could not write the chapters: {detail}", field="chapters",
                               hint="check the file plays; or remove the chapters to tag it without them"))


def _chapter_images(path: Path) -> bool:
    """Whether the MP4 has a picture track another track names as its chapters' (see :func:`mp4.pictures`)."""
    try:
        with open(path, "rb") as handle:
            found = mp4.tracks(handle, os.fstat(handle.fileno()).st_size)
    except (OSError, ValueError, struct.error):
        return False
    return bool(mp4.pictures(found, chapter_images=True))


#: The sound codecs (as mutagen names them) ffmpeg's 'ipod' muxer takes, the one it writes an .m4a or .m4b with: AAC
#: (mp4a.40.N, MPEG-2 AAC's mp4a.66 to .68, QuickTime's bare mp4a), ALAC and AC-3 (ffmpeg's movenc.c, codec_ipod_tags)
IPOD_CODECS = frozenset({"mp4a", "mp4a.66", "mp4a.67", "mp4a.68", "alac", "ac-3", ""})


def _muxer(target: Path, codec: str) -> list[str]:
    """ffmpeg's ``-f`` for a re-mux into ``target``: its own choice by the extension, except for an .m4a or .m4b whose
    sound the 'ipod' muxer does not take (Opus, MP3, MP2, E-AC-3, FLAC in an M4A: MED011, a warning the build
    publishes with), which the MP4 muxer writes ("Could not find tag for codec opus" made the chapters TAG004)."""
    codec = codec.lower()
    if target.suffix.lower() not in (".m4a", ".m4b") or codec in IPOD_CODECS or codec.startswith("mp4a.40"):
        return []
    return ["-f", "mp4"]


#: The longest file name (in bytes) ext4, XFS, Btrfs and APFS take.
NAME_MAX = 255


def _temp_prefix(name: str, ext: str) -> str:
    """``.<name>.``, the start of a temp file's name beside ``name`` (then 8 random characters, ``.tmp`` or ``.src``
    and ``ext``): ``name`` cut short, its extension kept (so :func:`stale_temp_files` still knows the file), where
    the whole would pass :data:`NAME_MAX` bytes. (A 240-character episode file made ``mediafeed tag`` stop with
    "File name too long" for its temp file.)"""
    room = NAME_MAX - len(".." + "12345678" + ".tmp") - len(ext.encode())
    if len(name.encode()) > room:
        name = name.encode()[:room - len(ext.encode())].decode("utf-8", "ignore") + ext
    return f".{name}."


_TEMP = lazy(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.(?:tmp|src)(?P<ext>\.[^./]+)")
_CHAPTERS_TEMP = lazy(r"\.chapters\.[a-z0-9_]{8}\.txt")


def stale_temp_files(folder: Path, now: float | None = None) -> list[Path]:
    """Temp files an interrupted tagging run left in ``folder``: only names of ours, untouched for :data:`STALE_AFTER`.

    Ours are ``.<name>.<8 random characters>.tmp<ext>`` and ``.src<ext>`` beside a file ``<name>`` that
    ends in ``<ext>``, and ``.chapters.<8 random characters>.txt``; a younger one may belong to a run in progress.
    """
    now = time.time() if now is None else now
    found = []
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        match = _TEMP.fullmatch(path.name)
        ours = bool(_CHAPTERS_TEMP.fullmatch(path.name)) or bool(
            match and match["name"].lower().endswith(match["ext"].lower()))
        try:
            if ours and path.is_file() and not path.is_symlink() and now - path.stat().st_mtime >= STALE_AFTER:
                found.append(path)
        except OSError:
            continue
    return found


def _ffescape(text: str) -> str:
    for char in ("\\", "=", ";", "#", "\n"):
        text = text.replace(char, "\\" + char)
    return text


def _flush(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _verify(path: Path, source: Path, rel: str, original: Media, wanted: Tags, original_digest: str,
            before: os.stat_result | None = None) -> Media:
    """Re-read the tagged copy from scratch: same format, every wanted tag, same duration, same audio bytes.
    ``before``: the original as tagging found it (a copy of a file changed since is no bug: TAG003)."""
    if original.kind == "mp3":
        with _mapped(path) as data, _mapped(source) as original_data:
            return _verify_mp3(data, original_data, rel, original, wanted, source, before)
    try:
        media, state = probe_with_tags(path, rel)
    except MediaError as exc:
        raise MediaError(error("TAG001", rel, f"the tagged copy does not read back ({exc.problems[0].message}); "
                                              "the original was left untouched", field="audio")) from None
    if media.kind != original.kind or abs(media.duration - original.duration) > _DURATION_SLACK:
        raise MediaError(error("TAG001", rel, f"the tagged copy reads as {NAMES.get(media.kind)} of {media.duration:.3f} s, "
                                              f"not {NAMES.get(original.kind)} of {original.duration:.3f} s; "
                                              "the original was left untouched", field="audio"))
    _check_read_back(state, wanted, rel)
    if payload.digest(path, media.kind) != original_digest:
        raise _audio_changed(rel, source, media.kind, before)
    return media


def _verify_mp3(data: bytes | mmap.mmap, original_data: bytes | mmap.mmap, rel: str, original: Media, wanted: Tags,
                source: Path | None, before: os.stat_result | None = None) -> Media:
    """:func:`_verify` for an MP3 (``data``: the tagged copy, in memory or mapped): an MP3 still, every wanted tag
    read back (a fresh parse of the copy's tags), and the audio payload (every byte between the ID3v2 tag and
    the trailing tags) the same as the original's, byte for byte. The duration needs no second look: the same
    payload is the same frames and Xing/VBRI header, so the same duration (no frame scan of the copy).
    ``source``: the original on disk, looked at again when the payloads differ (None: a first try, made again)."""
    try:
        if sniff_data(data) != "mp3":
            raise ValueError("it is not an MP3 file any more")
        if isinstance(data, mmap.mmap):
            data.seek(0)  # a map is read like a file: from where sniffing left it
        state = read_id3(data if isinstance(data, mmap.mmap) else io.BytesIO(data))
    except (mutagen.MutagenError, ValueError) as exc:
        raise MediaError(error("TAG001", rel, f"the tagged copy does not read back ({exc}); "
                                              "the original was left untouched", field="audio")) from None
    _check_read_back(state, wanted, rel)
    if wanted.id3_version and not apetag.holds(data, wanted):
        raise MediaError(error("TAG001", rel, "the tagged copy's APEv2 tag does not read back; the original was left "
                                              "untouched", field="audio",
                               hint="this is a bug in mediafeed or mutagen: please report it with the file"))
    if not same_span(data, mpeg.payload_span(data), original_data, mpeg.payload_span(original_data)):
        raise _audio_changed(rel, source, "mp3", before)
    return retagged(original, state, len(data))


def same_span(data: bytes | mmap.mmap, span: tuple[int, int], other: bytes | mmap.mmap, other_span: tuple[int, int]) -> bool:
    """``data[start:end] == other[other_start:other_end]``, read where the bytes lie (a payload is up to hundreds
    of MB, mapped from disk: slicing would copy both).

    A plain memcmp (``bytes.startswith``; ``find`` of a map, whose only candidate place is ``start``): not
    ``hmac.compare_digest``, whose constant-time loop goes byte by byte (nothing here is secret): 14x faster for
    a 20 KB payload, 40x for 1 MB in memory, 6x for 50 MB mapped (measured, see bench/RESULTS-2026-11-26-s6cold.txt).
    """
    (start, end), (other_start, other_end) = span, other_span
    if end - start != other_end - other_start:
        return False
    with memoryview(other) as whole, whole[other_start:other_end] as view:
        if isinstance(data, bytes):
            return data.startswith(view, start)
        return data.find(view, start, end) == start


def _check_read_back(state: Tags, wanted: Tags, rel: str) -> None:
    left = diff(state, wanted)
    if left:
        names = ", ".join(f"{c.field} ({c.old!r} instead of {c.new!r})" for c in left)
        raise MediaError(error("TAG001", rel, f"the tagged copy does not read back: {names}; the original was left untouched",
                               field="audio", hint="this is a bug in mediafeed or mutagen: please report it with the file"))


def _audio_changed(rel: str, source: Path | None, kind: str, before: os.stat_result | None = None) -> MediaError:
    """TAG002, or MED004 naming what is wrong where the original itself is damaged (:func:`damage.diagnose`): the
    payload check trips on a damaged master far more often than on a bug, and "a bug in mediafeed" sent producers
    to report a file they should export again. TAG003 where the original changed since ``before`` (a file still being
    written): not looked at (ffmpeg decoded a file growing faster than it decoded for minutes)."""
    if before is not None and source is not None and _changed_since(before, source):
        return _changed_error(rel)
    damaged = damage.diagnose(source, kind) if source is not None else ""
    if damaged:
        return MediaError(error("MED004", rel, f"the {NAMES.get(kind, kind)} file itself is damaged: {damaged}; tagging "
                                               "it would not keep its audio as it is, so it was not tagged (the original "
                                               "was left untouched)", field="audio",
                                hint="export it again from your editor (or from the recording) and check it plays to the "
                                     f"end: ffmpeg -v error -i '{rel}' -f null - prints nothing for a sound file"))
    return MediaError(error("TAG002", rel, "tagging would have changed the audio itself (its payload differs); "
                                           "the original was left untouched", field="audio",
                            hint="this is a bug in mediafeed or mutagen: please report it with the file"))


@contextmanager
def _mapped(path: Path) -> Iterator[mmap.mmap]:
    """A file's bytes, mapped read-only (read where they lie, never copied whole)."""
    with open(path, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        yield data
