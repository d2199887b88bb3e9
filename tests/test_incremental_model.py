"""Incremental builds under random sequences of a producer's changes (issue #9): a model-based test.

test_incremental.py proves that an incremental build equals a clean one after each kind of change, one at a time.
Producers make many changes between builds and across them: this machine (hypothesis' stateful testing, always the
same sequences: ``derandomize``) applies real changes to a real show (the sample show, its real audio, clips made
with ffmpeg), and after most steps runs ``mediafeed build`` incrementally into one output folder, and
``mediafeed build --clean`` on a copy of the show as it was into a fresh folder, both as subprocesses with
``SOURCE_DATE_EPOCH`` fixed. The two must agree on everything: the exit code, the problems, the site (byte for byte)
and the ``published.json`` each leaves. Between builds it sometimes runs ``mediafeed check`` (which shares the
caches) and, with ``MODEL_KILLS=1``, sometimes SIGKILLs a build part-way through. Where a kill lands depends on the
machine's speed, so those sequences are not the same from one run to the next (one random run of 40 sequences saw a
clean build warn LED005 where the incremental one did not: not the kills but the --accept-changes build before them,
whose stamp a plain build replayed; tests/test_fastpath.py). The suite runs without kills, so it is the same test on
every machine; tests/test_interrupted.py kills builds at chosen points.

The build runs from a copy of the ``mediafeed`` package (and the default theme beside it, as in a checkout), so that
"a new mediafeed version" is a real edit of its ``__version__`` as an upgrade makes, and every cache sees it as it
would (until session 24 the builds imported the checkout's package: ``python -m`` looks in its working folder first).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from helpers import ROOT, copy_show, make_media
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule, run_state_machine_as_test

pytestmark = pytest.mark.slow

#: a fixed build date: both builds' lastBuildDate
EPOCH = "1780000000"

#: front matter fields and values to set them to (a YAML text; None removes the key); some are errors, on purpose
FIELDS: dict[str, list[str | None]] = {
    "title": ["A Changed Title", "'Quoted: with a colon'", "Ünïcode ✓ title", None],
    "date": ["2026-04-01T09:30:00+01:00", "2026-02-01T08:00:00Z", "2027-06-01T08:00:00+00:00", "yesterday"],
    "episode": ["7", "2", "4.5", "-1", None],
    "season": ["1", "2", None],
    "explicit": ["true", "false", "maybe", None],
    "type": ["full", "bonus", "trailer", "special"],
    "summary": ["A new summary for apps.", "'Short.'", None],
    "keywords": ["[one, two]", "[research, ipv]", None],
    "persons": ["[{name: Ada Quill, role: guest}]", "[{name: Dr Maya Okafor, role: host}, Sam Reid]", None],
    "location": ["London", "{name: Paris, geo: 'geo:48.85,2.35'}", None],
    "funding": ["[{url: 'https://example.org/give', text: Give}]", None],
    "draft": ["true", None],
}

NOTES = [
    "\nA new paragraph with **bold** and a [link](https://example.org/x).\n",
    "\n## A heading\n\n- one\n- two\n",
    "\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "\nA footnote[^1].\n\n[^1]: The note.\n",
]

TRANSCRIPTS = {
    "transcript.vtt": "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n<v Host>Hello there.\n",
    "transcript.srt": "1\n00:00:00,000 --> 00:00:01,500\nHello again.\n",
    "transcript.txt": "Hello, in plain text.\n",
}
CHAPTERS = {
    "chapters.txt": "00:00:00 Start\n00:00:01 Middle\n",
    "chapters.json": '{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "One"}, {"startTime": 1, "title": "Two"}]}',
}

SHOW_EDITS: dict[str, tuple[str, list[str]]] = {
    "title": ("title: ", ["Safe to Say", "Safe to Say Again", "Sûr de le dire"]),
    "language": ("language: ", ["en-gb", "fr", "de", "klingon"]),
    "url": ("url: ", ["https://podcast.example.org/safe-to-say/", "https://listen.example.net/sts/"]),
}

TEMPLATES = {
    "episode.html": ['{% extends "default/episode.html" %}{% block title %}Listen: {{ super() }}{% endblock %}',
                     '{% extends "default/episode.html" %}{% block title %}Hear: {{ super() }}{% endblock %}'],
    "index.html": ['{% extends "default/index.html" %}{% block title %}All: {{ super() }}{% endblock %}',
                   '{% extends "default/index.html" %}{% block title %}{% endblock %}'],
}

#: clips the audio is replaced with: (kind, seconds, extension)
CLIPS = [("mp3", 2.0, "mp3"), ("mp3", 3.5, "mp3"), ("m4a", 2.5, "m4a"), ("ogg", 1.5, "ogg"), ("mp3-vbr", 2.0, "mp3")]


def tree(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def split(text: str) -> tuple[list[str], str | None]:
    """An episode.md's front matter lines and its notes (a file broken on purpose, front matter never closed: all
    of it is front matter, so an edit keeps it broken)."""
    head, sep, body = text.partition("\n---\n")
    return head.removeprefix("---\n").split("\n"), body if sep else None


def set_field(path: Path, key: str, value: str | None) -> None:
    """``key: value`` in the front matter (the key's old block removed; ``None``: removed only), as an editor would."""
    lines, body = split(path.read_text(encoding="utf-8"))
    kept: list[str] = []
    skipping = False
    for line in lines:
        if line.startswith(f"{key}:"):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "-")) or not line):
            continue
        skipping = False
        kept.append(line)
    if value is not None:
        kept.append(f"{key}: {value}")
    path.write_text("---\n" + "\n".join(kept) + ("\n" if body is None else "\n---\n" + body), encoding="utf-8")


def get_field(path: Path, key: str) -> str | None:
    lines, _ = split(path.read_text(encoding="utf-8"))
    for line in lines:
        if line.startswith(f"{key}:"):
            return line.split(":", 1)[1].strip()
    return None


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the mediafeed package to run the builds from (its version is edited by a step)."""
    folder = tmp_path_factory.mktemp("package")
    shutil.copytree(ROOT / "mediafeed", folder / "mediafeed", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", folder / "templates")  # the default theme, beside the package as in a checkout
    return folder


@pytest.fixture(scope="module")
def clips(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("clips")
    return [make_media(folder / f"clip{i}.{ext}", kind, seconds) for i, (kind, seconds, ext) in enumerate(CLIPS)]


@pytest.fixture(scope="module")
def artworks(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    from PIL import Image

    folder = tmp_path_factory.mktemp("artwork")
    made = []
    for i, colour in enumerate([(200, 30, 30), (30, 30, 200)]):
        path = folder / f"art{i}.png"
        Image.new("RGB", (1400, 1400), colour).save(path)
        made.append(path)
    jpeg = folder / "art2.jpg"
    Image.new("RGB", (1500, 1500), (20, 160, 20)).save(jpeg, quality=80)
    made.append(jpeg)
    return made


class Runner:
    """Runs ``mediafeed`` as a producer does (a subprocess, ``SOURCE_DATE_EPOCH`` fixed) from the package copy."""

    def __init__(self, package: Path) -> None:
        self.env = {**os.environ, "PYTHONPATH": str(package), "NO_COLOR": "1", "SOURCE_DATE_EPOCH": EPOCH}
        #: ``python -m`` puts its working folder first on sys.path: run from the repository, the builds imported the
        #: checkout's mediafeed, not the copy, and "a new mediafeed version" changed nothing they ran
        self.cwd = package

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "mediafeed", *args]

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(self.command(*args), capture_output=True, text=True, timeout=300, env=self.env,
                              cwd=self.cwd)


def problems(done: subprocess.CompletedProcess[str], *roots: Path) -> list[object]:
    """The problems a ``--format json`` run reported, with the show's and output's folders taken out of them."""
    text = done.stdout
    for i, root in enumerate(roots):
        text = text.replace(str(root), f"<{i}>")
    try:
        report = json.loads(text)
    except ValueError:
        return [text, done.stderr]
    return report.get("problems", report) if isinstance(report, dict) else report


def producer(tmp_path: Path, package: Path, clips: list[Path], artworks: list[Path],
             counts: dict[str, int]) -> type[RuleBasedStateMachine]:
    """The machine: a producer's show, its changes and the builds that must agree (``counts``: how often each ran)."""
    runner = Runner(package)
    version = package / "mediafeed" / "__init__.py"
    original_version = version.read_text(encoding="utf-8")

    class Producer(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            counts["examples"] = counts.get("examples", 0) + 1
            self.base = tmp_path / f"example{counts['examples']}"
            self.show = copy_show(self.base / "show")
            self.out = self.base / "out"
            self.builds = 0
            self.steps = 0
            self.made = 0
            self.backups: dict[Path, bytes | None] = {}
            version.write_text(original_version, encoding="utf-8")

        # what is in the show now

        def episodes(self) -> list[Path]:
            return sorted(p for p in (self.show / "episodes").iterdir() if p.is_dir())

        def episode(self, pick: int) -> Path | None:
            found = self.episodes()
            return found[pick % len(found)] if found else None

        def count(self, name: str) -> None:
            counts[name] = counts.get(name, 0) + 1

        # the builds and their comparison

        def compare(self, accept: bool = False) -> None:
            """An incremental build of the show and a clean one of a copy of it as it was agree in every byte."""
            self.builds += 1
            copy = self.base / f"clean-show-{self.builds}"
            shutil.copytree(self.show, copy, symlinks=True, ignore=shutil.ignore_patterns(".mediafeed"))
            fresh = self.base / f"clean-out-{self.builds}"
            extra = ("--accept-changes",) if accept else ()
            incremental = runner.run("build", "--show", str(self.show), "--output", str(self.out), "--format", "json",
                                     *extra)
            clean = runner.run("build", "--show", str(copy), "--output", str(fresh), "--format", "json", "--clean",
                               *extra)
            self.count("build --accept-changes" if accept else "build")
            assert incremental.returncode == clean.returncode, (incremental.stdout, incremental.stderr, clean.stdout,
                                                                clean.stderr)
            assert problems(incremental, self.show, self.out) == problems(clean, copy, fresh)
            assert (self.show / "published.json").read_bytes() == (copy / "published.json").read_bytes()
            if clean.returncode == 0:
                self.count("build succeeded")
                got, want = tree(self.out), tree(fresh)
                assert sorted(got) == sorted(want)
                assert [rel for rel in want if got[rel] != want[rel]] == []
            shutil.rmtree(copy)
            shutil.rmtree(fresh, ignore_errors=True)  # a build that failed made none

        @initialize()
        def first_build(self) -> None:
            self.compare()

        @invariant()
        def build(self) -> None:
            """Every other step, a build (with ``--accept-changes`` every third one: a renamed folder, a moved URL)."""
            self.steps += 1
            if self.steps % 2 == 0:
                self.compare(accept=self.builds % 3 == 2)

        def teardown(self) -> None:
            self.compare(accept=True)
            shutil.rmtree(self.base, ignore_errors=True)
            version.write_text(original_version, encoding="utf-8")

        # the producer's changes

        @rule(pick=st.integers(0, 9), notes=st.sampled_from(NOTES), replace=st.booleans())
        def edit_notes(self, pick: int, notes: str, replace: bool) -> None:
            folder = self.episode(pick)
            if folder is None:
                return
            path = folder / "episode.md"
            text = path.read_text(encoding="utf-8")
            lines, body = split(text)
            if body is None:
                return  # front matter broken on purpose (never closed): left to :meth:`fix`
            path.write_text("---\n" + "\n".join(lines) + "\n---\n" + (notes if replace else body + notes),
                            encoding="utf-8")
            self.count("notes edited")

        @rule(pick=st.integers(0, 9), field=st.sampled_from(sorted(FIELDS)), which=st.integers(0, 4))
        def edit_field(self, pick: int, field: str, which: int) -> None:
            folder = self.episode(pick)
            if folder is None:
                return
            values = FIELDS[field]
            set_field(folder / "episode.md", field, values[which % len(values)])
            self.count(f"front matter: {field}")

        @rule(pick=st.integers(0, 9), clip=st.integers(0, len(CLIPS) - 1), same_name=st.booleans())
        def replace_audio(self, pick: int, clip: int, same_name: bool) -> None:
            folder = self.episode(pick)
            if folder is None:
                return
            md = folder / "episode.md"
            name = get_field(md, "audio")
            if same_name and name and (folder / name).exists():
                shutil.copyfile(clips[clip], folder / name)  # re-cut at the published URL (LED003)
            else:
                self.made += 1
                new = f"cut{self.made}{clips[clip].suffix}"
                shutil.copyfile(clips[clip], folder / new)
                if name and (folder / name).exists():
                    (folder / name).unlink()
                set_field(md, "audio", new)
            self.count("audio replaced" + (" in place" if same_name else " under a new name"))

        def files(self) -> list[Path]:
            return sorted(p for p in self.show.rglob("*") if p.is_file() and ".mediafeed" not in p.parts)

        @rule(pick=st.integers(0, 99))
        def touch(self, pick: int) -> None:
            """Same bytes, a new mtime (an editor's save without a change, a `git checkout`)."""
            path = self.files()[pick % len(self.files())]
            stat = path.stat()
            path.write_bytes(path.read_bytes())
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 3_000_000_000))
            self.count("touched")

        @rule(pick=st.integers(0, 99))
        def rewrite_same_size_and_mtime(self, pick: int) -> None:
            """Other bytes at the same size, the mtime put back (``cp -p``, ``rsync --inplace -t``)."""
            candidates = [p for p in self.files() if p.suffix in (".md", ".mp3", ".m4a", ".vtt", ".txt", ".yml")]
            path = candidates[pick % len(candidates)]
            stat = path.stat()
            data = bytearray(path.read_bytes())
            if path.suffix in (".mp3", ".m4a", ".ogg"):
                where = len(data) * 2 // 3  # inside the audio frames: the file still plays
                data[where] ^= 0x01
            else:
                at = bytes(data).rfind(b"e")
                if at < 0:
                    return
                data[at:at + 1] = b"a"
            with open(path, "r+b") as handle:  # in place: same inode
                handle.write(data)
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
            self.count(f"rewritten at the same size and mtime ({path.suffix})")

        @rule(clip=st.integers(0, len(CLIPS) - 1), date=st.sampled_from(["2026-05-20T08:00:00+00:00",
                                                                          "2026-01-10T08:00:00+00:00",
                                                                          "2027-01-01T08:00:00+00:00"]))
        def add_episode(self, clip: int, date: str) -> None:
            self.made += 1
            folder = self.show / "episodes" / f"1{self.made:02d}-added-{self.made}"
            folder.mkdir()
            shutil.copyfile(clips[clip], folder / f"audio{clips[clip].suffix}")
            guid = uuid.uuid5(uuid.NAMESPACE_URL, f"https://example.org/model/{self.made}")
            (folder / "episode.md").write_text(
                f"---\ntitle: Added number {self.made}\ndate: {date}\nguid: {guid}\n"
                f"audio: audio{clips[clip].suffix}\n---\nNotes of an added episode.\n", encoding="utf-8")
            self.count("episode added")

        @precondition(lambda self: len(self.episodes()) > 1)
        @rule(pick=st.integers(0, 9))
        def remove_episode(self, pick: int) -> None:
            folder = self.episode(pick)
            assert folder is not None
            shutil.rmtree(folder)
            self.count("episode removed")

        @rule(pick=st.integers(0, 9))
        def rename_episode(self, pick: int) -> None:
            folder = self.episode(pick)
            if folder is None:
                return
            self.made += 1
            folder.rename(folder.with_name(f"{folder.name[:3]}-renamed-{self.made}"))
            self.count("episode folder renamed")

        def beside(self, pick: int, kind: str, files: dict[str, str], name: str) -> None:
            """Add, replace or (``name`` "") remove an episode's ``kind.*`` file (a transcript, chapters)."""
            folder = self.episode(pick)
            if folder is None:
                return
            for old in folder.glob(f"{kind}.*"):
                old.unlink()
            if name:
                (folder / name).write_text(files[name] + "\n" * (pick % 2), encoding="utf-8")
            self.count(f"{kind} " + (name or "removed"))

        @rule(pick=st.integers(0, 9), name=st.sampled_from(sorted(TRANSCRIPTS) + [""]))
        def transcript(self, pick: int, name: str) -> None:
            self.beside(pick, "transcript", TRANSCRIPTS, name)

        @rule(pick=st.integers(0, 9), name=st.sampled_from(sorted(CHAPTERS) + [""]))
        def chapters(self, pick: int, name: str) -> None:
            self.beside(pick, "chapters", CHAPTERS, name)

        @rule(art=st.integers(0, 2), episode=st.sampled_from([None, 0, 1, 2]))
        def artwork(self, art: int, episode: int | None) -> None:
            """New show artwork (a new picture at the published name: LED009), or an episode's own."""
            if episode is None:
                shutil.copyfile(artworks[art], self.show / "artwork.png")
                self.count("show artwork changed")
                return
            folder = self.episode(episode)
            if folder is None:
                return
            name = f"cover{artworks[art].suffix}"
            shutil.copyfile(artworks[art], folder / name)
            set_field(folder / "episode.md", "artwork", name)
            self.count("episode artwork set")

        @rule(key=st.sampled_from(sorted(SHOW_EDITS)), which=st.integers(0, 3))
        def edit_show(self, key: str, which: int) -> None:
            prefix, values = SHOW_EDITS[key]
            path = self.show / "show.yml"
            lines = path.read_text(encoding="utf-8").split("\n")
            at = next(i for i, line in enumerate(lines) if line.startswith(prefix))
            lines[at] = prefix + values[which % len(values)]
            path.write_text("\n".join(lines), encoding="utf-8")
            self.count(f"show.yml: {key}")

        @rule(which=st.integers(0, 2))
        def edit_words(self, which: int) -> None:
            path = self.show / "show.yml"
            text = path.read_text(encoding="utf-8")
            text = text.split("\nwords:\n", 1)[0] if "\nwords:\n" in text else text
            words = ["", "\nwords:\n  subscribe: Abonnez-vous\n", "\nwords:\n  subscribe: Follow the show\n"][which]
            path.write_text(text.rstrip("\n") + "\n" + words, encoding="utf-8")
            self.count("show.yml: words")

        @rule(name=st.sampled_from(sorted(TEMPLATES)), which=st.integers(0, 2))
        def template(self, name: str, which: int) -> None:
            folder = self.show / "templates"
            if which == 2:
                (folder / name).unlink(missing_ok=True)
                self.count("template override removed")
                return
            folder.mkdir(exist_ok=True)
            (folder / name).write_text(TEMPLATES[name][which], encoding="utf-8")
            self.count("template override written")

        @rule()
        def new_version(self) -> None:
            text = version.read_text(encoding="utf-8")
            number = text.split('__version__ = "', 1)[1].split('"', 1)[0]
            major, rest = number.split(".", 1)
            version.write_text(text.replace(f'__version__ = "{number}"', f'__version__ = "{int(major) + 1}.{rest}"'),
                               encoding="utf-8")
            self.count("mediafeed version changed")

        @rule(pick=st.integers(0, 9), damage=st.sampled_from(["unclosed front matter", "no audio file",
                                                              "show.yml not YAML", "no guid"]))
        def break_something(self, pick: int, damage: str) -> None:
            """An error, kept aside to be fixed by :meth:`fix`."""
            folder = self.episode(pick)
            target = {"show.yml not YAML": self.show / "show.yml"}.get(damage, folder / "episode.md" if folder else None)
            if target is None:
                return
            if damage == "no audio file":
                name = get_field(target, "audio")
                if not name or not (target.parent / name).exists():
                    return
                target = target.parent / name
            self.backups.setdefault(target, target.read_bytes())
            if damage == "unclosed front matter":
                target.write_text(target.read_text(encoding="utf-8").replace("\n---\n", "\n", 1), encoding="utf-8")
            elif damage == "no audio file":
                target.unlink()
            elif damage == "show.yml not YAML":
                target.write_text(target.read_text(encoding="utf-8") + "\nbroken: [\n", encoding="utf-8")
            else:
                set_field(target, "guid", None)
            self.count(f"broken: {damage}")

        @precondition(lambda self: bool(self.backups))
        @rule()
        def fix(self) -> None:
            for path, data in self.backups.items():
                if path.parent.is_dir() and data is not None:
                    path.write_bytes(data)
            self.backups.clear()
            self.count("fixed")

        @rule()
        def check(self) -> None:
            """``mediafeed check`` shares the caches: it says what a check of a copy without them says."""
            copy = self.base / "check-copy"
            shutil.copytree(self.show, copy, symlinks=True, ignore=shutil.ignore_patterns(".mediafeed"))
            here = runner.run("check", "--show", str(self.show), "--format", "json")
            there = runner.run("check", "--show", str(copy), "--format", "json")
            assert here.returncode == there.returncode, (here.stdout, there.stdout)
            assert problems(here, self.show) == problems(there, copy)
            shutil.rmtree(copy)
            self.count("check")

        @precondition(lambda self: bool(os.environ.get("MODEL_KILLS")))
        @rule(delay=st.sampled_from([0.05, 0.15, 0.3, 0.5]))
        def interrupted_build(self, delay: float) -> None:
            """A build SIGKILLed part-way (the power goes); the next build must not trust what it left."""
            process = subprocess.Popen(runner.command("build", "--show", str(self.show), "--output", str(self.out)),
                                       env=runner.env, cwd=runner.cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            time.sleep(delay)
            process.send_signal(signal.SIGKILL)
            process.wait()
            self.count("build killed")

    return Producer


def run_model(tmp_path: Path, package: Path, clips: list[Path], artworks: list[Path],
              examples: int, steps: int) -> dict[str, int]:
    """Run the machine; return how often each rule ran (the coverage the test reports)."""
    counts: dict[str, int] = {}
    run_state_machine_as_test(producer(tmp_path, package, clips, artworks, counts), settings=settings(
        max_examples=examples, stateful_step_count=steps, deadline=None, database=None,
        derandomize=not os.environ.get("MODEL_RANDOM"),
        suppress_health_check=list(HealthCheck),
        phases=[phase for phase in Phase if phase != Phase.shrink or os.environ.get("MODEL_SHRINK")]))
    return counts


def test_random_sequences_of_changes_build_what_a_clean_build_does(tmp_path: Path, package: Path,
                                                                   clips: list[Path], artworks: list[Path]) -> None:
    counts = run_model(tmp_path, package, clips, artworks, examples=int(os.environ.get("MODEL_EXAMPLES", "10")),
                       steps=int(os.environ.get("MODEL_STEPS", "12")))
    print(json.dumps(counts, indent=1, sort_keys=True))
    assert counts.get("build succeeded", 0) > counts["examples"]  # the sequences built, not only failed
