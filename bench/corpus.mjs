/**
 * Deterministic benchmark corpus: n notes of about 4 KB, shaped like a real
 * job search kept for years — every stage, referral chains, Outcomes links
 * (some to people with no note yet), comments, quoting styles, flow and
 * block lists, CRLF and BOM files, non-contact notes and a few broken ones.
 * Written once to bench/corpus/<n>/ (git-ignored) and reused while the
 * generator version is unchanged.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const GENERATOR_VERSION = 6;
export const CORPUS_ROOT = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

/** Small, fast, seedable PRNG (mulberry32): the corpus must be the same on every machine. */
function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

const FIRST = ['Maya', 'Ben', 'Aisha', 'Dana', 'Owen', 'Priya', 'Sam', 'Claire', 'Victor', 'Hannah', 'Keisha', 'Lauren', 'Greg', 'Irene', 'José', 'Zoë', 'Łukasz', 'Chloé', 'Mei', 'Tomás', 'Nadia', 'Kwame', 'Ingrid', 'Rafael', 'Yuki', 'Fatima', 'Liam', 'Sofia', 'Arjun', 'Elena', 'Björn', 'Amara'];
const LAST = ['Chen', 'Osei', 'Karim', 'Okafor', 'Park', 'Raman', 'Whitaker', 'Dubois', 'Nguyen', 'Schultz', 'Brooks', 'Fitzgerald', 'Malone', 'Kowalski', 'García', 'Müller', 'O\'Neil', 'Takahashi', 'Haddad', 'Mensah', 'Lindqvist', 'Rossi', 'Novak', 'Adeyemi', 'Costa', 'Ivanova', 'Singh', 'Moreau', 'Kim', 'Reyes'];
const ORGS = ['Brightline Health', 'Carelink Labs', 'Keystone Therapeutics', 'Three Rivers Hospital', 'MedDevice Co.', 'Northwind Analytics', 'Allegheny Data Works', 'Steel City Robotics', 'Pittsburgh Public Schools', 'Mon Valley Credit Union', 'Duolingo', 'UPMC Enterprises', 'Carnegie Science Center', 'Highmark: Digital', 'Aurora Innovation', '"Quoted" Studio', 'Fernández & Partners', 'Bluebird #7 Cooperative'];
const ROLES = ['Senior UX Researcher', 'Product Manager', 'Human Factors Engineer', 'Design Lead', 'Research Ops Coordinator', 'Director of Product Design', 'Data Scientist', 'Content Strategist', 'Engineering Manager', 'Clinical Informatics Specialist', 'Staff Researcher — Platform', 'VP, Patient Experience'];
const INDUSTRIES = ['Digital health', 'Medical devices', 'Education technology', 'Fintech', 'Robotics', 'Pharmaceuticals', 'Nonprofit', 'Public sector'];
const CITIES = ['Pittsburgh, PA', 'Philadelphia, PA', 'Cleveland, OH', 'Remote', 'New York, NY', 'Boston, MA', 'Toronto, ON', 'Berlin'];
const SOURCES = ['linkedin', 'association', 'personal', 'cold', 'event', 'alumni', 'other'];
const CHANNELS = ['email', 'linkedin', 'letter', 'phone'];
const FORMATS = ['video', 'phone', 'in-person'];
const TAGS = ['ux-research', 'health-tech', 'career-changer', 'pharma', 'robotics', 'education', 'alumni', 'hiring', 'mentor', 'design-systems', 2026];
const STAGE_PATH = ['identified', 'contacted', 'followed-up', 'scheduled', 'prepared', 'held', 'thanked', 'nurturing'];
const CLOSED = ['declined', 'no-response', 'archived'];
const WORDS = 'research interview patients portfolio hiring onboarding usability survey clinic schedule mentor résumé diary study synthesis roadmap caregivers recruiting workshop prototype accessibility metrics stakeholders teaching curriculum analytics'.split(' ');

function sentence(rng, words) {
  const parts = Array.from({ length: words }, () => rng.pick(WORDS));
  const text = parts.join(' ');
  return text[0].toUpperCase() + text.slice(1) + (rng.chance(0.2) ? ' — and more.' : '.');
}

function paragraph(rng, lines) {
  return Array.from({ length: lines }, () => sentence(rng, rng.int(8, 14))).join('\n');
}

function isoDate(day) {
  return new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** A YAML scalar in one of the styles people write by hand. */
function scalar(rng, value) {
  if (/[:#"'\[\]{}&*!|>%@`,]|^[-?]|^\s|\s$/.test(value) || value === '') return JSON.stringify(value);
  const style = rng.next();
  if (style < 0.12) return JSON.stringify(value);
  if (style < 0.2) return `'${value.replace(/'/g, "''")}'`;
  return value;
}

/** One contact note: frontmatter lines and body, before line-ending conversion. */
function contactNote(rng, person, people, index) {
  const closed = rng.chance(0.12);
  const depth = closed ? rng.int(1, 3) : rng.int(0, STAGE_PATH.length - 1);
  const stages = STAGE_PATH.slice(0, depth + 1).filter((stage) => stage !== 'followed-up' || rng.chance(0.5) || depth === 2);
  if (closed) stages.push(rng.pick(CLOSED));
  if (stages.at(-1) === 'nurturing' && rng.chance(0.5)) stages.push('nurturing');
  const stage = stages.at(-1);
  let day = rng.int(0, 1700);
  const lines = [];
  const comment = (text) => (rng.chance(0.15) ? `  # ${text}` : '');
  if (rng.chance(0.1)) lines.push('# Contact note — keep the fields below tidy');
  lines.push(`type: contact${comment('read by Rapport')}`);
  lines.push(`name: ${scalar(rng, person.name)}`);
  lines.push(`stage: ${stage}${comment('updated by rapport advance')}`);
  lines.push(`role: ${scalar(rng, rng.pick(ROLES))}`);
  lines.push(`organization: ${scalar(rng, person.organization)}`);
  if (rng.chance(0.8)) lines.push(`industry: ${scalar(rng, rng.pick(INDUSTRIES))}`);
  if (rng.chance(0.8)) lines.push(`location: ${scalar(rng, rng.pick(CITIES))}`);
  if (rng.chance(0.7)) lines.push(`email: ${person.id}@example.com`);
  if (rng.chance(0.3)) lines.push(`phone: "+1 412 555 ${String(rng.int(0, 9999)).padStart(4, '0')}"`);
  if (rng.chance(0.6)) lines.push(`linkedin: https://www.linkedin.com/in/${person.id}-example`);
  if (person.referredBy) {
    lines.push('source: referral');
    lines.push(`referred_by: ${rng.chance(0.85) ? `"[[${person.referredBy}]]"` : `'[[${person.referredBy}]]'`}${comment('intro by email')}`);
  } else lines.push(`source: ${rng.pick(SOURCES)}`);
  const tags = Array.from(new Set(Array.from({ length: rng.int(0, 4) }, () => rng.pick(TAGS))));
  if (tags.length > 0) {
    if (rng.chance(0.4)) lines.push(`tags: [${tags.join(', ')}]`);
    else lines.push('tags:', ...tags.map((tag) => `  - ${tag}`));
  }
  lines.push('history:');
  const indent = rng.chance(0.2) ? '' : '  ';
  for (const entry of stages) {
    day += rng.int(0, 9);
    lines.push(`${indent}- date: ${isoDate(day)}`, `${indent}  stage: ${entry}`);
    if (['contacted', 'followed-up', 'thanked', 'nurturing'].includes(entry)) lines.push(`${indent}  via: ${rng.pick(CHANNELS)}${comment('first try')}`);
    if (entry === 'contacted' && rng.chance(0.6)) lines.push(`${indent}  letter: ${person.referredBy ? 'referral' : 'cold-email'}`);
    if (rng.chance(0.03)) lines.push(`${indent}  note: |`, `${indent}    ${sentence(rng, 6)}`, `${indent}    ${sentence(rng, 7)}`);
    else if (rng.chance(0.35)) lines.push(`${indent}  note: ${scalar(rng, sentence(rng, rng.int(5, 12)))}`);
  }
  if (['scheduled', 'prepared', 'held', 'thanked', 'nurturing'].includes(stage) || (stage === 'archived' && rng.chance(0.3))) {
    const meetingDay = stage === 'scheduled' || stage === 'prepared' ? isoDate(1760 + rng.int(0, 40)) : isoDate(day);
    lines.push('meeting:', `  at: "${meetingDay}T${String(rng.int(7, 17)).padStart(2, '0')}:${rng.pick(['00', '15', '30'])}${rng.chance(0.5) ? '-05:00' : ''}"`);
    if (rng.chance(0.8)) lines.push(`  minutes: ${rng.pick([20, 30, 30, 30, 45, 60])}`);
    lines.push(`  format: ${rng.pick(FORMATS)}`);
    if (rng.chance(0.5)) lines.push(`  link: https://meet.example.com/${person.id}`);
  }
  if (rng.chance(0.08)) lines.push('next:', `  action: ${scalar(rng, `Send ${person.name.split(' ')[0]} the study plan`)}`, `  due: ${isoDate(day + 14)}`);
  if (stage === 'nurturing' && rng.chance(0.6)) lines.push(`touch_every: ${rng.pick([30, 45, 60, 90])}${comment('she asked for monthly updates')}`);
  if (rng.chance(0.1)) lines.push(`rating: ${rng.pick(['4', '4.5', 'null', '~', 'true', '0x1F', '1e3', '.5'])}`);

  // Outcomes link forward in the chain (people this contact led to); some have no note yet.
  const led = people.filter((other) => other.referredBy === person.id).map((other) => other.id);
  const pending = rng.chance(0.25) ? [`${rng.pick(FIRST).toLowerCase()}-${rng.pick(LAST).toLowerCase().replace(/[^a-z]/g, '')}-pending-${index}`] : [];
  const outcomes = [...led, ...pending].map((id) => `- Referral: [[${id}]], ${sentence(rng, rng.int(4, 8)).toLowerCase()}`);
  if (rng.chance(0.4)) outcomes.push(`- Résumé review: ${sentence(rng, 6).toLowerCase()}`);

  const body = [
    `# ${person.name}`,
    '',
    '## Why this person',
    '',
    paragraph(rng, rng.int(4, 7)),
    '',
    '## Research',
    '',
    ...Array.from({ length: rng.int(3, 6) }, () => `- ${sentence(rng, rng.int(10, 16))}`),
    '',
    '## Questions',
    '',
    ...Array.from({ length: rng.int(5, 8) }, (_, i) => `${i + 1}. ${sentence(rng, rng.int(8, 14)).replace(/\.$/, '?')}`),
    '',
    '## Notes',
    '',
    paragraph(rng, rng.int(8, 13)),
    ...(rng.chance(0.2) ? ['', '```text', 'Not a link: [[inside-code]]', '## not a heading', '```'] : []),
    '',
    '## Outcomes',
    '',
    ...(outcomes.length > 0 ? outcomes : ['- Nothing yet.']),
    '',
  ];
  return { frontmatter: lines, body };
}

/** Occasional notes that break a rule, so diagnostics are part of the load. */
function breakNote(rng, frontmatter) {
  const kind = rng.int(0, 4);
  const at = frontmatter.findIndex((line) => line.startsWith('stage:'));
  if (kind === 0) frontmatter[at] = 'stage: interviewing';
  else if (kind === 1) {
    const email = frontmatter.findIndex((line) => line.startsWith('email:'));
    if (email >= 0) frontmatter[email] = 'email: not-an-address';
    else frontmatter.splice(at + 1, 0, 'email: not-an-address');
  }
  else if (kind === 2) frontmatter.push('touch_every: often');
  else if (kind === 3) frontmatter.push('tags: networking');
  else frontmatter.push('name: duplicate key');
}

function otherNote(rng, index) {
  if (rng.chance(0.5)) return `# Weekly review ${index}\n\n${paragraph(rng, 20)}\n\n${paragraph(rng, 20)}\n`;
  return `---\ntitle: Meeting notes ${index}\ntags: [journal]\n---\n\n# Journal\n\n${paragraph(rng, 30)}\n`;
}

/** Plans n notes: ids, names, organizations and who referred whom (chains up to 6 deep). */
function plan(n, rng) {
  const people = [];
  const used = new Set();
  for (let i = 0; i < n; i++) {
    const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
    const base = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/Ł/g, 'L').replace(/ł/g, 'l').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    let id = base;
    for (let k = 2; used.has(id); k++) id = `${base}-${k}`;
    used.add(id);
    // Referrals point back to someone recent, which builds chains rather than stars.
    const referredBy = i > 0 && rng.chance(0.45) ? people[Math.max(0, i - rng.int(1, 25))].id : undefined;
    people.push({ id, name, organization: rng.pick(ORGS), referredBy });
  }
  return people;
}

function folderFor(rng, person) {
  const roll = rng.next();
  if (roll < 0.3) return '';
  if (roll < 0.45) return 'closed/';
  return `contacts/${person.organization.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}/`;
}

/** Every file of an n-note corpus, as path → text. */
export function corpusFiles(n, seed = n) {
  const rng = random(seed);
  const contacts = Math.round(n * 0.96);
  const people = plan(contacts, rng);
  const files = new Map();
  people.forEach((person, index) => {
    const { frontmatter, body } = contactNote(rng, person, people, index);
    if (rng.chance(0.01)) breakNote(rng, frontmatter);
    const eol = rng.chance(0.1) ? '\r\n' : '\n';
    const bom = rng.chance(0.02) ? '\uFEFF' : '';
    const text = bom + ['---', ...frontmatter, '---', '', ...body].join(eol);
    files.set(`${folderFor(rng, person)}${person.id}.md`, text);
  });
  for (let i = contacts; i < n; i++) files.set(`journal/note-${i}.md`, otherNote(rng, i));
  return files;
}

const CONFIG = `# Benchmark corpus
profile:
  name: Jordan Reyes
timezone: America/New_York
rules:
  follow_up_after: 7
`;

/** Writes the corpus once; returns its folder. */
export async function ensureCorpus(n, root = CORPUS_ROOT) {
  const folder = join(root, String(n));
  const marker = join(folder, '.rapport', 'corpus.json');
  const expected = JSON.stringify({ version: GENERATOR_VERSION, notes: n });
  if (existsSync(marker) && (await readFile(marker, 'utf8')) === expected) return folder;
  await rm(folder, { recursive: true, force: true });
  const files = corpusFiles(n);
  const folders = new Set([...files.keys()].map((path) => dirname(join(folder, path))));
  for (const dir of folders) await mkdir(dir, { recursive: true });
  await mkdir(join(folder, '.rapport'), { recursive: true });
  await writeFile(join(folder, '.rapport', 'config.yaml'), CONFIG);
  const entries = [...files];
  for (let i = 0; i < entries.length; i += 256) {
    await Promise.all(entries.slice(i, i + 256).map(([path, text]) => writeFile(join(folder, path), text)));
  }
  await writeFile(marker, expected);
  return folder;
}

// `node bench/corpus.mjs 10000` writes one corpus and prints its folder.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const size of process.argv.slice(2).map(Number)) console.log(await ensureCorpus(size));
}
