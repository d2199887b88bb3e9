"""The cache's codec: frozen dataclasses to plain JSON values and back, exactly, or an error (never a wrong value)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest

from mediafeed import codec
from mediafeed.model import Chapter, Episode, Media, Person, Season, Transcript

EPISODE = Episode(
    slug="001-first", source="episodes/001-first/episode.md", title="First", date=datetime(2026, 1, 2, 8, tzinfo=UTC),
    guid="urn:uuid:1", audio="a.mp3", notes_markdown="Notes with ünïcode\nand \"quotes\".", season=Season(2, "Two"),
    number=3, explicit=None, transcripts=(Transcript("t.vtt", "text/vtt", "en"),),
    chapters=(Chapter(0.0, "Start"), Chapter(7.5, "Middle", end=9.0)), persons=(Person("Maya", "guest"),),
    keywords=("a", "b"), txt=(("verify", "x"),), updated=datetime(2026, 1, 3, tzinfo=UTC),
)


def test_every_field_survives_a_round_trip_through_json() -> None:
    data = json.loads(json.dumps(codec.dump(EPISODE)))
    assert codec.load(Episode, data) == EPISODE
    assert codec.dump(codec.load(Episode, data)) == data
    media = Media("episodes/001-first/a.mp3", 123, "audio/mpeg", "mp3", 2.5, tags={"title": "First"},
                  chapters=(Chapter(1, "One"),))
    loaded = codec.load(Media, json.loads(json.dumps(codec.dump(media))))
    assert loaded == media and loaded.tags == {"title": "First"}


def test_dump_writes_the_fields_in_their_declared_order() -> None:
    assert list(codec.dump(EPISODE)) == list(Episode.__dataclass_fields__)


def test_a_row_with_fields_missing_takes_their_defaults_and_one_with_unknown_fields_is_refused() -> None:
    data = codec.dump(EPISODE)
    short = {k: data[k] for k in ("slug", "source", "title", "date", "guid", "audio")}
    assert codec.load(Episode, short) == Episode(EPISODE.slug, EPISODE.source, EPISODE.title, EPISODE.date,
                                                 EPISODE.guid, EPISODE.audio)
    reordered = dict(reversed(list(data.items())))
    assert codec.load(Episode, reordered) == EPISODE
    with pytest.raises((TypeError, KeyError)):  # what the cache's readers catch: the row is made again
        codec.load(Episode, {**data, "from_a_newer_version": 1})
    with pytest.raises(TypeError):
        codec.load(Episode, {k: v for k, v in data.items() if k != "title"})


@pytest.mark.parametrize(("field", "value"), [("title", 5), ("draft", "yes"), ("number", "3"), ("date", 5),
                                              ("season", {"number": "2", "name": ""})])
def test_a_value_of_the_wrong_type_is_refused(field: str, value: object) -> None:
    with pytest.raises((TypeError, ValueError)):
        codec.load(Episode, {**codec.dump(EPISODE), field: value})


def test_numbers_load_as_their_declared_type() -> None:
    loaded = codec.load(Chapter, {"start": 3, "title": "x", "url": "", "img": "", "toc": True, "end": None})
    assert loaded.start == 3.0 and isinstance(loaded.start, float)


def test_a_row_of_fields_without_names_survives_a_round_trip_through_json() -> None:
    row = json.loads(json.dumps(codec.dump_fields(EPISODE)))
    assert row == list(codec.dump(EPISODE).values())
    assert codec.load_fields(Episode, row) == EPISODE
    media = Media("episodes/001-first/a.mp3", 123, "audio/mpeg", "mp3", 2, tags={"title": "First"},
                  chapters=(Chapter(1, "One"),))
    loaded = codec.load_fields(Media, json.loads(json.dumps(codec.dump_fields(media))))
    assert loaded == media and loaded.tags == {"title": "First"} and isinstance(loaded.duration, float)


@pytest.mark.parametrize("damage", ["one value fewer", "one value more", "a dict", "a wrong type", "a wrong date"])
def test_a_row_of_fields_that_does_not_fit_is_refused(damage: str) -> None:
    row = codec.dump_fields(EPISODE)
    bad = {"one value fewer": row[:-1], "one value more": [*row, None], "a dict": codec.dump(EPISODE),
           "a wrong type": [5, *row[1:]], "a wrong date": [*row[:3], "yesterday", *row[4:]]}[damage]
    with pytest.raises((TypeError, ValueError)):  # what the cache's readers catch: the row is made again
        codec.load_fields(Episode, bad)


@pytest.mark.parametrize(("name", "value"), [("number", "3"), ("number", 2.0), ("number", []), ("explicit", "no"),
                                             ("chapters", "x"), ("chapters", [5]), ("license", {}), ("date", None)])
def test_the_values_checked_inline_are_refused_as_the_loaders_refuse_them(name: str, value: object) -> None:
    # int | None, bool | None, a tuple, a dataclass | None: a value of another type is never kept
    index = list(Episode.__dataclass_fields__).index(name)
    row = codec.dump_fields(EPISODE)
    row[index] = value
    with pytest.raises((TypeError, ValueError, AttributeError)):
        codec.load_fields(Episode, row)


def test_the_values_checked_inline_load_as_the_loaders_load_them() -> None:
    # an int where a float is declared is a float; a bool where an int is declared is what the loader keeps;
    # None of an optional field and an empty list of a tuple field are None and ()
    row = codec.dump_fields(Media("a.mp3", 1, "audio/mpeg", "mp3", 2.0))
    row[1], row[4] = True, 2  # size, duration
    media = codec.load_fields(Media, row)
    assert media.duration == 2.0 and isinstance(media.duration, float) and media.size is True
    row = codec.dump_fields(Episode("s", "src", "t", EPISODE.date, "g", "a.mp3"))
    loaded = codec.load_fields(Episode, row)
    assert loaded.season is None and loaded.number is None and loaded.chapters == () and loaded.keywords == ()


def test_replacer_gives_what_dataclasses_replace_gives() -> None:
    from dataclasses import replace

    media = Media("episodes/001-first/a.mp3", 123, "audio/mpeg", "mp3", 2.5, tags={"title": "First"})
    assert codec.replacer(Media, "size")(media, 456) == replace(media, size=456)
    assert codec.replacer(Episode, "title", "draft")(EPISODE, "New", True) == replace(EPISODE, title="New", draft=True)
    with pytest.raises(TypeError):
        codec.replacer(Media, "no_such_field")


def _vars_after(make: Any) -> list[tuple[str, Any]]:
    return list(vars(make).items())


def test_replacer_copies_a_plain_records_dict_and_leaves_the_very_instance_replace_makes() -> None:
    """A frozen record whose __init__ only stores its fields (precompiled.STORED_INIT): the copy is the old instance's
    dict with the changed fields stored over it, not a call of __init__ (a rebuild copies each episode's item and
    media); it is what dataclasses.replace makes, field for field, in the same order, and stays frozen."""
    import pickle
    from dataclasses import FrozenInstanceError, replace

    from mediafeed.model import Item
    from mediafeed.precompiled import STORED_INIT

    media = Media("episodes/001-first/a.mp3", 123, "audio/mpeg", "mp3", 2.5, tags={"title": "First"})
    item = Item(EPISODE, media, "episodes/001-first/", "https://e.org/1/", "episodes/001-first/a.mp3",
                "https://e.org/a.mp3", "https://e.org/art.png", transcripts=(), media_file="x.mp3")
    assert {Media, Item, Episode} <= STORED_INIT
    by_media = codec.replacer(Media, "size")
    by_item = codec.replacer(Item, "media", "media_file")
    assert "__replace_set__" in by_media.__code__.co_names and "__replace_set__" in by_item.__code__.co_names
    copied, replaced = by_media(media, 456), replace(media, size=456)
    assert _vars_after(copied) == _vars_after(replaced) and copied == replaced and hash(copied) == hash(replaced)
    assert media.size == 123 and copied.tags is media.tags
    new_item = by_item(item, copied, "y.mp3")
    assert _vars_after(new_item) == _vars_after(replace(item, media=copied, media_file="y.mp3"))
    assert new_item.media.size == 456 and item.media is media and item.media_file == "x.mp3"
    with pytest.raises(FrozenInstanceError):
        new_item.media_file = "z.mp3"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(copied)) == copied
    assert _vars_after(codec.replacer(Episode, "title", "draft")(EPISODE, "New", True)) == \
        _vars_after(replace(EPISODE, title="New", draft=True))


def test_replacer_calls_init_for_a_class_whose_init_does_more_than_store_its_fields() -> None:
    """__post_init__, an __init__ of the class's own, a subclass's instance, an instance holding more than its fields:
    each goes through the class's __init__, as dataclasses.replace does."""
    from dataclasses import replace

    from mediafeed.precompiled import STORED_INIT
    from mediafeed.records import frozen

    @frozen
    class Checked:
        size: int
        label: str = ""

        def __post_init__(self) -> None:
            if self.size < 0:
                raise ValueError("negative")
            object.__setattr__(self, "label", self.label.strip())

    @frozen
    class Own:
        size: int

        def __init__(self, size: int) -> None:
            object.__setattr__(self, "size", size * 2)

    @frozen
    class Plain:
        size: int
        label: str = ""

    @frozen
    class Sub(Plain):
        extra: int = 0

    assert Checked not in STORED_INIT and Own not in STORED_INIT and Plain in STORED_INIT
    assert codec.replacer(Checked, "label")(Checked(1), " a ").label == "a" == replace(Checked(1), label=" a ").label
    with pytest.raises(ValueError, match="negative"):
        codec.replacer(Checked, "size")(Checked(1), -1)
    assert codec.replacer(Own, "size")(Own(1), 3).size == 6
    plain = codec.replacer(Plain, "label")(Sub(1, "x", 5), "y")  # (the class asked for, as before)
    assert type(plain) is Plain and _vars_after(plain) == [("size", 1), ("label", "y")]
    grown = Plain(2, "x")
    object.__setattr__(grown, "cached", "stale")
    assert _vars_after(codec.replacer(Plain, "label")(grown, "z")) == [("size", 2), ("label", "z")]
