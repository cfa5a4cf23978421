import { describe, expect, it } from 'vitest';
import { LetterTemplateError } from '../errors.js';
import { parseLetterTemplate } from './template.js';

/** The error a call throws, for checking its fields. */
function thrown(run: () => unknown): LetterTemplateError {
  expect(run).toThrow(LetterTemplateError);
  try {
    run();
  } catch (error) {
    return error as LetterTemplateError;
  }
  throw new Error('unreachable');
}

describe('parseLetterTemplate', () => {
  it('reads the front part: description, needs, stage and via', () => {
    const template = parseLetterTemplate('coffee', '---\ndescription: Coffee chat\nneeds: [firstName, profile.name]\nstage: contacted\nvia: linkedin\n---\nSubject: Hi\n\nHello <%= it.firstName %>\n');
    expect(template).toMatchObject({ name: 'coffee', origin: 'user', description: 'Coffee chat', needs: ['firstName', 'profile.name'], stage: 'contacted', via: 'linkedin', bodyLine: 7 });
    expect(template.body).toBe('Subject: Hi\n\nHello <%= it.firstName %>\n');
  });

  it('takes a file without a front part as all body', () => {
    const template = parseLetterTemplate('plain', 'Subject: Hi\r\n\r\nBody\r\n');
    expect(template).toMatchObject({ needs: [], description: '', bodyLine: 1, body: 'Subject: Hi\n\nBody\n' });
  });

  it.each([
    ['an unknown key', '---\ndescription: x\nneeded: [name]\n---\nBody', 3, 1, 'unknown front-part key "needed"'],
    ['needs that is not a list', '---\nneeds: name\n---\nBody', 2, 8, '`needs` must be a list'],
    ['a field name that is not a path', '---\nneeds: [name, "profile name"]\n---\nBody', 2, 15, '"profile name", which is not a field name'],
    ['an unknown stage', '---\nstage: sent\n---\nBody', 2, 8, 'unknown stage "sent"'],
    ['an unknown channel', '---\nvia: pigeon\n---\nBody', 2, 6, 'unknown channel "pigeon"'],
    ['invalid YAML', '---\nneeds: [name\n---\nBody', 3, 1, 'invalid YAML'],
    ['an unclosed front part', '---\nneeds: [name]\nBody', 1, 1, 'never closed'],
  ])('reports %s with the line and column in the file', (_, text, line, column, reason) => {
    const error = thrown(() => parseLetterTemplate('broken', text, 'user', '.rapport/templates/broken.eta'));
    expect(error).toMatchObject({ template: 'broken', file: '.rapport/templates/broken.eta', line, column });
    expect(error.reason).toContain(reason);
    expect(error.message).toContain(`.rapport/templates/broken.eta:${line}:${column}`);
  });
});
