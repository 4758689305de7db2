// workerpool's worker script (workerType 'process' forks this file): the
// benchmark's task functions, registered under their own names.
import workerpool from 'workerpool';
import * as tasks from './tasks.mjs';

workerpool.worker({ ...tasks });
