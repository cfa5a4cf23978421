// The package as a user gets it: `pnpm pack` of packages/core (built), its
// contents, then installed into temporary projects that type-check a consumer
// under each TypeScript module resolution and run the README's example.
// Offline: the tarball is unpacked into node_modules and core's dependencies
// are linked from the workspace's install, where a registry install would put them.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const corePackage = fileURLToPath(new URL('..', import.meta.url));
const repository = join(corePackage, '../..');
const tsc = createRequire(join(repository, 'package.json')).resolve('typescript/bin/tsc');
const scratch = mkdtempSync(join(tmpdir(), 'rapport-core-package-'));
const tarball = join(scratch, 'rapport-core-0.1.0.tgz');
let contents: string[] = [];

beforeAll(() => {
  execFileSync('npx', ['-y', 'pnpm@10', 'pack', '--pack-destination', scratch], { cwd: corePackage, stdio: 'pipe' });
  contents = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((line) => line.replace(/^package\//, '')).sort();
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A project with the packed core in node_modules and core's dependencies linked beside it. */
function consumerProject(name: string, packageJson: object): string {
  const project = join(scratch, name);
  const installed = join(project, 'node_modules/@rapport/core');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name, private: true, ...packageJson }));
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const dependency of Object.keys(manifest.dependencies)) {
    const link = join(project, 'node_modules', dependency);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(realpathSync(join(corePackage, 'node_modules', dependency)), link, 'dir');
  }
  return project;
}

describe('the packed @rapport/core', () => {
  it('ships its README, LICENSE, schema and the built entries, and no source maps, sources or tests', () => {
    expect(contents.filter((file) => !file.startsWith('dist/'))).toEqual(['LICENSE', 'README.md', 'contact.schema.json', 'package.json']);
    for (const entry of ['dist/index.js', 'dist/index.d.ts', 'dist/node/index.js', 'dist/node/index.d.ts', 'dist/import/index.js', 'dist/import/index.d.ts', 'dist/export/index.js', 'dist/export/index.d.ts', 'dist/charts/index.js', 'dist/charts/index.d.ts', 'dist/charts/esbuild-plugin.js', 'dist/charts/esbuild-plugin.d.ts', 'dist/note/markdown.js', 'dist/note/markdown.d.ts', 'dist/internal.js', 'dist/internal.d.ts']) {
      expect(contents).toContain(entry);
    }
    // Nothing but modules and their declarations: a map would point at src/, which is not shipped.
    expect(contents.filter((file) => file.startsWith('dist/') && !/\.(js|d\.ts)$/.test(file))).toEqual([]);
    expect(contents.filter((file) => /\.test\.|test-support|__snapshots__|\.map$/.test(file))).toEqual([]);
    // Every module has its declarations, except the chunks the bundled entries share (dist/chunks/), reached only through them.
    expect(contents.filter((file) => file.endsWith('.js') && !file.startsWith('dist/chunks/')).map((file) => file.replace(/\.js$/, '.d.ts')).filter((declaration) => !contents.includes(declaration))).toEqual([]);
    expect(contents.filter((file) => file.startsWith('dist/chunks/')).length).toBeGreaterThan(0);
    expect(readFileSync(join(corePackage, 'dist/index.js'), 'utf8')).not.toContain('sourceMappingURL');
  });

  it('declares what an installer and a registry page need', () => {
    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<string, unknown>;
    expect(manifest.license).toBe('MIT');
    expect(manifest.engines).toEqual({ node: '>=20.19' });
    expect(manifest.types).toBe('./dist/index.d.ts');
    expect(manifest.sideEffects).toBe(false);
    // Only what dist/ imports at run time (proper-lockfile, vega, vega-lite) or names in its declarations
    // (yaml, ical.js, mdast's types): every other library is inlined by the build, so it is a devDependency.
    expect(Object.keys(manifest.dependencies as object).sort()).toEqual(['@types/mdast', 'ical.js', 'proper-lockfile', 'vega', 'vega-lite', 'yaml']);
    expect(execFileSync('tar', ['-xzOf', tarball, 'package/LICENSE'], { encoding: 'utf8' }).split('\n')[0]).toBe('MIT License');
  });

  // One consumer, type-checked under each resolution a project may use. It imports every entry and
  // relies on the precise types: a subpath that does not resolve, or a type that widened, fails tsc.
  const CONSUMER = `import { advance, readNote, type Channel, type Diagnostic, type DiagnosticRule, type Stage } from '@rapport/core';
import { NodeStore } from '@rapport/core/node';
import { importContacts, type ImportSummary } from '@rapport/core/import';
import { exportCsv } from '@rapport/core/export';
import { renderReportCharts, renderReportHtml, type ReportCharts } from '@rapport/core/charts';
import { parseNote } from '@rapport/core/markdown';
import { contentVersion } from '@rapport/core/internal';

const stage: Stage = 'held';
const via: Channel = 'email';
const reading = readNote('maya-chen.md', '---\\ntype: contact\\nname: Maya Chen\\nstage: identified\\n---\\n');
const rules: DiagnosticRule[] = reading.diagnostics.map((problem: Diagnostic) => problem.rule);
const moved: string = advance('---\\ntype: contact\\n---\\n', stage, { date: '2026-11-23', via });
// @ts-expect-error -- not a stage
advance(moved, 'interviewed', { date: '2026-11-23' });
const store: NodeStore = new NodeStore('~/job-search');
const summary: ImportSummary | undefined = undefined;
const charts: Promise<ReportCharts> | undefined = undefined;
export { rules, store, summary, charts, importContacts, exportCsv, renderReportCharts, renderReportHtml, parseNote, contentVersion };
`;
  const resolutions = {
    node16: { packageJson: { type: 'module' }, compilerOptions: { module: 'node16', moduleResolution: 'node16' } },
    nodenext: { packageJson: { type: 'module' }, compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } },
    bundler: { packageJson: { type: 'module' }, compilerOptions: { module: 'esnext', moduleResolution: 'bundler' } },
    node10: { packageJson: {}, compilerOptions: { module: 'commonjs', moduleResolution: 'node10' } },
    // A CommonJS project: TypeScript 5.8 and later let it import an ES module under nodenext (not node16).
    'nodenext, in a CommonJS project': { packageJson: {}, compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext' } },
  };
  for (const [resolution, { packageJson, compilerOptions }] of Object.entries(resolutions)) {
    it(`type-checks a consumer with moduleResolution ${resolution}`, () => {
      const project = consumerProject(`consumer-${resolution.replace(/\W+/g, '-')}`, packageJson);
      writeFileSync(join(project, 'consumer.ts'), CONSUMER);
      // skipLibCheck off: core's own declarations are checked too. `types: []` keeps the test's @types out.
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...compilerOptions, target: 'es2022', lib: ['es2023'], strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['consumer.ts'] }));
      const result = spawnSync(process.execPath, [tsc, '-p', project], { cwd: project, encoding: 'utf8' });
      expect(result.stdout + result.stderr).toBe('');
      expect(result.status).toBe(0);
    }, 120_000);
  }

  it('fails under node16 in a CommonJS project with TS1479, as the README says', () => {
    const project = consumerProject('consumer-node16-commonjs', {});
    writeFileSync(join(project, 'consumer.ts'), CONSUMER);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', lib: ['es2023'], strict: true, noEmit: true, types: [] }, files: ['consumer.ts'] }));
    const result = spawnSync(process.execPath, [tsc, '-p', project], { cwd: project, encoding: 'utf8' });
    // Line 1, column 99: the '@rapport/core' of the first import.
    expect(result.stdout).toContain("consumer.ts(1,99): error TS1479: The current file is a CommonJS module whose imports will produce 'require' calls; however, the referenced file is an ECMAScript module and cannot be imported with 'require'.");
    expect(result.status).toBe(2);
  }, 120_000);

  it('loads, at import of the root, none of the libraries only some calls need, nor any that builds tables as it loads', () => {
    // What `import('@rapport/core')` evaluates: dist/index.js and the chunks its static imports reach (dynamic imports load on first use).
    const reached = new Set<string>();
    const visit = (file: string) => {
      if (reached.has(file)) return;
      reached.add(file);
      const code = readFileSync(join(corePackage, file), 'utf8');
      for (const [, target] of code.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"(\.{1,2}\/[^"]+)"/gm)) visit(join(dirname(file), target!));
    };
    visit('dist/index.js');
    // esbuild names each bundled dependency's module in a comment: `// ../../node_modules/.pnpm/eta@4.6.0/…`.
    const bundled = new Set([...reached].flatMap((file) => [...readFileSync(join(corePackage, file), 'utf8').matchAll(/^\/\/ \.\.\/\.\.\/node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)\/(\S*)/gm)].map(([, name, path]) => (name === 'date-fns' ? `date-fns/${path}` : name!))));
    // yaml for edits, Eta's 10 KB core for letters, dequal for comparing values: each small, or needed by the synchronous API, and none runs work as it loads.
    // Not slugify (its transliteration tables are built as it loads: contactSlug loads it), ical.js, csv, remark nor Vega.
    expect([...bundled].filter((name) => !name.startsWith('date-fns/')).sort()).toEqual(['@date-fns/tz', 'dequal', 'eta', 'leven', 'yaml']);
    // Day arithmetic only: no formatting, no locale.
    expect([...bundled].filter((name) => name.startsWith('date-fns/')).filter((path) => /format|locale/.test(path))).toEqual([]);
  });

  it('runs every entry with only the dependencies it declares: imported from ESM, and required from CommonJS but /charts', () => {
    const project = consumerProject('runtime', {});
    writeFileSync(
      join(project, 'entries.mjs'),
      `import { advance, getField, MemoryStore, loadWorkspace, searchReport } from '@rapport/core';
import { NodeStore } from '@rapport/core/node';
import { parseVCards } from '@rapport/core/import';
import { exportCsv } from '@rapport/core/export';
import { renderReportCharts } from '@rapport/core/charts';
import { parseNote } from '@rapport/core/markdown';

const note = advance('---\\ntype: contact\\nname: Maya Chen\\nstage: identified\\n---\\n', 'contacted', { date: '2026-11-23' });
console.log(getField(note, ['stage']));
console.log(new NodeStore('~/job-search').root.endsWith('/job-search'));
console.log(parseVCards('BEGIN:VCARD\\nVERSION:3.0\\nFN:Owen Park\\nEND:VCARD\\n', 'a.vcf').candidates[0].name);
const workspace = await loadWorkspace(new MemoryStore({ 'maya-chen.md': note }));
console.log(exportCsv(workspace).split('\\n')[1].startsWith('maya-chen,maya-chen.md,Maya Chen,contacted'));
console.log((await renderReportCharts(searchReport(workspace.index.contacts()))).funnel.startsWith('<svg'));
console.log(parseNote('# A\\n\\nMet [[maya-chen]].\\n').wikilinks[0].target);
`,
    );
    const esm = spawnSync(process.execPath, ['entries.mjs'], { cwd: project, encoding: 'utf8' });
    expect(esm.stderr).toBe('');
    expect(esm.stdout).toBe('contacted\ntrue\nOwen Park\ntrue\ntrue\nmaya-chen\n');

    writeFileSync(
      join(project, 'entries.cjs'),
      `for (const entry of ['@rapport/core', '@rapport/core/node', '@rapport/core/import', '@rapport/core/export', '@rapport/core/markdown', '@rapport/core/internal', '@rapport/core/charts']) {
  try {
    require(entry);
    console.log(entry, 'required');
  } catch (error) {
    console.log(entry, error.code);
  }
}
import('@rapport/core/charts').then((charts) => console.log('@rapport/core/charts imported', typeof charts.renderReportCharts));
`,
    );
    const cjs = spawnSync(process.execPath, ['--no-warnings', 'entries.cjs'], { cwd: project, encoding: 'utf8' });
    expect(cjs.stderr).toBe('');
    expect(cjs.stdout).toBe(
      [
        '@rapport/core required',
        '@rapport/core/node required',
        '@rapport/core/import required',
        '@rapport/core/export required',
        '@rapport/core/markdown required',
        '@rapport/core/internal required',
        // Vega, which it loads, awaits at the top level: /charts is for import() only.
        '@rapport/core/charts ERR_REQUIRE_ASYNC_MODULE',
        '@rapport/core/charts imported function',
        '',
      ].join('\n'),
    );
  }, 120_000);

  it("runs the README's example as written, and its edit changes only Ben's stage and history", () => {
    const project = consumerProject('readme-example', { type: 'module' });
    const readme = readFileSync(join(corePackage, 'README.md'), 'utf8');
    const example = readme.match(/^```js\n([\s\S]*?)^```$/m)?.[1];
    expect(example).toBeDefined();
    writeFileSync(join(project, 'example.mjs'), example!);
    cpSync(join(repository, 'examples/job-search'), join(project, 'job-search'), { recursive: true });
    const before = readFileSync(join(project, 'job-search/ben-osei.md'), 'utf8');

    const result = spawnSync(process.execPath, ['example.mjs'], { cwd: project, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe([
      '2026-11-10 overdue No reply from Hannah Schultz yet: try a second person at Northside Respiratory',
      '2026-11-16 overdue Follow up with Hannah Schultz if there is no reply',
      '2026-11-18 overdue No reply from Victor Nguyen since the follow-up: mark as no-response',
      'held',
      '',
    ].join('\n'));
    // What the README says it prints.
    expect(readme).toContain(`\`\`\`text\n${result.stdout}\`\`\``);

    const after = readFileSync(join(project, 'job-search/ben-osei.md'), 'utf8');
    const diff = spawnSync('git', ['diff', '--no-index', '--unified=0', '--no-color', '-', join(project, 'job-search/ben-osei.md')], { input: before, encoding: 'utf8' });
    expect(diff.stdout.split('\n').filter((line) => /^[-+][^-+]/.test(line))).toEqual([
      '-stage: prepared',
      '+stage: held',
      '+  - date: 2026-11-25',
      '+    stage: held',
      '+    via: in-person',
    ]);
    expect(after.length).toBeGreaterThan(before.length);
  });

  it('has one README code block that is the example, and lists every entry the package exports', () => {
    const readme = readFileSync(join(corePackage, 'README.md'), 'utf8');
    const manifest = JSON.parse(readFileSync(join(corePackage, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    const entries = Object.keys(manifest.exports).filter((entry) => !entry.endsWith('.json')).map((entry) => (entry === '.' ? '@rapport/core' : `@rapport/core/${entry.slice(2)}`));
    expect(entries).toEqual(['@rapport/core', '@rapport/core/node', '@rapport/core/import', '@rapport/core/export', '@rapport/core/charts', '@rapport/core/charts/esbuild-plugin', '@rapport/core/markdown', '@rapport/core/internal']);
    for (const entry of entries) expect(readme).toContain(`| \`${entry}\` |`);
    expect(readdirSync(corePackage)).toContain('LICENSE');
  });
});
