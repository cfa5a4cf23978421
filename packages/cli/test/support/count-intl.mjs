// `node --import ./count-intl.mjs …`: counts the date formatters and zone lists the process
// asks Intl for, and writes `formats zones` to the file named by RAPPORT_INTL at exit.
import { writeFileSync } from 'node:fs';

const counts = { formats: 0, zones: 0 };
const DateTimeFormat = Intl.DateTimeFormat;
Intl.DateTimeFormat = new Proxy(DateTimeFormat, {
  construct(target, args) {
    counts.formats++;
    return new target(...args);
  },
  apply(target, self, args) {
    counts.formats++;
    return target(...args);
  },
});
const supportedValuesOf = Intl.supportedValuesOf;
Intl.supportedValuesOf = (key) => {
  if (key === 'timeZone') counts.zones++;
  return supportedValuesOf(key);
};
process.on('exit', () => writeFileSync(process.env.RAPPORT_INTL, `${counts.formats} ${counts.zones}`));
