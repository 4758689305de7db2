"""A memory ceiling for every process of the run, where the platform has one.

POOL_PLAYGROUND_MEMORY_LIMIT_MB caps each process's data segment
(RLIMIT_DATA: heap and private anonymous memory; on Linux this leaves thread
stacks' reserved address space alone, unlike RLIMIT_AS, which breaks thread
pools at small limits). An allocation past it raises MemoryError in that
process. Set at each interpreter start; forked children inherit it.
"""
import os

from . import transport

LIMIT_ENV = 'POOL_PLAYGROUND_MEMORY_LIMIT_MB'


def apply_from_environment():
    text = os.environ.get(LIMIT_ENV)
    if not text:
        return
    try:
        limit = int(text) * 1024 * 1024
        import resource
    except (ValueError, ImportError):
        transport.warn('memory-limit', 'no memory limit on this platform ({}={!r})'.format(LIMIT_ENV, text))
        return
    which = getattr(resource, 'RLIMIT_DATA', None) or getattr(resource, 'RLIMIT_AS', None)
    try:
        _soft, hard = resource.getrlimit(which)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(which, (limit, limit))
    except (ValueError, OSError) as exc:
        transport.warn('memory-limit', 'could not set the memory limit: {}'.format(exc))
