/**
 * Run and Stop: check the settings, ask the host to start the run, route
 * its answer (diagnostics go to the problems strip and the editor; a run id
 * goes to the session), and keep an eye on the connection while it runs.
 */
import type { PlaygroundApi } from '../../../shared/api';
import { errorsAsDiagnostics, specErrors } from '../runbar/run-form';
import { checkCode } from './check-code';
import type { CodeCheckStore } from './code-check-store';
import type { DraftErrors } from './draft-errors';
import type { ProblemsStore } from './problems-store';
import type { RunSession } from './run-session';
import { errorText, type WorkspaceStore } from './workspace-store';

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

  /** Start a run with the current code and settings (stopping the one running, if any). */
  async run(): Promise<void> {
    const { api, session, workspace, problems, drafts, codeCheck } = this.#deps;
    // Code typed a moment ago may not be checked yet: its exports decide the function.
    if (codeCheck.checkedCode !== workspace.state.code) {
      await checkCode({ api, codeCheck, workspace }, workspace.state.code).catch(() => undefined);
    }
    const { code, spec } = workspace.state;
    const errors = { ...specErrors(spec), ...drafts.errors };
    if (Object.keys(errors).length > 0) {
      problems.set(errorsAsDiagnostics(errors));
      return;
    }
    const attempt = ++this.#attempt;
    problems.clear();
    session.starting();
    try {
      const result = await api.startRun({ ...spec, code });
      if (attempt !== this.#attempt) return;
      if (!result.ok) {
        session.startFailed();
        problems.set(result.diagnostics);
        codeCheck.runDiagnostics(result.diagnostics);
        return;
      }
      session.begin(result.runId);
      this.#watchConnection();
    } catch (error) {
      if (attempt !== this.#attempt) return;
      session.startFailed();
      problems.hostError(hostMessage('Could not start the run', error));
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
