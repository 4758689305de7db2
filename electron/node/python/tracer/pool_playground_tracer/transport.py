"""One live connection per process to the host: JSON lines over a UNIX socket.

Each process connects lazily, on its first event, and introduces itself with a
``hello`` line carrying the run's token. Everything a process sends goes over
that one connection, written synchronously under one lock, so the host sees
each process's events in the order they happened (no background thread: a
thread in the parent would make Python 3.12+ warn at every fork).

After ``fork`` the child drops the inherited connection (without shutting it
down: the parent still uses it) and opens its own on its next event.

If the host cannot be reached, the process stops trying, says so once on its
real stderr, and ``emit`` returns False so output falls back to the terminal.
"""
import os
import sys
import time
import _thread

ADDRESS_ENV = 'POOL_PLAYGROUND_TRACE'
TOKEN_ENV = 'POOL_PLAYGROUND_TRACE_TOKEN'
PROTOCOL = 1

_lock = _thread.RLock()
_sock = None
_dead = False
_sending = False
_backlog = []
_warned = set()
_encode = None


def now_ms():
    """Epoch milliseconds: the same clock as Node's timeOrigin + now()."""
    return time.time_ns() / 1e6


def enabled():
    return bool(os.environ.get(ADDRESS_ENV)) and not _dead


def emit(event):
    """Send one event (a dict with 'type'); False when the host is unreachable."""
    global _sending
    with _lock:
        if _dead:
            return False
        if _sending:
            # Re-entered from a signal handler in the middle of a send: queue it
            # rather than interleave bytes with the line being written.
            _backlog.append(event)
            return True
        _sending = True
        try:
            if _sock is None and not _connect():
                return False
            _send(event)
            while _backlog:
                _send(_backlog.pop(0))
            return True
        except Exception as exc:  # the host went away: stop sending
            _give_up('lost the connection to the host ({})'.format(exc))
            return False
        finally:
            _sending = False


def _send(event):
    if 'at' not in event:
        event['at'] = now_ms()
    _sock.sendall((_encode(event) + '\n').encode('utf-8', 'surrogatepass'))


def _connect():
    global _sock, _encode
    address = os.environ.get(ADDRESS_ENV, '')
    try:
        import json
        import socket

        _encode = json.JSONEncoder(separators=(',', ':'), default=repr).encode
        if not address.startswith('unix:'):
            raise ValueError('unsupported address {!r}'.format(address))
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(address[len('unix:'):])
        _sock = sock
        _send(_hello())
        return True
    except Exception as exc:
        _give_up('cannot reach the host at {} ({})'.format(address, exc))
        return False


def _hello():
    gil = getattr(sys, '_is_gil_enabled', None)
    return {
        'type': 'hello',
        'token': os.environ.get(TOKEN_ENV, ''),
        'protocol': PROTOCOL,
        'pid': os.getpid(),
        'ppid': os.getppid(),
        'python': '{}.{}.{}'.format(*sys.version_info[:3]),
        # Builds before 3.13 always hold the GIL.
        'gil': bool(gil()) if gil is not None else True,
        'argv': [str(a) for a in sys.argv[:3]],
    }


def _give_up(why):
    global _dead, _sock
    _dead = True
    sock, _sock = _sock, None
    if sock is not None:
        try:
            sock.close()
        except Exception:
            pass
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
    global _lock, _sock, _sending, _backlog
    _lock = _thread.RLock()
    sock, _sock = _sock, None
    _sending = False
    _backlog = []
    if sock is not None:
        try:
            # close(), never shutdown(): the parent keeps using this connection.
            sock.close()
        except Exception:
            pass


if hasattr(os, 'register_at_fork'):
    os.register_at_fork(after_in_child=_after_fork_in_child)
