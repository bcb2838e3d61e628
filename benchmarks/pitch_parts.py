"""How well the pitch structure check and the filler finder agree with the labelled pitches.

Runs ``judge_structure(text, profile)`` and ``find_fillers`` over every pitch in
``tests/pitch_corpus`` (labelled by hand, by the definitions at the top of its module) and
prints, for each part, precision, recall and accuracy against the labels. The ask counts as
present when its kind is "specific"; a 3x3 table compares the ask kinds themselves. The
baseline from the same run is a check that reports every part missing and every ask "none".

    python benchmarks/pitch_parts.py                 # the tables, on the main set
    python benchmarks/pitch_parts.py --show-misses   # and every disagreement, with its sentence
    python benchmarks/pitch_parts.py --set holdout   # on the held-out set (or --set all)
    python benchmarks/pitch_parts.py --set fresh     # on the fresh set, never tuned against

The held-out set measures how well the check generalises beyond the set it is tuned on:
read its figures, not its misses, when tuning, or it stops being held out. The fresh set is
for a check tuned on both: read only its figures, never --show-misses, or it stops being fresh.

Fillers are compared per phrase occurrence: in each pitch, a phrase labelled n times and
found m times gives min(n, m) matches (the labels carry counts, not places).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from netcoach.core.pitch.fillers import filler_counts, find_fillers  # noqa: E402
from netcoach.core.pitch.structure import Structure, judge_structure  # noqa: E402
from tests.pitch_corpus import (  # noqa: E402
    ASK_KINDS,
    FRESH,
    HOLDOUT,
    PART_LABELS,
    PITCHES,
    LabelledPitch,
)

ASK_ROW = "ask"  # the ask as a yes/no decision: is it specific?
SETS: dict[str, tuple[LabelledPitch, ...]] = {
    "main": PITCHES,
    "holdout": HOLDOUT,
    "fresh": FRESH,
    "all": PITCHES + HOLDOUT + FRESH,
}


@dataclass(slots=True)
class Tally:
    """Counts of agreement for one yes/no decision over the set."""

    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    true_neg: int = 0

    def add(self, labelled: bool, found: bool) -> None:
        if labelled and found:
            self.true_pos += 1
        elif found:
            self.false_pos += 1
        elif labelled:
            self.false_neg += 1
        else:
            self.true_neg += 1

    @property
    def total(self) -> int:
        return self.true_pos + self.false_pos + self.false_neg + self.true_neg

    @property
    def labelled(self) -> int:
        return self.true_pos + self.false_neg

    @property
    def precision(self) -> float | None:
        found = self.true_pos + self.false_pos
        return self.true_pos / found if found else None

    @property
    def recall(self) -> float | None:
        return self.true_pos / self.labelled if self.labelled else None

    @property
    def accuracy(self) -> float:
        return (self.true_pos + self.true_neg) / self.total if self.total else 0.0

    @property
    def all_missing_accuracy(self) -> float:
        return (self.total - self.labelled) / self.total if self.total else 0.0


@dataclass(frozen=True, slots=True)
class Miss:
    """One disagreement: which pitch, which decision, the label, the finding, the sentence."""

    pitch_id: str
    decision: str
    labelled: str
    found: str
    sentence: str


def percent(value: float | None) -> str:
    return "   -" if value is None else f"{value:4.0%}"


def span_text(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def sentences_with(structure: Structure, pattern: re.Pattern[str]) -> str:
    """The sentences of the script that contain ``pattern``, joined for a report line."""
    found = [" ".join(s.text.split()) for s in structure.sentences if pattern.search(s.text)]
    return " | ".join(found) or "(not found in any sentence)"


def sentence_at(structure: Structure, offset: int) -> str:
    for sentence in structure.sentences:
        if sentence.start <= offset < sentence.end:
            return " ".join(sentence.text.split())
    return "(outside every sentence)"


def judge_parts(
    pitch: LabelledPitch, structure: Structure, tallies: dict[str, Tally], misses: list[Miss]
) -> None:
    """Add one pitch's part and ask decisions to ``tallies``; note each disagreement."""
    for key in PART_LABELS:
        finding = structure.parts[key]
        labelled = pitch.parts[key]
        tallies[key].add(labelled, finding.present)
        if labelled != finding.present:
            if finding.present:
                evidence = " | ".join(
                    span_text(pitch.text, e.start, e.end) for e in finding.evidence
                )
                sentence = evidence or "(found, without evidence)"
            else:
                sentence = "(nothing found)"
            misses.append(Miss(pitch.id, key, str(labelled), str(finding.present), sentence))
    ask = structure.ask
    tallies[ASK_ROW].add(pitch.ask == "specific", ask.kind == "specific")
    if pitch.ask != ask.kind:
        sentence = " ".join((ask.text or "").split()) or "(no ask found)"
        misses.append(Miss(pitch.id, "ask kind", pitch.ask, ask.kind, sentence))


def judge_fillers(
    pitch: LabelledPitch,
    structure: Structure,
    matched: Counter[str],
    found: Counter[str],
    labelled: Counter[str],
    misses: list[Miss],
) -> None:
    """Add one pitch's filler occurrences to the counters; note each disagreement."""
    hits = find_fillers(pitch.text)
    counts = filler_counts(hits)
    for phrase in sorted(set(counts) | set(pitch.fillers)):
        want, got = pitch.fillers.get(phrase, 0), counts.get(phrase, 0)
        matched[phrase] += min(want, got)
        found[phrase] += got
        labelled[phrase] += want
        if got > want:
            places = [sentence_at(structure, h.start) for h in hits if h.phrase == phrase]
            misses.append(
                Miss(pitch.id, f"filler '{phrase}'", str(want), str(got), " | ".join(places))
            )
        elif want > got:
            pattern = re.compile(rf"(?<![\w']){re.escape(phrase)}(?![\w'])", re.IGNORECASE)
            misses.append(
                Miss(
                    pitch.id,
                    f"filler '{phrase}'",
                    str(want),
                    str(got),
                    sentences_with(structure, pattern),
                )
            )


def print_parts(name: str, pitches: tuple[LabelledPitch, ...], tallies: dict[str, Tally]) -> None:
    trades = len({p.trade for p in pitches})
    print(f"set {name}: {len(pitches)} pitches, {trades} trades\n")
    header = f"{'part':<10} {'labelled':>8} {'tp':>3} {'fp':>3} {'fn':>3} {'tn':>3}"
    print(f"{header}  {'prec':>4}  {'rec':>4}  {'acc':>4}  {'all-missing acc':>15}")
    for key, tally in tallies.items():
        counts = (
            f"{tally.true_pos:>3} {tally.false_pos:>3} {tally.false_neg:>3} {tally.true_neg:>3}"
        )
        print(
            f"{key:<10} {tally.labelled:>8} {counts}  {percent(tally.precision)}  "
            f"{percent(tally.recall)}  {percent(tally.accuracy)}  "
            f"{percent(tally.all_missing_accuracy):>15}"
        )
    print("(ask: present means specific)\n")


def print_asks(confusion: Counter[tuple[str, str]]) -> None:
    print("ask kinds (rows labelled, columns found)")
    print(f"{'':<10}" + "".join(f"{kind:>10}" for kind in ASK_KINDS))
    for labelled in ASK_KINDS:
        row = "".join(f"{confusion[labelled, found]:>10}" for found in ASK_KINDS)
        print(f"{labelled:<10}{row}")
    false_specific = sum(
        count
        for (labelled, found), count in confusion.items()
        if labelled != "specific" and found == "specific"
    )
    without = sum(count for (labelled, _), count in confusion.items() if labelled != "specific")
    print(f"pitches without a specific ask reported as specific: {false_specific} of {without}\n")


def print_agreement(tallies: dict[str, Tally], confusion: Counter[tuple[str, str]]) -> None:
    """All decisions: each part present or absent, and the ask's kind (one decision each)."""
    parts = [tallies[key] for key in PART_LABELS]
    agreed = sum(t.true_pos + t.true_neg for t in parts)
    agreed += sum(count for (labelled, found), count in confusion.items() if labelled == found)
    baseline = sum(t.total - t.labelled for t in parts)
    baseline += sum(count for (labelled, _), count in confusion.items() if labelled == "none")
    decisions = sum(t.total for t in parts) + sum(confusion.values())
    print(
        f"overall agreement: {agreed}/{decisions} = {agreed / decisions:.1%}"
        f"   all-missing baseline: {baseline}/{decisions} = {baseline / decisions:.1%}"
    )
    print(f"({len(PART_LABELS)} parts present or absent, and the ask's kind, per pitch)\n")


def print_fillers(matched: Counter[str], found: Counter[str], labelled: Counter[str]) -> None:
    total_matched, total_found, total_labelled = (
        sum(c.values()) for c in (matched, found, labelled)
    )
    precision = total_matched / total_found if total_found else None
    recall = total_matched / total_labelled if total_labelled else None
    print(
        f"fillers: {total_labelled} labelled, {total_found} found, {total_matched} matched"
        f"   precision {percent(precision)}   recall {percent(recall)}"
    )
    print(f"{'phrase':<18} {'labelled':>8} {'found':>6} {'matched':>8}")
    for phrase in sorted(set(found) | set(labelled), key=lambda p: (-labelled[p], p)):
        print(f"{phrase:<18} {labelled[phrase]:>8} {found[phrase]:>6} {matched[phrase]:>8}")
    print()


def print_misses(pitches: tuple[LabelledPitch, ...], misses: list[Miss]) -> None:
    """Every disagreement, pitch by pitch, under the pitch's own note on its labels."""
    notes = {pitch.id: pitch.note for pitch in pitches}
    print(f"disagreements ({len(misses)}): decision, labelled -> found, then the sentence")
    shown = ""
    for miss in misses:
        if miss.pitch_id != shown:
            shown = miss.pitch_id
            note = f"  (label note: {notes[shown]})" if notes[shown] else ""
            print(f"\n{shown}{note}")
        print(f"  {miss.decision:<20} {miss.labelled} -> {miss.found}: {miss.sentence}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--show-misses", action="store_true", help="list every disagreement with its sentence"
    )
    parser.add_argument(
        "--set",
        choices=tuple(SETS),
        default="main",
        dest="pitch_set",
        help="which labelled pitches to measure on (default: main)",
    )
    args = parser.parse_args()
    pitches = SETS[args.pitch_set]

    tallies = {key: Tally() for key in (*PART_LABELS, ASK_ROW)}
    confusion: Counter[tuple[str, str]] = Counter()
    matched: Counter[str] = Counter()
    found: Counter[str] = Counter()
    labelled: Counter[str] = Counter()
    misses: list[Miss] = []
    for pitch in pitches:
        structure = judge_structure(pitch.text, pitch.profile)
        judge_parts(pitch, structure, tallies, misses)
        confusion[pitch.ask, structure.ask.kind] += 1
        judge_fillers(pitch, structure, matched, found, labelled, misses)

    print_parts(args.pitch_set, pitches, tallies)
    print_asks(confusion)
    print_agreement(tallies, confusion)
    print_fillers(matched, found, labelled)
    if args.show_misses:
        print_misses(pitches, misses)


if __name__ == "__main__":
    main()
