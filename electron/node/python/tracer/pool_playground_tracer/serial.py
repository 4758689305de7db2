"""The serial baseline of Python task mode: the task function called one call
after another in the program's own process (the built-in ``map``), each call
reported as a task of its own, so its timeline can be set beside the pool's.

The host names the function in POOL_PLAYGROUND_SERIAL ("module.function");
when that module is imported, the function is wrapped where the program will
look it up. Nothing else changes: the program runs as shown.
"""
import functools
import os

from . import transport, state, wire
from .preview import error_info, preview, drop_own_frame

SERIAL_ENV = 'POOL_PLAYGROUND_SERIAL'


def target():
    """(module, function) to trace, or None."""
    text = os.environ.get(SERIAL_ENV, '')
    module, _, name = text.rpartition('.')
    return (module, name) if module and name else None


def patch(module):
    name = target()[1]
    fn = getattr(module, name, None)
    if not callable(fn):
        return
    setattr(module, name, _traced(fn, name, 'serial.%d' % os.getpid()))


def _traced(fn, name, executor_id):
    @functools.wraps(fn)
    def call(*args, **kwargs):
        task = None
        try:
            task = state.new_id()
            facts = state.thread_facts()
            transport.emit_json(wire.task_submitted(task, executor_id, None, name, [preview(a) for a in args],
                                                    {str(k): preview(v) for k, v in kwargs.items()}, None,
                                                    facts, transport.now_ms()))
        except Exception as exc:
            transport.report_failure('serial call', exc)
            task = None
        started = transport.now_ms()
        if task is not None:
            transport.emit_json(wire.task_started(task, facts, started))
        try:
            result = fn(*args, **kwargs)
        except BaseException as exc:
            if task is not None:
                _finished(task, executor_id, facts, started, None, exc)
            drop_own_frame(exc)
            raise
        if task is not None:
            _finished(task, executor_id, facts, started, result, None)
        return result

    return call


def _finished(task, executor_id, facts, started, result, exc):
    try:
        at = transport.now_ms()
        if exc is None:
            transport.emit_json(wire.task_finished_ok(task, preview(result), facts, started, at))
            transport.emit_json(wire.task_settled_ok(task, executor_id, at))
        else:
            error = error_info(exc)
            transport.emit({'type': 'task-finished', 'task': task, 'status': 'error', 'tid': facts[0],
                            'thread': facts[1], 'started': started, 'error': error, 'at': at})
            transport.emit({'type': 'task-settled', 'task': task, 'executor': executor_id, 'status': 'error',
                            'error': error, 'at': at})
        # The caller has the outcome as soon as the call returns.
        transport.emit_json(wire.task_delivered(task, executor_id, 'result', at))
    except Exception as err:
        transport.report_failure('serial call', err)
