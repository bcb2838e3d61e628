"""No background task fails unseen: every screen, dialog and widget that runs one says so.

Textual tells only the node that started a worker how it ended (``Worker.StateChanged``
does not bubble), so an app-level handler never hears about a screen's failed save.
``ReportsFailures`` is mixed into every netcoach class that runs workers (a test walks
them all): a failure is logged, and said in words where it happened, either by the
node's own ``show_failure`` (a form keeps its draft and offers ctrl+s) or as an error
notification on the screen. Problems of the machine (a full disk, a held lock, a
read-only database) get the sentences of ``netcoach.data.failures``; anything else is
a bug, logged with its traceback.
"""

from __future__ import annotations

import logging
from typing import ClassVar

from textual.dom import DOMNode
from textual.worker import Worker, WorkerState

from netcoach.data.failures import describe_failure

log = logging.getLogger("netcoach")

# Worker groups whose tasks change the database; their failure means "not saved".
WRITE_GROUPS = frozenset({"db-write"})


def failure_reason(error: BaseException | None) -> str:
    """What went wrong, as the end of "Not saved: …" or "Could not load: …"."""
    if error is None:
        return "the task stopped"
    words = describe_failure(error)
    if words is not None:
        return words
    detail = (str(error) or type(error).__name__)[:200]
    return f"something went wrong ({detail}); the details are in netcoach's log"


def log_failure(what: str, error: BaseException | None) -> None:
    """A machine's problem is a warning in one line; anything else is an error with its trace."""
    words = describe_failure(error) if error is not None else None
    if words is not None:
        log.warning("%s failed: %s", what, words)
    else:
        log.error("%s failed", what, exc_info=error)


class ReportsFailures:
    """Mixed into a screen, dialog, widget or the app that runs workers: failures are said.

    A class may define ``show_failure(worker, reason) -> bool`` to say it in its own
    place (returning True); otherwise it is an error notification.
    """

    SAVE_KEY: ClassVar[str] = ""
    """The key that runs this node's ``save`` worker again, offered when it failed."""

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            report_worker_failure(self, event.worker)  # type: ignore[arg-type]


def report_worker_failure(node: DOMNode, worker: Worker[object]) -> None:
    error = worker.error
    log_failure(f"task {worker.name}", error)
    reason = failure_reason(error)
    show = getattr(node, "show_failure", None)
    if callable(show) and show(worker, reason):
        return
    doing = "Not saved" if worker.group in WRITE_GROUPS else "Could not finish"
    retry = getattr(node, "SAVE_KEY", "") if worker.name == "save" else ""
    again = f" Press {retry} to try again." if retry else ""
    node.notify(f"{doing}: {reason}.{again}", severity="error", markup=False, timeout=10)
