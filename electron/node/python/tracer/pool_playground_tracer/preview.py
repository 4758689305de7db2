"""How values, callables and exceptions are shown: short previews, never the objects.

Tracebacks leave out the tracer's own frames and name the user's files
relative to the run's folder (``main.py``, not the private temporary path).
"""
import os
import reprlib
import sys
import traceback

PREVIEW_CHARS = 240
_TRACER_DIR = os.path.dirname(os.path.abspath(__file__))
_workdir = os.getcwd()

_repr = reprlib.Repr()
_repr.maxstring = 160
_repr.maxother = 160
_repr.maxlong = 60
_repr.maxlist = _repr.maxtuple = _repr.maxset = _repr.maxfrozenset = _repr.maxdeque = 12
_repr.maxdict = 8
_repr.maxlevel = 3
_SIMPLE = (bool, float, type(None))


def preview(value):
    """repr() of a value, cut short; a broken __repr__ cannot hurt the run."""
    try:
        kind = type(value)
        if kind in _SIMPLE or (kind is int and -10**15 < value < 10**15):
            return repr(value)
        if kind is str and len(value) <= 120:
            return repr(value)
        text = _repr.repr(value)
    except Exception as exc:
        text = '<{} (repr failed: {})>'.format(type(value).__name__, type(exc).__name__)
    return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS - 1] + '\u2026'


def callable_name(fn):
    name = getattr(fn, '__qualname__', None) or getattr(fn, '__name__', None)
    if name is None:
        inner = getattr(fn, 'func', None)  # functools.partial
        if inner is not None:
            return 'partial({})'.format(callable_name(inner))
        return type(fn).__name__
    return name


def is_tracer_file(filename):
    return filename.startswith(_TRACER_DIR)


def user_file(filename):
    """The name the user knows a file by: relative to the run's folder when inside it."""
    if filename.startswith(_workdir + os.sep):
        return filename[len(_workdir) + 1:]
    return filename


def error_info(exc):
    """{type, message, traceback, line}: line is the deepest line in the user's own files."""
    info = {'type': _type_name(exc), 'message': _message(exc), 'traceback': None, 'line': None}
    try:
        chunks = traceback.TracebackException(type(exc), exc, exc.__traceback__).format()
        info['traceback'] = ''.join(_clean(chunks))
        tb, line = exc.__traceback__, None
        while tb is not None:
            filename = tb.tb_frame.f_code.co_filename
            if filename.startswith(_workdir + os.sep) or not os.path.isabs(filename):
                if not filename.startswith('<'):
                    line = tb.tb_lineno
            tb = tb.tb_next
        if line is None and isinstance(exc, SyntaxError):
            line = exc.lineno
        info['line'] = line
    except Exception:
        pass
    return info


def _clean(chunks):
    prefix = '  File "' + _workdir + os.sep
    for chunk in chunks:
        if chunk.startswith('  File "' + _TRACER_DIR):
            continue
        if chunk.startswith(prefix):
            chunk = '  File "' + chunk[len(prefix):]
        yield chunk


def _type_name(exc):
    kind = type(exc)
    module = kind.__module__
    if module in ('builtins', '__main__', None):
        return kind.__qualname__
    return '{}.{}'.format(module, kind.__qualname__)


def _message(exc):
    try:
        return str(exc)
    except Exception:
        return '<str() failed>'


def strip_tracer_frames(tb):
    """Unlink the tracer's own frames from a traceback chain (tb_next is writable)."""
    while tb is not None and is_tracer_file(tb.tb_frame.f_code.co_filename):
        tb = tb.tb_next
    head = tb
    while tb is not None:
        nxt = tb.tb_next
        while nxt is not None and is_tracer_file(nxt.tb_frame.f_code.co_filename):
            nxt = nxt.tb_next
        tb.tb_next = nxt
        tb = nxt
    return head


PY311 = sys.version_info >= (3, 11)


def drop_own_frame(exc):
    """Before a bare ``raise`` in a wrapper: take the wrapper's own frame off the
    traceback. From 3.11 the re-raise keeps this; before, it restores the old one."""
    if PY311 and exc.__traceback__ is not None:
        exc.__traceback__ = exc.__traceback__.tb_next
