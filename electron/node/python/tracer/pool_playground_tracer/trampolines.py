"""Code that runs inside the workers, reached by pickling (so: module-level).

``trace_call`` wraps every work item the parent submits; ``init_worker`` wraps
every executor's initializer (or stands in when there is none). Both run in
the worker process (or thread), so they see its real PID and report start and
finish in the worker's own event files, before the result travels back.

A failure of the user's code is re-raised unchanged; on Python 3.11+ the
trampoline's own frame is dropped from the traceback first, so tracebacks read
exactly as they would without the tracer.
"""
from . import transport, state, wire
from .preview import error_info, preview, drop_own_frame


def trace_call(task_id, fn, /, *args, **kwargs):
    here, facts, started = _begin(task_id)
    try:
        result = fn(*args, **kwargs)
    except BaseException as exc:
        _end(task_id, here, facts, started, 'error', exc)
        drop_own_frame(exc)
        raise
    _end(task_id, here, facts, started, 'ok', result)
    return result


def _begin(task_id):
    started = transport.now_ms()
    try:
        here = state.local()
        here.task = task_id  # output written meanwhile names this task
        facts = state.thread_facts()
        transport.emit_json(wire.task_started(task_id, facts, started))
        return here, facts, started
    except Exception as exc:
        transport.report_failure('task start', exc)
        return None, None, started


def _end(task_id, here, facts, started, status, outcome):
    finished = transport.now_ms()
    if facts is None:
        return
    try:
        here.task = None
        if status == 'ok':
            transport.emit_json(wire.task_finished_ok(task_id, preview(outcome), facts, started, finished))
        else:
            transport.emit({'type': 'task-finished', 'task': task_id, 'status': status, 'tid': facts[0],
                            'thread': facts[1], 'started': started, 'error': error_info(outcome), 'at': finished})
    except Exception as exc:
        transport.report_failure('task finish', exc)


def init_worker(executor_id, kind, user_initializer, /, *initargs):
    """The initializer every traced executor runs in each new worker."""
    _worker_event('worker-started', executor_id, kind, None)
    if user_initializer is not None:
        try:
            user_initializer(*initargs)
        except BaseException as exc:
            _worker_event('worker-init-failed', executor_id, kind, exc)
            drop_own_frame(exc)
            raise
    _worker_event('worker-ready', executor_id, kind, None)


def _worker_event(kind_of_event, executor_id, kind, exc):
    try:
        tid, thread = state.thread_facts()[:2]
        event = {'type': kind_of_event, 'executor': executor_id, 'kind': kind, 'tid': tid, 'thread': thread}
        if exc is not None:
            event['error'] = error_info(exc)
        if kind == 'thread' and kind_of_event == 'worker-started':
            _remember_thread(executor_id)
        transport.emit(event)
    except Exception as err:
        transport.report_failure('worker start', err)


_thread_owners = None


def register_thread_executor(executor_id, executor_state):
    global _thread_owners
    if _thread_owners is None:
        import weakref

        _thread_owners = weakref.WeakValueDictionary()
    _thread_owners[executor_id] = executor_state


def _remember_thread(executor_id):
    import threading

    owner = _thread_owners.get(executor_id) if _thread_owners is not None else None
    if owner is not None:
        thread = threading.current_thread()
        if thread not in owner.threads:
            owner.threads.append(thread)
