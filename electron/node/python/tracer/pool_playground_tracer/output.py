"""sys.stdout and sys.stderr, tagged with the process and thread that wrote them.

Text is collected per thread and sent as one ``output`` event per completed
line batch (or on flush), so two threads printing at once never share a line,
and each line says which PID, thread and task wrote it. Whenever the host
cannot take it, the text goes to the real stream instead: output is never
lost, and never sent twice.

Writes that bypass sys.stdout (os.write(1, ...), C libraries, child programs)
reach the host on the raw pipe, untagged.
"""
import io
import os
import _thread

from . import transport, state, wire

_MAX_PENDING = 8192
_MAX_EVENT_TEXT = 16384  # a huge write travels as several events (each well inside a file)
_streams = []


class TracedStream(io.TextIOBase):
    def __init__(self, original, name):
        super().__init__()
        self._original = original
        self._name = name
        self._pending = {}  # thread ident -> [text, thread facts, task]
        self._lock = _thread.allocate_lock()
        _streams.append(self)

    # --- the TextIO surface -------------------------------------------------
    def write(self, text):
        if not isinstance(text, str):
            raise TypeError('write() argument must be str, not {}'.format(type(text).__name__))
        if not text:
            return 0
        ident = _thread.get_ident()
        with self._lock:
            entry = self._pending.get(ident)
            if entry is None:
                entry = self._pending[ident] = [text, None, None]
                _describe_writer(entry)
            else:
                entry[0] += text
            buffered = entry[0]
            cut = buffered.rfind('\n') + 1
            if cut == 0 and len(buffered) < _MAX_PENDING:
                return len(text)
            if cut == 0:
                cut = len(buffered)
            out, entry[0] = buffered[:cut], buffered[cut:]
            if not entry[0]:
                del self._pending[ident]
        self._send(out, entry)
        return len(text)

    def flush(self):
        with self._lock:
            pending, self._pending = self._pending, {}
        for entry in pending.values():
            if entry[0]:
                self._send(entry[0], entry)
        try:
            self._original.flush()
        except Exception:
            pass

    def writable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        return self._original.fileno()

    @property
    def encoding(self):
        return self._original.encoding

    @property
    def errors(self):
        return self._original.errors

    @property
    def buffer(self):
        return self._original.buffer

    def __getattr__(self, name):
        return getattr(self._original, name)

    # --- sending -------------------------------------------------------------
    def _send(self, text, writer):
        while len(text) > _MAX_EVENT_TEXT:
            self._send_one(text[:_MAX_EVENT_TEXT], writer)
            text = text[_MAX_EVENT_TEXT:]
        self._send_one(text, writer)

    def _send_one(self, text, writer):
        sent = False
        try:
            sent = transport.emit_json(wire.output(self._name, text, writer[1], writer[2], transport.now_ms()))
        except Exception as exc:
            transport.report_failure('output', exc)
        if not sent:
            self._original.write(text)
            self._original.flush()

    def _forget_after_fork(self):
        # The parent flushed before forking (multiprocessing does); what is left
        # belongs to the parent and would otherwise be printed twice.
        self._lock = _thread.allocate_lock()
        self._pending = {}


def _describe_writer(entry):
    try:
        entry[1] = state.thread_facts()
        entry[2] = getattr(state.local(), 'task', None)
    except Exception as exc:
        transport.report_failure('output', exc)


def install():
    import sys

    for name in ('stdout', 'stderr'):
        original = getattr(sys, name)
        if original is not None and not isinstance(original, TracedStream):
            setattr(sys, name, TracedStream(original, name))


def flush_all():
    for stream in _streams:
        try:
            stream.flush()
        except Exception:
            pass


def _after_fork_in_child():
    for stream in _streams:
        stream._forget_after_fork()


if hasattr(os, 'register_at_fork'):
    os.register_at_fork(after_in_child=_after_fork_in_child)
