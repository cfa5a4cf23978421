import { cp, mkdir, mkdtemp, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNote } from '../note/read-contact.js';
import { INDEX_CACHE_FORMAT, type CachedNote, type IndexSnapshot } from '../workspace/index-cache.js';
import { contentVersion } from '../workspace/store.js';
import { loadWorkspace } from '../workspace/workspace.js';
import { INDEX_CACHE_PATH, NodeIndexCache } from './node-index-cache.js';
import { NodeStore } from './node-store.js';

const EXAMPLES = join(import.meta.dirname, '../../../../examples/job-search');

/** A copy of the example folder (with `.rapport/`, so the cache is written) plus notes that exercise every part of a cached line. */
async function folder(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'rapport-cache-'));
  // Without the index cache a run of the demo leaves in the example folder: each test starts with none.
  await cp(EXAMPLES, root, { recursive: true, filter: (source) => !/[\\/]\.rapport[\\/]cache$/.test(source) });
  await mkdir(join(root, '.rapport'), { recursive: true });
  await writeFile(join(root, 'zoë-ünïcode.md'), '---\ntype: contact\nname: Zoë Ünïcode 😀\nstage: contacted\nrole: "Ingénieure"\nmeeting:\n  at: 2026-12-01T10:00\n  format: video\ncustom: {nested: [1, "ü", null]}\n---\n\n## Outcomes\n\n- [[owen-park]] 🙂\n');
  await writeFile(join(root, 'broken.md'), '---\ntype: contact\nname: Broken\nname: Twice\nstage: nowhere\n---\n');
  await writeFile(join(root, 'plain.md'), '# Not a contact\n');
  return root;
}

async function snapshotOf(store: NodeStore, cache: NodeIndexCache): Promise<IndexSnapshot> {
  const files = await store.listNotes();
  const identities = await cache.identify(files);
  const notes: Record<string, CachedNote> = {};
  for (const [position, file] of files.entries()) {
    const text = (await store.read(file))!.text;
    notes[file] = { identity: identities[position]!, version: contentVersion(text), reading: readNote(file, text) };
  }
  return { format: INDEX_CACHE_FORMAT, takenAt: 1_000_000, notes };
}

describe('NodeIndexCache', () => {
  it('loads back exactly the snapshot it saved, in an ASCII file', async () => {
    const root = await folder();
    // Longer than the write buffer: written on its own.
    await writeFile(join(root, 'huge.md'), `---\ntype: contact\nname: Huge\nstage: identified\nnotes: ${'é'.repeat(300_000)}\n---\n`);
    const store = new NodeStore(root);
    const cache = new NodeIndexCache(store);
    const snapshot = await snapshotOf(store, cache);
    expect(Object.values(snapshot.notes).some((note) => note.reading.diagnostics.length > 0)).toBe(true);
    expect(Object.values(snapshot.notes).some((note) => note.reading.referredByRange !== undefined)).toBe(true);
    await cache.save(snapshot);
    const bytes = await readFile(join(store.root, INDEX_CACHE_PATH));
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    const loaded = await cache.load();
    expect(loaded).toEqual(snapshot);
    // Same keys in the same order as a fresh reading: JSON output built from contacts must not change.
    for (const [file, note] of Object.entries(snapshot.notes)) {
      expect(JSON.stringify(loaded!.notes[file]!.reading)).toBe(JSON.stringify(note.reading));
    }
  });

  it('on a first load keys each reading by the identity its read took, without examining the files again', async () => {
    const root = await folder();
    const store = new NodeStore(root);
    const cache = new NodeIndexCache(store);
    let identified = 0;
    const identify = cache.identify.bind(cache);
    cache.identify = async (files) => ((identified += files.length), identify(files));
    await writeFile(join(root, 'maya-chen.md'), '---\ntype: contact\nname: Maya Chen\nstage: identified\n---\n');
    await utimes(join(root, 'maya-chen.md'), 1_700_000_000, 1_700_000_000);
    await loadWorkspace(store, { cache });
    expect(identified).toBe(0);
    const saved = await cache.load();
    const { ino, ctimeMs } = await stat(join(root, 'maya-chen.md'));
    expect(saved?.notes['maya-chen.md']?.identity).toEqual({ size: 56, mtimeMs: 1_700_000_000_000, ino, ctimeMs });
    // With the snapshot, the next load examines every note once, before reading any.
    await loadWorkspace(store, { cache });
    expect(identified).toBe((await store.listNotes()).length);
  });

  it("keeps the folder's outcome labels the notes were read with, and leaves them out for the defaults", async () => {
    const store = new NodeStore(await folder());
    const cache = new NodeIndexCache(store);
    const snapshot = await snapshotOf(store, cache);
    await cache.save({ ...snapshot, outcomeLabels: '[["Intro","referral"],["Référence","referral"]]' });
    expect((await cache.load())?.outcomeLabels).toBe('[["Intro","referral"],["Référence","referral"]]');
    expect((await readFile(join(store.root, INDEX_CACHE_PATH), 'utf8')).split('\n')[0]).toBe(`{"format":${INDEX_CACHE_FORMAT},"lines":2,"takenAt":1000000,"outcomeLabels":"[[\\"Intro\\",\\"referral\\"],[\\"R\\u00e9f\\u00e9rence\\",\\"referral\\"]]"}`);
    await cache.save(snapshot);
    expect((await readFile(join(store.root, INDEX_CACHE_PATH), 'utf8')).split('\n')[0]).toBe(`{"format":${INDEX_CACHE_FORMAT},"lines":2,"takenAt":1000000}`);
  });

  it("keeps contacts' orders where names collate as when they were saved, and leaves them out where they may not", async () => {
    const store = new NodeStore(await folder());
    const snapshot = await snapshotOf(store, new NodeIndexCache(store));
    const files = Object.keys(snapshot.notes).filter((file) => snapshot.notes[file]!.reading.contact);
    const withOrders: IndexSnapshot = { ...snapshot, notes: Object.fromEntries(Object.entries(snapshot.notes).map(([file, note]) => [file, files.includes(file) ? { ...note, order: { position: files.indexOf(file), nameGroup: files.indexOf(file) >> 1 } } : note])) };
    const withoutOrders = { ...snapshot, notes: Object.fromEntries(Object.entries(snapshot.notes).map(([file, { identity, version, reading }]) => [file, { identity, version, reading }])) };
    expect(files.length).toBeGreaterThan(10);

    await new NodeIndexCache(store).save(withOrders);
    expect(await new NodeIndexCache(store).load()).toEqual(withOrders);
    expect((await new NodeIndexCache(store).load())!.notes['hannah-schultz.md']!.order).toEqual({ position: files.indexOf('hannah-schultz.md'), nameGroup: files.indexOf('hannah-schultz.md') >> 1 });
    // Another locale in the environment (ICU takes LC_ALL, then LC_MESSAGES, then LANG): the orders are left out, the readings kept.
    for (const variable of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
      const before = process.env[variable];
      process.env[variable] = 'sv_SE.UTF-8';
      try {
        expect(await new NodeIndexCache(store).load()).toEqual(withoutOrders);
      } finally {
        if (before === undefined) delete process.env[variable];
        else process.env[variable] = before;
      }
    }
    // A cache told not to keep them neither writes nor reads them.
    expect(await new NodeIndexCache(store, INDEX_CACHE_PATH, { keepContactOrder: false }).load()).toEqual(withoutOrders);
    await new NodeIndexCache(store, INDEX_CACHE_PATH, { keepContactOrder: false }).save(withOrders);
    expect(await new NodeIndexCache(store).load()).toEqual(withoutOrders);
    // A place that is not two whole numbers is left out.
    await new NodeIndexCache(store).save(withOrders);
    const path = join(store.root, INDEX_CACHE_PATH);
    const lines = (await readFile(path, 'utf8')).split('\n');
    const at = lines.findIndex((line) => line.startsWith('["hannah-schultz.md",'));
    const [head, ...tails] = lines[at]!.split('\t');
    const line = JSON.parse(head!) as unknown[];
    line[10] = ['1', 2];
    lines[at] = [JSON.stringify(line), ...tails].join('\t');
    await writeFile(path, lines.join('\n'));
    const loaded = await new NodeIndexCache(store).load();
    expect(loaded!.notes['hannah-schultz.md']).toEqual(withoutOrders.notes['hannah-schultz.md']);
    expect(loaded!.notes['ben-osei.md']!.order).toEqual(withOrders.notes['ben-osei.md']!.order);
  });

  it('loads a folder a second time with the contact order the first load saved', async () => {
    const store = new NodeStore(await folder());
    const first = await loadWorkspace(store, { cache: new NodeIndexCache(store) });
    const saved = await new NodeIndexCache(store).load();
    // Hand-checked from the example: Aisha Karim first, the added Zoë Ünïcode last.
    expect(saved!.notes['aisha-karim.md']!.order).toEqual({ position: 0, nameGroup: 0 });
    expect(saved!.notes['zoë-ünïcode.md']!.order).toEqual({ position: first.index.contactCount() - 1, nameGroup: first.index.contactCount() - 1 });
    expect(saved!.notes['plain.md']!.order).toBeUndefined();
    const second = await loadWorkspace(store, { cache: new NodeIndexCache(store) });
    expect(second.index.contacts()).toEqual(first.index.contacts());
    expect(second.index.contactOrders()).toEqual(first.index.contactOrders());
  });

  it('identifies files by size, times and inode; a missing one or a folder has no identity', async () => {
    const root = await folder();
    await mkdir(join(root, 'folder.md'));
    const cache = new NodeIndexCache(new NodeStore(root));
    const [note, missing, directory] = await cache.identify(['owen-park.md', 'gone.md', 'folder.md']);
    expect(note).toEqual({ size: expect.any(Number), mtimeMs: expect.any(Number), ino: expect.any(Number), ctimeMs: expect.any(Number) });
    expect(missing).toBeUndefined();
    expect(directory).toBeUndefined();
  });

  it("keeps the config zone's offsets with the time zone data they came from, and drops them for other data or a broken table", async () => {
    const store = new NodeStore(await folder());
    const cache = new NodeIndexCache(store);
    await loadWorkspace(store, { cache });
    const loaded = await cache.load();
    // The example's config names America/New_York.
    expect(loaded?.zoneOffsets?.zone).toBe('America/New_York');
    expect(loaded!.zoneOffsets!.changes.map((change) => new Date(change).toISOString())).toContain('2026-11-01T06:00:00.000Z');
    const path = join(store.root, INDEX_CACHE_PATH);
    const saved = await readFile(path, 'utf8');
    expect(saved.split('\n')[0]).toContain(`"zoneData":"${process.versions.tz}"`);
    await writeFile(path, saved.replace(`"zoneData":"${process.versions.tz}"`, '"zoneData":"1999z"'));
    const otherData = await cache.load();
    expect(otherData?.zoneOffsets).toBeUndefined();
    expect(Object.keys(otherData!.notes)).toContain('maya-chen.md');
    await writeFile(path, saved.replace('"offsets":[', '"offsets":["-300",'));
    const broken = await cache.load();
    expect(broken?.zoneOffsets).toBeUndefined();
    expect(Object.keys(broken!.notes)).toContain('maya-chen.md');
  });

  it("is not rewritten for a table read from other time zone data alone, and is for another zone", async () => {
    const store = new NodeStore(await folder());
    const cache = new NodeIndexCache(store);
    await loadWorkspace(store, { cache });
    const path = join(store.root, INDEX_CACHE_PATH);
    // As if another tool on another Node had written it a minute later (so that no note is in the "racy"
    // window and read again): nothing else changed, so it stays as it is.
    const otherData = (await readFile(path, 'utf8'))
      .replace(`"zoneData":"${process.versions.tz}"`, '"zoneData":"1999z"')
      .replace(/"takenAt":\d+/, `"takenAt":${Date.now() + 60_000}`);
    await writeFile(path, otherData);
    await loadWorkspace(store, { cache });
    expect(await readFile(path, 'utf8')).toBe(otherData);
    const config = join(store.root, '.rapport/config.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace('timezone: America/New_York', 'timezone: Europe/Berlin'));
    await loadWorkspace(store, { cache });
    expect(await readFile(path, 'utf8')).toBe(otherData);
    await writeFile(path, (await readFile(path, 'utf8')).replace('"zoneData":"1999z"', `"zoneData":"${process.versions.tz}"`));
    await loadWorkspace(store, { cache });
    expect((await cache.load())?.zoneOffsets?.zone).toBe('Europe/Berlin');
  });

  it("reads a contact's frontmatter and outcomes from the cache only when asked, and from the note when the cache's copy of them is damaged", async () => {
    const root = await folder();
    const note = '---\ntype: contact\nname: Quinn Lazy\nstage: held\ncustom: kept\nhistory:\n  - date: 2026-11-20\n    stage: held\n---\n\n## Outcomes\n\n- Referral: [[owen-park]], met at the fair\n';
    await writeFile(join(root, 'quinn-lazy.md'), note);
    const store = new NodeStore(root);
    const cache = new NodeIndexCache(store);
    await cache.save(await snapshotOf(store, cache));
    const fields = { type: 'contact', name: 'Quinn Lazy', stage: 'held', custom: 'kept', history: [{ date: '2026-11-20', stage: 'held' }] };
    const outcome = { kind: 'referral', label: 'Referral', contact: 'owen-park', line: 13, column: 1 };

    const contact = (await cache.load())!.notes['quinn-lazy.md']!.reading.contact!;
    expect(typeof Object.getOwnPropertyDescriptor(contact, 'fields')!.get).toBe('function');
    expect(contact.fields).toEqual(fields);
    expect(contact.fields.history).toBe(contact.history);
    expect(contact.outcomes).toHaveLength(1);
    expect(contact.outcomes[0]).toMatchObject(outcome);
    // Assigned like any property, before or after it is read.
    (contact as { fields: unknown }).fields = { type: 'contact' };
    expect(contact.fields).toEqual({ type: 'contact' });
    const unread = (await cache.load())!.notes['quinn-lazy.md']!.reading.contact!;
    (unread as { outcomes: unknown }).outcomes = [];
    expect([unread.outcomes, unread.fields]).toEqual([[], fields]);

    const path = join(root, INDEX_CACHE_PATH);
    const saved = await readFile(path, 'utf8');
    // Saved again without reading any tail (as after a load where another note changed): the same lines, tails copied as they were.
    const restored = (await cache.load())!;
    await cache.save(restored);
    expect(await readFile(path, 'utf8')).toBe(saved);
    expect(typeof Object.getOwnPropertyDescriptor(restored.notes['quinn-lazy.md']!.reading.contact!, 'fields')!.get).toBe('function');
    expect(restored.notes['quinn-lazy.md']!.reading.contact!.fields).toEqual(fields);
    // Either tail damaged: both come from the note again.
    const damaged = [
      ...['[[', '[["type"],{}]', '[["nowhere"],{}]', '[["fields"],{}]', '[[1],{}]', '[["type"],null]', '{}'].map((tail) => [tail, null]),
      ...['[', '{}', 'null'].map((tail) => [null, tail]),
    ];
    for (const [fieldsTail, outcomesTail] of damaged) {
      await writeFile(path, saved.replace(/^(\["quinn-lazy\.md",[^\t]*)\t([^\t]*)\t(.*)$/m, (_line, head: string, fieldsPart: string, outcomesPart: string) => `${head}\t${fieldsTail ?? fieldsPart}\t${outcomesTail ?? outcomesPart}`));
      expect(await readFile(path, 'utf8')).not.toBe(saved);
      const again = (await cache.load())!.notes['quinn-lazy.md']!.reading.contact!;
      expect([fieldsTail, outcomesTail, again.fields]).toEqual([fieldsTail, outcomesTail, fields]);
      expect(again.outcomes[0]).toMatchObject(outcome);
    }
  });

  it('ignores a cache of another format, a garbled one, or none', async () => {
    const store = new NodeStore(await folder());
    const cache = new NodeIndexCache(store);
    expect(await cache.load()).toBeUndefined();
    const path = join(store.root, INDEX_CACHE_PATH);
    await cache.save(await snapshotOf(store, cache));
    const saved = await readFile(path, 'utf8');
    await writeFile(path, saved.replace(`"format":${INDEX_CACHE_FORMAT}`, `"format":${INDEX_CACHE_FORMAT - 1}`));
    expect(await cache.load()).toBeUndefined();
    const header = `{"format":${INDEX_CACHE_FORMAT},"lines":2,"takenAt":1}`;
    const garbage = [
      '',
      '{"format": 2}\n',
      // The layout of the lines before this one (no `lines` in the header).
      `{"format":${INDEX_CACHE_FORMAT},"takenAt":1}\n{"notes":0}\n`,
      `${header}\n["a.md",1,2]\n{"notes":1}\n`,
      `${header}\n[garbage\n\u0000`,
      `${header}\n["a.md",1,2,null,null,"v",1,[],null,1,null,"__proto__",{"name":"x"},"~fields","~outcomes"]\t[[],{}]\t[]\n{"notes":1}\n`,
      // A contact without its tails, with one, or without a place for them.
      `${header}\n["a.md",1,2,null,null,"v",1,[],null,1,null,"name","A","~fields","~outcomes"]\n{"notes":1}\n`,
      `${header}\n["a.md",1,2,null,null,"v",1,[],null,1,null,"name","A","~fields","~outcomes"]\t[[],{}]\n{"notes":1}\n`,
      `${header}\n["a.md",1,2,null,null,"v",1,[],null,1,null,"name","A"]\t[[],{}]\t[]\n{"notes":1}\n`,
      // Cut short, in a tail and between lines; a count that does not match; a line after the count.
      saved.slice(0, saved.lastIndexOf('\t') - 5),
      saved.slice(0, saved.lastIndexOf('\n{')),
      saved.replace(/\{"notes":\d+\}/, '{"notes":1}'),
      `${saved}["b.md",1,2,null,null,"v",0,[],null,0,null]\n`,
    ];
    for (const text of garbage) {
      await writeFile(path, text);
      expect([text.slice(-80), await cache.load()]).toEqual([text.slice(-80), undefined]);
    }
    await writeFile(path, saved);
    expect(await cache.load()).toBeDefined();
  });

  it('is not written in a folder without .rapport/', async () => {
    const root = await mkdtemp(join(tmpdir(), 'rapport-cache-'));
    await writeFile(join(root, 'a.md'), '# a\n');
    const store = new NodeStore(root);
    const cache = new NodeIndexCache(store);
    await cache.save(await snapshotOf(store, cache));
    expect(await cache.load()).toBeUndefined();
  });

  it('notices an edit of the same size whose modification time was put back', async () => {
    const root = await folder();
    const store = new NodeStore(root);
    const cache = new NodeIndexCache(store);
    const note = join(root, 'owen-park.md');
    const hourAgo = new Date(Date.now() - 3_600_000);
    await utimes(note, hourAgo, hourAgo);
    await loadWorkspace(store, { cache });
    // Past the 2 s window in which a change within the same timestamp tick is assumed.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await loadWorkspace(store, { cache });
    const before = await readFile(note, 'utf8');
    const { mtime, size } = await stat(note);
    await writeFile(note, before.replace('name: Owen Park', 'name: Owen Perk'));
    await utimes(note, mtime, mtime);
    expect((await stat(note)).size).toBe(size);
    const workspace = await loadWorkspace(store, { cache });
    expect(workspace.index.contact('owen-park')!.name).toBe('Owen Perk');
  }, 20_000);
});
