import { describe, expect, it } from 'vitest';
import { LetterTemplateError } from '../errors.js';
import type { LetterData } from './letter-data.js';
import { compileLetterTemplate, renderLetterTemplate } from './render-template.js';
import { parseLetterTemplate } from './template.js';

function data(values: Record<string, unknown> = {}): LetterData {
  return { meeting: {}, referrer: {}, profile: { name: 'Jordan Reyes' }, fields: {}, today: 'November 23, 2026', ...values };
}

function thrown(run: () => unknown): LetterTemplateError {
  expect(run).toThrow(LetterTemplateError);
  try {
    run();
  } catch (error) {
    return error as LetterTemplateError;
  }
  throw new Error('unreachable');
}

const FRONT = '---\ndescription: test\n---\n'; // the body starts on line 4

describe('renderLetterTemplate', () => {
  it('splits the subject line from the body', () => {
    const letter = renderLetterTemplate(parseLetterTemplate('t', `${FRONT}Subject: Hello <%= it.name %>\n\nDear <%= it.name %>,\n\nBye\n`), data({ name: 'Ada' }));
    expect(letter).toEqual({ subject: 'Hello Ada', body: 'Dear Ada,\n\nBye\n', text: 'Subject: Hello Ada\n\nDear Ada,\n\nBye\n', missing: [] });
  });

  it('never escapes: letters are plain text, so "R&D" stays "R&D"', () => {
    const template = parseLetterTemplate('t', 'Subject: <%= it.organization %>\n\n<%= it.organization %> and <%~ it.role %>\n');
    const letter = renderLetterTemplate(template, data({ organization: 'R&D <Labs> "Q"', role: "Head of 'R&D'" }));
    expect(letter.subject).toBe('R&D <Labs> "Q"');
    expect(letter.body).toBe('R&D <Labs> "Q" and Head of \'R&D\'\n');
    expect(letter.text).not.toContain('&amp;');
  });

  it('keeps the newline after an interpolation, drops it after `-%>`, and tidies blank lines', () => {
    const template = parseLetterTemplate('t', 'Subject: s\n\nName: <%= it.name %>\n<% if (it.role) { -%>\nRole: <%= it.role %>\n<% } -%>\n\n\n\nEnd   \n');
    expect(renderLetterTemplate(template, data({ name: 'Ada' })).body).toBe('Name: Ada\n\nEnd\n');
    expect(renderLetterTemplate(template, data({ name: 'Ada', role: 'PM' })).body).toBe('Name: Ada\nRole: PM\n\nEnd\n');
  });

  it('leaves a [[fill: field]] marker for each missing needed or printed field, and lists them', () => {
    const template = parseLetterTemplate('t', '---\nneeds: [organization, profile.background]\n---\nSubject: s\n\n<%= it.name %> at <%= it.organization %>, <%= it.role %>. <%= it.profile.background %>\n');
    const letter = renderLetterTemplate(template, data({ name: 'Ada' }));
    expect(letter.body).toBe('Ada at [[fill: organization]], [[fill: role]]. [[fill: profile.background]]\n');
    expect(letter.missing).toEqual(['organization', 'profile.background', 'role']);
  });

  it('reads a missing nested group without failing', () => {
    const letter = renderLetterTemplate(parseLetterTemplate('t', 'Subject: s\n\n<%= it.referrer.name %>|<%= it.nothing.deeper %>\n'), data());
    expect(letter.body).toBe('[[fill: referrer.name]]|[[fill: nothing.deeper]]\n');
  });

  it('is reusable once compiled: each render has its own missing list', () => {
    const compiled = compileLetterTemplate(parseLetterTemplate('t', 'Subject: s\n\n<%= it.role %>\n'));
    expect(compiled.render(data()).missing).toEqual(['role']);
    expect(compiled.render(data({ role: 'PM' }))).toMatchObject({ body: 'PM\n', missing: [] });
  });

  it('has an empty subject when the template has no subject line', () => {
    expect(renderLetterTemplate(parseLetterTemplate('t', 'Dear <%= it.name %>\n'), data({ name: 'Ada' }))).toMatchObject({ subject: '', body: 'Dear Ada\n' });
  });
});

describe('malformed templates', () => {
  it('reports an unclosed tag at its line and column, counting the front part', () => {
    const error = thrown(() => compileLetterTemplate(parseLetterTemplate('bad', `${FRONT}Subject: s\n\nDear <%= it.name\n`, 'user', '.rapport/templates/bad.eta')));
    expect(error).toMatchObject({ template: 'bad', file: '.rapport/templates/bad.eta', line: 6, column: 6 });
    expect(error.reason).toContain('unclosed tag');
    expect(error.message).toContain('bad.eta:6:6');
    expect(error.message).toContain('Dear <%= it.name\n       ^');
  });

  it('finds the tag holding a JavaScript syntax error', () => {
    const error = thrown(() => compileLetterTemplate(parseLetterTemplate('bad', `${FRONT}Subject: s\n\n<%= it.name %> and <%= it.role %>\n<% if (it.name) { %>x<% } %> then <%= it.name.( %>\n`)));
    expect(error).toMatchObject({ line: 7, column: 35 });
    expect(error.reason).toMatch(/^JavaScript syntax error: /);
  });

  it('points at the block that is never closed', () => {
    const error = thrown(() => compileLetterTemplate(parseLetterTemplate('bad', `${FRONT}Subject: s\n\n<%= it.name %>\n  <% if (it.role) { %>\nRole\n`)));
    expect(error).toMatchObject({ line: 7, column: 3 });
  });

  it('reports an error while running with the tag that raised it', () => {
    const template = parseLetterTemplate('bad', `${FRONT}Subject: s\n\n<%= it.name %>\n<%= it.name %> <%= it.name.nope() %>\n`);
    const error = thrown(() => renderLetterTemplate(template, data({ name: 'Ada' })));
    expect(error).toMatchObject({ line: 7, column: 16 });
    expect(error.reason).toContain('TypeError');
  });

  it('refuses to print undefined or an object from an expression', () => {
    const undefinedValue = thrown(() => renderLetterTemplate(parseLetterTemplate('bad', 'Subject: s\n\n<%= it.name || undefined %>\n'), data()));
    expect(undefinedValue).toMatchObject({ line: 3, column: 1 });
    expect(undefinedValue.reason).toContain('`it.name || undefined` prints undefined');
    const object = thrown(() => renderLetterTemplate(parseLetterTemplate('bad', 'Subject: <%= it.meeting %>\n'), data()));
    expect(object.reason).toContain('prints an object');
  });
});
