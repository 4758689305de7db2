"""Facts about this interpreter, printed as one JSON line for the host.

Run by path (``python3 probe.py``), never imported by a user's program.
"""
import json
import multiprocessing
import site
import sys
import sysconfig


def facts():
    is_gil_enabled = getattr(sys, '_is_gil_enabled', None)
    try:
        import resource  # noqa: F401

        has_resource = True
    except ImportError:
        has_resource = False
    return {
        'executable': sys.executable,
        'version': '{}.{}.{}'.format(*sys.version_info[:3]),
        'versionLine': ' '.join(sys.version.split()),
        'implementation': sys.implementation.name,
        # A free-threaded build (3.13t+) may still run with the GIL re-enabled.
        'freeThreaded': bool(sysconfig.get_config_var('Py_GIL_DISABLED')),
        'gilEnabled': bool(is_gil_enabled()) if is_gil_enabled is not None else True,
        'startMethods': multiprocessing.get_all_start_methods(),
        'defaultStartMethod': multiprocessing.get_context().get_start_method(),
        'userBase': site.getuserbase(),
        'platform': sys.platform,
        'resourceLimits': has_resource,
    }


if __name__ == '__main__':
    sys.stdout.write(json.dumps(facts()) + '\n')
