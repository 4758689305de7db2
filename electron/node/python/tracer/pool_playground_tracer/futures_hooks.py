"""Futures: when each one settles in the parent, and when its outcome reaches the caller.

``task-settled`` comes from a done-callback the tracer adds at submit (it runs
in whichever thread completed the future). ``task-delivered`` is the first
time the caller gets the outcome: ``result()``, ``exception()``, a future
yielded by ``as_completed``, returned done by ``wait``, read by ``map``'s
iterator, or handed to a done-callback. A delivery always follows its
settlement on the wire: whichever thread gets there first sends both, in order.
"""
import functools

from . import transport, state, processes, wire
from .preview import error_info, drop_own_frame

_original = {}


def patch_base_module(module):
    future = module.Future
    _original['exception'] = future.exception
    future.result = _wrap_result(future.result)
    future.exception = _wrap_exception(future.exception)
    future.add_done_callback = _wrap_add_done_callback(future.add_done_callback)
    _original['add_done_callback'] = future.add_done_callback.__wrapped__
    _original['broken'] = getattr(module, 'BrokenExecutor', None)
    module.as_completed = _wrap_as_completed(module.as_completed)
    module.wait = _wrap_wait(module.wait)


def patch_package(package):
    """If concurrent.futures was imported before the tracer, rebind its names too."""
    base = getattr(package, '_base', None)
    if base is not None:
        package.as_completed = base.as_completed
        package.wait = base.wait


def track(future, task, executor_id):
    record = state.TaskRecord(task, executor_id)
    future.__dict__[state.FUTURE_ATTR] = record
    _original['add_done_callback'](future, _on_done)


def _outcome(future):
    """(cancelled, exception) of a done future. Reads Future's own fields where
    it has them (every CPython 3.x): the public calls take its lock twice."""
    state_field = getattr(future, '_state', None)
    if state_field is not None and hasattr(future, '_exception'):
        return state_field in ('CANCELLED', 'CANCELLED_AND_NOTIFIED'), future._exception
    if future.cancelled():
        return True, None
    return False, _original['exception'](future, 0)


def _on_done(future):
    try:
        record = future.__dict__.get(state.FUTURE_ATTR)
        if record is None:
            return
        cancelled, exc = _outcome(future)
        broken = _original['broken']
        if exc is not None and broken is not None and isinstance(exc, broken):
            # Only here, in the thread that broke the pool (the executor's
            # manager thread, before it terminates and joins the workers):
            # polling a worker's exit from another thread could steal it.
            processes.report_broken(record.executor, exc)
        _settle(future, record, cancelled, exc)
    except Exception as err:
        transport.report_failure('future done', err)


def _settle(future, record, cancelled, exc):
    """The future is done, as the caller's process sees it (after the worker's
    task-finished, if it ran; a cancelled task or a broken pool's has none)."""
    with state.record_lock:
        if record.settled:
            return
        record.settled = True
        record.settle_order = state.next_order()
        at = transport.now_ms()
        if cancelled:
            transport.emit({'type': 'task-settled', 'task': record.task, 'executor': record.executor,
                            'status': 'cancelled', 'at': at})
        elif exc is None:
            transport.emit_json(wire.task_settled_ok(record.task, record.executor, at))
        else:
            info = error_info(exc)
            info['traceback'] = None  # the worker's task-finished carries the traceback
            transport.emit({'type': 'task-settled', 'task': record.task, 'executor': record.executor,
                            'status': 'error', 'error': info, 'at': at})


def deliver(future, via):
    """Mark the first time the caller gets this future's outcome."""
    try:
        record = future.__dict__.get(state.FUTURE_ATTR)
        if record is None or record.delivered:
            return
        with state.record_lock:
            if record.delivered:
                return
            if not record.settled:
                cancelled, exc = _outcome(future)
                _settle(future, record, cancelled, exc)
            record.delivered = True
            transport.emit_json(wire.task_delivered(record.task, record.executor, via, transport.now_ms()))
    except Exception as exc:
        transport.report_failure('delivery', exc)


def _via(default):
    return 'map' if getattr(state.local(), 'map', None) is not None else default


def _raised_outcome(future, exc):
    """Did result()/exception() raise the future's own outcome (not a wait timeout)?"""
    try:
        if not future.done():
            return False
        if future.cancelled():
            return True
        return _original['exception'](future, 0) is exc
    except Exception:
        return False


def _wrap_result(original):
    @functools.wraps(original)
    def result(self, timeout=None):
        traced = state.FUTURE_ATTR in self.__dict__
        try:
            value = original(self, timeout)
        except BaseException as exc:
            if not traced:
                drop_own_frame(exc)
                raise
            if _raised_outcome(self, exc):
                deliver(self, _via('result'))
            drop_own_frame(exc)
            raise
        if traced:
            deliver(self, _via('result'))
        return value

    return result


def _wrap_exception(original):
    @functools.wraps(original)
    def exception(self, timeout=None):
        traced = state.FUTURE_ATTR in self.__dict__
        try:
            value = original(self, timeout)
        except BaseException as exc:
            if not traced:
                drop_own_frame(exc)
                raise
            if self.cancelled():
                deliver(self, 'exception')
            drop_own_frame(exc)
            raise
        if traced:
            deliver(self, 'exception')
        return value

    return exception


def _wrap_add_done_callback(original):
    @functools.wraps(original)
    def add_done_callback(self, fn):
        if state.FUTURE_ATTR not in self.__dict__:
            return original(self, fn)

        @functools.wraps(fn)
        def delivered_then_call(future):
            deliver(future, 'callback')
            return fn(future)

        return original(self, delivered_then_call)

    return add_done_callback


def _wrap_as_completed(original):
    @functools.wraps(original)
    def as_completed(fs, timeout=None):
        inner = original(fs, timeout)
        try:
            while True:
                try:
                    future = next(inner)
                except StopIteration:
                    return
                except BaseException as exc:
                    drop_own_frame(exc)
                    raise
                deliver(future, 'as_completed')
                yield future
        finally:
            inner.close()

    return as_completed


def _wrap_wait(original):
    @functools.wraps(original)
    def wait(fs, *args, **kwargs):
        try:
            outcome = original(fs, *args, **kwargs)
        except BaseException as exc:
            drop_own_frame(exc)
            raise
        try:
            done = [f for f in outcome.done if state.task_record(f) is not None]
            done.sort(key=lambda f: state.task_record(f).settle_order or float('inf'))
            for future in done:
                deliver(future, 'wait')
        except Exception as exc:
            transport.report_failure('wait', exc)
        return outcome

    return wait
