"""mediafeed against Hugo on the same synthetic show: cold, no-change, one-edit and one-new-audio builds.

Usage (from the repository root, Hugo installed: ``apt-get install hugo``)::

    PYTHONPATH=$PWD python bench/bench.py                 # N = 100 and 1000, 5 rounds
    PYTHONPATH=$PWD python bench/bench.py -n 10000 --rounds 3
    PYTHONPATH=$PWD python bench/bench.py --work /tmp/mf-bench -n 100 1000 10000

Old outputs are moved aside (renamed into ``<work>/trash/``) before a cold build
and deleted only after the last round, for every tool alike: on ext4 without a
journal (this kind of VM), an inode freed in the last seconds (minutes, while its
inode table block is dirty) is skipped when a new file is made, one look per freed
inode (``recently_deleted`` in the kernel's ``find_inode_bit``), so a build started
right after ``rm -rf`` of the last one pays for every file it creates, the more the
more files it makes (Hugo's one page per episode less than mediafeed's four).

Every build runs as its own process (``python -m mediafeed build`` and ``hugo``),
timed by wall clock, with its peak memory from ``os.wait4``, after an untimed
``sync`` (hyperfine's ``--prepare sync``): otherwise a build pays for writing out
what the build before it left in the page cache, as often the other tool's (a cold
mediafeed build leaves ~200 MB, and a one-edit build that follows a Hugo build runs
0.05–0.15 s slower while the kernel writes Hugo's pages out; its own fsync of the
feeds waits behind them). Each round changes
which tool goes first, so that all see the same machine load; the table shows
medians. Ratios are mediafeed's time over Hugo's (below 1.0: mediafeed is faster).

A third contender, the obvious pipeline (``bench/obvious.py``: python-frontmatter,
Python-Markdown, mutagen, Jinja2, feedgen; ``pip install -e '.[bench]'``), runs in
the same rounds, cold only: it has no cache and no incremental mode, so every
build of it is a cold build. A second table gives its time against both.

* cold: empty cache, empty output folder (Hugo: empty public/ and resources/);
* no change: the same build again;
* one edit: one episode's notes changed;
* new audio: one new episode with a new audio file (mediafeed must probe only it).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth  # noqa: E402


class Runner:
    """Builds with ``Popen`` + ``wait4`` so each build's own peak memory is known."""

    def __init__(self) -> None:
        self.peaks: dict[str, list[int]] = {}

    def time(self, label: str, cmd: list[str], cwd: Path | None = None) -> tuple[float, str]:
        with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:  # a pipe could fill up
            os.sync()  # the last build's dirty pages go to disk first, untimed: no build pays for another's writeback
            started = time.perf_counter()
            proc = subprocess.Popen(cmd, cwd=cwd, stdout=stdout, stderr=stderr)
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - started
            proc.returncode = os.waitstatus_to_exitcode(status)
            stdout.seek(0)
            stderr.seek(0)
            out, err = stdout.read().decode(), stderr.read().decode()
        if os.waitstatus_to_exitcode(status):
            raise SystemExit(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
        self.peaks.setdefault(label, []).append(usage.ru_maxrss // 1024)
        return elapsed, out


def mediafeed_build(runner: Runner, label: str, show: Path) -> tuple[float, dict[str, object]]:
    seconds, out = runner.time(label, [sys.executable, "-m", "mediafeed", "build", "--show", str(show),
                                       "--format", "json"])
    return seconds, json.loads(out)


def hugo_build(runner: Runner, label: str, site: Path) -> float:
    seconds, _ = runner.time(label, ["hugo", "--quiet", "--source", str(site), "--destination", str(site / "public")])
    return seconds


def obvious_build(runner: Runner, label: str, show: Path, out: Path) -> float:
    seconds, _ = runner.time(label, [sys.executable, str(Path(__file__).resolve().parent / "obvious.py"), str(show), str(out)])
    return seconds


def edit_notes(show: Path, hugo: Path, round_no: int) -> None:
    first = sorted((show / "episodes").iterdir())[len(list((show / "episodes").iterdir())) // 2]
    for path in (first / "episode.md", hugo / "content" / "episodes" / first.name / "index.md"):
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"\nAn added sentence, round {round_no}.\n")


def add_audio(show: Path, hugo: Path, round_no: int) -> None:
    """A new newest episode with its own audio file, in both sites."""
    source = sorted((show / "episodes").iterdir())[0]
    slug = f"99999-new-{round_no}"
    for folder, name in ((show / "episodes" / slug, "episode.md"), (hugo / "content" / "episodes" / slug, "index.md")):
        folder.mkdir(parents=True)
        audio = (source / "audio.mp3").read_bytes()
        (folder / "audio.mp3").write_bytes(synth.id3(f"new {round_no}", 100 + round_no) + synth.strip_id3(audio))
        text = (source / "episode.md").read_text(encoding="utf-8") if name == "episode.md" else \
            (hugo / "content" / "episodes" / source.name / "index.md").read_text(encoding="utf-8")
        text = text.replace("urn:uuid:00000000-0000-4000-8000-", f"urn:uuid:00000000-0000-4000-9{round_no:03d}-", 1)
        text = re.sub(r'date: "[0-9-]+T', 'date: "2026-03-01T', text, count=1).replace(", part 1\"", f", new part {round_no}\"", 1)
        (folder / name).write_text(text, encoding="utf-8")


def remove_added(show: Path, hugo: Path) -> None:
    for base in (show / "episodes", hugo / "content" / "episodes"):
        for folder in base.glob("99999-new-*"):
            shutil.rmtree(folder)


def set_aside(path: Path, trash: Path) -> None:
    """Move ``path`` out of the way (a rename frees no inode; see the module docstring); deleted at the end."""
    if path.exists() or path.is_symlink():
        trash.mkdir(parents=True, exist_ok=True)
        path.rename(Path(tempfile.mkdtemp(dir=trash)) / path.name)


def bench(n: int, work: Path, rounds: int, minutes: float = 0) -> dict[str, object]:
    print(f"\n# N = {n}: generating…", file=sys.stderr, flush=True)
    trash = work / "trash"
    set_aside(work / f"n{n}", trash)
    # generated in a child process: a build's peak memory (wait4's ru_maxrss) starts from this process's size at the
    # fork, and generating real-size audio grows it (10-minute tones: every figure of the table read 84 MB)
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    with ProcessPoolExecutor(1, mp_context=get_context("fork")) as child:
        show, hugo = child.submit(synth.generate, work / f"n{n}", n, minutes=minutes).result()
    runner = Runner()
    times: dict[str, list[float]] = {}
    probed: list[int] = []
    tools = ("mediafeed", "hugo", "obvious")
    for round_no in range(rounds):
        remove_added(show, hugo)
        for tool in tools[round_no % 3:] + tools[:round_no % 3]:  # each goes first in turn
            if tool == "obvious":
                set_aside(show.parent / "obvious", trash)  # else obvious.py deletes it, timed
                times.setdefault("obvious cold", []).append(obvious_build(runner, "obvious cold", show, show.parent / "obvious"))
            elif tool == "mediafeed":
                for name in (".mediafeed", "public", "published.json"):
                    set_aside(show / name, trash)
                seconds, _ = mediafeed_build(runner, "mf cold", show)
                times.setdefault("mf cold", []).append(seconds)
                times.setdefault("mf no change", []).append(mediafeed_build(runner, "mf no change", show)[0])
            else:
                for name in ("public", "resources"):
                    set_aside(hugo / name, trash)
                times.setdefault("hugo cold", []).append(hugo_build(runner, "hugo cold", hugo))
                times.setdefault("hugo no change", []).append(hugo_build(runner, "hugo no change", hugo))
        edit_notes(show, hugo, round_no)
        times.setdefault("mf one edit", []).append(mediafeed_build(runner, "mf one edit", show)[0])
        times.setdefault("hugo one edit", []).append(hugo_build(runner, "hugo one edit", hugo))
        add_audio(show, hugo, round_no)
        seconds, report = mediafeed_build(runner, "mf new audio", show)
        times.setdefault("mf new audio", []).append(seconds)
        probed.append(int(report["probed"]))  # type: ignore[call-overload]
        times.setdefault("hugo new audio", []).append(hugo_build(runner, "hugo new audio", hugo))
        print(f"  round {round_no + 1}/{rounds} done", file=sys.stderr, flush=True)
    remove_added(show, hugo)
    median = {k: statistics.median(v) for k, v in times.items()}
    peaks = {k: max(v) for k, v in runner.peaks.items()}
    return {"n": n, "median": median, "peak_mb": peaks, "probed_on_new_audio": probed}


def table(results: list[dict[str, object]]) -> str:
    lines = ["| N | case | mediafeed s | Hugo s | ratio | mediafeed ms/episode | peak MB (mf / Hugo) |",
             "|---:|---|---:|---:|---:|---:|---:|"]
    for result in results:
        n = int(result["n"])  # type: ignore[call-overload]
        median: dict[str, float] = result["median"]  # type: ignore[assignment]
        peaks: dict[str, int] = result["peak_mb"]  # type: ignore[assignment]
        for case in ("cold", "no change", "one edit", "new audio"):
            mf, hu = median[f"mf {case}"], median[f"hugo {case}"]
            lines.append(f"| {n:,} | {case} | {mf:.2f} | {hu:.2f} | {mf / hu:.2f} | {1000 * mf / n:.2f} | "
                         f"{peaks[f'mf {case}']} / {peaks[f'hugo {case}']} |")
    return "\n".join(lines)


def obvious_table(results: list[dict[str, object]]) -> str:
    lines = ["| N | obvious cold s | mediafeed / obvious | obvious / Hugo | peak MB (obvious) |",
             "|---:|---:|---:|---:|---:|"]
    for result in results:
        n = int(result["n"])  # type: ignore[call-overload]
        median: dict[str, float] = result["median"]  # type: ignore[assignment]
        peaks: dict[str, int] = result["peak_mb"]  # type: ignore[assignment]
        ob = median["obvious cold"]
        lines.append(f"| {n:,} | {ob:.2f} | {median['mf cold'] / ob:.2f} | {ob / median['hugo cold']:.2f} | "
                     f"{peaks['obvious cold']} |")
    return "\n".join(lines)


def compile_installed() -> None:
    """Byte-compile mediafeed and bench/obvious.py, as ``pip install`` does for an installed package, so that no
    contender pays for Python compiling its source on every run (an editable checkout run with
    ``PYTHONDONTWRITEBYTECODE=1`` would; the libraries in site-packages are compiled already)."""
    import compileall

    import mediafeed

    for folder in (Path(mediafeed.__file__).parent, Path(__file__).parent):
        compileall.compile_dir(folder, quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, nargs="+", default=[100, 1000], help="show sizes (default: 100 1000)")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per size; medians are reported (default: 5)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/mediafeed-bench"), help="scratch folder")
    parser.add_argument("--json", type=Path, help="also write the raw results here")
    parser.add_argument("--minutes", type=float, default=0,
                        help="episodes of this many minutes of 128 kbit/s audio (0.96 MB a minute) instead of "
                             "2-5 s tones: builds that copy real-size media (needs about 3 x rounds x N x minutes MB "
                             "free in --work: every tool's output is kept until the end)")
    args = parser.parse_args()
    if not shutil.which("hugo"):
        raise SystemExit("hugo is not installed (Debian: apt-get install hugo)")
    try:
        import frontmatter  # noqa: F401
        import markdown  # noqa: F401
    except ImportError:
        raise SystemExit("the obvious pipeline needs python-frontmatter and markdown: pip install -e '.[bench]'") from None
    compile_installed()
    try:
        results = [bench(n, args.work, args.rounds, args.minutes) for n in args.n]
    finally:
        shutil.rmtree(args.work / "trash", ignore_errors=True)
    audio = f"{args.minutes:g}-minute episodes at 128 kbit/s" if args.minutes else "2-5 s episodes"
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}, {args.rounds} rounds, medians, {audio}")
    print(table(results))
    for result in results:
        print(f"N = {result['n']:,}: probed on one new audio file: {result['probed_on_new_audio']}")
    print("\nThe obvious pipeline (bench/obvious.py), cold builds only (it has no incremental mode):")
    print(obvious_table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
