/** Longest the other work waits for the Contacts view to paint. */
const PAINT_WAIT_MS = 1_000;
/** How long a hidden Contacts view may take to appear (a sidebar being opened) before nothing waits for it. */
const HIDDEN_GRACE_MS = 500;

/** The part of a `TreeView` the first paint watches. */
export interface WatchedView {
  readonly visible: boolean;
  onDidChangeVisibility(listener: (event: { readonly visible: boolean }) => unknown): { dispose(): unknown };
}

/**
 * Lets the Contacts view paint first. The extension host runs every
 * extension on one thread, so once the index is usable, the agenda badge,
 * the Problems panel, the other views and the check of every note against
 * the disk would each take their turn before VS Code's request for the
 * Contacts view's items is served. From the moment the index is usable
 * (`expect`) until that view has returned its items (`painted`), that work
 * waits here: at most `PAINT_WAIT_MS`, and only `HIDDEN_GRACE_MS` when the
 * view is not on screen and is not opened (or asked for its items) meanwhile. Before and after, work runs at
 * once.
 */
export class FirstPaint {
  private phase: 'before' | 'waiting' | 'done' = 'before';
  private readonly queued = new Set<() => void>();
  private deadline: ReturnType<typeof setTimeout> | undefined;
  private grace: ReturnType<typeof setTimeout> | undefined;
  private view: WatchedView | undefined;

  /** The Contacts view, once it exists: a view that is not on screen is never asked for its items. */
  watch(view: WatchedView): { dispose(): unknown } {
    this.view = view;
    return view.onDidChangeVisibility(({ visible }) => {
      if (visible) clearTimeout(this.grace);
    });
  }

  /** Whether work is held back now: the index is usable and the Contacts view has not returned its items yet. */
  get waiting(): boolean {
    return this.phase === 'waiting';
  }

  /** The Contacts view asked for its groups: it is on screen, whatever its visibility said a moment ago. */
  asked(): void {
    clearTimeout(this.grace);
  }

  /** The index just became usable: the Contacts view is about to be asked for its items. */
  expect(): void {
    if (this.phase !== 'before') return;
    const view = this.view;
    if (!view) {
      this.phase = 'done';
      return;
    }
    this.phase = 'waiting';
    this.deadline = setTimeout(() => this.release(), PAINT_WAIT_MS);
    if (!view.visible) this.grace = setTimeout(() => !view.visible && this.release(), HIDDEN_GRACE_MS);
  }

  /** The Contacts view returned its items. Waiting work runs on the next turn, once VS Code has them. */
  painted(): void {
    if (this.phase !== 'waiting') {
      this.phase = 'done';
      return;
    }
    this.clearTimers();
    this.deadline = setTimeout(() => this.release(), 0);
  }

  /** Runs `work` now, or after the first paint while it is awaited; the same work queued twice runs once. */
  run(work: () => void): void {
    if (this.phase === 'waiting') this.queued.add(work);
    else work();
  }

  /** Resolves now, or after the first paint while it is awaited. */
  whenPainted(): Promise<void> {
    return new Promise((resolve) => this.run(resolve));
  }

  /** On deactivation: waiting work is dropped rather than run against views being disposed. */
  dispose(): void {
    this.clearTimers();
    this.queued.clear();
    this.phase = 'done';
  }

  private release(): void {
    this.clearTimers();
    this.phase = 'done';
    const work = [...this.queued];
    this.queued.clear();
    for (const run of work) run();
  }

  private clearTimers(): void {
    clearTimeout(this.deadline);
    clearTimeout(this.grace);
    this.deadline = this.grace = undefined;
  }
}
