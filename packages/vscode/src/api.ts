import type { AgendaProvider } from './agenda/agenda-provider.js';
import type { DueStatus } from './agenda/due-status.js';
import type { ContactsProvider } from './contacts-tree/contacts-provider.js';
import type { DashboardHandle } from './dashboard/index.js';
import type { NotesSession } from './notes/notes-session.js';
import type { PromptHost } from './prompts/prompts.js';
import type { ReferralsProvider } from './referrals-tree/index.js';
import type { StartupTimings } from './timings/startup-timings.js';

/**
 * What `activate` returns (`vscode.extensions.getExtension(...).exports`):
 * the integration tests read the views and answer the prompts through it,
 * and other extensions can wait for the index.
 */
export interface RapportApi {
  /** Which extension host runs Rapport: `'web'` is the browser's web worker (vscode.dev, github.dev). */
  readonly host: 'node' | 'web';
  readonly notes: NotesSession;
  /** `prompts.use(scripted)` answers the commands' questions for a while. */
  readonly prompts: PromptHost;
  /** When activation, the first paint of the Contacts view and the first full check of the notes happened. */
  readonly timings: StartupTimings;
  /** The status bar's count of what is due, and the Agenda's badge. */
  readonly status: DueStatus;
  readonly views: {
    readonly contacts: ContactsProvider;
    readonly agenda: AgendaProvider;
    readonly referrals: ReferralsProvider;
  };
  /** The referral graph panel's HTML while it is open. */
  readonly referralGraph: { html(): string | undefined };
  /** The dashboard panel: its HTML while open, how often it was drawn, and its message handler. */
  readonly dashboard: DashboardHandle;
}
