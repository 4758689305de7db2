/**
 * Run and Stop: check the settings, ask the host to start the run, route
 * its answer (diagnostics go to the problems strip and the editor; a run id
 * goes to the session), and keep an eye on the connection while it runs.
 */
import type { PlaygroundApi, RunMeta } from '../../../shared/api';
import { CODE_TOO_LONG, isCodeTooLong } from '../../../shared/limits';
import { hasPrediction } from '../../../shared/prediction';
import type { RunSpec } from '../../../shared/run-spec';
import { errorsAsDiagnostics, specErrors } from '../runbar/run-form';
import { checkCode, checkedNow } from '../editor/check-code';
import type { CodeCheckStore } from '../editor/code-check-store';
import type { DraftErrors } from '../runbar/draft-errors';
import type { ProblemsStore } from '../problems/problems-store';
import type { RunSession } from './run-session';
import { errorText, type WorkspaceStore } from '../workspace/workspace-store';

const HEARTBEAT_MS = 4000;

export interface RunControllerDeps {
  api: PlaygroundApi;
  session: RunSession;
  workspace: WorkspaceStore;
  problems: ProblemsStore;
  drafts: DraftErrors;
  codeCheck: CodeCheckStore;
}

export class RunController {
  readonly #deps: RunControllerDeps;
  #heartbeat: ReturnType<typeof setInterval> | null = null;
  #attempt = 0;

  constructor(deps: RunControllerDeps) {
    this.#deps = deps;
  }

  /**
   * Start a run with the current code and settings (stopping the one running,
   * if any). The learner's prediction goes with it and is then cleared: a
   * guess is scored only against the run it was made for.
   */
  async run(): Promise<void> {
    const { workspace } = this.#deps;
    const spec = await this.currentSpec();
    if (!spec) return;
    const { prediction, exampleId } = workspace.state;
    const meta: RunMeta = {};
    if (hasPrediction(prediction)) meta.prediction = { ...prediction };
    if (exampleId !== null) meta.exampleId = exampleId;
    const runId = await this.runSpec(spec, meta);
    if (runId !== null && meta.prediction && workspace.state.prediction === prediction) {
      workspace.update({ prediction: { wallSec: null, order: null } });
    }
  }

  /**
   * The editor's code with the run bar's settings, once the code is checked;
   * null (and the problems shown) when the settings are not valid.
   */
  async currentSpec(): Promise<RunSpec | null> {
    const { api, workspace, problems, drafts, codeCheck } = this.#deps;
    // Code typed a moment ago may not be checked yet: its exports decide the function.
    if (!checkedNow(codeCheck, workspace)) {
      await checkCode({ api, codeCheck, workspace }, workspace.state.code).catch(() => undefined);
    }
    const { code, spec, python } = workspace.state;
    const errors = { ...specErrors(spec), ...drafts.errors };
    const tooLong = isCodeTooLong(code) ? [{ source: 'code' as const, message: CODE_TOO_LONG }] : [];
    if (tooLong.length > 0 || Object.keys(errors).length > 0) {
      problems.set([...tooLong, ...errorsAsDiagnostics(errors)]);
      return null;
    }
    return { ...spec, code, python };
  }

  /** Start a run of `spec` (a serial baseline, a sweep's step…); its id, or null when it did not start. */
  async runSpec(spec: RunSpec, meta: RunMeta = {}): Promise<string | null> {
    const { api, session, problems, codeCheck } = this.#deps;
    const attempt = ++this.#attempt;
    problems.clear();
    session.starting();
    try {
      const result = await api.startRun(spec, meta);
      if (attempt !== this.#attempt) return null;
      if (!result.ok) {
        session.startFailed();
        problems.set(result.diagnostics);
        codeCheck.runDiagnostics(result.diagnostics);
        return null;
      }
      session.begin(result.runId, meta);
      this.#watchConnection();
      return result.runId;
    } catch (error) {
      if (attempt !== this.#attempt) return null;
      session.startFailed();
      problems.hostError(hostMessage('Could not start the run', error));
      return null;
    }
  }

  /** Stop the run on screen: its workers are terminated. */
  async stop(): Promise<void> {
    const { api, session, problems } = this.#deps;
    const runId = session.runId;
    if (runId === null || session.phase !== 'running') return;
    try {
      await api.stopRun(runId);
    } catch (error) {
      const message = hostMessage('Could not stop the run', error);
      problems.hostError(message);
      session.markLost(message);
    }
  }

  /**
   * Shutdown: the run's caller calls executor.shutdown() now, with the wait
   * and cancel_futures of the run's settings. False when it could not (the
   * serial baseline, or the run is over).
   */
  async shutdown(): Promise<boolean> {
    const { api, session, problems } = this.#deps;
    const runId = session.runId;
    if (runId === null || session.phase !== 'running') return false;
    try {
      return await api.shutdownRun(runId);
    } catch (error) {
      problems.hostError(hostMessage('Could not shut the pool down', error));
      return false;
    }
  }

  dispose(): void {
    if (this.#heartbeat !== null) clearInterval(this.#heartbeat);
    this.#heartbeat = null;
  }

  /** While a run goes on, make sure the host is still there (otherwise it would look stuck forever). */
  #watchConnection(): void {
    const { api, session, problems } = this.#deps;
    this.dispose();
    const runId = session.runId;
    this.#heartbeat = setInterval(() => {
      if (session.runId !== runId || session.phase !== 'running') {
        this.dispose();
        return;
      }
      api.getInfo().catch((error: unknown) => {
        if (session.runId !== runId || session.phase !== 'running') return;
        const message = hostMessage('Lost the connection to the host during the run', error);
        problems.hostError(message);
        session.markLost(message);
        this.dispose();
      });
    }, HEARTBEAT_MS);
  }
}

function hostMessage(what: string, error: unknown): string {
  const text = errorText(error).trim();
  return `${what}: ${/[.!?]$/.test(text) ? text : `${text}.`} Your code is kept in the editor.`;
}
