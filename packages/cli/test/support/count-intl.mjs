// `node --import ./count-intl.mjs …`: counts the date formatters, zone lists and collators
// (or `localeCompare` calls) the process asks Intl for, and writes `formats zones collators`
// to the file named by RAPPORT_INTL at exit.
import { writeFileSync } from 'node:fs';

const counts = { formats: 0, zones: 0, collators: 0 };
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
const Collator = Intl.Collator;
Intl.Collator = new Proxy(Collator, {
  construct(target, args) {
    counts.collators++;
    return new target(...args);
  },
  apply(target, self, args) {
    counts.collators++;
    return target(...args);
  },
});
const localeCompare = String.prototype.localeCompare;
String.prototype.localeCompare = function (...args) {
  counts.collators++;
  return localeCompare.apply(this, args);
};
process.on('exit', () => writeFileSync(process.env.RAPPORT_INTL, `${counts.formats} ${counts.zones} ${counts.collators}`));
