"""Compile a program without running it; print one JSON line: ok (with the
names of its top-level functions, the task functions a pool can be handed),
or the error.

Usage: python3 check_syntax.py DISPLAY_NAME < SOURCE. The same check as
``python3 -m py_compile``, with the line and column of the error, in the
user's own file name (e.g. main.py).
"""
import json
import sys
import warnings


def check(source, display_name):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')  # the run itself shows SyntaxWarnings
            compile(source, display_name, 'exec', dont_inherit=True)
    except SyntaxError as exc:
        return {
            'ok': False,
            'type': type(exc).__name__,
            'message': exc.msg or str(exc),
            'line': exc.lineno,
            'column': exc.offset,
            'endLine': getattr(exc, 'end_lineno', None),
            'endColumn': getattr(exc, 'end_offset', None),
            'text': exc.text.rstrip('\n') if isinstance(exc.text, str) else None,
        }
    except (ValueError, OverflowError, MemoryError, RecursionError) as exc:
        # e.g. a null byte before 3.12, or nesting too deep for the parser
        return {'ok': False, 'type': type(exc).__name__, 'message': str(exc), 'line': None, 'column': None,
                'endLine': None, 'endColumn': None, 'text': None}
    return {'ok': True, 'functions': _top_level_functions(source)}


def _top_level_functions(source):
    """The functions defined at the top of the module (their names travel to workers by pickling)."""
    try:
        import ast

        return [node.name for node in ast.parse(source).body
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    except Exception:
        return []


if __name__ == '__main__':
    sys.stdout.write(json.dumps(check(sys.stdin.buffer.read(), sys.argv[1])) + '\n')
