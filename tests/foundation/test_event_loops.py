"""The harness closes a test's event loop in bounded time (tests/support/event_loops.py)."""

import asyncio
import time

from tests.support import event_loops


def test_a_task_that_ignores_cancellation_cannot_hang_the_loop_close(monkeypatch, capsys):
    monkeypatch.setattr(event_loops, "CANCEL_GRACE_SECONDS", 0.2)

    async def stubborn():
        while True:
            try:
                await asyncio.sleep(0.02)
            except asyncio.CancelledError:
                pass  # what a library bug does

    tasks = []

    async def start():
        tasks.append(asyncio.get_running_loop().create_task(stubborn()))
        await asyncio.sleep(0)

    runner = asyncio.Runner()
    runner.run(start())
    started = time.monotonic()
    runner.close()
    assert time.monotonic() - started < 2
    assert "ignored cancellation" in capsys.readouterr().err
    # Reported once: its garbage collection must not log into whichever test runs then.
    assert tasks[0]._log_destroy_pending is False


def test_well_behaved_tasks_are_still_cancelled_and_awaited():
    cancelled = []

    async def polite():
        try:
            await asyncio.sleep(60)
        except asyncio.CancelledError:
            cancelled.append(True)
            raise

    async def start():
        asyncio.get_running_loop().create_task(polite())
        await asyncio.sleep(0)

    runner = asyncio.Runner()
    runner.run(start())
    runner.close()
    assert cancelled == [True]
