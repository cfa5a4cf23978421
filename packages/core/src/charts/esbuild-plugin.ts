import type { Plugin } from 'esbuild';

const RESOLVING = Symbol('vega-canvas');

/**
 * For bundles of `@rapport/core/charts`: resolves `vega-canvas` to its
 * browser build. Its Node build awaits `import('canvas')` at the top level,
 * which a CommonJS bundle (the VS Code extension) cannot hold and which
 * would make the charts measure text differently on a machine that happens
 * to have the native `canvas` package. The browser build finds no canvas
 * outside a page, so Vega estimates text widths the same everywhere.
 *
 * `build({ …, plugins: [vegaCanvasPlugin] })`
 */
export const vegaCanvasPlugin: Plugin = {
  name: 'rapport-vega-canvas',
  setup(build) {
    build.onResolve({ filter: /^vega-canvas$/ }, async (args) => {
      if (args.pluginData === RESOLVING) return undefined;
      const resolved = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: RESOLVING });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path.replace(/vega-canvas\.node\.js$/, 'vega-canvas.browser.js') };
    });
  },
};
