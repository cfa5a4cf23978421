import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error the build script is plain JavaScript
import { desktop, desktopCharts } from '../../esbuild.mjs';

async function inputsAndCode(options: object) {
  const result = await build({ ...options, write: false, metafile: true, sourcemap: false, minify: false, logLevel: 'silent' });
  return { inputs: Object.keys(result.metafile!.inputs), code: result.outputFiles!.find((file) => file.path.endsWith('.cjs'))!.text };
}

describe('the desktop entry (dist/extension.cjs)', () => {
  it('leaves the charts to dist/charts.cjs, imported only by the dashboard', async () => {
    const { inputs, code } = await inputsAndCode(desktop);
    expect(inputs.filter((input) => /node_modules\/(vega|vega-[a-z]+|d3-[a-z-]+)\//.test(input))).toEqual([]);
    expect(code.match(/import\("\.\/charts\.cjs"\)/g)).toEqual(['import("./charts.cjs")']);
  }, 60_000);

  it('has the charts in dist/charts.cjs, Vega included', async () => {
    const { inputs } = await inputsAndCode(desktopCharts);
    expect(inputs.some((input) => input.includes('/node_modules/vega-scenegraph/'))).toBe(true);
    expect(inputs).toContain('../core/dist/charts/index.js');
  }, 60_000);
});
