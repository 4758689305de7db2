"""The Python tracer's cost per task, measured from inside the program.

Run as the user's program (so, traced or not, exactly as a learner's would
be), on CPython's own executors with 2 warmed workers: N no-op tasks one at a
time (submit, then result), then N submitted at once and collected. Prints one
JSON line of microseconds per task. The sizes are filled in by
bench/python-tracer.ts.
"""
import json
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

ONE_AT_A_TIME = {one_at_a_time}
SUBMIT_ALL = {submit_all}


def noop(x):
    return x


def measure(kind):
    with kind(max_workers=2) as executor:
        for f in [executor.submit(noop, i) for i in range(8)]:  # start and warm both workers
            f.result()
        start = time.perf_counter()
        for i in range(ONE_AT_A_TIME):
            executor.submit(noop, i).result()
        one = (time.perf_counter() - start) / ONE_AT_A_TIME * 1e6
        start = time.perf_counter()
        futures = [executor.submit(noop, i) for i in range(SUBMIT_ALL)]
        for f in futures:
            f.result()
        every = (time.perf_counter() - start) / SUBMIT_ALL * 1e6
    return {'oneAtATime': one, 'submitAll': every}


if __name__ == '__main__':
    print(json.dumps({'process': measure(ProcessPoolExecutor), 'thread': measure(ThreadPoolExecutor)}))
