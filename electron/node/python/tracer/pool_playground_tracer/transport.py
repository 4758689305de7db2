"""Each process writes its events into its own memory-mapped files: JSON lines.

    <trace dir>/<pid>.<generation>.<segment>.jsonl   (256 KiB each, zero-filled,
                                                       written front to back)

An event costs an encode and a memory copy: no system call, and the GIL is
never released (over a socket every event was a send, and in a thread pool
every send a GIL hand-over: several times the cost of the tracer itself). The
host reads the files every few milliseconds, up to the first NUL byte and
whole lines only, so it never sees half an event; it learns that a process is
gone from the process table and then reads its files to the end — even a
process killed by SIGKILL leaves every event it wrote.

One writer per file: a process opens its first segment lazily, on its first
event, starting with a ``hello`` line; its threads share it under one lock.
(The generation is 0 unless an earlier process of the run had the same PID.)
After ``fork`` the child drops the inherited map (the parent keeps writing
that file) and opens files under its own PID. If its files cannot be made, a
process stops tracing, says so once on its real stderr, and ``emit`` returns
False, so its output falls back to the terminal.
"""
import mmap
import os
import sys
import time
import _thread

ADDRESS_ENV = 'POOL_PLAYGROUND_TRACE'  # the trace directory
PROTOCOL = 2
SEGMENT_BYTES = 256 * 1024

_lock = _thread.RLock()
_map = None
_pos = 0
_segment = 0
_generation = None
_dead = False
_sending = False
_pending = []  # events written by a signal handler during another write
_warned = set()
_encode = None


def now_ms():
    """Epoch milliseconds: the same clock as Node's timeOrigin + now()."""
    return time.time_ns() / 1e6


def enabled():
    return bool(os.environ.get(ADDRESS_ENV)) and not _dead


def emit(event):
    """Write one event (a dict with 'type'); False when this process is not traced."""
    if 'at' not in event:
        event['at'] = now_ms()
    return _write(event)


def emit_json(line):
    """Write one event already encoded as a JSON object (see wire.py)."""
    return _write(line)


def _write(item):
    global _sending
    with _lock:
        if _dead:
            return False
        if _sending:
            # Re-entered from a signal handler in the middle of a write: it goes
            # after the line being written rather than into the middle of it.
            _pending.append(item)
            return True
        _sending = True
        try:
            if _map is None and not _open_first():
                return False
            _append(_line(item))
            while _pending:
                _append(_line(_pending.pop(0)))
            return True
        except Exception as exc:
            _give_up('cannot write its events ({}: {})'.format(type(exc).__name__, exc))
            return False
        finally:
            _sending = False


def _line(item):
    # Every line is ASCII (wire.py and the JSON encoder escape the rest), so it
    # never holds a NUL: the host reads up to the first one.
    if isinstance(item, str):
        return (item + '\n').encode()
    return (_encode(item) + '\n').encode()


def _append(data):
    global _pos, _segment
    size = len(data)
    if size > SEGMENT_BYTES // 2:
        data = _line({'type': 'tracer-warning', 'at': now_ms(),
                      'message': 'an event of {} bytes was left out'.format(size)})
        size = len(data)
    if _pos + size > SEGMENT_BYTES:
        _segment += 1
        _open_segment()
    _map[_pos:_pos + size] = data
    _pos += size


def _open_segment():
    global _map, _pos, _generation
    directory = os.environ.get(ADDRESS_ENV, '')
    pid = os.getpid()
    generation = _generation or 0
    while True:
        path = os.path.join(directory, '{}.{}.{}.jsonl'.format(pid, generation, _segment))
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            break
        except FileExistsError:
            if _generation is not None:
                raise
            generation += 1  # an earlier process of this run had the same PID
    _generation = generation
    try:
        if hasattr(os, 'posix_fallocate'):
            # Reserve the memory now: a full file system then fails here, where it
            # is caught, not as a SIGBUS in the middle of a write to the map.
            os.posix_fallocate(fd, 0, SEGMENT_BYTES)
        else:
            os.ftruncate(fd, SEGMENT_BYTES)
        new_map = mmap.mmap(fd, SEGMENT_BYTES)
    finally:
        os.close(fd)
    old, _map, _pos = _map, new_map, 0
    if old is not None:
        old.close()  # its lines stay in the file for the host


def _open_first():
    global _encode
    try:
        import json

        _encode = json.JSONEncoder(separators=(',', ':'), default=repr).encode
        _open_segment()
        _append(_line(_hello()))
        return True
    except Exception as exc:
        _give_up('cannot write its events to {} ({})'.format(os.environ.get(ADDRESS_ENV, ''), exc))
        return False


def _hello():
    gil = getattr(sys, '_is_gil_enabled', None)
    return {
        'type': 'hello',
        'at': now_ms(),
        'protocol': PROTOCOL,
        'pid': os.getpid(),
        'ppid': os.getppid(),
        'python': '{}.{}.{}'.format(*sys.version_info[:3]),
        # Builds before 3.13 always hold the GIL.
        'gil': bool(gil()) if gil is not None else True,
        'argv': [str(a) for a in sys.argv[:3]],
    }


def _give_up(why):
    global _dead
    _dead = True
    _say_on_stderr('pool-playground tracer (pid {}): {}; this process is no longer traced.'.format(
        os.getpid(), why))


def _say_on_stderr(text):
    try:
        stream = sys.__stderr__
        if stream is not None:
            stream.write(text + '\n')
            stream.flush()
    except Exception:
        pass


def warn(key, message):
    """Report a tracer problem once per key: to the host, else on stderr."""
    if key in _warned:
        return
    _warned.add(key)
    if not emit({'type': 'tracer-warning', 'message': message}):
        _say_on_stderr('pool-playground tracer (pid {}): {}'.format(os.getpid(), message))


def report_failure(where, exc):
    """A tracer bug or an unexpected interpreter: never the user's problem."""
    warn(where, 'the tracer failed in {}: {}: {} (the program runs on; the timeline may be incomplete)'.format(
        where, type(exc).__name__, exc))


def _after_fork_in_child():
    global _lock, _map, _pos, _segment, _generation, _sending, _pending
    _lock = _thread.RLock()
    inherited, _map, _pos, _segment, _generation = _map, None, 0, 0, None
    _sending = False
    _pending = []  # the parent's, not this process's
    if inherited is not None:
        try:
            inherited.close()  # this process's view only: the parent keeps writing the file
        except Exception:
            pass


if hasattr(os, 'register_at_fork'):
    os.register_at_fork(after_in_child=_after_fork_in_child)
