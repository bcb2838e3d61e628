"""The Tags field keeps any character, and a save finds what another copy changed too."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from netcoach.core.merge import Clash, find_clashes, to_write
from netcoach.core.validation import format_tags, parse_tags

# A tag as the database holds one: trimmed, not empty, any other character (the field is
# one line, so no newlines).
tag_text = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(bool)
)


def distinct(tags: list[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for tag in tags:
        seen.setdefault(tag.casefold(), tag)
    return tuple(seen.values())


@given(st.lists(tag_text, max_size=8).map(distinct))
def test_any_tags_read_back_as_they_were_written(tags: tuple[str, ...]) -> None:
    assert parse_tags(format_tags(tags)) == tags


@given(st.lists(tag_text, max_size=8).map(distinct))
def test_text_typed_after_the_tags_adds_tags(tags: tuple[str, ...]) -> None:
    typed = format_tags(tags) + ", one more; and another"
    assert parse_tags(typed)[: len(tags)] == tags


@given(st.text(max_size=60))
def test_anything_typed_reads_as_trimmed_distinct_tags(text: str) -> None:
    tags = parse_tags(text)
    assert all(tag and tag == tag.strip() for tag in tags)
    assert len({tag.casefold() for tag in tags}) == len(tags)


def test_the_tags_field_reads_the_ways_people_type() -> None:
    assert parse_tags("breakfast club, chamber; alumni") == ("breakfast club", "chamber", "alumni")
    assert parse_tags('"Smith, Jones & Co", law') == ("Smith, Jones & Co", "law")
    assert parse_tags('"say ""hi""", 6" pipes') == ('say "hi"', '6" pipes')
    assert parse_tags('"never closed, still one') == ("never closed, still one",)
    assert parse_tags("Chamber, chamber, , ;") == ("Chamber",)
    assert format_tags(("a,b", "c;d", "plain", 'q"t')) == '"a,b", "c;d", plain, "q""t"'


def test_a_field_changed_on_both_sides_is_a_clash_unless_both_typed_the_same() -> None:
    opened = {"company": "Acme", "title": "CEO", "url": ""}
    current = {"company": "Acme Ltd", "title": "CEO", "url": "acme.example"}
    changes = {"company": "Acme Limited", "title": "Founder", "url": "acme.example"}
    assert find_clashes(opened, current, changes) == (
        Clash("company", "Acme", "Acme Ltd", "Acme Limited"),
    )
    assert to_write(current, changes) == {"company": "Acme Limited", "title": "Founder"}
