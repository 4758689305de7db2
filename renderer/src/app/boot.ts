/**
 * Start-up: reach the host, load the workspace (the newer of the host's copy
 * and this browser's backup), and make the app's stores. Never fails: with
 * no host the app still opens, with the code it has, and says what is wrong.
 */
import { getApi } from '../api';
import type { AppStores } from './app-context';
import { CodeCheckStore } from '../editor/code-check-store';
import { DraftErrors } from '../runbar/draft-errors';
import { HistoryStore } from '../history/history-store';
import { NoticesStore } from '../notices/notices-store';
import { PagesStore } from '../layout/pages-store';
import { RunCache } from '../run/run-cache';
import { RunViewer } from '../run/run-viewer';
import { SweepStore } from '../sweep/sweep-store';
import { ProblemsStore } from '../problems/problems-store';
import { RunController } from '../run/run-controller';
import { RunSession } from '../run/run-session';
import { errorText, loadWorkspace, WorkspaceStore } from '../workspace/workspace-store';
import { TerminalStore } from '../terminal/terminal-store';
import { ShareStore } from '../share/share-store';

export async function boot(): Promise<AppStores> {
  const api = getApi();
  const problems = new ProblemsStore();
  const [info, loaded] = await Promise.all([
    api.getInfo().catch((error: unknown) => {
      problems.hostError(
        `Cannot reach the Pool Playground host: ${errorText(error)} Runs will not work until it is back.`,
      );
      return null;
    }),
    loadWorkspace(api),
  ]);
  if (loaded.warning && info !== null) problems.hostError(loaded.warning);

  const workspace = new WorkspaceStore(loaded.workspace, api);
  const session = new RunSession();
  const terminal = new TerminalStore();
  const codeCheck = new CodeCheckStore();
  const drafts = new DraftErrors();
  session.onEvents(terminal);
  api.onRunEvents((batch) => session.receive(batch));
  const controller = new RunController({ api, session, workspace, problems, drafts, codeCheck });
  const history = new HistoryStore(api);
  const notices = new NoticesStore(api);
  // The host reads (and checks) the saved files when it lists the history: ask what it found then.
  const refreshHistory = (): void => void history.refresh().then(() => notices.refresh());
  // A listed run that cannot be loaded was damaged (the host kept it aside): list again, say why.
  const runs = new RunCache({
    getRun: (id) =>
      api.getRun(id).then((run) => {
        if (!run) refreshHistory();
        return run;
      }),
  });
  const viewer = new RunViewer(runs);
  const pages = new PagesStore();
  const sweeps = new SweepStore({ controller, session, history });
  session.onEvents({
    // A new run on screen: the live view takes over from a reopened one.
    reset: () => viewer.close(),
    // The host saved the run before telling us it ended: list it.
    events: (events) => {
      if (events.some((e) => e.type === 'run-finished')) refreshHistory();
    },
  });
  refreshHistory();

  // Save what is pending when the page goes away (the local copy synchronously: unload cannot wait).
  const saveNow = (): void => {
    workspace.flushLocal();
    void workspace.flush();
    void history.commitDelete();
  };
  window.addEventListener('pagehide', saveNow);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') saveNow();
  });

  return {
    api,
    host: info,
    workspace,
    session,
    problems,
    drafts,
    codeCheck,
    controller,
    terminal,
    history,
    notices,
    runs,
    viewer,
    pages,
    sweeps,
    share: new ShareStore(),
  };
}
