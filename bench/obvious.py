"""The obvious pipeline: what a competent Python developer would write in an afternoon.

Issue #9 asks mediafeed's cold build to be much faster than this. For each episode
folder of a synthetic show (bench/synth.py): python-frontmatter reads episode.md,
Python-Markdown renders the notes, ``mutagen.File`` gives the duration, the audio is
copied next to the page; Jinja2 renders one page per episode and an index
paginated 20 per page; feedgen (with its podcast extension) writes an iTunes RSS
feed with enclosures. No cache, no checks, one process: it always does everything
(it has no incremental mode).

Usage::

    pip install -e '.[bench]'
    python bench/obvious.py /tmp/mediafeed-bench/n1000/show /tmp/mediafeed-bench/n1000/obvious
"""

from __future__ import annotations

import argparse
import os
import shutil
from datetime import datetime
from pathlib import Path

import frontmatter
import jinja2
import markdown
import mutagen
import yaml
from feedgen.feed import FeedGenerator

PER_PAGE = 20

EPISODE = """\
<!doctype html>
<html lang="{{ show.language }}"><head><meta charset="utf-8"><title>{{ episode.title }} – {{ show.title }}</title>
<link rel="canonical" href="{{ episode.url }}">
<meta property="og:audio" content="{{ episode.audio_url }}">
</head><body><main><article>
<h1>{{ episode.title }}</h1>
<p><time datetime="{{ episode.date.isoformat() }}">{{ episode.date.strftime("%-d %B %Y") }}</time></p>
<audio controls preload="metadata" src="{{ episode.audio_url }}"></audio>
<section class="notes">{{ episode.html | safe }}</section>
</article></main></body></html>
"""

INDEX = """\
<!doctype html>
<html lang="{{ show.language }}"><head><meta charset="utf-8"><title>{{ show.title }}</title>
<link rel="alternate" type="application/rss+xml" href="{{ show.url }}feed.xml"></head><body><main>
<h1>{{ show.title }}</h1>
<ol>
{% for episode in episodes %}
<li><h3><a href="{{ episode.path }}">{{ episode.title }}</a></h3>
<p><time>{{ episode.date.strftime("%-d %B %Y") }}</time></p><p>{{ episode.summary | truncate(240) }}</p></li>
{% endfor %}
</ol>
<nav>{% if page > 1 %}<a href="{{ 'index.html' if page == 2 else 'page/%d/index.html' % (page - 1) }}">Newer</a>{% endif %}
{% if page < pages %}<a href="page/{{ page + 1 }}/index.html">Older</a>{% endif %}</nav>
</main></body></html>
"""


def build(show_dir: Path, out: Path) -> int:
    show = yaml.safe_load((show_dir / "show.yml").read_text(encoding="utf-8"))
    base = show["url"]
    env = jinja2.Environment(loader=jinja2.DictLoader({"episode.html": EPISODE, "index.html": INDEX}), autoescape=True)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copyfile(show_dir / show["artwork"], out / show["artwork"])

    episodes = []
    for folder in sorted((show_dir / "episodes").iterdir()):
        post = frontmatter.load(folder / "episode.md")
        audio = folder / post["audio"]
        path = f"episodes/{folder.name}/"
        html = markdown.markdown(post.content)
        episode = {
            "title": post["title"],
            "date": datetime.fromisoformat(str(post["date"])),
            "guid": post["guid"],
            "html": html,
            "summary": post.content.split("\n\n", 1)[0],
            "path": path,
            "url": base + path,
            "audio_url": base + path + audio.name,
            "length": audio.stat().st_size,
            "duration": mutagen.File(audio).info.length,
        }
        episodes.append(episode)
        (out / path).mkdir(parents=True)
        shutil.copyfile(audio, out / path / audio.name)
        (out / path / "index.html").write_text(env.get_template("episode.html").render(show=show, episode=episode),
                                                encoding="utf-8")

    episodes.sort(key=lambda e: e["date"], reverse=True)
    pages = max(1, -(-len(episodes) // PER_PAGE))
    for page in range(1, pages + 1):
        folder = out if page == 1 else out / "page" / str(page)
        folder.mkdir(parents=True, exist_ok=True)
        chunk = episodes[(page - 1) * PER_PAGE:page * PER_PAGE]
        (folder / "index.html").write_text(env.get_template("index.html").render(
            show=show, episodes=chunk, page=page, pages=pages), encoding="utf-8")

    feed = FeedGenerator()
    feed.load_extension("podcast")
    feed.title(show["title"])
    feed.link(href=base, rel="alternate")
    feed.description(show["description"])
    feed.language(show["language"])
    feed.podcast.itunes_author(show["author"])
    feed.podcast.itunes_image(base + show["artwork"])
    feed.podcast.itunes_category(show["category"], show.get("subcategory"))
    feed.podcast.itunes_explicit("no")
    for episode in reversed(episodes):  # feedgen puts the last added entry first
        entry = feed.add_entry()
        entry.id(episode["guid"])
        entry.guid(episode["guid"], permalink=False)
        entry.title(episode["title"])
        entry.link(href=episode["url"])
        entry.published(episode["date"])
        entry.description(episode["summary"])
        entry.content(episode["html"], type="CDATA")
        entry.enclosure(episode["audio_url"], str(episode["length"]), "audio/mpeg")
        entry.podcast.itunes_duration(round(episode["duration"]))
    feed.rss_file(os.fspath(out / "feed.xml"), pretty=True)
    return len(episodes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("show", type=Path, help="the show folder (show.yml, episodes/)")
    parser.add_argument("out", type=Path, help="output folder (emptied first)")
    args = parser.parse_args()
    print(f"{build(args.show, args.out)} episodes")


if __name__ == "__main__":
    main()
