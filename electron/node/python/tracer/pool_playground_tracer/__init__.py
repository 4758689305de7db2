"""The Pool Playground tracer: CPython's executors, reported live to the host.

Installed from outside the user's program by ``sitecustomize`` (found through
PYTHONPATH), so it runs at the start of *every* interpreter of the run: the
program, each spawned worker, the forkserver. Forked children inherit it
already installed and write their events under their own PID.

    host (Node): reads every process's event files every 10 ms ◄──────────┐
       ▲                                                                 │
       │ executor-created, task-submitted, task-settled, task-delivered, │
       │ process-started/-exited, pool-broken, output (pid, thread)      │
    python3 main.py (the caller) ── pickled work items ──► worker PIDs   │
       │ (fork / spawn / forkserver)                       task-started, │
       │                                                   task-finished,│
       └─ forkserver (3.14 default) ─ forks ─► workers     worker-*,     │
                                                           output ───────┘
    (each process: <pid>.<generation>.<segment>.jsonl, memory-mapped: transport.py)

Each process writes its own events in order into its own files; ids
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
    from . import executors, futures_hooks, processes, serial

    patches = {
        'concurrent.futures._base': futures_hooks.patch_base_module,
        'concurrent.futures': futures_hooks.patch_package,
        'concurrent.futures.process': executors.patch_process_module,
        'concurrent.futures.thread': executors.patch_thread_module,
        'multiprocessing.process': processes.patch_process_module,
    }
    baseline = serial.target()
    if baseline is not None:
        patches[baseline[0]] = serial.patch
    PostImportPatcher(patches).install()


def _install_excepthook():
    original = sys.excepthook

    def excepthook(kind, value, tb):
        try:
            from .preview import error_info, strip_tracer_frames

            # Before 3.11 a wrapper's re-raise keeps its frame: leave the tracer out
            # of the traceback the user reads, as from 3.11 it already is.
            tb = strip_tracer_frames(tb)
            seen, chained = set(), value
            while chained is not None and id(chained) not in seen:
                seen.add(id(chained))
                chained.__traceback__ = strip_tracer_frames(chained.__traceback__)
                chained = chained.__cause__ or chained.__context__
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
