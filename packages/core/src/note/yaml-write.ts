import { Schema, type CreateNodeOptions, type DocumentOptions, type SchemaOptions, type ToStringOptions } from 'yaml';

export type YamlWriteOptions = DocumentOptions & SchemaOptions & CreateNodeOptions & ToStringOptions;

let writeOptions: YamlWriteOptions | undefined;

/**
 * How Rapport writes YAML values. Notes are YAML 1.2, but other readers of
 * the same files (PyYAML, js-yaml 3: Python scripts, older site
 * generators) read YAML 1.1, where a plain `On`, `yes` or `NO` is a boolean
 * and `1:20` a number. A string such a reader would take for something else
 * is written in quotes, as one YAML 1.2 would misread already is. Dates stay
 * plain: in a note, a value that looks like a calendar date is one.
 *
 * Lines are never folded, and a value holding one list twice is written
 * twice, never as an anchor and an alias, which a note has no use for.
 * Built on first use, so that loading the library does no work.
 */
export function yamlWriteOptions(): YamlWriteOptions {
  writeOptions ??= {
    lineWidth: 0,
    minContentWidth: 0,
    indent: 2,
    aliasDuplicateObjects: false,
    compat: [...new Schema({ schema: 'yaml-1.1' }).tags.filter((tag) => tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.tag !== BOOL), YAML_1_1_BOOLEAN],
  };
  return writeOptions;
}

const BOOL = 'tag:yaml.org,2002:bool';

/**
 * The booleans of YAML 1.1 as PyYAML and js-yaml 3 read them. The spec's
 * `y` and `n` are left out: no such reader takes them for booleans, and a
 * key `y:` written in quotes would only puzzle the person reading the note.
 */
const YAML_1_1_BOOLEAN = {
  tag: BOOL,
  default: true,
  test: /^(?:[Yy]es|YES|[Nn]o|NO|[Tt]rue|TRUE|[Ff]alse|FALSE|[Oo]n|ON|[Oo]ff|OFF)$/,
  resolve: (value: string) => /^(?:[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/.test(value),
};
