"""How long probing and tagging take on a long episode (not a test: speed is measured here, not asserted).

    PYTHONPATH=. python bench/bench_audio.py [minutes]

Makes a VBR MP3 without a Xing header (the case that needs a full frame scan), an MP3 with one, and an
M4A, all ``minutes`` long at 44.1 kHz stereo, then times probe, tag and a no-change re-tag of each.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from mutagen.mp3 import MP3

from mediafeed import audio
from mediafeed.audio import Cover, TagChapter, Tags

ROOT = Path(__file__).resolve().parent.parent


def main(minutes: float) -> None:
    seconds = int(minutes * 60)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        wav = folder / "speech.wav"
        subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", f"anoisesrc=d={seconds}:c=pink:a=0.2", "-ac", "2",
                        "-ar", "44100", str(wav)], check=True)
        files = {"vbr-no-xing.mp3": ["lame", "--quiet", "-t", "-V", "5", str(wav)],
                 "vbr-xing.mp3": ["lame", "--quiet", "-V", "5", str(wav)],
                 "aac.m4a": ["ffmpeg", "-v", "error", "-i", str(wav), "-c:a", "aac", "-b:a", "96k"]}
        wanted = Tags(title="Bench", artist="A", album="B", track=1, date="2026-01-01", genre="Podcast", podcast=True,
                      guid="g", feed_url="https://example.org/feed.xml",
                      cover=Cover("image/png", (ROOT / "artwork.png").read_bytes()),
                      chapters=tuple(TagChapter(i * 60000, f"Chapter {i}") for i in range(max(1, seconds // 60))),
                      id3_version="2.3")
        for name, command in files.items():
            path = folder / name
            subprocess.run([*command, str(path)], check=True)
            started = time.perf_counter()
            media = audio.probe(path, name)
            probed = time.perf_counter() - started
            started = time.perf_counter()
            audio.tag(path, wanted, rel=name)
            tagged = time.perf_counter() - started
            started = time.perf_counter()
            audio.tag(path, wanted, rel=name)
            again = time.perf_counter() - started
            guess = f", mutagen alone says {MP3(path).info.length:.1f} s" if name.endswith(".mp3") else ""
            print(f"{name:16} {path.stat().st_size / 1e6:6.1f} MB  duration {media.duration:8.2f} s{guess}; "
                  f"probe {probed * 1000:7.1f} ms, tag {tagged * 1000:7.1f} ms, re-tag (no change) {again * 1000:7.1f} ms")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 20)
