// The bare floor under the as_completed workload: a child started with
// child_process.fork (JSON or 'advanced' serialization, as the parent chose),
// which sleeps as told (blocking, like the pool's tasks) and answers with its
// completion stamp. No pool code at all.
const cell = new Int32Array(new SharedArrayBuffer(4));
process.on('message', (ms) => {
  Atomics.wait(cell, 0, 0, ms);
  process.send(performance.timeOrigin + performance.now());
});
process.on('disconnect', () => process.exit(0));
