"""A synthetic show of N episodes, and the same show as a Hugo site, for bench.py.

Every episode gets realistic show notes (~680 words: paragraphs, headings, a
list of links, emphasis) and a real MP3: a few tones made once with ffmpeg,
then copied with a different ID3 tag (title, padding) so every file has its
own bytes and size. The Hugo copy uses the same Markdown, with the size and
duration mutagen would find written into its front matter (Hugo cannot probe
audio); the audio sits in each page bundle so Hugo publishes it too.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import struct
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
WORDS = (
    "research practitioners services evidence programme study outcomes partner violence substance treatment "
    "alcohol support safety police training interview trial review framework risk women men families children "
    "recovery community health policy data analysis findings method sample cohort follow-up measure change "
    "relationship abuse harm prevention response agency referral screening intervention model practice staff "
    "question answer episode listener guest host conversation story context history future approach result "
    "the a of and to in for with on that this is was were are be by as from at which what how why when"
).split()
BASE_SECONDS = (2.0, 3.0, 4.0, 5.0)


def sentence(rng: random.Random, low: int = 8, high: int = 22) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = f"**{words[i]}**" if rng.random() < 0.5 else f"*{words[i]}*"
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def notes(rng: random.Random, target_words: int = 680) -> str:
    parts: list[str] = []
    count = 0
    section = 0
    while count < target_words:
        if count and section < 3 and rng.random() < 0.2:
            section += 1
            parts.append(f"## {sentence(rng, 2, 5)[:-1]}")
        if rng.random() < 0.15:
            items = [f"- [{sentence(rng, 2, 5)[:-1]}](https://example.org/{rng.randrange(10**6)}) {sentence(rng, 4, 9)}"
                     for _ in range(rng.randint(3, 6))]
            parts.append("\n".join(items))
            count += sum(len(i.split()) for i in items)
            continue
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))
        parts.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join(parts) + "\n"


def _syncsafe(n: int) -> bytes:
    return bytes(((n >> 21) & 0x7F, (n >> 14) & 0x7F, (n >> 7) & 0x7F, n & 0x7F))


def id3(title: str, padding: int) -> bytes:
    """An ID3v2.4 tag with a title frame and ``padding`` zero bytes."""
    text = b"\x03" + title.encode("utf-8")
    frame = b"TIT2" + _syncsafe(len(text)) + b"\x00\x00" + text
    body = frame + b"\x00" * padding
    return b"ID3\x04\x00\x00" + _syncsafe(len(body)) + body


def strip_id3(data: bytes) -> bytes:
    if data.startswith(b"ID3"):
        size = struct.unpack(">I", data[6:10])[0]
        size = (size & 0x7F) | ((size >> 8) & 0x7F) << 7 | ((size >> 16) & 0x7F) << 14 | ((size >> 24) & 0x7F) << 21
        return data[10 + size:]
    return data


def base_tones(folder: Path, minutes: float = 0) -> list[tuple[bytes, float]]:
    """A few real MP3 streams (no tag) and their durations, made once with ffmpeg: seconds long at 32 kbit/s by
    default; with ``minutes``, that long at 128 kbit/s (0.96 MB a minute, an episode's real size) with the Info header
    an encoder writes (LAME's and ffmpeg's default; the short tones have none, so the probe walks their frames)."""
    from mutagen.mp3 import MP3

    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for index, seconds in enumerate(BASE_SECONDS):
        if minutes:
            seconds = minutes * 60 + index
        rate = "128k" if minutes else "32k"
        path = folder / (f"long-{seconds:g}s-{index}.mp3" if minutes else f"tone-{index}.mp3")
        if not path.exists():
            subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i",
                            f"sine=frequency={330 + 110 * index}:duration={seconds}", "-ac", "1", "-ar",
                            "44100" if minutes else "22050", "-c:a", "libmp3lame", "-b:a", rate, "-fflags", "+bitexact",
                            "-write_xing", "1" if minutes else "0", "-id3v2_version", "0", str(path)], check=True)
        out.append((strip_id3(path.read_bytes()), MP3(path).info.length))
    return out


def episode_front(index: int, slug: str) -> dict[str, object]:
    date = datetime(1990, 1, 1, 8, tzinfo=UTC) + timedelta(days=index)  # 10,000 episodes end in 2017
    return {
        "title": f"{slug.split('-', 1)[1].replace('-', ' ').title()}, part {index + 1}",
        "date": date.isoformat(),
        "guid": f"urn:uuid:00000000-0000-4000-8000-{index:012d}",
        "episode": index + 1,
    }


def generate(target: Path, n: int, seed: int = 9, minutes: float = 0) -> tuple[Path, Path]:
    """Write ``target/show`` (mediafeed) and ``target/hugo`` (Hugo) with the same ``n`` episodes (``minutes``: of
    audio each, see :func:`base_tones`)."""
    rng = random.Random(seed)
    show, hugo = target / "show", target / "hugo"
    for folder in (show, hugo):
        if folder.exists():
            shutil.rmtree(folder)
    tones = base_tones(target / "tones", minutes)
    (show / "episodes").mkdir(parents=True)
    shutil.copy2(REPO / "show.yml", show / "show.yml")
    shutil.copy2(REPO / "artwork.png", show / "artwork.png")
    write_hugo_skeleton(hugo)
    for index in range(n):
        slug = f"{index:05d}-{rng.choice(WORDS[:60])}-{rng.choice(WORDS[:60])}"
        front = episode_front(index, slug)
        stream, seconds = tones[index % len(tones)]
        audio = id3(str(front["title"]), padding=rng.randrange(0, 2048)) + stream
        body = notes(rng)
        folder = show / "episodes" / slug
        folder.mkdir()
        (folder / "audio.mp3").write_bytes(audio)
        lines = "\n".join(f"{k}: {json.dumps(v)}" for k, v in front.items())
        (folder / "episode.md").write_text(f"---\n{lines}\naudio: audio.mp3\nexplicit: false\n---\n{body}",
                                           encoding="utf-8")
        bundle = hugo / "content" / "episodes" / slug
        bundle.mkdir(parents=True)
        os.link(folder / "audio.mp3", bundle / "audio.mp3")
        (bundle / "index.md").write_text(
            f"---\n{lines}\naudio: audio.mp3\nlength: {len(audio)}\nduration: {round(seconds)}\nexplicit: false\n---\n{body}",
            encoding="utf-8")
    return show, hugo


HUGO_CONFIG = """\
baseURL = "https://podcast.example.org/safe-to-say/"
languageCode = "en-gb"
title = "Safe to Say"
paginate = 20
disableKinds = ["taxonomy", "term", "section"]
[services.rss]
limit = -1
[params]
author = "Safe to Say research team"
description = "Short research explainers on intimate partner violence and substance use."
image = "https://podcast.example.org/safe-to-say/artwork.png"
"""

HUGO_SINGLE = """\
<!doctype html>
<html lang="en-gb"><head><meta charset="utf-8"><title>{{ .Title }} – {{ .Site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
<meta name="description" content="{{ .Summary | plainify | truncate 300 }}">
<meta property="og:audio" content="{{ with .Resources.GetMatch .Params.audio }}{{ .Permalink }}{{ end }}">
</head><body><main><article>
<h1>{{ .Title }}</h1>
<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time></p>
<audio controls preload="metadata" src="{{ with .Resources.GetMatch .Params.audio }}{{ .Permalink }}{{ end }}"></audio>
<section class="notes">{{ .Content }}</section>
</article></main></body></html>
"""

HUGO_INDEX = """\
<!doctype html>
<html lang="en-gb"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title>
<link rel="alternate" type="application/rss+xml" href="{{ "index.xml" | absURL }}"></head><body><main>
<h1>{{ .Site.Title }}</h1>
<ol>
{{ $paginator := .Paginate (where .Site.RegularPages "Section" "episodes") }}
{{ range $paginator.Pages }}
<li><h3><a href="{{ .RelPermalink }}">{{ .Title }}</a></h3>
<p><time>{{ .Date.Format "2 January 2006" }}</time></p><p>{{ .Summary | plainify | truncate 240 }}</p></li>
{{ end }}
</ol>
{{ template "_internal/pagination.html" . }}
</main></body></html>
"""

HUGO_RSS = """\
{{- printf "<?xml version=\\"1.0\\" encoding=\\"UTF-8\\"?>" | safeHTML }}
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>{{ .Site.Title }}</title>
<link>{{ .Permalink }}</link>
<description>{{ .Site.Params.description }}</description>
<language>{{ .Site.LanguageCode }}</language>
<atom:link href="{{ .Permalink }}index.xml" rel="self" type="application/rss+xml"/>
<itunes:author>{{ .Site.Params.author }}</itunes:author>
<itunes:image href="{{ .Site.Params.image }}"/>
<itunes:category text="Science"><itunes:category text="Social Sciences"/></itunes:category>
<itunes:explicit>false</itunes:explicit>
{{- range where .Site.RegularPages "Section" "episodes" }}
<item>
<title>{{ .Title }}</title>
<link>{{ .Permalink }}</link>
<guid isPermaLink="false">{{ .Params.guid }}</guid>
<pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate>
<description>{{ printf "<![CDATA[%s]]>" (.Summary) | safeHTML }}</description>
<content:encoded>{{ printf "<![CDATA[%s]]>" .Content | safeHTML }}</content:encoded>
<enclosure url="{{ with .Resources.GetMatch .Params.audio }}{{ .Permalink }}{{ end }}" length="{{ .Params.length }}" type="audio/mpeg"/>
<itunes:duration>{{ .Params.duration }}</itunes:duration>
<itunes:episode>{{ .Params.episode }}</itunes:episode>
<itunes:explicit>false</itunes:explicit>
</item>
{{- end }}
</channel>
</rss>
"""


def write_hugo_skeleton(hugo: Path) -> None:
    (hugo / "layouts" / "_default").mkdir(parents=True)
    (hugo / "content" / "episodes").mkdir(parents=True)
    (hugo / "config.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    (hugo / "layouts" / "_default" / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (hugo / "layouts" / "index.html").write_text(HUGO_INDEX, encoding="utf-8")
    (hugo / "layouts" / "index.rss.xml").write_text(HUGO_RSS, encoding="utf-8")
    shutil.copy2(REPO / "artwork.png", hugo / "static-artwork.png")
