"""Media rules for a show's probed files: what podcasters publish, and the tags players show."""

from __future__ import annotations

from ..audio.formats import LAYER_NAMES, ffmpeg_path
from ..chapters import clock
from ..errors import Problem, Severity
from ..model import Item, Media, Show
from .rules import problem

MIN_BITRATE, MAX_BITRATE = 32_000, 320_000
#: What mutagen's codec names mean, for messages (its names for the MP4 sample entries it knows).
_CODECS = {"alac": "ALAC (Apple Lossless)", "opus": "Opus", "flac": "FLAC", "ac-3": "AC-3", "ec-3": "E-AC-3",
           # (object types 0x6B and 0x69 are MPEG-1 and MPEG-2 audio of any layer: ffmpeg writes MP2 as 0x69 too)
           "mp4a.6b": "MPEG-1 audio (MP3 or MP2)", "mp4a.69": "MPEG-2 audio (MP3 or MP2)", "mp4a.a5": "AC-3",
           "mp4a.a6": "E-AC-3", ".mp3": "MP3", ".mp2": "MP2",
           # QuickTime's uncompressed and legacy sound (what video editors export in a MOV by default)
           **{code: f"uncompressed PCM ('{code}')" for code in ("sowt", "twos", "lpcm", "ipcm", "in24", "in32", "fl32",
                                                                 "fl64", "raw ")},
           "ulaw": "mu-law ('ulaw')", "alaw": "A-law ('alaw')", "ima4": "IMA ADPCM ('ima4')"}


#: MPEG-4 audio object types (mp4a.40.N, ISO/IEC 14496-3 1.5.1.1) of the AAC family: Main, LC, SSR, LTP, SBR (HE-AAC),
#: scalable, the error-resilient ones (ER AAC LC, LTP, scalable, BSAC, LD), PS (HE-AAC v2), ELD and USAC (xHE-AAC)
_AAC_TYPES = {1, 2, 3, 4, 5, 6, 17, 19, 20, 22, 23, 29, 39, 42}
#: The other object types' names (speech codecs, MPEG-1/2 layers, lossless): what the message calls them
_MPEG4_AUDIO = {7: "TwinVQ", 8: "CELP", 9: "HVXC", 21: "ER TwinVQ", 24: "ER CELP", 25: "ER HVXC", 26: "ER HILN",
                27: "ER Parametric", 32: "MPEG audio Layer I", 33: "MPEG audio Layer II (MP2)", 34: "MP3", 35: "DST",
                36: "ALS (MPEG-4 lossless)", 37: "SLS"}


def _aac(codec: str) -> bool:
    """AAC in any profile: MPEG-4 audio of the AAC family (mp4a.40.2 is AAC LC, .5 HE-AAC, .29 HE-AAC v2: not
    .21, ER TwinVQ, which is what ffmpeg 5.1's own encoder declares when asked for HE-AAC, a file ffmpeg itself cannot
    decode), MPEG-2 AAC (mp4a.66, .67, .68), or an mp4a entry without its object type (QuickTime files: mutagen says
    "mp4a"; it is AAC in practice)."""
    return codec.lower() in _AAC_CODECS


#: mutagen's names for the AAC codecs (``mp4a.40.%d`` with the object type; see :func:`_aac`)
_AAC_CODECS = frozenset({f"mp4a.40.{kind}" for kind in _AAC_TYPES} | {"mp4a", "mp4a.40", "mp4a.66", "mp4a.67", "mp4a.68"})


#: MPEG-4 audio object types outside the AAC family that ffmpeg decodes (MPEG-1/2 Layer I, II, III; ALS): a file of
#: any other (TwinVQ, CELP, HVXC, HILN, DST, SLS…) cannot be encoded into AAC from itself
_DECODED = {32, 33, 34, 36}


def _undecodable(codec: str) -> bool:
    """An MPEG-4 audio object type outside the AAC family that ffmpeg cannot decode (``mp4a.40.21``, ER TwinVQ: what
    ffmpeg 5.1's own encoder declares for ``-profile:a aac_he``): MED011's encode from the file itself fails."""
    kind = codec.lower().removeprefix("mp4a.40.")
    return codec.lower().startswith("mp4a.40.") and kind.isdigit() and not _aac(codec) and int(kind) not in _DECODED


def _codec_name(codec: str) -> str:
    """How a message names a codec that is not AAC."""
    kind = codec.lower().removeprefix("mp4a.40.")
    if kind.isdigit() and codec.lower().startswith("mp4a.40."):
        return f"MPEG-4 audio object type {kind} ({_MPEG4_AUDIO.get(int(kind), 'not AAC')})"
    return _CODECS.get(codec.lower(), codec)
MIN_SAMPLE_RATE, MAX_SAMPLE_RATE = 22_050, 48_000
#: How MED011 names an M4A/MP4 file without video, by its extension (the container its name says; a name of another
#: family is MED005): "M4A" was said of an audio-only .mp4 or .mov too.
_CONTAINERS = {"m4a": "M4A", "m4b": "M4B", "mp4": "MP4", "m4v": "M4V", "mov": "QuickTime (MOV)"}


def _sound_read(codec: str) -> bool:
    """Whether the sample rate and channels the probe read describe the sound: not for MPEG-4 audio outside the AAC
    family (``mp4a.40.21``, ffmpeg 5.1's broken HE-AAC), whose AudioSpecificConfig mutagen reads as AAC's (96000 Hz for
    a 44.1 kHz file): MED011 says the audio is not AAC, and a second warning on figures nothing decodes would mislead."""
    return not codec.lower().startswith("mp4a.40.") or _aac(codec)


#: MED027's info where the master's layout blocks the move but the build re-muxes the file for its chapters (ffmpeg
#: writes a new file, which the build then publishes with its index first)
BY_CHAPTERS = "chapters"


def index_last(rel: str, name: str, slug: str, video: bool, reason: str) -> Problem:
    """MED027 for an MP4 whose index comes after its media: an info when the build publishes a copy with the index
    first (``reason`` "", or :data:`BY_CHAPTERS` when that copy is the chapters' re-mux), else a warning saying why
    it does not."""
    ext = name.rpartition(".")[2].lower() or "m4a"
    remux = f"ffmpeg -i in.{ext} -c copy -movflags +faststart out.{ext}"
    late = f"the file's index (its 'moov' box) comes after the {'video' if video else 'audio'}"
    if reason == BY_CHAPTERS:
        return problem("MED027", rel, f"{late}: the build re-muxes it with ffmpeg to write its chapters and publishes that "
                                      "copy with the index first ('fast start'), so players can start playing at once",
                       field="audio", episode=slug, severity=Severity.INFO,
                       hint=f"nothing to do; to fix the file itself (which changes no audio): {remux}")
    if not reason:
        return problem("MED027", rel, f"{late}: the build publishes a copy with the index first ('fast start'), so players "
                                      "can start playing at once", field="audio", episode=slug, severity=Severity.INFO,
                       hint=f"nothing to do; to fix the file itself (which changes no audio): {remux}")
    return problem("MED027", rel, f"{late}: players must fetch the end of the file before they can start playing it "
                                  f"(the build could not publish it with the index first: {reason})",
                   field="audio", episode=slug,
                   hint=f"move the index to the front, which changes no audio: {remux}, then put out.{ext} in place "
                        "under the same name")


def damaged_audio(rel: str, gap: int, at: float, slug: str = "") -> Problem:
    """MED033: ``gap`` bytes that are no audio lie between an MP3's frames, the first run ``at`` seconds in (from the
    probe's walk, or the one tagging makes of a file whose Xing/VBRI header counts its frames)."""
    return problem("MED033", rel, f"{gap:,} bytes between its audio frames are no audio (the first at {clock(at)}): "
                                  "a broken concatenation or a disk or transfer error; ffmpeg reports 'Header missing' "
                                  "there, and players skip them with a click, a gap or lost seconds",
                   field="audio", episode=slug,
                   hint=f"export the episode again from the recording (re-encoding this file keeps the damage); "
                        f"ffmpeg -v error -i '{rel}' -f null - prints nothing for a sound file")


def _chapters_remuxed(item: Item) -> bool:
    """Whether the build re-muxes this MP4 with ffmpeg to write the episode's chapters: they differ from those in the
    file (as in the tagger: start in milliseconds and title, the table-of-contents ones) and ffmpeg is on PATH.
    (A file whose only chapters are Nero's list, the same ones, is re-muxed too; this says no, and the build, which
    knows, reports the info.)"""
    wanted = tuple((round(c.start * 1000), c.title) for c in item.episode.chapters if c.toc)
    if not item.episode.chapters or wanted == tuple((round(c.start * 1000), c.title) for c in item.media.chapters):
        return False
    return bool(ffmpeg_path())


#: Picture codecs (the video track's sample entry) Apple's apps play in an MP4, M4V or MOV: H.264, HEVC as 'hvc1',
#: and MPEG-4 Part 2 (the first iPods' video podcasts). An entry the probe could not read ("") is not judged.
_APPLE_PICTURES = frozenset({"avc1", "avc3", "hvc1", "mp4v", ""})
#: How MED034 names the picture codecs it warns of (their sample entry, else the entry itself).
_PICTURE_NAMES = {"hev1": "HEVC stored as 'hev1'", "vp09": "VP9", "av01": "AV1", "vp08": "VP8", "apcn": "ProRes 422",
                  "apch": "ProRes 422 HQ", "apcs": "ProRes 422 LT", "apco": "ProRes 422 Proxy", "ap4h": "ProRes 4444",
                  "mjpa": "Motion JPEG", "jpeg": "Motion JPEG", "dvh1": "Dolby Vision", "dvhe": "Dolby Vision as 'dvhe'"}


def picture_problems(media: Media, rel: str, name: str, slug: str) -> list[Problem]:
    """A video's picture codec against Apple's apps (MED034) and web browsers (MED035): the probe reads the video
    track's sample entry (``stsd``), so these cost no decoding."""
    entry = media.picture_codec
    ext = "." + (name.rpartition(".")[2].lower() or "mp4")
    if entry == "hev1":  # the same HEVC bytes; only the sample entry's name (and where the parameter sets live) differs
        return [problem("MED034", rel, "the video's picture is HEVC stored as 'hev1', which Apple's apps do not play "
                                       "(they play HEVC stored as 'hvc1')", field="audio", episode=slug,
                        hint=f"remux it (nothing is encoded again): ffmpeg -i in{ext} -c copy -tag:v hvc1 -movflags "
                             f"+faststart out{ext}, then put out{ext} in place under the same name")]
    if entry not in _APPLE_PICTURES:
        return [problem("MED034", rel, f"the video's picture is {_PICTURE_NAMES.get(entry, repr(entry))}, which Apple's "
                                       "apps may not play (they play H.264, and HEVC stored as 'hvc1')", field="audio",
                        episode=slug, hint=f"encode the picture as H.264 and copy the sound: ffmpeg -i in{ext} -c:v "
                                           f"libx264 -pix_fmt yuv420p -c:a copy -movflags +faststart out{ext}")]
    if entry == "hvc1":
        return [problem("MED035", rel, "the video's picture is HEVC: Apple's apps play it, but on the episode page and "
                                       "in embeds, browsers without HEVC decoding (Firefox; Chrome and Edge on many "
                                       "computers) play the sound under a black picture", field="audio", episode=slug,
                        hint=f"for the widest reach encode the picture as H.264: ffmpeg -i in{ext} -c:v libx264 "
                             f"-pix_fmt yuv420p -c:a copy -movflags +faststart out{ext}; or keep HEVC for Apple's apps")]
    return []


def sound_track_problems(media: Media, rel: str, name: str, slug: str) -> list[Problem]:
    """MED037: an MP4 of several sound tracks (apps play one), or whose sound is marked disabled (played by none that
    follows the standard)."""
    count, enabled = media.sound_tracks, media.enabled_sound
    if media.kind != "mp4" or not count or (count == 1 and enabled == 0):
        return []
    ext = "." + (name.rpartition(".")[2].lower() or "m4a")
    keep = max(enabled, 0)
    picture = "-map 0:v:0 " if media.video else ""
    hint = (f"keep the sound track to publish (the audio is copied as it is, and marked enabled): ffmpeg -i in{ext} "
            f"{picture}-map 0:a:{keep} -c copy -movflags +faststart out{ext}, then put out{ext} in place under the same "
            "name")
    if enabled < 0:
        which = "its sound track is" if count == 1 else f"all {count} of its sound tracks are"
        message = (f"{which} marked disabled (the track header's flag): players that follow the MP4 standard treat a "
                   "disabled track as absent and play no sound")
    else:
        message = (f"the file has {count} sound tracks (a multi-track recording, a commentary track): apps play one "
                   f"(Apple's the one marked enabled, {_ORDINALS.get(enabled + 1, f'number {enabled + 1}')}; others the "
                   "first), and every listener downloads them all")
        if enabled:
            message += "; the feed's duration is that one's"
    if count > 1:
        hint += " (-map 0:a:N keeps another, counted from 0)"
    return [problem("MED037", rel, message, field="audio", episode=slug, hint=hint)]


_ORDINALS = {1: "the first", 2: "the second", 3: "the third", 4: "the fourth", 5: "the fifth", 6: "the sixth"}


def check_media(show: Show, items: list[Item]) -> list[Problem]:
    out: list[Problem] = []
    for item in items:
        media, episode = item.media, item.episode
        rel = f"episodes/{episode.slug}/{episode.audio}"
        if media.kind == "mp3" and media.codec:
            out.append(problem("MED011", rel, f"the audio in this .mp3 file is {LAYER_NAMES.get(media.codec, media.codec)}, "
                                              "not MP3 (MPEG audio Layer III)", field="audio", episode=episode.slug,
                               hint="encode it as MP3: ffmpeg -i in.mp3 -c:a libmp3lame -b:a 128k out-mp3.mp3"))
        elif media.kind == "mp4" and media.codec and not _aac(media.codec):
            ext = episode.audio.rpartition(".")[2].lower() or "mp4"  # (a .mov stays a .mov: its type is in the feed)
            if _undecodable(media.codec):  # "ffmpeg -i in.m4a …" failed: "Function not implemented", no file made
                hint = ("ffmpeg cannot decode this file, nor can most apps (ffmpeg 5.1's own encoder writes it when asked "
                        "for HE-AAC, '-profile:a aac_he': leave that option out); encode it again from the recording it "
                        "was made from: " + (f"ffmpeg -i in.{ext} -i recording.wav -map 0:v -map 1:a -c:v copy -c:a aac "
                                             f"-b:a 128k -shortest -movflags +faststart out.{ext}" if media.video else
                                             f"ffmpeg -i recording.wav -c:a aac -b:a 128k -movflags +faststart out.{ext}") +
                        f", then put out.{ext} in place under the same name")
            else:
                hint = (f"export the video with AAC audio (ffmpeg -i in.{ext} -c:v copy -c:a aac out.{ext})" if media.video
                        else f"export it as AAC (ffmpeg -i in.{ext} -c:a aac -b:a 128k out.{ext}) or publish an MP3")
            container = "video" if media.video else _CONTAINERS.get(ext, "MP4")
            out.append(problem("MED011", rel, f"the audio in this {container} file is {_codec_name(media.codec)}, not AAC",
                               field="audio", episode=episode.slug, hint=hint))
        if media.location:
            ext = "." + (episode.audio.rpartition(".")[2].lower() or "mp4")
            out.append(problem("MED032", rel, f"the file says where it was recorded ({media.location}), as phones and "
                                              "cameras write it: anyone who downloads the episode can read the place",
                               field="audio", episode=episode.slug,
                               hint=f"unless that is meant, remove it (the audio and video are copied as they are; the "
                                    f"file's other tags go too, and mediafeed writes its own): ffmpeg -i in{ext} -c copy "
                                    f"-map_metadata -1 -movflags +faststart out{ext}, then put out{ext} in place under "
                                    "the same name"))
        out.extend(sound_track_problems(media, rel, episode.audio, episode.slug))
        if media.index_last:
            reason = media.index_blocker or ("" if show.tag_on_build else "'tag_on_build' is off: the file is published as it is")
            if media.index_blocker and show.tag_on_build and _chapters_remuxed(item):
                reason = BY_CHAPTERS
            out.append(index_last(rel, episode.audio, episode.slug, media.video, reason))
        if media.video:
            if not media.codec and not media.channels:  # mutagen found no sound track ("soun") to describe
                out.append(problem("MED028", rel, "the video has no sound track: listeners get pictures and silence",
                                   field="audio", episode=episode.slug,
                                   hint="export it again with its sound (check that the timeline's audio is not "
                                        "muted and the preset includes audio)"))
            out.extend(picture_problems(media, rel, episode.audio, episode.slug))
            if media.movie_length:
                ext = "." + (episode.audio.rpartition(".")[2].lower() or "mp4")
                out.append(problem("MED031", rel, f"the video runs {clock(media.movie_length)}, {media.movie_length - media.duration:.0f} s "
                                                  f"past its sound ({clock(media.duration)}): apps show {clock(media.movie_length)} "
                                                  "and play the rest as a silent picture, while the feed says "
                                                  f"{clock(media.duration)}", field="audio", episode=episode.slug,
                                   hint=f"end the picture with the sound (the sound is copied, the picture encoded again): "
                                        f"ffmpeg -i in{ext} -c:a copy -c:v libx264 -pix_fmt yuv420p -r 25 -t "
                                        f"{media.duration:.3f} -movflags +faststart out{ext}, then put out{ext} in place "
                                        "under the same name"))
            continue
        if media.bitrate and not MIN_BITRATE <= media.bitrate <= MAX_BITRATE:
            rate = f"{media.bitrate // 1000} kbit/s" if media.bitrate >= 1000 else f"{media.bitrate} bit/s (silence?)"
            out.append(problem("MED020", rel, f"bitrate is {rate}; podcasts use 32–320 kbit/s (speech: 64–128)",
                               field="audio", episode=episode.slug,
                               hint="export at 64 kbit/s mono or 128 kbit/s stereo"))
        if media.sample_rate and not MIN_SAMPLE_RATE <= media.sample_rate <= MAX_SAMPLE_RATE and _sound_read(media.codec):
            out.append(problem("MED021", rel, f"sample rate is {media.sample_rate} Hz; podcasts use 44100 or 48000",
                               field="audio", episode=episode.slug, hint="export at 44.1 kHz"))
        if media.channels > 2 and _sound_read(media.codec):
            out.append(problem("MED022", rel, f"the audio has {media.channels} channels; apps play mono or stereo",
                               field="audio", episode=episode.slug, hint="export a stereo or mono mix"))
        if media.chained:
            out.append(problem("MED026", rel, f"the file holds several Ogg streams one after another (files joined?); "
                                              f"apps and the feed count only the first, {clock(media.duration)}",
                               field="audio", episode=episode.slug, hint="export the episode again as one file"))
        if media.lead:
            out.append(problem("MED024", rel, f"{media.lead:,} bytes of unknown data come before the first audio frame",
                               field="audio", episode=episode.slug,
                               hint="remux it (ffmpeg -i in.mp3 -c copy out.mp3) or export the episode again"))
        if media.rate_switch:
            out.append(problem("MED029", rel, f"the audio switches from {media.sample_rate:,} Hz to {media.rate_switch:,} Hz "
                                              f"at {clock(media.switch_at)} (files of different exports joined?): many "
                                              "players stop there or play the rest at the wrong speed",
                               field="audio", episode=episode.slug,
                               hint="encode the whole episode again at one sample rate: "
                                    f"ffmpeg -i in.mp3 -ar {media.sample_rate} -c:a libmp3lame -b:a 128k out.mp3"))
        if media.cut:
            out.append(problem("MED030", rel, f"the last audio frame is cut short: the file looks cut off (an interrupted "
                                              f"copy, export or download), and plays {clock(media.duration)}",
                               field="audio", episode=episode.slug,
                               hint="check it plays to the end of the episode; if not, copy or export it again"))
        if media.gap > 0:
            out.append(damaged_audio(rel, media.gap, media.gap_at, episode.slug))
        if media.declared:
            why = "files joined without re-encoding, or a header a tool did not update?" \
                if media.declared < media.duration else "a header a tool did not update?"
            out.append(problem("MED025", rel, f"its header declares {clock(media.declared)} of audio, but the file holds "
                                              f"{clock(media.duration)} ({why})",
                               field="audio", episode=episode.slug,
                               hint="remux it so the header covers the whole file: ffmpeg -i in.mp3 -c copy out.mp3"))
        if not show.tag_on_build and not media.tags.get("title"):
            out.append(problem("MED023", rel, "the audio file has no title tag", field="audio", episode=episode.slug,
                               hint="set 'tag_on_build: true' in show.yml, or tag the file in your editor"))
    return out
