import { loadSlugger } from '@rapport/core';

/**
 * The slugger a view needs to tell a name and a link to the id it gets as one person, loaded
 * once on first `start` (it is not part of the extension's start-up). A load that fails is
 * logged and tried again on the next `start`, rather than leaving the view waiting until a reload.
 */
export class SluggerOnce {
  /** `contactSlug`, once loaded. */
  slug: ((name: string) => string) | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly log: { error(message: string, error: unknown): void },
    private readonly view: string,
    private readonly loaded: () => void,
  ) {}

  start(): void {
    this.loading ??= loadSlugger().then(
      (slug) => {
        this.slug = slug;
        this.loaded();
      },
      (error: unknown) => {
        this.log.error(`${this.view}: could not load the slugger`, error);
        this.loading = undefined;
      },
    );
  }
}
