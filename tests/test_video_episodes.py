"""Video episodes end to end, session 24: a producer's real videos (made with ffmpeg) through check, build, the page,
the embed, oEmbed and the feed's alternates, each compared with what ffprobe and a browser say of them.

The files: H.264+AAC (landscape and upright), HEVC as ffmpeg writes it ('hev1') and remuxed ('hvc1'), VP9 in an MP4,
and a VP9/Opus WebM (what browsers and screen recorders make).
"""

from __future__ import annotations

import json
import re
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from helpers import add_episode
from siteserver import SiteServer, chromium, sample_site

from mediafeed import audio
from mediafeed.cli import main
from mediafeed.mediatypes import content_type

PICTURES = {
    # name: (picture size, encoder options)
    "landscape.mp4": ("320x180", ("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p")),
    "upright.mp4": ("180x320", ("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p")),
    "hev1.mp4": ("160x90", ("-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error")),
    "hvc1.mp4": ("160x90", ("-c:v", "libx265", "-preset", "ultrafast", "-x265-params", "log-level=error",
                            "-tag:v", "hvc1")),
    "vp9.mp4": ("160x90", ("-c:v", "libvpx-vp9", "-deadline", "realtime")),
    "small.mp4": ("160x90", ("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p")),
}


def _video(path: Path, size: str, options: tuple[str, ...], seconds: float = 2.0, sound: str = "aac") -> Path:
    """A real video: ffmpeg's test picture at ``size`` over a tone, both ``seconds`` long."""
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-f", "lavfi", "-i",
                    f"testsrc=size={size}:rate=10:duration={seconds}", "-f", "lavfi", "-i",
                    f"sine=frequency=440:duration={seconds}", *options, "-c:a", sound, "-b:a", "48k", "-shortest",
                    str(path)], check=True)
    return path


@pytest.fixture(scope="module")
def videos(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("videos")
    for name, (size, options) in PICTURES.items():
        _video(folder / name, size, options)
    _video(folder / "vp9.webm", "160x90", ("-c:v", "libvpx-vp9", "-deadline", "realtime"), sound="libopus")
    return folder


def _ffprobe(path: Path) -> dict[str, Any]:
    done = subprocess.run(["ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                           "stream=codec_tag_string,width,height:format=bit_rate,size,duration", "-of", "json", str(path)],
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _problems(show: Path, command: str = "check") -> list[dict[str, str]]:
    result = CliRunner().invoke(main, [command, "--show", str(show), "--format", "json"])
    return json.loads(result.output)["problems"]  # type: ignore[no-any-return]


def _video_episode(root: Path, slug: str, video: Path, extra: str = "", guid: str = "") -> Path:
    folder = add_episode(root, slug, f"""
title: Video {slug}
date: 2026-03-20T08:00:00+00:00
guid: {guid or uuid.uuid5(uuid.NAMESPACE_URL, slug)}
audio: {video.name}
{extra}""", audio_name="")
    (folder / video.name).write_bytes(video.read_bytes())
    return folder


@pytest.mark.parametrize("name", sorted(PICTURES))
def test_the_probe_reads_a_videos_picture_size_and_codec_as_ffprobe_does(videos: Path, name: str) -> None:
    """The page needs the picture's shape and check needs its codec: the probe read only the height (no width, no
    codec), so a 16:9 video's box took the poster's square shape and HEVC stored as 'hev1' went unnoticed."""
    media = audio.probe(videos / name, name)
    stream = _ffprobe(videos / name)["streams"][0]
    assert (media.width, media.height, media.picture_codec) == (stream["width"], stream["height"],
                                                                stream["codec_tag_string"])
    assert media.video and media.mime == "video/mp4"


def test_a_videos_bitrate_counts_its_picture_not_only_its_sound(videos: Path) -> None:
    """podcast:alternateEnclosure@bitrate is how apps choose a version: a 320x180 and a 160x90 video with the same
    sound were both given mutagen's figure for the sound track (48 kbit/s); now the file's average, as ffprobe says."""
    rates = {}
    for name in ("landscape.mp4", "small.mp4"):
        media = audio.probe(videos / name, name)
        expected = int(_ffprobe(videos / name)["format"]["bit_rate"])
        assert abs(media.bitrate - expected) <= expected * 0.02, (name, media.bitrate, expected)
        rates[name] = media.bitrate
    assert rates["landscape.mp4"] > rates["small.mp4"] * 1.2 and rates["small.mp4"] > 60_000  # (the sound: 48k)


def test_check_names_pictures_apples_apps_do_not_play_and_hevc_on_the_web(show: Path, videos: Path) -> None:
    """HEVC as ffmpeg writes it in an MP4 ('hev1': Apple's players refuse it) and VP9 in an MP4 passed check without a
    word; HEVC as 'hvc1' plays in Apple's apps but shows no picture in browsers without HEVC (headless Chromium
    here): an info. H.264 gets neither."""
    for index, name in enumerate(("hev1.mp4", "hvc1.mp4", "vp9.mp4", "landscape.mp4")):
        _video_episode(show, f"07{index}-{name.split('.')[0]}", videos / name)
    found = {(p["episode"], p["code"]): p for p in _problems(show) if p["code"] in ("MED034", "MED035")}
    assert sorted(found) == [("070-hev1", "MED034"), ("071-hvc1", "MED035"), ("072-vp9", "MED034")]
    assert "'hev1'" in found["070-hev1", "MED034"]["message"] and "-c copy -tag:v hvc1" in found["070-hev1", "MED034"]["hint"]
    assert "VP9" in found["072-vp9", "MED034"]["message"] and "libx264" in found["072-vp9", "MED034"]["hint"]
    assert found["071-hvc1", "MED035"]["severity"] == "info" and found["070-hev1", "MED034"]["severity"] == "warning"
    # the hint's remux is what it says: the same pictures, now 'hvc1', playing to the end
    fixed = videos.parent / "fixed-hvc1.mp4"
    subprocess.run(["ffmpeg", "-nostdin", "-y", "-v", "error", "-i", str(videos / "hev1.mp4"), "-c", "copy", "-tag:v",
                    "hvc1", "-movflags", "+faststart", str(fixed)], check=True)
    assert audio.probe(fixed, "fixed.mp4").picture_codec == "hvc1"
    assert subprocess.run(["ffmpeg", "-v", "error", "-i", str(fixed), "-f", "null", "-"], capture_output=True,
                          text=True, check=True).stderr == ""


def test_a_webm_alternate_is_published_with_its_type_length_and_integrity(show: Path, videos: Path,
                                                                          tmp_path: Path) -> None:
    """A WebM is the alternate a video show offers browsers and Podcasting 2.0 apps (no Apple or Spotify enclosure
    takes it): listed as an alternate it was an error (MED003, "not a supported media file") that stopped the build,
    and the preview and publish would have sent it as application/octet-stream."""
    folder = _video_episode(show, "070-webm", videos / "landscape.mp4",
                            "alternate_enclosures:\n  - file: vp9.webm\n    title: WebM\n")
    (folder / "vp9.webm").write_bytes((videos / "vp9.webm").read_bytes())
    assert [p for p in _problems(show) if p["episode"] == "070-webm" and p["severity"] == "error"] == []
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--show", str(show), "--output", str(site), "-q"])
    assert result.exit_code == 0, result.output
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    webm = re.search(r'<podcast:alternateEnclosure type="video/webm" length="(\d+)" bitrate="(\d+)" height="90" '
                     r'title="WebM" codecs="vp9,opus">\s*'
                     r'<podcast:source uri="([^"]+)"/>\s*<podcast:integrity type="sri" value="sha256-', feed)
    assert webm, feed
    # its bitrate, height and codecs read from the WebM itself (the EBML reader), as ffprobe says them
    probed = _ffprobe(videos / "vp9.webm")
    assert abs(int(webm.group(2)) - int(probed["format"]["bit_rate"])) <= 1
    assert int(webm.group(1)) == (videos / "vp9.webm").stat().st_size == (site / "episodes/070-webm/vp9.webm").stat().st_size
    assert webm.group(3).endswith("/episodes/070-webm/vp9.webm")
    assert content_type("episodes/070-webm/vp9.webm") == "video/webm"
    # the main video's default alternate says its own bitrate and height (ffprobe's), not the sound's
    main_alt = re.search(r'<podcast:alternateEnclosure type="video/mp4" length="\d+" bitrate="(\d+)" height="(\d+)" '
                         r'default="true">\s*<podcast:source uri="[^"]+/070-webm/landscape.mp4"', feed)
    assert main_alt and main_alt.group(2) == "180" and int(main_alt.group(1)) > 100_000, feed


def test_a_dubbed_or_other_rel_webm_is_no_source_of_the_pages_video(show: Path, videos: Path, tmp_path: Path) -> None:
    """The page, embed and fragment offered every WebM alternate as a <source> of the episode's <video>, first for an
    HEVC episode: a German dub (``lang: de`` on an English show) or a sign-language version (a ``rel:`` of its own),
    which MED036 knows as other content, was what the English page played in any browser that decodes VP9. Now only
    a WebM of the same content is a <source>; the others stay in the feed as alternates."""
    folder = _video_episode(show, "070-webm", videos / "hvc1.mp4", "alternate_enclosures:\n"
                            "  - {file: de.webm, title: Deutsch, lang: de}\n"
                            "  - {file: signed.webm, title: Signed, rel: sign-language}\n"
                            "  - {file: vp9.webm, title: WebM, lang: en-US}\n")
    for name in ("de.webm", "signed.webm", "vp9.webm"):
        (folder / name).write_bytes((videos / "vp9.webm").read_bytes())
    site = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", "--show", str(show), "--output", str(site), "-q"])
    assert result.exit_code == 0, result.output
    for page in ("index.html", "embed/index.html", "player.html"):
        sources = re.findall(r'<source src="[^"]*/070-webm/([^"/]+)"', (site / "episodes/070-webm" / page).read_text())
        assert sources == ["vp9.webm", "hvc1.mp4"], (page, sources)
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert all(f"/070-webm/{name}" in feed for name in ("de.webm", "signed.webm", "vp9.webm"))


def test_a_file_listed_as_webm_that_is_no_webm_is_an_error(show: Path, videos: Path) -> None:
    folder = _video_episode(show, "070-webm", videos / "landscape.mp4",
                            "alternate_enclosures:\n  - file: renamed.webm\n")
    (folder / "renamed.webm").write_bytes((videos / "small.mp4").read_bytes())
    found = [p for p in _problems(show) if p["episode"] == "070-webm" and p["severity"] == "error"]
    assert [(p["code"], p["field"]) for p in found] == [("MED005", "alternate_enclosures")]
    assert "its type says WebM, but its content looks like" in found[0]["message"]


def test_a_webm_main_file_is_refused_with_the_conversion_it_needs(show: Path, videos: Path) -> None:
    """A WebM cannot be the enclosure (Apple takes MOV, MP4 and M4V): the refusal listed the supported formats only;
    now it gives the ffmpeg line that makes the MP4, and says the WebM may stay as an alternate."""
    result = CliRunner().invoke(main, ["add", str(videos / "vp9.webm"), "--show", str(show), "--format", "json"])
    assert result.exit_code == 1
    [found] = json.loads(result.output)["problems"]
    assert found["code"] == "MED003" and "Matroska/WebM" in found["message"]
    assert "ffmpeg -i in.webm -c:v libx264 -pix_fmt yuv420p -c:a aac -movflags +faststart out.mp4" in found["hint"]
    assert "alternate_enclosure" in found["hint"]


def test_a_video_episodes_oembed_says_video(show: Path, videos: Path, tmp_path: Path) -> None:
    """oEmbed 1.0 has a type for playable videos ("video", with the same html, width and height as "rich"): a video
    episode's response said "rich"; an audio episode's still does."""
    _video_episode(show, "070-video", videos / "landscape.mp4")
    site = tmp_path / "site"
    assert CliRunner().invoke(main, ["build", "--show", str(show), "--output", str(site), "-q"]).exit_code == 0
    video = json.loads((site / "episodes/070-video/oembed.json").read_bytes())
    assert video["type"] == "video" and "<iframe" in video["html"] and (video["width"], video["height"]) == (600, 400)
    audio_only = [json.loads(p.read_bytes())["type"] for p in site.glob("episodes/0[0-5]*/oembed.json")]
    assert audio_only and set(audio_only) == {"rich"}


# -- the episode page in a browser ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium("--autoplay-policy=no-user-gesture-required") as launched:
        yield launched


@pytest.fixture(scope="module")
def video_pages(tmp_path_factory: pytest.TempPathFactory, videos: Path) -> Iterator[SiteServer]:
    """The sample show with a 16:9 and an upright (9:16) video episode, and a 16:9 one with chapters and a
    transcript (the embed's row of the chapter menu and the transcript link), built and served."""
    def add(root: Path) -> None:
        _video_episode(root, "006-wide", videos / "landscape.mp4", guid="0b5e8f1c-3f43-4c59-9d1e-6a4a2c7d8e01")
        _video_episode(root, "007-upright", videos / "upright.mp4", guid="0b5e8f1c-3f43-4c59-9d1e-6a4a2c7d8e02")
        more = _video_episode(root, "008-chapters", videos / "landscape.mp4", guid="0b5e8f1c-3f43-4c59-9d1e-6a4a2c7d8e03",
                              extra="chapters:\n  - start: 0\n    title: One\n  - start: 1\n    title: Two\n")
        (more / "transcript.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.500\nHello there.\n", encoding="utf-8")
        for slug, enclosure, guid in (("009-hevc-webm", "hvc1.mp4", "04"), ("010-h264-webm", "small.mp4", "05")):
            folder = _video_episode(root, slug, videos / enclosure, guid=f"0b5e8f1c-3f43-4c59-9d1e-6a4a2c7d8e{guid}",
                                    extra="alternate_enclosures:\n  - file: vp9.webm\n    title: WebM\n")
            (folder / "vp9.webm").write_bytes((videos / "vp9.webm").read_bytes())

    with sample_site(tmp_path_factory.mktemp("video-pages"), add) as running:
        yield running


def _box(tab: Any) -> list[float]:
    return tab.eval_on_selector("video", "v => { const r = v.getBoundingClientRect(); return [r.width, r.height, r.bottom] }")


@pytest.mark.parametrize(("slug", "shape"), [("006-wide", 16 / 9), ("007-upright", 9 / 16)])
def test_a_video_pages_player_has_the_pictures_shape_and_keeps_its_controls_in_the_window(
        video_pages: SiteServer, browser: Any, slug: str, shape: float) -> None:
    """The page's <video> took its square poster's shape (760x760 in a 1000 px window) until it played, then jumped:
    a 16:9 video shrank to 760x428, an upright one grew to 760x1349, its controls (play, fullscreen, captions) 450 px
    below a 900 px window. Now the box has the picture's shape before it plays and keeps it, at most 80% of the
    window high (the upright picture letterboxed in it), and the video plays."""
    tab = browser.new_page(viewport={"width": 1000, "height": 900})
    tab.goto(video_pages.url + f"episodes/{slug}/")
    tab.wait_for_function("() => document.querySelector('video').readyState >= 1")
    width, height, _ = before = _box(tab)
    if shape > 1:
        assert abs(width / height - shape) < 0.02, before
    else:
        assert height <= 0.8 * 900 + 1 and width / height < 16 / 9 - 0.1, before  # the picture letterboxed in it
    tab.evaluate("() => { const v = document.querySelector('video'); v.muted = true; return v.play() }")
    tab.wait_for_function("() => document.querySelector('video').currentTime > 0.3")
    tab.evaluate("() => document.querySelector('video').pause()")
    after = _box(tab)
    assert [round(x) for x in after[:2]] == [round(x) for x in before[:2]], (before, after)
    assert tab.evaluate("() => [document.querySelector('video').videoWidth, document.querySelector('video').videoHeight]") \
        == ([320, 180] if shape > 1 else [180, 320])
    tab.close()


def test_a_video_embeds_size_is_the_pictures_in_oembed_the_embed_code_and_the_cards(video_pages: SiteServer) -> None:
    """Every embed was 600x180: a 16:9 video showed 183x103 px under its title. A video's oEmbed width and height
    (integers), the iframe's height in the embed code (its ``html`` and the page's copy box), ``twitter:player``'s
    size are now the picture's at the frame's 574 px column plus the title's 77 px; an upright video's picture is
    at most 480 px high. ``og:video`` gets the file's own picture size. Audio episodes keep 600x180."""
    from lxml import html as lxml_html

    for slug, size in (("006-wide", (600, 77 + 323)), ("007-upright", (600, 77 + 480)), ("008-chapters", (600, 77 + 32 + 323)),
                       ("001-ipv-and-substance-use", (600, 180))):
        folder = video_pages.root / f"episodes/{slug}"
        oembed = json.loads((folder / "oembed.json").read_bytes())
        assert (oembed["width"], oembed["height"]) == size and all(type(oembed[k]) is int for k in ("width", "height"))
        assert f'height="{size[1]}"' in oembed["html"] and f"max-width:{size[0]}px" in oembed["html"]
        page = lxml_html.fromstring((folder / "index.html").read_bytes())
        meta = {m.get("name") or m.get("property"): m.get("content") for m in page.iter("meta")}
        assert (meta["twitter:player:width"], meta["twitter:player:height"]) == tuple(map(str, size))
        assert page.get_element_by_id("embed-code").text == oembed["html"]
        video = {"006-wide": ("320", "180"), "007-upright": ("180", "320"), "008-chapters": ("320", "180")}.get(slug)
        assert (meta.get("og:video:width"), meta.get("og:video:height")) == (video or (None, None))


@pytest.mark.parametrize(("slug", "picture"), [("006-wide", (320, 180)), ("007-upright", (180, 320)),
                                                ("008-chapters", (320, 180))])
def test_a_video_embed_in_its_oembed_sized_iframe_shows_the_whole_picture(
        video_pages: SiteServer, browser: Any, slug: str, picture: tuple[int, int]) -> None:
    """A blog's page holding the oEmbed html: in the iframe of the size oEmbed gives, the video's box has the
    picture's shape (within a pixel), lies inside the frame with its controls, and nothing scrolls. Before, in the
    600x180 frame, the box was 440x103 beside the artwork and a 16:9 picture filled 183 px of its width."""
    oembed = json.loads((video_pages.root / f"episodes/{slug}/oembed.json").read_bytes())
    tab = browser.new_page(viewport={"width": 800, "height": 800})
    tab.set_content(f"<!doctype html><body style='margin:0'><div style='width:{oembed['width']}px'>{oembed['html']}</div>")
    frame_box = tab.eval_on_selector("iframe", "f => { const r = f.getBoundingClientRect(); return [r.width, r.height] }")
    assert frame_box == [oembed["width"], oembed["height"]]
    frame = tab.wait_for_selector("iframe").content_frame()
    frame.wait_for_url(f"**/episodes/{slug}/embed/")
    frame.wait_for_function("() => document.querySelector('video').readyState >= 1")
    left, top, width, height = frame.eval_on_selector(
        "video", "v => { const r = v.getBoundingClientRect(); return [r.left, r.top, r.width, r.height] }")
    assert abs(width - height * picture[0] / picture[1]) <= 1.5, (width, height)
    assert width >= 250 and height >= 320, (width, height)  # the picture, not a strip under the title
    assert left >= 0 and top >= 0 and left + width <= oembed["width"] and top + height <= oembed["height"]
    assert frame.evaluate("() => document.querySelector('video').controls")
    if slug == "008-chapters":  # the chapter menu and the transcript link below the video, inside the frame
        row = frame.eval_on_selector(".embed-more", "m => { const r = m.getBoundingClientRect(); return [r.top, r.bottom] }")
        assert top + height <= row[0] and row[1] <= oembed["height"] and frame.is_visible(".embed-chapters"), row
    page = frame.evaluate("() => { const d = document.documentElement; return [d.scrollWidth, d.scrollHeight, d.clientWidth, d.clientHeight] }")
    assert page == [oembed["width"], oembed["height"]] * 2, page  # no scrollbars, nothing past the frame
    tab.close()


def test_a_video_embed_still_fills_its_frame(video_pages: SiteServer, browser: Any) -> None:
    """In a frame smaller than its own (a blog that keeps 180 px), the video still fits what the title leaves."""
    tab = browser.new_page(viewport={"width": 600, "height": 180})
    tab.goto(video_pages.url + "episodes/007-upright/embed/")
    tab.wait_for_function("() => document.querySelector('video').readyState >= 1")
    assert _box(tab)[2] <= 180
    tab.close()


def test_a_picture_track_whose_stsd_has_no_entry_has_no_codec(show: Path, videos: Path) -> None:
    """An 'stsd' with no sample entry: the probe read the four bytes after the box (the next box's name) as the picture
    codec, so check warned "the video's picture is 'free', which Apple's apps may not play" (MED034). Now the codec
    is not known ("") and not judged, as for any entry the probe cannot read."""
    data = bytearray((videos / "landscape.mp4").read_bytes())
    at = data.index(b"stsd") - 4  # the picture track's (ffmpeg writes it first)
    assert data[at + 20:at + 24] == b"avc1"
    size = int.from_bytes(data[at:at + 4], "big")
    data[at:at + 16] = b"\0\0\0\x10stsd" + bytes(8)  # 16 bytes: version, flags, no entry
    data[at + 16:at + 24] = (size - 16).to_bytes(4, "big") + b"free"  # what held the entry: free space
    empty = videos.parent / "empty-stsd.mp4"
    empty.write_bytes(bytes(data))
    media = audio.probe(empty, "empty-stsd.mp4")
    assert (media.video, media.width, media.height, media.picture_codec) == (True, 320, 180, "")
    _video_episode(show, "070-empty", empty)
    assert [p for p in _problems(show) if p["code"] in ("MED034", "MED035")] == []


def test_a_track_header_cut_short_gives_no_picture_size(videos: Path) -> None:
    """A 'tkhd' 8 bytes short of its width and height: the probe read them from the next box (a 'free' box's header),
    so the video was 26226 pixels tall (podcast:alternateEnclosure@height). Now the size is not known (0)."""
    data = bytearray((videos / "landscape.mp4").read_bytes())
    at = data.index(b"tkhd") - 4
    size = int.from_bytes(data[at:at + 4], "big")
    data[at:at + 4] = (size - 8).to_bytes(4, "big")
    data[at + size - 8:at + size] = b"\0\0\0\x08free"  # where the width and height were
    short = videos.parent / "short-tkhd.mp4"
    short.write_bytes(bytes(data))
    media = audio.probe(short, "short-tkhd.mp4")
    assert (media.video, media.width, media.height, media.picture_codec) == (True, 0, 0, "avc1")


def _playing(tab: Any) -> dict[str, Any]:
    """Play the page's (or frame's) muted <video> until 0.5 s in: what it chose and what it shows."""
    tab.evaluate("() => { const v = document.querySelector('video'); v.muted = true; return v.play() }")
    tab.wait_for_function("() => document.querySelector('video').currentTime > 0.5")
    return tab.evaluate("() => { const v = document.querySelector('video'); v.pause(); return {src: v.currentSrc, "
                        "width: v.videoWidth, height: v.videoHeight, time: v.currentTime} }")


def test_an_hevc_episode_with_a_webm_alternate_plays_the_webm_in_a_browser_without_hevc(
        video_pages: SiteServer, browser: Any) -> None:
    """Headless Chromium has no HEVC decoder: the page offered the HEVC MP4 alone, and Chromium played its sound under
    a 0x0 picture. Now the WebM alternate is a <source> too, first for an HEVC episode (typed with its codecs), and
    the browser plays its pictures; the HTML fragment offers the same."""
    tab = browser.new_page(viewport={"width": 1000, "height": 900})
    tab.goto(video_pages.url + "episodes/009-hevc-webm/")
    sources = tab.eval_on_selector_all("video source", "s => s.map(e => [e.getAttribute('src'), e.type])")
    assert [(src.rsplit("/", 1)[1], kind) for src, kind in sources] == [("vp9.webm", 'video/webm; codecs="vp9,opus"'),
                                                                        ("hvc1.mp4", "video/mp4")]
    played = _playing(tab)
    assert played["src"].endswith("/episodes/009-hevc-webm/vp9.webm") and (played["width"], played["height"]) == (160, 90)
    tab.close()
    fragment = (video_pages.root / "episodes/009-hevc-webm/player.html").read_text(encoding="utf-8")
    assert '<source src="' in fragment and 'vp9.webm" type="video/webm; codecs=&#34;vp9,opus&#34;">' in fragment


def test_an_h264_episode_offers_its_mp4_first_and_its_webm_second(video_pages: SiteServer, browser: Any) -> None:
    """H.264 plays in every browser: its MP4 stays the first choice (the file Apple and the feed have), the WebM the
    one after it; the embed's <video> gets both too. An episode without a WebM keeps a plain ``src``."""
    for address in ("episodes/010-h264-webm/", "episodes/010-h264-webm/embed/"):
        tab = browser.new_page(viewport={"width": 1000, "height": 900})
        tab.goto(video_pages.url + address)
        kinds = tab.eval_on_selector_all("video source", "s => s.map(e => e.type)")
        assert kinds == ["video/mp4", 'video/webm; codecs="vp9,opus"'], address
        played = _playing(tab)
        assert played["src"].endswith("/small.mp4") and played["width"] == 160, (address, played)
        tab.close()
    page = (video_pages.root / "episodes/006-wide/index.html").read_text(encoding="utf-8")
    assert "<source" not in page and 'src="' in page.split("<video", 1)[1].split(">", 1)[0]


@pytest.mark.parametrize("column", [300, 600, 900])
@pytest.mark.parametrize(("slug", "picture", "fixed"), [("006-wide", (320, 180), 77), ("007-upright", (180, 320), 77),
                                                        ("008-chapters", (320, 180), 77 + 32)])
def test_a_video_embed_code_keeps_the_pictures_shape_in_any_column(
        video_pages: SiteServer, browser: Any, slug: str, picture: tuple[int, int], fixed: int, column: int) -> None:
    """The embed code's frame had a fixed height (400 px for 16:9): in a 300 px column a 16:9 picture was letterboxed
    in a 274 x 323 box. Now the frame's height follows the column (the title's fixed pixels plus the picture at the
    column's width), up to oEmbed's 600 x 400 (which stay the size at 600 px): the video's box has the picture's
    shape within 2 px, as wide as the card's column (an upright one as high as at 600 px, scaled), nothing scrolls."""
    oembed = json.loads((video_pages.root / f"episodes/{slug}/oembed.json").read_bytes())
    tab = browser.new_page(viewport={"width": 1000, "height": 900})
    tab.set_content(f"<!doctype html><body style='margin:0'><div style='width:{column}px'>{oembed['html']}</div>")
    frame_width, frame_height = tab.eval_on_selector(
        "iframe", "f => { const r = f.getBoundingClientRect(); return [r.width, r.height] }")
    width = min(column, oembed["width"])
    at_600 = oembed["height"] - fixed  # the picture's height at 600 px
    assert frame_width == width and abs(frame_height - (fixed + at_600 * (width - 26) / 574)) <= 1, (frame_width, frame_height)
    if column >= 600:
        assert (frame_width, frame_height) == (oembed["width"], oembed["height"])
    frame = tab.wait_for_selector("iframe").content_frame()
    frame.wait_for_url(f"**/episodes/{slug}/embed/")
    frame.wait_for_function("() => document.querySelector('video').readyState >= 1")
    left, top, box_width, box_height = frame.eval_on_selector(
        "video", "v => { const r = v.getBoundingClientRect(); return [r.left, r.top, r.width, r.height] }")
    column_width = frame.eval_on_selector(".embed-body", "b => b.getBoundingClientRect().width")
    print(f"{slug} in {column}px: frame {frame_width}x{frame_height}, video {box_width}x{box_height}, column {column_width}")
    assert abs(box_width - box_height * picture[0] / picture[1]) <= 2, (box_width, box_height)
    if picture[0] > picture[1]:
        assert abs(box_width - column_width) <= 2, (box_width, column_width)  # the whole column: not letterboxed
    else:  # as high as at 600 px, scaled (a narrow frame's smaller title leaves it a few pixels more)
        assert -1 <= box_height - at_600 * (width - 26) / 574 <= 6, box_height
    assert left >= 0 and top >= 0 and left + box_width <= frame_width and top + box_height <= frame_height
    page = frame.evaluate("() => { const d = document.documentElement; return [d.scrollWidth, d.scrollHeight, d.clientWidth, d.clientHeight] }")
    assert page[:2] == page[2:], page  # no scrollbars
    tab.close()


def test_a_video_embed_code_in_a_browser_without_css_min_keeps_a_visible_frame(video_pages: SiteServer,
                                                                               browser: Any) -> None:
    """The frame's box had one padding, ``min(calc(...), 400px)``: a browser without CSS min() (Safari before 11.1,
    Chrome before 79), or a filter that drops a value it does not know, dropped it, and the iframe (absolute, 100% of
    a box with no height) was 0 px high. Here the min() is made a function no browser knows: the frame is oEmbed's
    height, as before the embed code followed the column; with min() it still follows it."""
    oembed = json.loads((video_pages.root / "episodes/006-wide/oembed.json").read_bytes())
    assert "min(calc(" in oembed["html"]
    tab = browser.new_page(viewport={"width": 1000, "height": 900})
    for code, want in ((oembed["html"].replace("min(calc(", "nomin(calc("), oembed["height"]),
                       (oembed["html"], oembed["height"])):
        tab.set_content(f"<!doctype html><body style='margin:0'><div style='width:900px'>{code}</div>")
        height = tab.eval_on_selector("iframe", "f => f.getBoundingClientRect().height")
        assert height == want, (height, code)
    tab.close()


def test_an_audio_embed_code_is_one_iframe_of_600_by_180(video_pages: SiteServer) -> None:
    """Audio episodes' embed code (oEmbed html, the page's copy box): one iframe, 600 x 180 at most, its size also in
    an !important style (session 26: a blog's iframe rules beat the attributes; test_browser's blog rules)."""
    oembed = json.loads((video_pages.root / "episodes/001-ipv-and-substance-use/oembed.json").read_bytes())
    box = ("border:0!important;padding:0!important;width:100%!important;max-width:600px!important;height:180px!important;"
           "min-height:0!important;max-height:none!important")
    assert oembed["html"] == (
        f'<iframe src="{oembed["provider_url"]}episodes/001-ipv-and-substance-use/embed/" title="{oembed["title"]} – '
        f'{oembed["provider_name"]}" width="100%" height="180" frameborder="0" style="{box}" '
        'loading="lazy" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>')
