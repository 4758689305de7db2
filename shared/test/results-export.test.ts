import { describe, expect, it } from 'vitest';
import { resultsCsv, resultsJson } from '../results-export';
import { sampleRun } from './sample-runs';

describe('results export', () => {
  it('writes results as CSV (quoted where needed) and JSON', () => {
    const csv = resultsCsv(sampleRun()).trim().split('\n');
    expect(csv[0]).toBe(
      'task,input_index,label,args,state,pid,submitted_ms,started_ms,finished_ms,delivered_ms,delivery_order,result,error',
    );
    expect(csv[2]).toContain(`"f(""a,b"")"`);
    expect(JSON.parse(resultsJson(sampleRun()))).toHaveLength(2);
  });
});
