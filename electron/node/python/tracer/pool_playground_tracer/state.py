"""What the tracer remembers: ids, executors, the futures it handed out.

Ids are strings "<pid>.<n>", numbered by the process that made them, so they
stay unique across every process of a run (a worker may start its own pool).
"""
import itertools
import os
import sys
import _thread

# Attribute names the tracer sets on objects it does not own.
EXECUTOR_ATTR = '_pool_playground_executor'
FUTURE_ATTR = '_pool_playground_task'

_id_lock = _thread.allocate_lock()
_counter = itertools.count(1)
_pid = os.getpid()
# next() on a count is atomic under the GIL; a free-threaded build takes the lock.
_needs_lock = not getattr(sys, '_is_gil_enabled', lambda: True)()

# Settling and delivering a future is one ordered step per future (see futures_hooks.py).
record_lock = _thread.RLock()
_order = 0


def new_id():
    if _needs_lock:
        with _id_lock:
            return '%d.%d' % (_pid, next(_counter))
    return '%d.%d' % (_pid, next(_counter))


def next_order():
    """Settling order within this process (call with record_lock held)."""
    global _order
    _order += 1
    return _order


class ExecutorState(object):
    __slots__ = ('id', 'kind', 'threads', 'reported_threads', 'broken_reported', '__weakref__')

    def __init__(self, executor_id, kind):
        self.id = executor_id
        self.kind = kind
        self.threads = []  # thread workers, as they start
        self.reported_threads = set()
        self.broken_reported = False


class TaskRecord(object):
    __slots__ = ('task', 'executor', 'settled', 'delivered', 'settle_order')

    def __init__(self, task, executor):
        self.task = task
        self.executor = executor
        self.settled = False
        self.delivered = False
        self.settle_order = 0


def executor_state(executor):
    try:
        return executor.__dict__.get(EXECUTOR_ATTR)
    except AttributeError:
        return None


def task_record(future):
    try:
        return future.__dict__.get(FUTURE_ATTR)
    except AttributeError:
        return None


_local = None


def local():
    """Per-thread state: the running task, the map call being iterated."""
    global _local
    if _local is None:
        import threading

        _local = threading.local()
    return _local


def thread_facts():
    """(native thread id, thread name, the name as JSON) of the calling thread,
    worked out once per thread (a thread renamed later keeps its first name)."""
    here = local()
    facts = getattr(here, 'facts', None)
    if facts is None:
        import threading
        from .wire import text

        name = threading.current_thread().name
        facts = here.facts = (_thread.get_native_id(), name, text(name))
    return facts


def _after_fork_in_child():
    global _id_lock, _pid, record_lock, _local
    _id_lock = _thread.allocate_lock()
    record_lock = _thread.RLock()
    _pid = os.getpid()
    _local = None  # the forking thread's cached facts name the parent's thread id


if hasattr(os, 'register_at_fork'):
    os.register_at_fork(after_in_child=_after_fork_in_child)
