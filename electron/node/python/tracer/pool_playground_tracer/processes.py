"""Worker processes and threads: started, exited, and who died when a pool broke.

Processes are seen from the parent, through multiprocessing's public
``Process.start`` (the new PID) and ``Process.join`` (the exit code or
signal). The pool joins every worker it retires: a recycled worker
(max_tasks_per_child), all of them at shutdown, the survivors of a broken
pool. A worker belongs to the executor whose call queue it was given.

Thread workers cannot be joined from outside; their exits are reported when
``shutdown`` returns (or at interpreter exit) for each one no longer alive.
"""
import functools
import os
import _thread

from . import transport, state
from .preview import drop_own_frame

_lock = _thread.allocate_lock()
_queues = None  # call queue -> executor id
_tracked = {}  # pid -> (process, executor id)
_broken_reported = set()
_thread_executors = []


def register_call_queue(queue, executor_id):
    global _queues
    if queue is None:
        transport.warn('call-queue', 'this Python has no ProcessPoolExecutor._call_queue: '
                                     'worker processes are not matched to their executor')
        return
    if _queues is None:
        import weakref

        _queues = weakref.WeakKeyDictionary()
    _queues[queue] = executor_id


def patch_process_module(module):
    base = module.BaseProcess
    base.start = _wrap_start(base.start)
    base.join = _wrap_join(base.join)


def _wrap_start(original):
    @functools.wraps(original)
    def start(self):
        executor = None
        try:
            executor = _owner_of(self)  # before start(), which drops _args
        except Exception as exc:
            transport.report_failure('process start', exc)
        try:
            original(self)
        except BaseException as exc:
            drop_own_frame(exc)
            raise
        try:
            _started(self, executor)
        except Exception as exc:
            transport.report_failure('process start', exc)

    return start


def _owner_of(process):
    args = getattr(process, '_args', ())
    if _queues is None or not args:
        return None
    try:
        return _queues.get(args[0])
    except TypeError:  # an unhashable first argument: not a pool's call queue
        return None


def _started(process, executor):
    if not transport.enabled():
        return
    method = getattr(type(process), '_start_method', None)
    tid, thread = state.thread_facts()[:2]
    with _lock:
        _tracked[process.pid] = (process, executor)
    transport.emit({'type': 'process-started', 'child': process.pid, 'name': process.name,
                    'executor': executor, 'startMethod': method, 'tid': tid, 'thread': thread})


def _wrap_join(original):
    @functools.wraps(original)
    def join(self, timeout=None):
        try:
            original(self, timeout)
        except BaseException as exc:
            drop_own_frame(exc)
            raise
        try:
            _maybe_exited(self)
        except Exception as exc:
            transport.report_failure('process join', exc)

    return join


def _maybe_exited(process):
    pid = process.pid
    if pid not in _tracked:
        return
    code = process.exitcode
    if code is None:
        return
    with _lock:
        entry = _tracked.pop(pid, None)
    if entry is None:
        return
    transport.emit(dict(_exit_facts(pid, code), type='process-exited', executor=entry[1]))


def _exit_facts(pid, code):
    signal_name = None
    if code < 0:
        try:
            import signal

            signal_name = signal.Signals(-code).name
        except Exception:
            signal_name = 'signal {}'.format(-code)
    return {'child': pid, 'exitCode': code if code >= 0 else None, 'signal': signal_name}


def report_broken(executor_id, exc):
    """Once per executor: the pool broke; name the workers already dead.

    A dead worker's sentinel can be ready a moment before the process can be
    reaped, so the dead ones (sentinel ready) are joined briefly here, in the
    manager thread that will join them anyway.
    """
    with _lock:
        if executor_id in _broken_reported:
            return
        _broken_reported.add(executor_id)
        workers = [(pid, p) for pid, (p, owner) in _tracked.items() if owner == executor_id]
    from multiprocessing.connection import wait as ready_among

    by_sentinel = {}
    for pid, process in workers:
        try:
            by_sentinel[process.sentinel] = (pid, process)
        except ValueError:  # closed
            continue
    dead = []
    for sentinel in ready_among(list(by_sentinel), 0):
        pid, process = by_sentinel[sentinel]
        process.join(1.0)
        code = process.exitcode
        if code is not None:
            dead.append(_exit_facts(pid, code))
    transport.emit({'type': 'pool-broken', 'executor': executor_id, 'message': str(exc), 'dead': dead})


def report_thread_exits(executor_state):
    for thread in list(executor_state.threads):
        if thread.is_alive() or thread.ident in executor_state.reported_threads:
            continue
        executor_state.reported_threads.add(thread.ident)
        transport.emit({'type': 'worker-exited', 'executor': executor_state.id, 'kind': 'thread',
                        'tid': getattr(thread, 'native_id', None), 'thread': thread.name})


def at_exit():
    """Last words of a process: exits not yet reported (shutdown(wait=False), no shutdown)."""
    for pid, (process, _owner) in list(_tracked.items()):
        try:
            if process._parent_pid == os.getpid():
                _maybe_exited(process)
        except Exception:
            pass
    for executor_state in list(_thread_executors):
        report_thread_exits(executor_state)


def remember_thread_executor(executor_state):
    with _lock:
        if executor_state not in _thread_executors:
            _thread_executors.append(executor_state)


def _after_fork_in_child():
    global _lock
    _lock = _thread.allocate_lock()
    _tracked.clear()
    del _thread_executors[:]


if hasattr(os, 'register_at_fork'):
    os.register_at_fork(after_in_child=_after_fork_in_child)
