// `node --import ./count-intl.mjs …`: counts the date formatters, zone lists and collators
// (or `localeCompare` calls) the process asks Intl for, and writes `formats zones collators`
// to the file named by RAPPORT_INTL at exit.
import { writeFileSync } from 'node:fs';

const counts = { formats: 0, zones: 0, collators: 0 };

/** `constructor`, counting each instance made, with or without `new`, under `key`. */
function counting(constructor, key) {
  return new Proxy(constructor, {
    construct(target, args) {
      counts[key]++;
      return new target(...args);
    },
    apply(target, self, args) {
      counts[key]++;
      return target(...args);
    },
  });
}

Intl.DateTimeFormat = counting(Intl.DateTimeFormat, 'formats');
Intl.Collator = counting(Intl.Collator, 'collators');
const supportedValuesOf = Intl.supportedValuesOf;
Intl.supportedValuesOf = (key) => {
  if (key === 'timeZone') counts.zones++;
  return supportedValuesOf(key);
};
const localeCompare = String.prototype.localeCompare;
String.prototype.localeCompare = function (...args) {
  counts.collators++;
  return localeCompare.apply(this, args);
};
process.on('exit', () => writeFileSync(process.env.RAPPORT_INTL, `${counts.formats} ${counts.zones} ${counts.collators}`));
