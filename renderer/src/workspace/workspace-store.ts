/**
 * The workspace (code, run settings, theme, pane sizes) as the app edits it.
 * Every change is saved after a short pause: to the host's disk through
 * PlaygroundApi, and to this browser's storage as a crash backup. On start
 * the newer of the two copies wins. A workspace the host would refuse (code
 * over the size limit) is not sent: the status bar says why it is not
 * saved, and this browser's copy still keeps it.
 */
import type { PlaygroundApi, Workspace } from '../../../shared/api';
import { slotOf, type CodeSlot } from '../../../shared/code-slots';
import { EXAMPLES } from '../../../shared/examples';
import { STARTER_CODE } from '../../../shared/program-examples';
import type { CodeKind, Language } from '../../../shared/run-spec';
import { readWorkspace, restoreWorkspace, workspaceSchema } from '../../../shared/workspace';
import { FrameNotifier } from '../store/frame-notifier';
import { ObservableStore } from '../store/observable-store';
import { readLocalWorkspace, savedAtOf, writeLocalWorkspace } from './local-backup';

export const SAVE_DELAY_MS = 500;

export type SaveState =
  | { kind: 'saved'; at: number }
  | { kind: 'pending' }
  | {
      kind: 'failed';
      message: string;
      keptLocally: boolean;
      /** What to change for it to save (set when the workspace itself is refused, not the host unreachable). */
      fix?: string;
    };

type WorkspaceApi = Pick<PlaygroundApi, 'loadWorkspace' | 'saveWorkspace'>;

export interface LoadedWorkspace {
  workspace: Workspace;
  /** Set when the host's copy could not be read (the local copy or the default was used). */
  warning: string | null;
}

/** Read both copies and keep the newer valid one. */
export async function loadWorkspace(api: WorkspaceApi): Promise<LoadedWorkspace> {
  const local = readLocalWorkspace();
  let remote: unknown = null;
  let warning: string | null = null;
  try {
    remote = await api.loadWorkspace();
  } catch (error) {
    warning = `Could not load the saved workspace from the host (${errorText(error)}). Using this browser's copy.`;
  }
  // Either copy may be of an older format: upgrade it before comparing.
  const candidates = [remote, local].map(restorable).filter((c) => c !== null);
  candidates.sort((a, b) => savedAtOf(b) - savedAtOf(a));
  return { workspace: candidates[0] ?? restoreWorkspace(null), warning };
}

/**
 * A stored workspace, including one whose code grew past the size limit:
 * the host could not save it, but this browser's copy is the user's work.
 */
function restorable(stored: unknown): Workspace | null {
  const read = readWorkspace(stored);
  if (read) return read;
  if (typeof stored !== 'object' || stored === null) return null;
  const { code } = stored as { code?: unknown };
  if (typeof code !== 'string') return null;
  const rest = readWorkspace({ ...stored, code: '' });
  return rest ? { ...rest, code } : null;
}

/** Why the host would refuse this workspace, in the user's words, or null. */
function refusal(workspace: Workspace): { message: string; fix: string } | null {
  const parsed = workspaceSchema.safeParse(workspace);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path.at(-1) ?? '');
  const fix = FIXES[field] ?? 'check the run settings';
  return { message: issue?.message ?? 'The workspace is not valid.', fix };
}

const FIXES: Record<string, string> = {
  code: 'the code is too long',
  inputs: 'the inputs are too long',
  initargs: 'the initializer arguments are too long',
};

export class WorkspaceStore extends ObservableStore {
  #state: Workspace;
  #save: SaveState = { kind: 'saved', at: 0 };
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #api: WorkspaceApi;
  readonly #saveNotifier = new FrameNotifier();

  constructor(initial: Workspace, api: WorkspaceApi) {
    super();
    this.#state = initial;
    this.#api = api;
  }

  subscribeSave = (listener: () => void): (() => void) => this.#saveNotifier.subscribe(listener);
  getSaveVersion = (): number => this.#saveNotifier.getVersion();

  get state(): Workspace {
    return this.#state;
  }

  get saveState(): SaveState {
    return this.#save;
  }

  /** Change the workspace; it is saved after a short pause. */
  update(change: Partial<Workspace> | ((current: Workspace) => Partial<Workspace>)): void {
    const patch = typeof change === 'function' ? change(this.#state) : change;
    const next = { ...this.#state, ...patch };
    if (shallowEqual(next, this.#state)) return;
    this.#state = next;
    this.changed();
    this.#setSave({ kind: 'pending' });
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), SAVE_DELAY_MS);
  }

  updateSpec(patch: Partial<Workspace['spec']>): void {
    this.update((ws) => ({ spec: { ...ws.spec, ...patch } }));
  }

  /**
   * Show the code of another language or kind (TypeScript or Python; task
   * functions or a whole program). The code on screen is kept for when it
   * comes back; a language and kind never shown before start from an example.
   */
  switchCode(language: Language, kind: CodeKind): void {
    this.update((ws) => {
      const from = slotOf(ws.spec.language, ws.spec.kind);
      const to = slotOf(language, kind);
      if (from === to) return {};
      const { [to]: kept, ...others } = ws.stash;
      return {
        code: kept ?? startingCode(to),
        stash: { ...others, [from]: ws.code },
        spec: { ...ws.spec, language, kind },
      };
    });
  }

  /** Save now (also called when the page is hidden or closed). */
  async flush(): Promise<void> {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#save.kind !== 'pending') return;
    const snapshot: Workspace = { ...this.#state, savedAt: Date.now() };
    this.#state = snapshot;
    const keptLocally = writeLocalWorkspace(snapshot);
    const refused = refusal(snapshot);
    if (refused) {
      this.#setSave({ kind: 'failed', message: refused.message, keptLocally, fix: refused.fix });
      return;
    }
    try {
      await this.#api.saveWorkspace(snapshot);
      if (this.#state === snapshot) this.#setSave({ kind: 'saved', at: snapshot.savedAt });
    } catch (error) {
      this.#setSave({ kind: 'failed', message: errorText(error), keptLocally });
    }
  }

  /** Write the local backup synchronously (page unload cannot wait for the host). */
  flushLocal(): void {
    if (this.#save.kind === 'saved') return;
    writeLocalWorkspace({ ...this.#state, savedAt: Date.now() });
  }

  #setSave(state: SaveState): void {
    this.#save = state;
    this.#saveNotifier.schedule();
  }
}

export function startingCode(slot: CodeSlot): string {
  return slot === 'typescript-tasks' ? EXAMPLES[0]!.code : STARTER_CODE[slot];
}

function shallowEqual(a: Workspace, b: Workspace): boolean {
  return (Object.keys(a) as (keyof Workspace)[]).every((k) => Object.is(a[k], b[k]));
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
