/**
 * The IPC channel names shared by main and preload: one per PlaygroundApi
 * method, plus the run-event push and the renderer's "ready" signal.
 */
import type { ApiMethod } from '../../shared/api';

export const invokeChannel = (method: ApiMethod): `playground:${ApiMethod}` => `playground:${method}`;
export const RUN_EVENTS_CHANNEL = 'playground:run-events';
export const READY_CHANNEL = 'playground:renderer-ready';
