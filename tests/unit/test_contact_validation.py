"""Phone numbers and web addresses are checked before a contact is saved."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netcoach.core.models import ContactDraft
from netcoach.core.validation import phone_problem, url_problem, validate_contact

phone_text = st.text(alphabet="0123456789+()-. ", min_size=1, max_size=30).filter(
    lambda text: any(ch.isdigit() for ch in text)
)


@given(phone_text, st.sampled_from(["", " ext 12", " ext. 3", "x45", " X 9"]))
def test_digits_and_phone_punctuation_are_a_phone(number: str, extension: str) -> None:
    assert phone_problem(number + extension) is None


@given(phone_text, st.text(alphabet="abcdfghijklmnopqrsuvwyzABCDQ", min_size=1, max_size=5))
def test_letters_in_a_phone_are_named(number: str, letters: str) -> None:
    problem = phone_problem(number + " " + letters)
    assert problem is not None
    assert problem.startswith("Phone '")
    assert "letters" in problem


@given(phone_text, st.sampled_from("#*/<>;!_,&"))
def test_other_symbols_in_a_phone_are_named(number: str, symbol: str) -> None:
    problem = phone_problem(number + symbol)
    assert problem is not None
    assert f"'{symbol}'" in problem


@pytest.mark.parametrize(
    ("number", "words"),
    [
        ("+44 abc", "Phone '+44 abc' has letters; use digits, spaces and + ( ) -"),
        ("---", "Phone '---' has no digits"),
        ("ext 12", "Phone 'ext 12' has no digits"),
    ],
)
def test_phone_messages(number: str, words: str) -> None:
    problem = phone_problem(number)
    assert problem is not None and words in problem


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://www.linkedin.com/in/amelie-durand-1a2b3c",
        "http://example.com",
        "HTTPS://Example.COM/path?q=1#top",
        "linkedin.com/in/sean",
        "www.example.co.uk",
        "example.com:8080/page",
        "http://localhost:8000/",
    ],
)
def test_web_and_bare_addresses_are_kept(url: str) -> None:
    assert url_problem(url) is None


@given(
    st.sampled_from(["javascript", "JavaScript", "data", "file", "vbscript", "mailto", "ftp"]),
    st.text(alphabet=st.characters(codec="ascii", categories=("L", "N", "P")), max_size=30),
)
def test_other_schemes_are_refused(scheme: str, rest: str) -> None:
    problem = url_problem(f"{scheme}:{rest}")
    assert problem is not None
    assert problem.startswith("Web address '")
    assert f"{scheme.lower()}:" in problem


def test_web_address_messages() -> None:
    assert url_problem("javascript:alert(1)") == (
        "Web address 'javascript:alert(1)' starts with javascript:; "
        "use an http:// or https:// address."
    )
    assert "no site after https://" in str(url_problem("https://"))
    assert "not a web address" in str(url_problem("nonsense"))
    assert url_problem("a b.com") == "A web address cannot contain spaces."


def test_validate_contact_names_phone_and_url_fields() -> None:
    errors = validate_contact(
        ContactDraft(name="Ann", phones=("0131 496 0000", "+44 abc"), url="javascript:alert(1)")
    )
    assert errors["phones"].startswith("Phone '+44 abc' has letters")
    assert errors["url"].startswith("Web address 'javascript:alert(1)'")
    assert validate_contact(ContactDraft(name="Ann", phones=("+44 (0)20 7946 0000 ext 4",))) == {}
