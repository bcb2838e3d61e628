"""The four questions about the person: name, business, trade and ideal referral.

Settings and the pitch guide's first step ask them with this one widget. The trade is
typed, with common trades offered as it is typed (→ takes the offer); any other trade
is typed in full.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from netcoach.core.pitch import (
    COMMON_TRADES,
    PROFILE_FIELDS,
    PROFILE_LABELS,
    PROFILE_LIMIT_KINDS,
    Profile,
    tidy_profile,
)
from netcoach.widgets.limited import LimitedInput

PLACEHOLDERS = {
    "name": "e.g. Rosa Quinn",
    "business": "e.g. Willow & Bloom",
    "trade": "e.g. Florist",
    "ideal_referral": "e.g. office managers moving",
}


def field_id(key: str) -> str:
    """The id of the Input for profile field ``key`` ("profile-ideal-referral")."""
    return "profile-" + key.replace("_", "-")


class ProfileFields(Vertical):
    """The person's profile as four labelled fields; ``show`` fills them, ``read`` reads."""

    DEFAULT_CSS = """
    ProfileFields {
        height: auto;
        & .profile-row {
            height: auto;
        }
        & .profile-label {
            width: 16;
            padding: 1 1 0 0;
            text-align: right;
        }
        & .profile-field {
            width: 1fr;
            max-width: 60;
            height: auto;
        }
        &.-compact .profile-label {
            padding: 0 1 0 0;
        }
        & .profile-error {
            display: none;
            color: $error;
            &.-shown {
                display: block;
            }
        }
    }
    """

    def __init__(
        self, *, compact: bool = False, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.compact = compact
        self.set_class(compact, "-compact")

    def compose(self) -> ComposeResult:
        for key in PROFILE_FIELDS:
            with Horizontal(classes="profile-row"):
                yield Label(PROFILE_LABELS[key], classes="profile-label")
                with Vertical(classes="profile-field"):
                    yield LimitedInput(
                        kind=PROFILE_LIMIT_KINDS[key],
                        placeholder=PLACEHOLDERS[key],
                        suggester=(
                            SuggestFromList(COMMON_TRADES, case_sensitive=False)
                            if key == "trade"
                            else None
                        ),
                        compact=self.compact,
                        id=field_id(key),
                    )
                    yield Static("", id=f"{field_id(key)}-error", classes="profile-error")

    def show(self, profile: Profile) -> None:
        """Fill the fields with ``profile`` (no Changed is posted)."""
        values = profile.as_dict()
        with self.prevent(Input.Changed):
            for key in PROFILE_FIELDS:
                self.query_one(f"#{field_id(key)}", Input).value = values[key]

    def read(self) -> Profile:
        """The profile as typed, spaces tidied."""
        return tidy_profile(self.typed())

    def typed(self) -> dict[str, str]:
        """The fields exactly as typed, by profile key (for a draft)."""
        return {key: self.query_one(f"#{field_id(key)}", Input).value for key in PROFILE_FIELDS}

    def show_error(self, key: str, error: str) -> None:
        """Say beside field ``key`` what is wrong with it; blank clears every field's line."""
        for each in PROFILE_FIELDS:
            line = self.query_one(f"#{field_id(each)}-error", Static)
            shown = each == key and bool(error)
            line.update(Content(error if shown else ""))
            line.set_class(shown, "-shown")
            self.query_one(f"#{field_id(each)}", Input).set_class(shown, "-invalid")

    @property
    def first_field(self) -> Input:
        return self.query_one(f"#{field_id(PROFILE_FIELDS[0])}", Input)

    def focus_first(self) -> None:
        self.first_field.focus()
