"""The build cache's write buffer: rows are written in batches, read back before they are, and trusted only once
committed (a build that stops before its commit leaves none of them, written or still buffered)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import mediafeed
from mediafeed.cache import _BUFFER_ROWS, Cache


def test_buffered_rows_are_read_back_before_they_are_written(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache.sqlite")
    try:
        cache.put("probe", "a.mp3", "id-1", {"size": 1})
        cache.put_text("notes", "k1", "2", "3:0:<p>notes</p>")
        assert cache.get("probe", "a.mp3", "id-1") == {"size": 1}
        assert cache.get("probe", "a.mp3", "id-2") is None  # another tag: not trusted
        assert cache.get_text("notes", "k1", "2") == "3:0:<p>notes</p>"
        assert cache.get_many("notes", {"k1": "2", "k2": "2"}, text=True) == {"k1": "3:0:<p>notes</p>"}
        assert cache.present("probe", {"a.mp3": "id-1"}) == {"a.mp3"}
        cache.put("probe", "a.mp3", "id-3", {"size": 3})  # the last put wins, as INSERT OR REPLACE
        assert cache.get("probe", "a.mp3", "id-3") == {"size": 3}
        cache.delete("probe", ["a.mp3"])
        assert cache.get("probe", "a.mp3", "id-3") is None and cache.keys("probe") == []
    finally:
        cache.close()


def test_a_thousand_puts_are_a_few_statements(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache.sqlite")
    try:
        before = cache.statements
        for number in range(1000):
            cache.put("episode", f"{number:04d}", "key", {"title": f"Episode {number}"})
            cache.put_text("notes", f"{number:04d}", "2", "x" * 100)
        cache.commit()
        # one statement per table per 512 rows, then COMMIT and BEGIN
        assert cache.statements - before == 2 * -(-1000 // _BUFFER_ROWS) + 2
    finally:
        cache.close()
    cache = Cache(tmp_path / "cache.sqlite")
    try:
        assert cache.get("episode", "0999", "key") == {"title": "Episode 999"}
    finally:
        cache.close()


CRASH = """
import os, sys
from pathlib import Path
from mediafeed.cache import _BUFFER_ROWS, Cache
cache = Cache(Path(sys.argv[1]))
for number in range(10):
    cache.put("probe", f"kept{number}", "t", {"n": number})
cache.commit()
# more than a buffer's worth: some rows reach SQLite (not committed), the rest are still buffered
for number in range(_BUFFER_ROWS + 10):
    cache.put("probe", f"lost{number}", "t", {"n": number})
cache.put("probe", "kept0", "t", {"n": "changed"})
os._exit(1)  # killed before the build's commit
"""


def test_a_build_killed_before_its_commit_leaves_only_what_was_committed(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    env = {**os.environ, "PYTHONPATH": str(Path(mediafeed.__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-c", CRASH, str(path)], env=env, capture_output=True, text=True)
    assert done.returncode == 1, done.stderr
    cache = Cache(path)
    try:
        assert sorted(cache.keys("probe")) == sorted(f"kept{number}" for number in range(10))
        assert cache.get("probe", "kept0", "t") == {"n": 0}
    finally:
        cache.close()


def test_rows_are_decoded_as_json_loads_decodes_them_and_anything_else_is_a_miss(tmp_path: Path) -> None:
    import json
    import sqlite3

    from mediafeed.cache import loads

    for value in [[1, 2.5, None, True], {"files": [["a/b.html", 3]]}, "ünï", 0, {"": []}]:
        text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
        assert loads(text) == json.loads(text) == value
    cache = Cache(tmp_path / "cache.sqlite")
    try:
        for key in ("spaced", "trailing", "cut", "blob"):
            cache.put("probe", key, "t", [1])
        cache.commit()
        assert cache.db is not None
        cache.db.execute("UPDATE probe SET v = ' [1]' WHERE k = 'spaced'")
        cache.db.execute("UPDATE probe SET v = '[1] x' WHERE k = 'trailing'")
        cache.db.execute("UPDATE probe SET v = '[1,' WHERE k = 'cut'")
        cache.db.execute("UPDATE probe SET v = ? WHERE k = 'blob'", (sqlite3.Binary(b"[1]"),))
        for key in ("spaced", "trailing", "cut", "blob"):
            assert cache.get("probe", key, "t") is None
        assert cache.get_many("probe", dict.fromkeys(["spaced", "trailing", "cut", "blob"], "t")) == {}
        assert cache.get_many("probe", dict.fromkeys(["spaced", "trailing", "cut", "blob"], "t"), scan=True) == {}
    finally:
        cache.close()


def test_a_preloaded_table_answers_as_the_database_does(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "cache.sqlite")
    try:
        for number in range(5):
            cache.put("output", f"out\0unit{number}", f"tag{number}", {"files": []})
        cache.put("output", "other\0unit0", "tag0", {"files": []})
        cache.commit()
        cache.preload("output", "out\0")
        cache.put("output", "out\0unit9", "tag9", {"files": []})  # buffered, not written yet
        cache.delete("output", ["out\0unit1"])
        wanted = {f"out\0unit{n}": f"tag{n}" for n in range(10)} | {"out\0unit2": "changed"}
        from_memory = (sorted(cache.keys("output", "out\0")), cache.present("output", wanted),
                       cache.stale("output", wanted))
        assert from_memory == (["out\0unit0", "out\0unit2", "out\0unit3", "out\0unit4", "out\0unit9"],
                               {"out\0unit0", "out\0unit3", "out\0unit4", "out\0unit9"}, ["out\0unit2"])
        cache._preloaded.clear()  # the same questions to SQLite
        assert (sorted(cache.keys("output", "out\0")), cache.present("output", wanted),
                cache.stale("output", wanted)) == from_memory
        assert "other\0unit0" in cache.keys("output")  # outside the preloaded prefix: from SQLite
    finally:
        cache.close()


def _journal_mode(path: Path) -> tuple[str, int]:
    """(journal mode, user_version) of the file as another connection sees it."""
    import sqlite3

    db = sqlite3.connect(path, timeout=0)
    try:
        return db.execute("PRAGMA journal_mode").fetchone()[0], db.execute("PRAGMA user_version").fetchone()[0]
    finally:
        db.close()


def test_a_new_cache_is_written_without_a_journal_and_marked_complete_at_its_first_commit(tmp_path: Path) -> None:
    from mediafeed.cachefile import SCHEMA

    path = tmp_path / "cache.sqlite"
    cache = Cache(path)
    try:
        assert cache.unjournaled
        for number in range(_BUFFER_ROWS + 10):  # some rows reach SQLite before the commit
            cache.put_text("notes", f"{number:04d}", "2", "x" * 1000)
        cache._flush()
        assert not Path(f"{path}-wal").exists()
        cache.commit()
        assert not cache.unjournaled
        assert _journal_mode(path) == ("wal", SCHEMA)
        cache.put_text("notes", "after", "2", "y")  # the rest of the build: in the write-ahead log
    finally:
        cache.close()
    again = Cache(path)
    try:
        assert not again.unjournaled
        assert again.get_text("notes", "0000", "2") == "x" * 1000 and again.get_text("notes", "after", "2") == "y"
    finally:
        again.close()


NEW_AND_KILLED = """
import os, sys
from pathlib import Path
from mediafeed.cache import _BUFFER_ROWS, Cache
cache = Cache(Path(sys.argv[1]))
assert cache.unjournaled
for number in range(3 * _BUFFER_ROWS):
    cache.put("probe", f"row{number}", "t", {"n": number})
cache._flush()  # written into the file, never committed
print("written", flush=True)
if len(sys.argv) > 2:
    sys.stdin.read()  # hold the file (and its flock) until told
os._exit(1)
"""


def test_a_new_cache_whose_first_commit_never_came_is_discarded(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite"
    env = {**os.environ, "PYTHONPATH": str(Path(mediafeed.__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-c", NEW_AND_KILLED, str(path)], env=env, capture_output=True, text=True)
    assert done.returncode == 1 and done.stdout == "written\n", done.stderr
    assert path.stat().st_size > 100_000 and _journal_mode(path)[1] == 0  # the rows are in it, unmarked
    cache = Cache(path)
    try:
        assert cache.unjournaled, "started again"
        assert cache.keys("probe") == [] and cache.get("probe", "row0", "t") is None
    finally:
        cache.close()


def test_a_new_cache_another_process_is_writing_is_left_to_it(tmp_path: Path) -> None:
    """Another run (``list`` opens the cache without the show lock) while a first build writes its new cache: it
    works without the cache and deletes nothing."""
    path = tmp_path / "cache.sqlite"
    env = {**os.environ, "PYTHONPATH": str(Path(mediafeed.__file__).resolve().parent.parent)}
    writer = subprocess.Popen([sys.executable, "-c", NEW_AND_KILLED, str(path), "hold"], env=env, text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "written\n"
        inode = path.stat().st_ino
        cache = Cache(path)
        try:
            assert cache.db is None and not cache.unjournaled
            cache.put("probe", "mine", "t", {"n": 1})
            assert cache.get("probe", "mine", "t") is None  # nothing kept, nothing read
        finally:
            cache.close()
        assert path.stat().st_ino == inode, "the writer's file is still there"
    finally:
        writer.communicate("")
    assert writer.returncode == 1
    cache = Cache(path)  # the writer is gone, its file unmarked: now it is discarded
    try:
        assert cache.unjournaled and cache.keys("probe") == []
    finally:
        cache.close()


def test_a_cache_without_a_file_keeps_nothing_and_closes(tmp_path: Path) -> None:
    cache = Cache(None)
    cache.put("probe", "a.mp3", "t", {"size": 1})
    cache.commit()
    assert cache.db is None and not cache.unjournaled and cache.get("probe", "a.mp3", "t") is None
    cache.close()


def test_a_new_cache_file_goes_to_disk_while_the_feeds_are_made_and_is_synced_again_at_its_commit(
        show: Path, monkeypatch) -> None:
    """A cold build's new cache file (~58 MB at 1,000 episodes, written without a journal) is fsynced in the background
    once the episode pages are made, so the first commit's fsync at the build's end finds little left to write; that
    commit still syncs it after its last write, before marking it complete, and no thread outlives the build."""
    import threading

    from mediafeed.build import build
    from mediafeed.cache import CACHE_DIR

    cache_file = os.path.realpath(show / CACHE_DIR / "cache.sqlite")
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if os.path.realpath(f"/proc/self/fd/{fd}") == cache_file:
            synced.append(threading.current_thread().name)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    build(show)
    assert synced == ["mediafeed cache sync", "MainThread"]  # the background one, then the commit's own
    assert not [t for t in threading.enumerate() if t.name == "mediafeed cache sync"]
    cache = Cache(show / CACHE_DIR / "cache.sqlite")  # complete: trusted (its rows read back)
    try:
        assert cache.keys("episode")
    finally:
        cache.close()
