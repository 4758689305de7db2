"""The Pool Playground tracer: CPython's executors, reported live to the host.

Installed from outside the user's program by ``sitecustomize`` (found through
PYTHONPATH), so it runs at the start of *every* interpreter of the run: the
program, each spawned worker, the forkserver. Forked children inherit it
already installed and reconnect under their own PID.

    host (Node) ── UNIX socket, one connection per process, JSON lines ──┐
       ▲                                                                 │
       │ executor-created, task-submitted, task-settled, task-delivered, │
       │ process-started/-exited, pool-broken, output (pid, thread)      │
    python3 main.py (the caller) ── pickled work items ──► worker PIDs   │
       │ (fork / spawn / forkserver)                       task-started, │
       │                                                   task-finished,│
       └─ forkserver (3.14 default) ─ forks ─► workers     worker-*,     │
                                                           output ───────┘

Each process writes its own events in order on its own connection; ids
("<pid>.<n>") are made by the process that submits, so they are unique across
processes. Nothing here starts a thread, and every tracer error is caught and
reported once as a ``tracer-warning``: the user's program runs as it would
without the tracer, its output untouched.
"""
import atexit
import sys

from . import transport

_installed = False


def install():
    global _installed
    if _installed or not transport.enabled():
        return
    _installed = True
    from . import limits, output

    limits.apply_from_environment()
    output.install()
    _install_excepthook()
    atexit.register(_at_exit)

    from .importhook import PostImportPatcher
    from . import executors, futures_hooks, processes

    PostImportPatcher({
        'concurrent.futures._base': futures_hooks.patch_base_module,
        'concurrent.futures': futures_hooks.patch_package,
        'concurrent.futures.process': executors.patch_process_module,
        'concurrent.futures.thread': executors.patch_thread_module,
        'multiprocessing.process': processes.patch_process_module,
    }).install()


def _install_excepthook():
    original = sys.excepthook

    def excepthook(kind, value, tb):
        try:
            from .preview import error_info

            transport.emit({'type': 'uncaught-exception', 'error': error_info(value)})
        except Exception as exc:
            transport.report_failure('uncaught exception', exc)
        original(kind, value, tb)

    sys.excepthook = excepthook


def _at_exit():
    try:
        from . import processes, output

        processes.at_exit()
        output.flush_all()
    except Exception as exc:
        transport.report_failure('exit', exc)
