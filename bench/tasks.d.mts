// Types for tasks.mjs, so the runner can import countPrimes() from TypeScript.
export function epochMs(): number;
export function noop<T>(x: T): T;
export function mapChunk<T>(items: readonly T[]): T[];
export function countPrimes(n: number): number;
export function countPrimesTimed(n: number): [count: number, seconds: number, pid: number];
export function sleepMs(ms: number): number;
export function sleepStamp(ms: number): number;
