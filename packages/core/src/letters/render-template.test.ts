import { describe, expect, it } from 'vitest';
import { LetterTemplateError } from '../errors.js';
import type { LetterData } from './letter-data.js';
import { compileLetterTemplate, renderLetterTemplate } from './render-template.js';
import { parseLetterTemplate } from './template.js';

function data(values: Record<string, unknown> = {}): LetterData {
  return { meeting: {}, referrer: {}, profile: { name: 'Jordan Reyes' }, fields: {}, today: 'November 23, 2026', askedMinutes: 30, ...values };
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

  it('lets a value that ends a sentence take the place of the full stop after it, keeping an ellipsis the user wrote', () => {
    const template = parseLetterTemplate('t', 'Subject: s\n\nYour work at <%= it.organization %>. I liked <%= it.impressed %>. Also <%= it.topic %>, and <%= it.role %>.\n');
    const body = (values: Record<string, unknown>) => renderLetterTemplate(template, data(values)).body;
    expect(body({ organization: 'Buckeye Freight & Logistics, Inc.', impressed: 'your talk "Why now?"', topic: 'Acme Inc.', role: 'analyst' })).toBe(
      'Your work at Buckeye Freight & Logistics, Inc. I liked your talk "Why now?". Also Acme Inc., and analyst.\n',
    );
    expect(body({ organization: 'Acme', impressed: 'your question: why now?', topic: 'x', role: 'the rest...' })).toBe('Your work at Acme. I liked your question: why now? Also x, and the rest...\n');
    expect(body({ organization: 'Acme', impressed: 'the pilot…', topic: 'x', role: 'Wow!' })).toBe('Your work at Acme. I liked the pilot… Also x, and Wow!\n');
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

describe('what a template prints', () => {
  it('prints numbers, true/false and lists from the frontmatter as text', () => {
    const template = parseLetterTemplate('t', 'Subject: s\n\n<%= it.fields.years %> years; remote: <%= it.fields.remote %>; <%= it.fields.tags %>; <%= 2n ** 64n %>\n');
    const letter = renderLetterTemplate(template, data({ fields: { years: 12, remote: false, tags: ['UX research', 'health', 3] } }));
    expect(letter.body).toBe('12 years; remote: false; UX research, health, 3; 18446744073709551616\n');
  });

  it('treats a blank, empty or null field like a missing one, printed or needed', () => {
    const template = parseLetterTemplate('t', '---\nneeds: [industry]\n---\nSubject: s\n\n<%= it.role %>|<%= it.organization %>|<%= it.fields.mentor %>|<%~ it.location %>|<%= it.industry %>\n');
    const letter = renderLetterTemplate(template, data({ role: '', organization: '  \t', fields: { mentor: null }, industry: ' ' }));
    expect(letter.body).toBe('[[fill: role]]|[[fill: organization]]|[[fill: fields.mentor]]|[[fill: location]]|[[fill: industry]]\n');
    expect(letter.missing).toEqual(['industry', 'role', 'organization', 'fields.mentor', 'location']);
  });

  it('marks a needed field under a group the data lacks, or under a frontmatter field left empty', () => {
    const template = parseLetterTemplate('t', '---\nneeds: [employer.name, fields.links.site]\n---\nSubject: s\n\n<%= it.employer.name %> <%= it.fields.links.site %>\n');
    const letter = renderLetterTemplate(template, data({ fields: { links: null } }));
    expect(letter.body).toBe('[[fill: employer.name]] [[fill: fields.links.site]]\n');
    expect(letter.missing).toEqual(['employer.name', 'fields.links.site']);
  });

  it('prints an expression whole, even one that ends with a field or spans lines', () => {
    const template = parseLetterTemplate('t', "Subject: s\n\n<%= 'Dear ' + it.firstName %>, <%= (it.role) %>, <%= it.nickname\n  || it.name %>.<% it.name %>\n");
    const letter = renderLetterTemplate(template, data({ firstName: 'Ada', name: 'Ada Byron', role: 'PM' }));
    expect(letter).toMatchObject({ body: 'Dear Ada, PM, Ada Byron.\n', missing: [] });
  });

  it('removes spaces at the end of lines but keeps the indentation of a list', () => {
    const template = parseLetterTemplate('t', 'Subject: s\n\nTwo questions:  \n  - how <%= it.organization %> hires  \n  - what changed\n');
    expect(renderLetterTemplate(template, data({ organization: 'Acme' })).body).toBe('Two questions:\n  - how Acme hires\n  - what changed\n');
  });

  it('reads a subject line written without a space, and no subject from a later line that has one', () => {
    expect(renderLetterTemplate(parseLetterTemplate('t', 'subject:Coffee?\n\nHi\n'), data())).toEqual({ subject: 'Coffee?', body: 'Hi\n', text: 'Subject: Coffee?\n\nHi\n', missing: [] });
    expect(renderLetterTemplate(parseLetterTemplate('t', 'Dear Ada,\nOn the subject: consent forms.\n'), data())).toEqual({ subject: '', body: 'Dear Ada,\nOn the subject: consent forms.\n', text: 'Dear Ada,\nOn the subject: consent forms.\n', missing: [] });
  });
});

describe('errors of a running template, at the tag that raised them', () => {
  it('names the JavaScript error', () => {
    const error = thrown(() => renderLetterTemplate(parseLetterTemplate('bad', `${FRONT}Subject: s\n\n<%= it.name %> <%= it.name.nope() %>\n`), data({ name: 'Ada' })));
    expect(error).toMatchObject({ line: 6, column: 16, reason: 'error while running the template: TypeError: it.name.nope is not a function' });
    const tenth = thrown(() => renderLetterTemplate(parseLetterTemplate('bad', `${FRONT}Subject: s\n\n${'<%= it.name %> '.repeat(9)}<%= it.name.nope() %>\n`), data({ name: 'Ada' })));
    expect(tenth).toMatchObject({ line: 6, column: 136, reason: 'error while running the template: TypeError: it.name.nope is not a function' });
  });

  it('gives what a template throws as its reason', () => {
    const error = thrown(() => renderLetterTemplate(parseLetterTemplate('bad', `${FRONT}Subject: s\n\nDear <%= it.name %>,\n  <% if (!it.referrer.name) throw 'this letter needs a referrer' %>\n`), data({ name: 'Ada' })));
    expect(error).toMatchObject({ line: 7, column: 3, reason: 'error while running the template: this letter needs a referrer' });
  });

  it('quotes an expression that prints null', () => {
    const error = thrown(() => renderLetterTemplate(parseLetterTemplate('bad', `${FRONT}Hi <%= it.fields.mentor ?? null %>\n`), data({ fields: {} })));
    expect(error).toMatchObject({ line: 4, column: 4, reason: '`it.fields.mentor ?? null` prints null: guard it with `if`, or list the field in `needs`' });
    expect(error.message).toBe('letter template "bad" (shipped:4:4): `it.fields.mentor ?? null` prints null: guard it with `if`, or list the field in `needs`\n\n  Hi <%= it.fields.mentor ?? null %>\n     ^');
  });
});

describe('where a syntax error is', () => {
  it('gives only the problem of an unclosed tag, on any line', () => {
    const error = thrown(() => compileLetterTemplate(parseLetterTemplate('bad', `${FRONT}Subject: s\n\n1\n2\n3\n4\n5\n6\n7\nThanks, dear <%= it.name\n`)));
    expect(error).toMatchObject({ line: 13, column: 14, reason: 'unclosed tag' });
  });

  it('is the tag whose code does not parse, after text, strings and a loop holding brackets of their own', () => {
    const body = [
      "Subject: Notes for <%= it.name %> :)",
      '',
      "I'd like (if you agree) to ask:",
      '<% it.fields.tags.forEach((tag) => { %>',
      '- <%= tag + " :)" %> <%= `${tag} :)` %> <%= \'(\' %> <%= it.fields.tags[0] %>',
      '<% }) %>',
      'Thanks, <%= it.name + %>',
      '<%= it.signature %>',
    ].join('\n');
    const error = thrown(() => compileLetterTemplate(parseLetterTemplate('bad', `${FRONT}${body}\n`)));
    expect(error).toMatchObject({ line: 10, column: 9, reason: "JavaScript syntax error: Unexpected token ')'" });
  });

  it('is the tag whose code does not parse, after comments holding brackets, a product and a division', () => {
    const body = [
      'Subject: s',
      '<% /* was: :( */ %><% // the same :( %>',
      '<%= it.fields.minutes * 60 %> seconds',
      '<% if (it.fields.minutes) { %>',
      'about <%= Math.round(it.fields.minutes / 60) %> hours',
      '<% } %>',
      'Thanks, <%= it.name + %>',
      '<%= it.signature %>',
    ].join('\n');
    const error = thrown(() => compileLetterTemplate(parseLetterTemplate('bad', `${FRONT}${body}\n`)));
    expect(error).toMatchObject({ line: 10, column: 9, reason: "JavaScript syntax error: Unexpected token ')'" });
  });

  it('is the tag that opens a block never closed, even the eleventh, with brackets and quotes after it', () => {
    const body = [
      'Subject: <%= it.name %>',
      '<%= it.role %>, <%= it.organization %>, <%= it.industry %>, <%= it.location %>, <%= it.email %>',
      '<%= it.linkedin %> <%= it.impressed %> <%= it.learned %> <%= it.visiting %>',
      "I'd say (as before): <% if (it.topic) { %>",
      'Topic: <%= it.topic %> :) <%= " :)" %> <%= `:)` %>',
    ].join('\n');
    const error = thrown(() => compileLetterTemplate(parseLetterTemplate('bad', `${FRONT}${body}\n`)));
    expect(error).toMatchObject({ line: 7, column: 22, reason: 'JavaScript syntax error: `{` is never closed' });
  });

  it('is the last tag when the code clashes with a name Eta declares', () => {
    const error = thrown(() => compileLetterTemplate(parseLetterTemplate('bad', `${FRONT}Dear <%= it.name %>,\n<% let output = it.role %>\n`)));
    expect(error).toMatchObject({ line: 5, column: 1, reason: "JavaScript syntax error: Identifier 'output' has already been declared" });
  });
});
