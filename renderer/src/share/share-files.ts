/**
 * Saving a run, a comparison or the workspace as a file to share, and
 * opening such a file (picked, or dropped on the window): runs open
 * read-only (and are listed in the History while the page is open), a
 * comparison opens in the comparison page, a workspace replaces the code and
 * settings once the learner agrees. A bad file gets a message saying what is
 * wrong with it, and changes nothing.
 */
import type { SavedRun } from '../../../shared/api';
import {
  MAX_SHARED_FILE_BYTES,
  readSharedFile,
  shareComparison,
  shareRun,
  shareWorkspace,
} from '../../../shared/share-file';
import { summaryOf } from '../../../shared/saved-run';
import type { AppStores } from '../app/app-context';
import { downloadText, fileSlug } from '../export/download';
import { hasOwnCode } from '../gallery/load-example';

type Stores = Pick<AppStores, 'runs' | 'history' | 'viewer' | 'pages' | 'problems' | 'workspace' | 'share'>;

const JSON_TYPE = 'application/json';

/** A run as a file: `<name>.run.json`. */
export async function saveRunFile(
  stores: Pick<AppStores, 'runs' | 'problems'>,
  runId: string,
  name: string,
): Promise<void> {
  const loaded = await stores.runs.get(runId);
  if (!loaded) {
    stores.problems.hostError('Could not save the run as a file: the host no longer has it.');
    return;
  }
  downloadText(`${fileSlug(name)}.run.json`, shareRun(loaded.run), JSON_TYPE);
}

/** The compared runs as one file: `<name>.comparison.json`. */
export async function saveComparisonFile(
  stores: Pick<AppStores, 'runs' | 'problems'>,
  runIds: readonly string[],
  name: string,
): Promise<void> {
  const loaded = await Promise.all(runIds.map((id) => stores.runs.get(id)));
  const runs = loaded.flatMap((l) => (l ? [l.run] : []));
  if (runs.length !== runIds.length) {
    stores.problems.hostError('Could not save the comparison as a file: a run in it could not be loaded.');
    return;
  }
  downloadText(`${fileSlug(name)}.comparison.json`, shareComparison(runs), JSON_TYPE);
}

export function saveWorkspaceFile(stores: Pick<AppStores, 'workspace'>): void {
  const { workspace } = stores;
  downloadText(`pool-playground-workspace.json`, shareWorkspace(workspace.state), JSON_TYPE);
}

/** Open a shared file. Never throws: a problem becomes a message. */
export async function openSharedFile(stores: Stores, file: File): Promise<void> {
  const { problems, share } = stores;
  const refuse = (why: string): void => {
    share.say(null);
    problems.hostError(`Could not open “${file.name}”: ${why}. Nothing was changed.`);
  };
  if (file.size > MAX_SHARED_FILE_BYTES) {
    refuse(`it is larger than ${Math.round(MAX_SHARED_FILE_BYTES / 1024 / 1024)} MB`);
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    refuse(`it could not be read (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  const read = readSharedFile(text);
  if (!read.ok) {
    refuse(read.message);
    return;
  }
  problems.clear();
  const shared = read.file;
  switch (shared.kind) {
    case 'run': {
      const [run] = adopt(stores, [shared.run], file.name);
      stores.pages.show(null);
      await stores.viewer.open(run!.id);
      share.say(`Opened the run “${run!.name}” from ${file.name}, read-only.`);
      return;
    }
    case 'comparison': {
      const runs = adopt(stores, shared.runs, file.name);
      stores.history.select(runs.map((r) => r.id));
      stores.pages.show('compare');
      share.say(`Opened a comparison of ${runs.length} runs from ${file.name}, read-only.`);
      return;
    }
    case 'workspace': {
      const pending = { fileName: file.name, workspace: shared.workspace };
      if (hasOwnCode(stores.workspace.state.code)) share.ask(pending);
      else loadSharedWorkspace(stores, pending);
      return;
    }
  }
}

/** Take the shared workspace's code and settings (not this app's theme or pane sizes). */
export function loadSharedWorkspace(
  stores: Pick<AppStores, 'workspace' | 'share' | 'viewer' | 'pages'>,
  pending: { fileName: string; workspace: AppStores['workspace']['state'] },
): void {
  const { code, spec, exampleId } = pending.workspace;
  stores.viewer.close();
  stores.pages.show(null);
  stores.workspace.update({ code, spec, exampleId, prediction: { wallSec: null, order: null } });
  stores.share.ask(null);
  stores.share.say(`Opened the workspace from ${pending.fileName}: its code and settings are in the editor.`);
}

/** Runs from a file get ids of their own here (they may come from this very history) and say where they came from. */
function adopt(
  stores: Pick<AppStores, 'runs' | 'history'>,
  runs: readonly SavedRun[],
  fileName: string,
): SavedRun[] {
  const adopted = runs.map((run) => ({
    ...run,
    id: `imported-${crypto.randomUUID()}`,
    meta: { ...run.meta, importedFrom: fileName },
  }));
  for (const run of adopted) stores.runs.put(run);
  stores.history.addImported(adopted.map(summaryOf));
  return adopted;
}
