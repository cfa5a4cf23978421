/**
 * `vscode.EventEmitter` for unit tests that mock the `vscode` module: `event` subscribes, `fire`
 * calls each listener in turn. Tests take it from their `vi.mock('vscode', …)` factory, by a
 * dynamic import, since the factory runs before the file's imports.
 */
export class EventEmitter<T> {
  private readonly listeners: ((value: T) => unknown)[] = [];
  readonly event = (listener: (value: T) => unknown) => {
    this.listeners.push(listener);
    return { dispose: () => undefined };
  };
  fire(value: T): void {
    for (const listener of this.listeners) listener(value);
  }
}
