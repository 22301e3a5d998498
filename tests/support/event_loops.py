"""A test's event loop closes in bounded time, even when a library task ignores cancellation.

channels_redis's ``receive()`` can lose a cancellation while redis-py waits for BZPOPMIN
(seen in CI: the cancelled task went on popping every five seconds, and asyncio's
``Runner.close`` waited for it forever, hanging the suite at a WebSocket test's teardown; see
django/channels_redis#366 and redis/redis-py#2579 for the same family of bugs). asyncio gives
``_cancel_all_tasks`` no timeout, so this replaces it with one that waits a bounded time and then
reports the tasks that would not stop instead of hanging.
"""

import asyncio
import asyncio.runners
import sys

CANCEL_GRACE_SECONDS = 10


def _cancel_all_tasks_bounded(loop):
    tasks = [task for task in asyncio.all_tasks(loop) if not task.done()]
    if not tasks:
        return
    for task in tasks:
        task.cancel()
    done, pending = loop.run_until_complete(asyncio.wait(tasks, timeout=CANCEL_GRACE_SECONDS))
    for task in pending:
        print(f"\nevent loop closed with a task that ignored cancellation: {task!r}", file=sys.stderr)
        task._log_destroy_pending = False  # reported here, not again into a later test's log
    for task in done:
        if not task.cancelled() and task.exception() is not None:
            loop.call_exception_handler(
                {"message": "unhandled exception while closing the loop", "exception": task.exception(), "task": task}
            )


def install():
    asyncio.runners._cancel_all_tasks = _cancel_all_tasks_bounded
