"""Runs at the start of every interpreter whose PYTHONPATH names this folder.

First it runs the sitecustomize this interpreter would have run without us
(Debian's, a virtualenv's, ...), exactly once and with the same error
handling as site.py; then it installs the Pool Playground tracer, which does
nothing unless the host asked for it (POOL_PLAYGROUND_TRACE). Nothing here may
stop the user's program from running.
"""
import os
import sys


def _run_the_original_sitecustomize():
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        from importlib.machinery import PathFinder
        from importlib.util import module_from_spec

        others = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
        spec = PathFinder.find_spec('sitecustomize', others)
        if spec is None or spec.loader is None:
            return
        module = module_from_spec(spec)
        sys.modules['_pool_playground_original_sitecustomize'] = module
        spec.loader.exec_module(module)
    except Exception as exc:
        # What site.py prints when a sitecustomize fails.
        if sys.flags.verbose:
            sys.excepthook(*sys.exc_info())
        else:
            sys.stderr.write('Error in sitecustomize; set PYTHONVERBOSE for traceback:\n'
                             '%s: %s\n' % (exc.__class__.__name__, exc))


def _install_the_tracer():
    try:
        import pool_playground_tracer

        pool_playground_tracer.install()
    except Exception as exc:
        try:
            sys.__stderr__.write('pool-playground tracer (pid %d): not installed (%s: %s); '
                                 'the program runs untraced.\n' % (os.getpid(), type(exc).__name__, exc))
        except Exception:
            pass


_run_the_original_sitecustomize()
_install_the_tracer()
