"""What the pitch structure check costs per keystroke, and what importing it costs.

    python benchmarks/pitch_check.py            # 100-, 400- and 2000-word scripts
    python benchmarks/pitch_check.py --runs 500 # more runs per size

The editor runs ``analyse_script`` (which runs ``judge_structure``) on every keystroke,
so it is timed on scripts made of real pitch sentences, with a profile, and the median
and 95th percentile printed in milliseconds, three ways:

- typing: each run changes one word in the middle of the script, as a keystroke does
  (the other sentences' answers are remembered from the run before);
- cold: every remembered answer is dropped before each run (opening a pitch);
- judge_structure alone, typing and cold (the rest of the analysis is the fillers and a
  peer's measures).

Budget: the analysis under 5 ms for a 400-word script. The import of
``netcoach.core.pitch`` and the first check after it are timed in fresh interpreters:
the patterns are compiled once, by the first check, not at import (the package is
imported on the way to the Today screen).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from netcoach.core.pitch import Profile, analyse_script, judge_structure  # noqa: E402
from netcoach.core.pitch.structure import forget_answers  # noqa: E402

SENTENCES = (
    "Hi everyone, um, my name is Priya Shah from Harbour Lane Accountants.",
    "We help owner-run firms of five to fifty people who spend their evenings on the books.",
    "What we do best is cash-flow forecasting, so owners know in March what September holds.",
    "Unlike most practices, we meet every client monthly, not once a year at the deadline.",
    "Last month a café owner found £4,000 of overpaid VAT and hired a weekend barista.",
    "So, basically, if you know anyone who needs an accountant, just let me know, really.",
    "A good referral for me is the owner of a growing restaurant group in the city centre.",
    "I've been doing this for fifteen years and I really take pride in my work, honestly.",
    "Priya Shah, Harbour Lane: numbers you can sleep on.",
)
PROFILE = Profile("Priya Shah", "Harbour Lane Accountants", "accountant", "a restaurant owner")


def script(words: int) -> str:
    """Real pitch sentences repeated to about ``words`` words, each one different (a
    number in it), so that no sentence's answers are remembered from an earlier one."""
    out: list[str] = []
    count = 0
    i = 0
    while count < words:
        sentence = SENTENCES[i % len(SENTENCES)]
        if i >= len(SENTENCES):
            sentence = f"And {i}, {sentence[0].lower()}{sentence[1:]}"
        out.append(sentence)
        count += len(sentence.split())
        i += 1
    return " ".join(out)


def timings(run: Callable[[str], object], texts: list[str], cold: bool) -> list[float]:
    run(texts[0])  # warm up
    times = []
    for text in texts:
        if cold:
            forget_answers()
        start = time.perf_counter()
        run(text)
        times.append((time.perf_counter() - start) * 1000)
    return times


def keystrokes(text: str, runs: int) -> list[str]:
    """The script as it is after each of ``runs`` keystrokes in one word in its middle."""
    words = text.split(" ")
    middle = len(words) // 2
    typed = []
    for i in range(runs):
        changed = list(words)
        changed[middle] = f"{words[middle]}{'x' * (i % 7 + 1)}"
        typed.append(" ".join(changed))
    return typed


def import_ms() -> tuple[float, float]:
    """The import, then the first check (which compiles the patterns), in fresh processes."""
    code = (
        "import time; t = time.perf_counter(); import netcoach.core.pitch as p; "
        "u = time.perf_counter(); p.judge_structure('I am Sam. We fix roofs.'); "
        "print((u - t) * 1000, (time.perf_counter() - u) * 1000)"
    )
    imports, firsts = [], []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
        )
        first_import, first_check = out.stdout.split()
        imports.append(float(first_import))
        firsts.append(float(first_check))
    return statistics.median(imports), statistics.median(firsts)


def judge(t: str) -> object:
    return judge_structure(t, PROFILE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    print(f"{'words':>6} {'what':<24} {'median ms':>10} {'p95 ms':>8}")
    for words in (100, 400, 2000):
        text = script(words)
        real = len(text.split())
        typed = keystrokes(text, args.runs)

        def analyse(t: str) -> object:
            return analyse_script(t, 60, 130.0, profile=PROFILE)

        checks = (
            ("analyse_script, typing", analyse, False),
            ("analyse_script, cold", analyse, True),
            ("judge_structure, typing", judge, False),
            ("judge_structure, cold", judge, True),
        )
        for name, run, cold in checks:
            times = sorted(timings(run, typed, cold))
            p95 = times[int(len(times) * 0.95) - 1]
            print(f"{real:>6} {name:<24} {statistics.median(times):>10.2f} {p95:>8.2f}")
    # Hostile scripts: pasted without a full stop, or typed in capitals, must not be
    # searched for ever (a pattern with an unbounded run of capitalised words would be).
    hostile = (
        ("2000 words, no stop", " ".join(["we help small firms and most other agencies"] * 250)),
        ("2000 words, capitals", " ".join(["Harbour Lane Smith Accountants"] * 500)),
    )
    for name, text in hostile:
        times = sorted(timings(judge, [text] * 5, True))
        print(f"{'':>6} {name:<24} {statistics.median(times):>10.2f} {times[-1]:>8.2f}")
    imported, first = import_ms()
    print(f"import netcoach.core.pitch: {imported:.1f} ms; the first check after it, which")
    print(f"compiles the patterns: {first:.1f} ms (medians of 5 fresh interpreters)")
    print("budget: analyse_script under 5 ms at 400 words")


if __name__ == "__main__":
    main()
