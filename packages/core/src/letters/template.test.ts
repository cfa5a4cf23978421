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
    expect('file' in template).toBe(false);
  });

  it('takes an empty front part, or one without a description, and trims a quoted description', () => {
    expect(parseLetterTemplate('empty', '---\n---\nSubject: Hi\n')).toMatchObject({ description: '', needs: [], bodyLine: 3, body: 'Subject: Hi\n' });
    expect(parseLetterTemplate('needs', '---\nneeds: [name]\n---\nSubject: Hi\n')).toMatchObject({ description: '', needs: ['name'], bodyLine: 4 });
    expect(parseLetterTemplate('quoted', '---\ndescription: "  Coffee chat "\n---\nSubject: Hi\n').description).toBe('Coffee chat');
  });

  it('reads a front part the quick reader leaves to yaml (an anchor, a list over several lines) to the same values', () => {
    const expected = { description: 'Coffee chat', needs: ['firstName', 'profile.name'], stage: 'contacted', via: 'email', bodyLine: 9 };
    const quick = '---\ndescription: Coffee chat\nneeds:\n  - firstName\n  - profile.name\nstage: contacted\nvia: email\n---\nSubject: Hi\n';
    expect(parseLetterTemplate('quick', quick)).toMatchObject(expected);
    const anchored = '---\ndescription: &d Coffee chat\nneeds: [firstName,\n  profile.name]\nstage: contacted\nvia: email\n---\nSubject: Hi\n';
    expect(parseLetterTemplate('anchored', anchored)).toMatchObject({ ...expected, bodyLine: 8 });
  });

  it('reads a file with old Mac line endings (CR alone)', () => {
    expect(parseLetterTemplate('cr', 'Subject: Hi\r\rBody\r').body).toBe('Subject: Hi\n\nBody\n');
  });

  it.each([
    ['an unknown key', '---\ndescription: x\nneeded: [name]\n---\nBody', 3, 1, 'unknown front-part key "needed" (use: description, needs, stage, via)'],
    ['a key that is not text', '---\n[needs]: x\n---\nBody', 2, 1, 'unknown front-part key "" (use: description, needs, stage, via)'],
    ['a front part that is a list', '---\n- description\n---\nBody', 2, 1, 'the front part must be a mapping (description, needs, stage, via)'],
    ['a description that is not text', '---\ndescription: [coffee, chat]\n---\nBody', 2, 14, '`description` must be text'],
    ['an empty description', '---\ndescription:\nneeds: [name]\n---\nBody', 2, 13, '`description` must be text'],
    ['needs that is not a list', '---\nneeds: name\n---\nBody', 2, 8, '`needs` must be a list of field names, such as [name, organization, profile.name]'],
    ['a field name that is not a path', '---\nneeds: [name, "profile name"]\n---\nBody', 2, 15, '`needs` lists "profile name", which is not a field name (letters, digits, dots)'],
    ['a field name that is not text', '---\nneeds: [name, true]\n---\nBody', 2, 15, '`needs` lists "true", which is not a field name (letters, digits, dots)'],
    ['an unknown stage', '---\nstage: sent\n---\nBody', 2, 8, 'unknown stage "sent" (use one of: identified, contacted, followed-up, scheduled, prepared, held, thanked, nurturing, declined, no-response, archived)'],
    ['an unknown channel', '---\nvia: pigeon\n---\nBody', 2, 6, 'unknown channel "pigeon" (use one of: email, linkedin, letter, phone, in-person, other)'],
    ['invalid YAML', '---\nneeds: [name\n---\nBody', 3, 1, 'invalid YAML in the front part: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['an unclosed front part', '---\nneeds: [name]\nBody', 1, 1, 'the front part opened with `---` is never closed with a `---` line'],
  ])('reports %s with the line and column in the file', (_, text, line, column, reason) => {
    const error = thrown(() => parseLetterTemplate('broken', text, 'user', '.rapport/templates/broken.eta'));
    expect(error).toMatchObject({ template: 'broken', file: '.rapport/templates/broken.eta', line, column, reason });
    expect(error.message).toContain(`.rapport/templates/broken.eta:${line}:${column}`);
  });

  it('shows the line of the problem with a caret under its column', () => {
    expect(thrown(() => parseLetterTemplate('broken', '---\ndescription: x\nstage: sent\n---\nBody\n', 'user', 'b.eta')).message).toBe(
      'letter template "broken" (b.eta:3:8): unknown stage "sent" (use one of: identified, contacted, followed-up, scheduled, prepared, held, thanked, nurturing, declined, no-response, archived)\n\n  stage: sent\n         ^',
    );
    expect(thrown(() => parseLetterTemplate('broken', '---\r\nvia: pigeon\r\n---\r\nBody\r\n')).message).toBe(
      'letter template "broken" (shipped:2:6): unknown channel "pigeon" (use one of: email, linkedin, letter, phone, in-person, other)\n\n  via: pigeon\n       ^',
    );
  });
});
