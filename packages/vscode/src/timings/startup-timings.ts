/** The moments of a start-up worth knowing: the log prints them, the paint benchmark reads them. */
export type StartupMark =
  /** `activate()` returned. */
  | 'activated'
  /** The index was usable (restored from the cache, or fully read when there was none). */
  | 'indexReady'
  /** The Contacts view first returned its groups, with their counts, to VS Code. */
  | 'treePainted'
  /**
   * The Contacts view first returned contacts to VS Code: the items of an
   * expanded group, which VS Code asks for once it has shown the groups (or
   * the groups themselves when all are collapsed).
   */
  | 'contactsPainted'
  /** The first load finished: every note checked against the disk. */
  | 'reconciled';

/**
 * Milliseconds from the start of `activate()` to each mark, the first time
 * it is reached (`performance.now()`, so a mark costs nothing).
 */
export class StartupTimings {
  private readonly started = performance.now();
  private readonly marks: Partial<Record<StartupMark, number>> = {};

  mark(name: StartupMark): void {
    this.marks[name] ??= performance.now() - this.started;
  }

  /** Milliseconds since `activate()` began. */
  elapsed(): number {
    return performance.now() - this.started;
  }

  /** The marks reached so far. */
  get values(): Readonly<Partial<Record<StartupMark, number>>> {
    return { ...this.marks };
  }
}
