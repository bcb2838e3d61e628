"""The wants-and-haves matcher: true matches, rejected pairs and the known false positives."""

from __future__ import annotations

from netcoach.core.matching import WantHave, find_matches, stem, terms


def item(n: int, owner: int | None, kind: str, phrase: str, tag: str = "") -> WantHave:
    return WantHave(n, owner, f"P{owner}" if owner else "Me", kind, phrase, tag)


def pairs(items: list[WantHave]) -> set[tuple[int, int]]:
    return {(m.want.id, m.have.id) for m in find_matches(items)}


def test_terms_drop_filler_stem_and_use_synonyms() -> None:
    assert terms("Needs a commercial property lawyer") == {"commercial", "property", "law"}
    assert terms("Knows several solicitors") == {"several", "law"}
    assert terms("Looking for a real estate agent") == {"property", "agent"}
    assert stem("introductions") == "introduction"
    assert stem("planning") == "plan"
    assert terms("") == frozenset()


def test_synonyms_make_true_matches() -> None:
    items = [
        item(1, 1, "want", "Needs a commercial property lawyer"),
        item(2, 2, "have", "Solicitor specialising in commercial leases"),
        item(3, 3, "want", "Wants introductions to hotels"),
        item(4, 4, "have", "Has contacts in hospitality"),
        item(5, 5, "want", "Looking for a bookkeeper"),
        item(6, 6, "have", "Accountant for small firms"),
    ]
    assert pairs(items) == {(1, 2), (3, 4), (5, 6)}
    match = next(m for m in find_matches(items) if m.want.id == 1)
    assert match.shared_terms == ("commercial", "law")
    assert "law" in match.why


def test_unrelated_phrases_do_not_match() -> None:
    items = [
        item(1, 1, "want", "Needs a commercial property lawyer"),
        item(2, 2, "have", "Has contacts in hospitality"),
        item(3, 3, "have", "Knows good people everywhere"),  # only filler words
        item(4, 1, "have", "Property lawyer myself"),  # same owner as the want
    ]
    assert pairs(items) == set()


def test_tags_count_more_than_words() -> None:
    items = [
        item(1, 1, "want", "Needs a printer for brochures", tag="print"),
        item(2, 2, "have", "Brochures and flyers"),
        item(3, 3, "have", "Digital and litho", tag="print"),
    ]
    ranked = [m.have.id for m in find_matches(items)]
    assert ranked == [3, 2]
    assert find_matches(items)[0].tag_matched


def test_known_false_positives_of_the_synonym_table() -> None:
    # "estate" is property, so estate planning (wills) meets an estate agent.
    items = [
        item(1, 1, "want", "Help with estate planning and wills"),
        item(2, 2, "have", "Estate agent in the town centre"),
        # "account" is accounting, so a sales key-account role meets an accountant.
        item(3, 3, "want", "Key account manager roles"),
        item(4, 4, "have", "Chartered accountant"),
    ]
    assert pairs(items) == {(1, 2), (3, 4)}


def test_me_and_exclusions_and_limits() -> None:
    items = [
        item(1, None, "want", "Needs a web developer"),
        item(2, 2, "have", "Builds websites"),
        item(3, 3, "have", "Wordpress developer"),
        item(4, 4, "have", "Web design studio"),
        item(5, 5, "have", "Ecommerce web shops"),
    ]
    found = find_matches(items, per_want=2)
    assert len(found) == 2 and all(m.involves_me for m in found)
    assert all(m.want.owner_name == "Me" for m in found)
    excluded = find_matches(items, exclude=frozenset({(1, 2), (1, 3)}))
    assert {m.have.id for m in excluded} == {4, 5}
