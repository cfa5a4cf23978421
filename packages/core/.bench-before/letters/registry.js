import { LetterNotFoundError, LetterTemplateError } from '../errors.js';
import { compileLetterTemplate } from './render-template.js';
import { SHIPPED_TEMPLATES } from './shipped-templates.js';
import { parseLetterTemplate } from './template.js';
/** Where a user's own letter templates live, relative to the notes folder. */
export const TEMPLATES_FOLDER = '.rapport/templates';
/** The extension of a template file. */
const EXTENSION = '.eta';
/** The shipped template named `name`, parsed. */
export function shippedLetterTemplate(name) {
    const text = Object.hasOwn(SHIPPED_TEMPLATES, name) ? SHIPPED_TEMPLATES[name] : undefined;
    return text === undefined ? undefined : parseLetterTemplate(name, text, 'shipped');
}
/** Names of the shipped letters, in the order of the interview. */
export const SHIPPED_LETTERS = Object.keys(SHIPPED_TEMPLATES);
async function userTemplateFiles(store) {
    const files = new Map();
    for (const file of await store.listFiles(TEMPLATES_FOLDER)) {
        const base = file.slice(file.lastIndexOf('/') + 1);
        if (base.toLowerCase().endsWith(EXTENSION) && base.length > EXTENSION.length)
            files.set(base.slice(0, -EXTENSION.length), file);
    }
    return files;
}
/** Every letter that can be written: the shipped ones, replaced or joined by the user's. */
export async function listLetters(store, options = {}) {
    const user = options.allowUserTemplates === false ? new Map() : await userTemplateFiles(store);
    const infos = [];
    for (const name of SHIPPED_LETTERS) {
        if (user.has(name))
            continue;
        const template = shippedLetterTemplate(name);
        infos.push({ name, description: template.description, origin: 'shipped', overrides: false, needs: template.needs, ...(template.stage ? { stage: template.stage } : {}) });
    }
    for (const [name, file] of [...user].sort(([a], [b]) => a.localeCompare(b))) {
        const overrides = SHIPPED_LETTERS.includes(name);
        try {
            const template = await readUserTemplate(store, name, file);
            compileLetterTemplate(template);
            infos.push({ name, description: template.description, origin: 'user', overrides, file, needs: template.needs, ...(template.stage ? { stage: template.stage } : {}) });
        }
        catch (error) {
            if (!(error instanceof LetterTemplateError))
                throw error;
            infos.push({ name, description: '', origin: 'user', overrides, file, needs: [], problem: templateDiagnostic(error, file) });
        }
    }
    return infos;
}
/**
 * The template to render for `name`: the user's file when there is one (and
 * user templates are allowed), else the shipped one. Throws
 * `LetterNotFoundError`, or `LetterTemplateError` for a malformed front part.
 */
export async function loadLetterTemplate(store, name, options = {}) {
    const allowUser = options.allowUserTemplates !== false;
    const user = allowUser ? await userTemplateFiles(store) : new Map();
    const file = user.get(name);
    if (file !== undefined)
        return readUserTemplate(store, name, file);
    const shipped = shippedLetterTemplate(name);
    if (shipped)
        return shipped;
    const available = [...new Set([...SHIPPED_LETTERS, ...user.keys()])];
    if (!allowUser && (await userTemplateFiles(store)).has(name)) {
        throw new LetterNotFoundError(name, available, 'user templates are turned off here (the folder is not trusted), so there is no letter');
    }
    throw new LetterNotFoundError(name, available);
}
async function readUserTemplate(store, name, file) {
    const stored = await store.read(file);
    if (!stored)
        throw new LetterNotFoundError(name, SHIPPED_LETTERS);
    return parseLetterTemplate(name, stored.text, 'user', file);
}
function templateDiagnostic(error, file) {
    return {
        file,
        line: error.line,
        column: error.column,
        endLine: error.line,
        endColumn: error.column,
        severity: 'error',
        rule: 'invalid-letter-template',
        message: error.reason,
    };
}
//# sourceMappingURL=registry.js.map