"""The events sent once or more per task, encoded by hand.

A dict through json.JSONEncoder costs several microseconds; these lines, a
few hundred nanoseconds. The tracer promises at most 50 µs per task, so the
events of every task take this path; everything rarer goes through
transport.emit(dict). The fields are those of tracer-events.ts.
"""
try:
    from json.encoder import c_encode_basestring_ascii as _text
except ImportError:  # pragma: no cover - CPython has the C encoder
    from json.encoder import encode_basestring_ascii as _text

if _text is None:
    from json.encoder import py_encode_basestring_ascii as _text

text = _text


def optional_text(value):
    return 'null' if value is None else _text(value)


def texts(values):
    return '[' + ','.join([_text(v) for v in values]) + ']'


def task_submitted(task, executor, map_id, fn, args, kwargs, items, facts, at):
    line = '{"type":"task-submitted","task":%s,"executor":%s,"map":%s,"fn":%s,"args":%s,"tid":%d,"thread":%s' % (
        _text(task), _text(executor), optional_text(map_id), _text(fn), texts(args), facts[0], facts[2])
    if kwargs:
        line += ',"kwargs":{' + ','.join(['%s:%s' % (_text(k), _text(v)) for k, v in kwargs.items()]) + '}'
    if items is not None:
        line += ',"items":' + texts(items)
    return line + ',"at":%r}' % at


def task_started(task, facts, at):
    return '{"type":"task-started","task":%s,"tid":%d,"thread":%s,"at":%r}' % (_text(task), facts[0], facts[2], at)


def task_finished_ok(task, result, facts, started, at):
    return ('{"type":"task-finished","task":%s,"status":"ok","result":%s,"tid":%d,"thread":%s,"started":%r,"at":%r}'
            % (_text(task), _text(result), facts[0], facts[2], started, at))


def task_settled_ok(task, executor, at):
    return '{"type":"task-settled","task":%s,"executor":%s,"status":"ok","at":%r}' % (
        _text(task), _text(executor), at)


def task_delivered(task, executor, via, at):
    return '{"type":"task-delivered","task":%s,"executor":%s,"via":"%s","at":%r}' % (
        _text(task), _text(executor), via, at)


def output(stream, chunk, facts, task, at):
    return '{"type":"output","stream":"%s","text":%s,"tid":%d,"thread":%s,"task":%s,"at":%r}' % (
        stream, _text(chunk), facts[0], facts[2], optional_text(task), at)
