"""ProcessPoolExecutor and ThreadPoolExecutor, wrapped at their public methods.

``__init__`` gives the executor an id and slips ``init_worker`` in as its
initializer (the user's own initializer, if any, runs inside it); ``submit``
numbers each task and sends the work item through ``trace_call``; ``map``
marks the tasks it submits and the results it hands back; ``shutdown``
reports when it was asked for and when it returned.

Every wrapper first does the tracer's work inside try/except (a failure there
is reported once and the call goes through untraced) and then calls the
original, whose exceptions reach the user unchanged.
"""
import functools

from . import transport, state, trampolines, futures_hooks, processes, wire
from .preview import preview, callable_name, strip_tracer_frames, drop_own_frame, PY311


def patch_process_module(module):
    cls = module.ProcessPoolExecutor
    chunk_fn = getattr(module, '_process_chunk', None)
    if chunk_fn is None:
        transport.warn('chunk', 'this Python has no concurrent.futures.process._process_chunk: '
                                'map() chunks are shown as calls of partial(...)')
    _patch_class(cls, 'process', chunk_fn)
    if not PY311:
        _patch_remote_traceback(module)


def patch_thread_module(module):
    _patch_class(module.ThreadPoolExecutor, 'thread', None)


def _patch_class(cls, kind, chunk_fn):
    cls.__init__ = _wrap_init(cls.__init__, kind)
    cls.submit = _wrap_submit(cls.submit, chunk_fn)
    cls.map = _wrap_map(cls.map)
    cls.shutdown = _wrap_shutdown(cls.shutdown)


def _wrap_init(original, kind):
    signature = []

    @functools.wraps(original)
    def __init__(self, *args, **kwargs):
        plan = None
        try:
            plan = _plan(self, kind, original, signature, args, kwargs)
        except Exception as exc:
            transport.report_failure('executor creation', exc)
        if plan is not None:
            executor_id, args, kwargs, facts = plan
        try:
            original(self, *args, **kwargs)
        except BaseException as exc:
            drop_own_frame(exc)
            raise
        if plan is None:
            return
        try:
            _announce(self, kind, executor_id, facts)
        except Exception as exc:
            transport.report_failure('executor creation', exc)

    return __init__


def _plan(executor, kind, original, signature, args, kwargs):
    """The id and the arguments to create a traced executor with, or None."""
    if not transport.enabled():
        return None
    if any(c.__name__ == 'InterpreterPoolExecutor' for c in type(executor).__mro__):
        return None  # its workers are subinterpreters, which run no sitecustomize
    if not signature:
        import inspect

        signature.append(inspect.signature(original))
    try:
        bound = signature[0].bind(executor, *args, **kwargs)
    except TypeError:
        return None  # the original raises the right error
    user_init = bound.arguments.get('initializer')
    if user_init is not None and not callable(user_init):
        return None
    initargs = bound.arguments.get('initargs', ())
    executor_id = state.new_id()
    bound.arguments['initializer'] = functools.partial(trampolines.init_worker, executor_id, kind, user_init)
    facts = {
        'initializer': callable_name(user_init) if user_init is not None else None,
        'initargs': [preview(a) for a in initargs] if isinstance(initargs, (tuple, list)) else [],
    }
    return executor_id, bound.args[1:], bound.kwargs, facts


def _announce(executor, kind, executor_id, facts):
    executor_state = state.ExecutorState(executor_id, kind)
    executor.__dict__[state.EXECUTOR_ATTR] = executor_state
    start_method = None
    if kind == 'thread':
        trampolines.register_thread_executor(executor_id, executor_state)
        processes.remember_thread_executor(executor_state)
    else:
        processes.register_call_queue(getattr(executor, '_call_queue', None), executor_id)
        context = getattr(executor, '_mp_context', None)
        start_method = context.get_start_method() if context is not None else None
    tid, thread = state.thread_facts()[:2]
    event = {
        'type': 'executor-created', 'executor': executor_id, 'kind': kind,
        'maxWorkers': getattr(executor, '_max_workers', None),
        'startMethod': start_method,
        'maxTasksPerChild': getattr(executor, '_max_tasks_per_child', None),
        'tid': tid, 'thread': thread,
    }
    event.update(facts)
    transport.emit(event)


def _wrap_submit(original, chunk_fn):
    @functools.wraps(original)
    def submit(self, fn, /, *args, **kwargs):
        executor_state = state.executor_state(self)
        task = None
        if executor_state is not None:
            try:
                task = _announce_task(executor_state, fn, args, kwargs, chunk_fn)
            except Exception as exc:
                transport.report_failure('submit', exc)
        try:
            if task is None:
                return original(self, fn, *args, **kwargs)
            future = original(self, trampolines.trace_call, task, fn, *args, **kwargs)
        except BaseException as exc:
            if task is not None:
                _reject(executor_state, task, exc)
            drop_own_frame(exc)
            raise
        try:
            futures_hooks.track(future, task, executor_state.id)
        except Exception as exc:
            transport.report_failure('submit', exc)
        return future

    return submit


def _announce_task(executor_state, fn, args, kwargs, chunk_fn):
    at = transport.now_ms()
    task = state.new_id()
    items = None
    if chunk_fn is not None and isinstance(fn, functools.partial) and fn.func is chunk_fn and fn.args:
        # One chunk of ProcessPoolExecutor.map: the user's function and its items.
        name, shown = callable_name(fn.args[0]), []
        items = [_item_preview(item) for item in (args[0] if args else ())]
    else:
        name, shown = callable_name(fn), [preview(a) for a in args]
    if kwargs:
        kwargs = {str(k): preview(v) for k, v in kwargs.items()}
    transport.emit_json(wire.task_submitted(task, executor_state.id, getattr(state.local(), 'map', None), name,
                                            shown, kwargs, items, state.thread_facts(), at))
    return task


def _item_preview(item):
    if isinstance(item, tuple):
        return ', '.join(preview(a) for a in item)
    return preview(item)


def _reject(executor_state, task, exc):
    try:
        from .preview import error_info

        transport.emit({'type': 'task-rejected', 'task': task, 'executor': executor_state.id,
                        'error': error_info(exc)})
    except Exception as err:
        transport.report_failure('submit', err)


def _wrap_map(original):
    @functools.wraps(original)
    def map(self, fn, *iterables, **kwargs):
        executor_state = state.executor_state(self)
        if executor_state is None:
            try:
                return original(self, fn, *iterables, **kwargs)
            except BaseException as exc:
                drop_own_frame(exc)
                raise
        map_id = None
        try:
            map_id = state.new_id()
            transport.emit({'type': 'map-called', 'map': map_id, 'executor': executor_state.id,
                            'fn': callable_name(fn), 'chunksize': kwargs.get('chunksize'),
                            'timeout': kwargs.get('timeout'), 'buffersize': kwargs.get('buffersize')})
        except Exception as exc:
            transport.report_failure('map', exc)
        local = state.local()
        outer = getattr(local, 'map', None)
        local.map = map_id
        try:
            results = original(self, fn, *iterables, **kwargs)
        except BaseException as exc:
            drop_own_frame(exc)
            raise
        finally:
            local.map = outer
        return _iterate_map(iter(results), map_id, local)

    return map


def _iterate_map(results, map_id, local):
    """Yield map's results, marking the futures read meanwhile as delivered 'via map'."""
    try:
        while True:
            outer = getattr(local, 'map', None)
            local.map = map_id
            try:
                value = next(results)
            except StopIteration:
                return
            except BaseException as exc:
                drop_own_frame(exc)
                raise
            finally:
                local.map = outer
            yield value
    finally:
        close = getattr(results, 'close', None)
        if close is not None:
            close()


def _wrap_shutdown(original):
    @functools.wraps(original)
    def shutdown(self, *args, **kwargs):
        executor_state = state.executor_state(self)
        try:
            if executor_state is None:
                return original(self, *args, **kwargs)
        except BaseException as exc:
            drop_own_frame(exc)
            raise
        try:
            wait = args[0] if args else kwargs.get('wait', True)
            transport.emit({'type': 'executor-shutdown', 'executor': executor_state.id, 'wait': bool(wait),
                            'cancelFutures': bool(kwargs.get('cancel_futures', False))})
        except Exception as exc:
            transport.report_failure('shutdown', exc)
        try:
            result = original(self, *args, **kwargs)
        except BaseException as exc:
            drop_own_frame(exc)
            raise
        try:
            if executor_state.kind == 'thread':
                processes.report_thread_exits(executor_state)
            transport.emit({'type': 'executor-shutdown-returned', 'executor': executor_state.id})
        except Exception as exc:
            transport.report_failure('shutdown', exc)
        return result

    return shutdown


def _patch_remote_traceback(module):
    """Before 3.11 a re-raise keeps the trampoline's frame: unlink it where the
    worker formats the traceback it sends to the parent."""
    cls = getattr(module, '_ExceptionWithTraceback', None)
    if cls is None:
        transport.warn('remote-tb', 'worker tracebacks may show one frame of the tracer on this Python')
        return
    original = cls.__init__

    @functools.wraps(original)
    def __init__(self, exc, tb):
        try:
            tb = strip_tracer_frames(tb)
        except Exception as err:
            transport.report_failure('remote traceback', err)
        original(self, exc, tb)

    cls.__init__ = __init__
