import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { LetterTemplateError } from '../errors.js';
import { CHANNELS, STAGES, isChannel, isStage } from '../model/vocabulary.js';
import { YAML_OPTIONS } from '../note/frontmatter.js';
import { LineIndex, readLayout } from '../note/source.js';
/** A field path as templates write it after `it.`: `organization`, `profile.name`. */
export const FIELD_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
const FRONT_KEYS = ['description', 'needs', 'stage', 'via'];
/** Reads a template file's front part and body; a malformed front part throws `LetterTemplateError`. */
export function parseLetterTemplate(name, text, origin = 'user', file) {
    const layout = readLayout(text);
    const source = layout.content;
    const lines = new LineIndex(source);
    const sourceLines = source.split(/\r?\n/);
    const fail = (offset, reason) => {
        const { line, column } = lines.position(offset);
        throw new LetterTemplateError(name, line, column, reason, file, sourceLines[line - 1]);
    };
    const base = { name, origin, ...(file === undefined ? {} : { file }), source };
    if (layout.unterminated)
        fail(0, 'the front part opened with `---` is never closed with a `---` line');
    if (!layout.frontmatter)
        return { ...base, description: '', needs: [], body: normalize(source), bodyLine: 1 };
    const block = layout.frontmatter;
    const document = parseDocument(block.yaml, YAML_OPTIONS);
    const firstError = document.errors[0];
    if (firstError)
        fail(block.start + firstError.pos[0], `invalid YAML in the front part: ${firstError.message.split('\n')[0]}`);
    const at = (node) => block.start + (node?.range?.[0] ?? 0);
    const contents = document.contents;
    let description = '';
    let needs = [];
    let stage;
    let via;
    if (contents !== null && !isMap(contents))
        fail(at(contents), 'the front part must be a mapping (description, needs, stage, via)');
    for (const pair of isMap(contents) ? contents.items : []) {
        const key = isScalar(pair.key) ? String(pair.key.value) : '';
        const value = pair.value;
        const plain = isScalar(value) ? value.value : undefined;
        if (key === 'description') {
            if (typeof plain !== 'string')
                fail(at(value ?? pair.key), '`description` must be text');
            description = plain.trim();
        }
        else if (key === 'needs') {
            if (!isSeq(value))
                fail(at(value ?? pair.key), '`needs` must be a list of field names, such as [name, organization, profile.name]');
            needs = [];
            for (const item of value.items) {
                const field = isScalar(item) ? item.value : undefined;
                if (typeof field !== 'string' || !FIELD_PATH.test(field))
                    fail(at(item), `\`needs\` lists "${String(field)}", which is not a field name (letters, digits, dots)`);
                needs.push(field);
            }
        }
        else if (key === 'stage') {
            if (!isStage(plain))
                fail(at(value ?? pair.key), `unknown stage "${String(plain)}" (use one of: ${STAGES.join(', ')})`);
            stage = plain;
        }
        else if (key === 'via') {
            if (!isChannel(plain))
                fail(at(value ?? pair.key), `unknown channel "${String(plain)}" (use one of: ${CHANNELS.join(', ')})`);
            via = plain;
        }
        else {
            fail(at(pair.key), `unknown front-part key "${key}" (use: ${FRONT_KEYS.join(', ')})`);
        }
    }
    const bodyLine = lines.position(layout.bodyStart).line;
    return { ...base, description, needs, ...(stage ? { stage } : {}), ...(via ? { via } : {}), body: normalize(source.slice(layout.bodyStart)), bodyLine };
}
function normalize(text) {
    return text.replace(/\r\n?/g, '\n');
}
//# sourceMappingURL=template.js.map