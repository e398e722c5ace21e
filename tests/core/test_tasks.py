"""TaskState: Cancel reaches a waiter that blocks instead of polling."""

from core.tasks import NULL_STATE, TaskState


def test_cancel_calls_each_waiter_once_and_late_waiters_at_once():
    state, heard = TaskState(), []
    state.sub(0.2, 0.5).on_cancel(lambda: heard.append("sub"))
    state.on_cancel(lambda: heard.append("first"))
    state.cancel()
    state.cancel()
    assert heard == ["sub", "first"]
    state.on_cancel(lambda: heard.append("late"))
    assert heard == ["sub", "first", "late"]


def test_the_null_state_never_calls():
    heard = []
    NULL_STATE.on_cancel(lambda: heard.append(1))
    assert heard == [] and not NULL_STATE.cancelled
