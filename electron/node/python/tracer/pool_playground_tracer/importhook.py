"""Patch a module right after it is first imported, without importing it early.

A program that never imports concurrent.futures pays nothing for the tracer:
the patches wait on ``sys.meta_path`` until the module is actually loaded,
then run once, just after the module's own code (and before ``from X import
Y`` in the importing module reads its names).
"""
import sys

from . import transport


class PostImportPatcher(object):
    def __init__(self, patches):
        self._patches = dict(patches)  # module name -> callable(module)

    def install(self):
        for name in list(self._patches):
            module = sys.modules.get(name)
            if module is not None:
                _run(self._patches.pop(name), module)
        if self._patches:
            sys.meta_path.insert(0, self)

    def find_spec(self, name, path=None, target=None):
        patch = self._patches.get(name)
        if patch is None:
            return None
        spec = None
        for finder in sys.meta_path:
            if finder is self:
                continue
            find = getattr(finder, 'find_spec', None)
            if find is None:
                continue
            spec = find(name, path, target)
            if spec is not None:
                break
        if spec is None or spec.loader is None or not hasattr(spec.loader, 'exec_module'):
            return spec
        del self._patches[name]
        spec.loader = _PatchingLoader(spec.loader, patch)
        return spec


class _PatchingLoader(object):
    def __init__(self, loader, patch):
        self._loader = loader
        self._patch = patch

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        _run(self._patch, module)

    def __getattr__(self, name):
        return getattr(self._loader, name)


def _run(patch, module):
    try:
        patch(module)
    except Exception as exc:
        transport.report_failure('patching {}'.format(getattr(module, '__name__', '?')), exc)
