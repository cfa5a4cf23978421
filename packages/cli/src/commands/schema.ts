import { contactSchema } from '@rapport/core';
import type { RegisterCommand } from '../program.js';

export const registerSchema: RegisterCommand = (program, context) => {
  program
    .command('schema')
    .description('print the JSON Schema of a contact note\'s frontmatter')
    .addHelpText('after', '\nExample:\n  rapport schema > contact.schema.json\n')
    .action(() => context().json(contactSchema));
};
