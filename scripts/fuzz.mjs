// Fuzzes the note parser, the lossless editor (flow-style collections
// included), the config reader and the importers with fast-check for a
// fixed time (default 5 minutes), counting inputs. Run `pnpm fuzz [minutes]` after `pnpm build`. Not part of CI.
//
// Every target must either return normally or throw a RapportError (a
// refusal); any other exception, or an edit whose result does not read back,
// is a failure and is printed with its shrunk input.
import fc from 'fast-check';
import * as core from '../packages/core/dist/index.js';
import { parseNote } from '../packages/core/dist/note/markdown.js';

const minutes = Number(process.argv[2] ?? 5);
const deadline = Date.now() + minutes * 60_000;
const targets = [];
const counts = new Map();

function target(name, arbitrary, check) {
  targets.push({ name, arbitrary, check });
  counts.set(name, 0);
}

function allowRefusal(run) {
  try {
    return run();
  } catch (error) {
    if (error instanceof core.RapportError) return undefined;
    throw error;
  }
}

const fragments = ['---\n', '---\r\n', 'type: contact\n', 'name: ', 'stage: ', 'held', 'history:\n', '  - date: ', '2026-02-30', '    stage: ', '[[', ']]', '"', "'", '&a ', '*a', '{', '}', '[', ']', ': ', '#', '\t', '\uFEFF', '\r\n', '\n', '|\n', '>-\n', 'meeting:\n  at: ', '2026-11-25T08:30', '## Outcomes\n', '- [[x]]\n', '```\n', '+++\n', '\u0000', '🙂', 'é'];
const noteLike = fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string({ maxLength: 8 })), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(noteLike, fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

target('readNote', anyText, (text) => {
  const reading = core.readNote('fuzz.md', text);
  for (const diagnostic of reading.diagnostics) {
    if (!(diagnostic.line >= 1 && diagnostic.column >= 1)) throw new Error(`bad position ${JSON.stringify(diagnostic)}`);
  }
});

target('parseNote', anyText, (text) => {
  parseNote(text);
});

const fieldPath = fc.oneof(fc.constantFrom(['stage'], ['name'], ['history'], ['meeting', 'at'], ['tags'], ['next'], ['x', 'y']), fc.array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }));
const value = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.string({ maxLength: 8 }), { maxKeys: 3 }));

target('setField', fc.tuple(anyText, fieldPath, value), ([text, path, newValue]) => {
  const result = allowRefusal(() => core.setField(text, path, newValue));
  if (result !== undefined && core.getField(result, path) === undefined && newValue !== undefined) throw new Error('value did not read back');
});

target('appendToList+advance', fc.tuple(anyText, fc.constantFrom(...core.STAGES)), ([text, stage]) => {
  allowRefusal(() => core.advance(text, stage, { date: '2026-11-23' }));
  allowRefusal(() => core.appendToSection(text, 'Questions', '- Who else should I talk to?'));
});

// Flow-style collections holding values a parser would rewrite (`02134`, `0x1F`, `1.10`), over one line or
// several, with comments: adding an entry keeps every existing byte in order, removing one only deletes bytes.
const hostileScalar = fc.constantFrom('02134', '+14125550142', '12345678901234567890', '0x1F', '1.10', '0o17', '1e3', '~', 'null', '"a, b"', "'it''s'", '2026-11-01', 'plain words', '-0', '"#x"');
const flowEntry = fc.oneof(hostileScalar, fc.array(fc.tuple(fc.constantFrom('date', 'stage', 'zip', 'room'), hostileScalar), { minLength: 1, maxLength: 3 }).map((pairs) => `{${[...new Map(pairs)].map(([key, value]) => `${key}: ${value}`).join(', ')}}`));
const flowList = fc
  .tuple(fc.array(flowEntry, { maxLength: 4 }), fc.boolean(), fc.boolean(), fc.boolean())
  .map(([entries, multiline, trailingComma, comments]) =>
    multiline && entries.length > 0
      ? `[\n${entries.map((entry, index) => `  ${entry}${index < entries.length - 1 || trailingComma ? ',' : ''}${comments && index % 2 === 0 ? ' # c' : ''}`).join('\n')}\n]`
      : `[${entries.join(', ')}${trailingComma && entries.length > 0 ? ',' : ''}]`,
  );
const flowNote = fc.tuple(flowList, fc.constantFrom('', ' # note', '  #')).map(([list, tail]) => `---\ntype: contact\nhistory: ${list}${tail}\nmeeting: {at: 2026-11-25T08:30, room: 1.10, zip: 02134}\n---\nBody\n`);
const keptInOrder = (inner, outer) => {
  let at = 0;
  for (let i = 0; i < outer.length && at < inner.length; i++) if (outer.charCodeAt(i) === inner.charCodeAt(at)) at++;
  return at === inner.length;
};

target('flowEdits', fc.tuple(flowNote, value, fc.nat()), ([text, newValue, pick]) => {
  const original = text.replace(/history: \[\]/, 'history:');
  const appended = allowRefusal(() => core.appendToList(text, ['history'], newValue));
  if (appended !== undefined && !keptInOrder(original, appended)) throw new Error(`append rewrote existing bytes:\n${appended}`);
  const advanced = allowRefusal(() => core.advance(text, 'held', { date: '2026-11-23' }));
  if (advanced !== undefined && !keptInOrder(original.replace('type: contact\n', ''), advanced)) throw new Error(`advance rewrote existing bytes:\n${advanced}`);
  const added = allowRefusal(() => core.setField(text, ['meeting', 'format'], newValue));
  if (added !== undefined && !keptInOrder(text, added)) throw new Error(`adding a key rewrote existing bytes:\n${added}`);
  const length = (core.getField(text, ['history']) ?? []).length;
  if (length > 0) {
    const removed = allowRefusal(() => core.deleteField(text, ['history', pick % length]));
    if (removed !== undefined && !keptInOrder(removed, text)) throw new Error(`delete rewrote existing bytes:\n${removed}`);
  }
});

target('readConfig', anyText, (text) => {
  core.readConfig(text);
});

// Importers, when the library offers them: any input is a report, never a crash.
for (const [name, run] of Object.entries(core)) {
  if (typeof run === 'function' && /^parse(LinkedIn|Linkedin|VCard|Vcard|Vcf)/.test(name)) {
    target(name, anyText, (text) => {
      allowRefusal(() => run(text, 'fuzz-input'));
    });
  }
}

let total = 0;
let failures = 0;
const started = Date.now();
while (Date.now() < deadline) {
  for (const { name, arbitrary, check } of targets) {
    const result = fc.check(
      fc.property(arbitrary, (input) => {
        counts.set(name, counts.get(name) + 1);
        total++;
        check(input);
      }),
      { numRuns: 2_000, seed: Date.now() ^ total },
    );
    if (result.failed) {
      failures++;
      console.error(`\n${name} FAILED:\n${fc.defaultReportMessage(result)}`);
    }
    if (Date.now() >= deadline) break;
  }
  process.stderr.write(`\rfuzz: ${total} inputs, ${failures} failures, ${Math.round((Date.now() - started) / 1000)} s`);
}
process.stderr.write('\n');
console.log(`| target | inputs |\n|---|---|\n${[...counts].map(([name, count]) => `| ${name} | ${count} |`).join('\n')}\n| **total** | **${total}** |`);
console.log(`${total} inputs in ${Math.round((Date.now() - started) / 1000)} s, ${failures} failures`);
process.exitCode = failures > 0 ? 1 : 0;
