"""The pitch rules: words, time, parts, fillers, signals, the timer and the speaking rate."""

from __future__ import annotations

from datetime import date

import pytest

from netcoach.core.pitch import (
    DEFAULT_WPM,
    PART_KEYS,
    RehearsalTimer,
    Signal,
    TimerState,
    assemble_script,
    calibrated_wpm,
    checklist,
    count_words,
    detect_parts,
    diff_words,
    estimate_seconds,
    filler_counts,
    find_fillers,
    format_duration,
    implied_wpm,
    is_last_minute,
    parse_event_day,
    parse_limit,
    replace_part,
    script_stats,
    signal_for,
    signal_label,
    teleprompter_word,
)


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", 0),
        ("   \n\t ", 0),
        ("Hello world", 2),
        ("well-known local-first firm", 3),
        ("don't can't I'm we\u2019re", 4),
        ("We saved £4,000 in 3.5 weeks", 6),
        ("1,000 clients, 20% growth", 4),
        ("Hello , world ! — ... ???", 2),
        ("e.g. this", 2),
        ("word—word", 2),
        ("Zoë's café", 2),
        ("- * & --", 0),
        ("line one\nline two", 4),
    ],
)
def test_count_words(text: str, words: int) -> None:
    assert count_words(text) == words


def test_estimates_at_the_default_and_a_calibrated_rate() -> None:
    assert estimate_seconds(130) == pytest.approx(60.0)
    assert estimate_seconds(65, DEFAULT_WPM) == pytest.approx(30.0)
    assert estimate_seconds(150, 150) == pytest.approx(60.0)
    assert estimate_seconds(0) == 0.0
    stats = script_stats("word " * 140, 60)
    assert stats.words == 140
    assert stats.is_over
    assert "TOO LONG" in stats.summary()
    assert not script_stats("word " * 130, 60).is_over


def test_format_duration() -> None:
    assert format_duration(0) == "0:00"
    assert format_duration(59.9) == "0:59"
    assert format_duration(60) == "1:00"
    assert format_duration(185) == "3:05"
    assert format_duration(-3) == "0:00"


def test_detects_parts_through_the_structure_check() -> None:
    script = (
        "I'm Priya from Harbour Lane Accountants. I help owner-run firms. "
        "We specialise in cash flow. Unlike most, we meet monthly. "
        "Last month a café saved £4,000. I'm looking for an introduction to a restaurateur. "
        "Remember: numbers you can sleep on."
    )
    assert detect_parts(script) == frozenset(PART_KEYS)
    assert detect_parts("") == frozenset()
    # A kind of firm named in the ask says who you help, too.
    ask = "Could you introduce me to the office manager at a law firm?"
    assert detect_parts(ask) == {"ask", "who_help"}
    assert "ask" not in detect_parts("Could you give me a referral?")  # aimed at no one
    assert "ask" not in detect_parts("We sell paint.")
    assert "intro" in detect_parts("I\u2019m Tom")  # typographic apostrophe


def test_checklist_user_choice_wins_over_the_check() -> None:
    script = "I'm looking for an introduction to a baker."
    items = checklist(script, {})
    assert items["ask"] == (True, True)
    assert items["example"] == (False, False)
    corrected = checklist(script, {"ask": False, "example": True})
    assert corrected["ask"] == (False, False)
    assert corrected["example"] == (True, False)


def test_finds_fillers_and_hedges_as_whole_words() -> None:
    text = "Um, I just basically sort of help, I think. Really very justice adjust maybe."
    hits = find_fillers(text)
    phrases = [h.phrase for h in hits]
    assert phrases == ["um", "just", "basically", "sort of", "i think", "really", "very", "maybe"]
    assert text[hits[3].start : hits[3].end] == "sort of"
    assert filler_counts(find_fillers("just just really"))["just"] == 2
    assert find_fillers("Kind\nof") and find_fillers("Kind\nof")[0].phrase == "kind of"
    assert find_fillers("") == []


def test_signal_thresholds_at_exact_boundaries() -> None:
    assert signal_for(0, 60) is Signal.READY
    assert signal_for(29.999, 60) is Signal.SPEAKING
    assert signal_for(30.0, 60) is Signal.HALF
    assert signal_for(44.999, 60) is Signal.HALF
    assert signal_for(45.0, 60) is Signal.WRAP_UP
    assert signal_for(59.999, 60) is Signal.WRAP_UP
    assert signal_for(60.0, 60) is Signal.TIME
    assert signal_for(60.999, 60) is Signal.TIME
    assert signal_for(61.0, 60) is Signal.OVER
    assert signal_label(67.2, 60) == "OVER +0:07"
    assert signal_label(45, 60) == "WRAP UP"
    assert signal_for(7.5, 15) is Signal.HALF
    assert signal_for(11.25, 15) is Signal.WRAP_UP


def test_timer_uses_the_clock_not_ticks() -> None:
    clock = FakeClock()
    timer = RehearsalTimer(60, clock)
    assert timer.elapsed() == 0 and timer.signal() is Signal.READY
    timer.toggle()
    clock.now += 30.0
    assert timer.elapsed() == pytest.approx(30.0)
    assert timer.signal() is Signal.HALF
    timer.toggle()  # pause
    clock.now += 100
    assert timer.elapsed() == pytest.approx(30.0)
    timer.start()
    clock.now += 15
    assert timer.signal() is Signal.WRAP_UP
    clock.now += 15
    assert timer.signal() is Signal.TIME
    clock.now += 7
    assert signal_label(timer.elapsed(), 60) == "OVER +0:07"
    timer.reset()
    assert timer.elapsed() == 0 and not timer.running


def test_timer_state_is_plain_data() -> None:
    state = TimerState().start(10.0)
    assert state.start(20.0) == state  # starting twice does not restart
    paused = state.pause(12.5)
    assert paused.elapsed(99.0) == 2.5
    assert paused.pause(50.0) == paused


def test_wpm_calibration() -> None:
    assert implied_wpm(130, 60) == pytest.approx(130)
    assert implied_wpm(100, 3) is None  # too short to tell
    assert implied_wpm(0, 60) is None
    assert calibrated_wpm([]) == DEFAULT_WPM
    assert calibrated_wpm([(150, 60), (140, 60), (160, 60)]) == pytest.approx(150)
    # newest five only
    samples = [(100, 60)] * 5 + [(200, 60)] * 5
    assert calibrated_wpm(samples) == pytest.approx(100)
    assert calibrated_wpm([(1000, 60)]) == 260  # a mistake does not run away
    assert calibrated_wpm([(10, 600)]) == 60


def test_limits_and_event_days() -> None:
    assert parse_limit("60") == (60, None)
    assert parse_limit("15 s") == (15, None)
    assert parse_limit("180") == (180, None)
    for bad in ("14", "181", "0", "-5", "sixty", "", "1e3"):
        value, error = parse_limit(bad)
        assert value is None and error
    assert parse_event_day("") == (None, None)
    assert parse_event_day("2026-11-23") == (date(2026, 11, 23), None)
    assert parse_event_day("23/11/2026")[1]


def test_is_last_minute() -> None:
    today = date(2026, 11, 23)
    assert is_last_minute(today, today)
    assert not is_last_minute(date(2026, 11, 24), today)
    assert not is_last_minute(date(2026, 11, 22), today)
    assert not is_last_minute(None, today)


def test_diff_words_marks_removed_and_added() -> None:
    left, right = diff_words("I help small firms grow.", "I help busy small firms grow fast.")
    assert "".join(s.text for s in left) == "I help small firms grow."
    assert "".join(s.text for s in right) == "I help busy small firms grow fast."
    assert [s.text.strip() for s in right if s.kind == "added"] == ["busy", "grow fast."]
    assert [s.text.strip() for s in left if s.kind == "removed"] == ["grow."]
    same_left, same_right = diff_words("a b", "a b")
    assert all(s.kind == "same" for s in same_left + same_right)


def test_guide_assembles_and_reworks_one_part() -> None:
    script = assemble_script({"intro": "I'm Rosa.", "ask": "Who knows a baker?", "close": ""})
    assert script == "I'm Rosa. Who knows a baker?"
    assert replace_part(script, "Who knows a baker?", "I'd love to meet a baker.") == (
        "I'm Rosa. I'd love to meet a baker."
    )
    assert replace_part(script, "not there", "x") is None


def test_teleprompter_follows_the_pace() -> None:
    assert teleprompter_word(0, 130, 100) == 0
    assert teleprompter_word(30, 120, 100) == 60
    assert teleprompter_word(600, 120, 100) == 100
    assert teleprompter_word(10, 120, 0) == 0


def test_pitch_rules_and_repository_do_not_import_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys, netcoach.core.pitch, netcoach.data.pitches; "
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_profile_is_tidied_compared_and_matched_to_a_trade() -> None:
    from netcoach.core.pitch import (
        TRADES,
        Profile,
        matching_trade,
        profile_changes,
        tidy_profile,
    )

    typed = tidy_profile({"name": " Rosa  Quinn", "trade": "florist ", "bogus": "x"})
    assert typed == Profile(name="Rosa Quinn", trade="florist")
    assert typed.signature == "Rosa Quinn"
    assert Profile("Rosa", "Willow & Bloom").signature == "Rosa · Willow & Bloom"
    assert Profile().is_blank and Profile().signature == ""
    assert profile_changes(typed, Profile(name="Rosa Quinn")) == {"trade": "florist"}
    assert matching_trade(typed.trade, TRADES) == "Florist"
    assert matching_trade("Baker", TRADES) is None
    assert matching_trade("", TRADES) is None
