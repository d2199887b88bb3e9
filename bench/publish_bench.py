"""Publish timings: a show with N episodes to moto's S3 server and to a directory (not a test; prints figures).

    PYTHONPATH=. python bench/publish_bench.py [EPISODES] [MEDIA_MB]

Measures: first publish (everything), second publish (nothing changed), one
episode changed, and SHA-256 hashing of the site with and without the hash cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from helpers import copy_show  # noqa: E402


def main() -> None:
    episodes = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    media_mb = float(sys.argv[2]) if len(sys.argv) > 2 else 2.0
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench", AWS_EC2_METADATA_DISABLED="true")
    import boto3
    from moto.server import ThreadedMotoServer

    from mediafeed.build import build
    from mediafeed.publish import publish
    from mediafeed.publish.plan import scan

    work = Path(tempfile.mkdtemp(prefix="mediafeed-bench-"))
    show = copy_show(work / "show")
    template = show / "episodes/003-capabilities-framework"
    seconds = max(1, int(media_mb * 1_000_000 / 4000))  # 32 kbit/s
    tone = work / "tone.mp3"
    subprocess.run(["ffmpeg", "-y", "-loglevel", "error", "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
                    "-ac", "1", "-ar", "22050", "-c:a", "libmp3lame", "-b:a", "32k", str(tone)], check=True)
    front = (template / "episode.md").read_text()
    for n in range(episodes):
        folder = show / "episodes" / f"1{n:03d}-bench"
        folder.mkdir()
        shutil.copy(tone, folder / "bench.mp3")
        text = front.replace("capabilities-framework.mp3", "bench.mp3")
        text = "\n".join(f"guid: 00000000-0000-4000-8000-{n:012d}" if line.startswith("guid:") else line
                         for line in text.splitlines()) + "\n"
        (folder / "episode.md").write_text(text)
    server = ThreadedMotoServer("127.0.0.1", 0, verbose=False)
    server.start()
    url = f"http://127.0.0.1:{server.get_host_and_port()[1]}"
    boto3.client("s3", endpoint_url=url, region_name="us-east-1").create_bucket(Bucket="bench")
    (work / "www").mkdir()
    with open(show / "show.yml", "a") as handle:
        handle.write(f"\npublish:\n  target: cdn\n  targets:\n    cdn:\n      type: s3\n      bucket: bench\n"
                     f"      endpoint_url: {url}\n      region: us-east-1\n      addressing: path\n"
                     f"    web:\n      type: directory\n      path: {work / 'www'}\n")
    build(show)
    site = show / "public"
    total = sum(f.size for f in scan(site).values())
    print(f"site: {len(scan(site))} files, {total / 1e6:.1f} MB ({episodes + 6} episodes)")
    started = time.perf_counter()
    scan(site)
    cold = time.perf_counter() - started
    cache = show / ".mediafeed/bench-hashes.json"
    scan(site, cache)
    started = time.perf_counter()
    scan(site, cache)
    print(f"hashing the site: {cold:.3f} s cold, {time.perf_counter() - started:.3f} s with the hash cache")
    for target in ("cdn", "web"):
        for label in ("first publish", "nothing changed"):
            started = time.perf_counter()
            report = publish(show, target, notify=False)
            print(f"{target}: {label}: {len(report.uploads)} uploads, {report.bytes / 1e6:.1f} MB, "
                  f"{time.perf_counter() - started:.2f} s (build included)")
        episode = show / "episodes/1000-bench/episode.md"
        episode.write_text(episode.read_text().replace("title: ", f"title: {target} ", 1))
        started = time.perf_counter()
        report = publish(show, target, notify=False)
        print(f"{target}: one episode changed: {len(report.uploads)} uploads, last {report.uploads[-1].rel}, "
              f"{time.perf_counter() - started:.2f} s")
    server.stop()
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
