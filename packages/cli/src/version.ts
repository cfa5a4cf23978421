/** Put in from package.json by the bundler (esbuild.mjs); unbundled (tests of the sources), a placeholder. */
declare const RAPPORT_VERSION: string | undefined;

/** The version `rapport --version` prints. */
export const VERSION: string = typeof RAPPORT_VERSION === 'string' ? RAPPORT_VERSION : '0.0.0-source';
