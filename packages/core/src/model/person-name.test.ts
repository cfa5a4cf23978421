import { describe, expect, it } from 'vitest';
import { nameParts, namesakes, organizationInText, organizationKey, sameNameAndOrganization, splitCredentials } from './person-name.js';

describe('nameParts', () => {
  it('reads "Full Name, credentials" with the given name first, and keeps the credentials as the suffix', () => {
    expect(nameParts('Priya Shah, MBA, CSCP')).toEqual({ given: 'Priya', family: 'Shah', suffix: 'MBA, CSCP' });
    expect(nameParts('Ana Lima, Jr.')).toEqual({ given: 'Ana', family: 'Lima', suffix: 'Jr.' });
    expect(nameParts('Dr. Renée Jackson, PhD')).toEqual({ title: 'Dr.', given: 'Renée', family: 'Jackson', suffix: 'PhD' });
    expect(nameParts('Tom Becker, P.E., PMP®')).toEqual({ given: 'Tom', family: 'Becker', suffix: 'P.E., PMP®' });
    expect(nameParts('Shah, MBA')).toEqual({ given: 'Shah', family: '', suffix: 'MBA' });
  });

  it('leaves out words with no letter (an emoji, a dash): they are not part of the name', () => {
    expect(nameParts('Dr. Zoë Ørsted 🎉')).toEqual({ title: 'Dr.', given: 'Zoë', family: 'Ørsted' });
    expect(nameParts('🚀 Ana Lima — PhD')).toEqual({ given: 'Ana Lima', family: 'PhD' });
    expect(nameParts('Ana Lima 🎓, PhD')).toEqual({ given: 'Ana', family: 'Lima', suffix: 'PhD' });
    // Nothing but decoration: read as written, one word as a given name (as "Cher").
    expect(nameParts('🎉')).toEqual({ given: '🎉', family: '' });
  });

  it('reads "Family, Given" when one word, or a family name with its particles, comes before the comma', () => {
    expect(nameParts('Lima, Ana')).toEqual({ family: 'Lima', given: 'Ana' });
    expect(nameParts("O'Brien, Kate")).toEqual({ family: "O'Brien", given: 'Kate' });
    expect(nameParts('van der Berg, Anna Maria')).toEqual({ family: 'van der Berg', given: 'Anna Maria' });
    // Two capitals after one word are initials, not a credential; a name in capitals has only the known credentials.
    expect(nameParts('Nguyen, AJ')).toEqual({ family: 'Nguyen', given: 'AJ' });
    expect(nameParts('SMITH, ANA')).toEqual({ family: 'SMITH', given: 'ANA' });
    expect(nameParts('SMITH, MBA')).toEqual({ given: 'SMITH', family: '', suffix: 'MBA' });
  });

  it('marks as doubtful a name of several words before its comma followed by something else', () => {
    // Given names after the comma: "Family, Given", with a family name of two words.
    expect(nameParts('García Márquez, Gabriel')).toEqual({ given: 'Gabriel', family: 'García Márquez', doubtful: true });
    expect(nameParts("O'Brien Núñez, Ana María")).toEqual({ given: 'Ana María', family: "O'Brien Núñez", doubtful: true });
    expect(nameParts('Lloyd Webber, Jean-Luc')).toEqual({ given: 'Jean-Luc', family: 'Lloyd Webber', doubtful: true });
    expect(nameParts('Priya Shah, MBA candidate')).toEqual({ given: 'Priya', family: 'Shah', suffix: 'MBA candidate', doubtful: true });
    expect(nameParts('Priya Shah, open to work')).toEqual({ given: 'Priya', family: 'Shah', suffix: 'open to work', doubtful: true });
    expect(nameParts('Priya Shah, Google Cloud AI')).toEqual({ given: 'Priya', family: 'Shah', suffix: 'Google Cloud AI', doubtful: true });
  });

  it('reads a name without a comma as before: the last word is the family name', () => {
    expect(nameParts('Maya Chen')).toEqual({ given: 'Maya', family: 'Chen' });
    expect(nameParts('Prof Ana Lima')).toEqual({ title: 'Prof', given: 'Ana', family: 'Lima' });
    expect(nameParts('Cher')).toEqual({ given: 'Cher', family: '' });
    expect(nameParts('Ana Lima,')).toEqual({ given: 'Ana', family: 'Lima' });
  });
});

describe('splitCredentials', () => {
  it('takes credentials out of a name, leaving a generational suffix in it', () => {
    expect(splitCredentials('Priya Shah, MBA, CSCP')).toEqual({ name: 'Priya Shah', credentials: 'MBA, CSCP' });
    expect(splitCredentials('Ana Lima, Jr., PhD')).toEqual({ name: 'Ana Lima, Jr.', credentials: 'PhD' });
    expect(splitCredentials('Ana Lima, III')).toEqual({ name: 'Ana Lima, III' });
    expect(splitCredentials('Dana Okafor, LEED AP, SHRM-CP')).toEqual({ name: 'Dana Okafor', credentials: 'LEED AP, SHRM-CP' });
  });

  it('leaves a name alone when what follows the comma is not credentials', () => {
    expect(splitCredentials('Lima, Ana')).toEqual({ name: 'Lima, Ana' });
    expect(splitCredentials('Priya Shah, MBA candidate')).toEqual({ name: 'Priya Shah, MBA candidate' });
    expect(splitCredentials('Maya Chen')).toEqual({ name: 'Maya Chen' });
  });
});

describe('namesakes', () => {
  const contacts = [{ name: 'Priya Shah, MBA, CSCP' }, { name: 'José Álvarez' }, { name: 'Lima, Ana' }, { name: 'Priya  SHAH' }, { name: 'Priya Shahid' }];

  it('finds the same name whatever its case, accents and spacing, and the name before a comma of credentials', () => {
    expect(namesakes(contacts, 'Priya Shah')).toEqual([{ name: 'Priya Shah, MBA, CSCP' }, { name: 'Priya  SHAH' }]);
    expect(namesakes(contacts, 'Jose Alvarez')).toEqual([{ name: 'José Álvarez' }]);
    expect(namesakes(contacts, 'Priya Shah, PhD')).toEqual([{ name: 'Priya Shah, MBA, CSCP' }, { name: 'Priya  SHAH' }]);
  });

  it('takes a typographic apostrophe or hyphen (as phones and LinkedIn write them) for the typed one', () => {
    const noted = [{ name: "Zoë O'Brien-Núñez" }, { name: 'Dana O’Neil' }];
    expect(namesakes(noted, 'Zoë O’Brien‐Núñez')).toEqual([{ name: "Zoë O'Brien-Núñez" }]);
    expect(namesakes(noted, "Dana O'Neil")).toEqual([{ name: 'Dana O’Neil' }]);
    expect(namesakes(noted, 'Dana ONeil')).toEqual([]);
  });

  it('with the organization the name was said to work at, leaves out a namesake whose note names another; "Kroger" is "Kroger Co."', () => {
    const people = [{ name: 'Tom Becker', organization: 'Allegheny Power Works' }, { name: 'Tom Becker' }, { name: 'Tom Becker', organization: 'Kroger Co.' }];
    expect(namesakes(people, 'Tom Becker', 'Duquesne Light')).toEqual([{ name: 'Tom Becker' }]);
    expect(namesakes(people, 'Tom Becker', 'kroger')).toEqual([{ name: 'Tom Becker' }, { name: 'Tom Becker', organization: 'Kroger Co.' }]);
    expect(namesakes(people, 'Tom Becker')).toEqual(people);
    expect(namesakes([{ name: 'Ana Lima, Jr.' }, { name: 'Ana Lima, PhD' }], 'Ana Lima')).toEqual([{ name: 'Ana Lima, PhD' }]);
  });

  it('takes a name with a title before it for the same name without, but not a title and a family name alone', () => {
    const people = [{ name: 'Dr. Olivia Grant', organization: 'Grant HF Partners' }, { name: 'Prof Ana Lima' }, { name: 'Dr. Grant' }];
    expect(namesakes(people, 'Olivia Grant')).toEqual([{ name: 'Dr. Olivia Grant', organization: 'Grant HF Partners' }]);
    expect(namesakes(people, 'DR OLIVIA GRANT')).toEqual([{ name: 'Dr. Olivia Grant', organization: 'Grant HF Partners' }]);
    expect(namesakes(people, 'Ana Lima')).toEqual([{ name: 'Prof Ana Lima' }]);
    expect(namesakes(people, 'Grant')).toEqual([]);
    expect(namesakes(people, 'Drew Grant')).toEqual([]);
    expect(sameNameAndOrganization(people, 'Olivia Grant', 'grant hf partners')).toEqual({ name: 'Dr. Olivia Grant', organization: 'Grant HF Partners' });
  });

  it('does not take a family name before a comma for a whole name', () => {
    expect(namesakes(contacts, 'Lima')).toEqual([]);
    expect(namesakes(contacts, 'lima, ana')).toEqual([{ name: 'Lima, Ana' }]);
    expect(namesakes(contacts, 'Priya')).toEqual([]);
  });
});

describe('sameNameAndOrganization', () => {
  const people = [{ name: 'Rebecca Thornton' }, { name: 'Rebecca Thornton', organization: 'Kroger Co.' }, { name: 'Rebecca Thornton, PhD', organization: 'Buckeye Freight &  Logistics, Inc.' }];

  it('finds a namesake whose note names the same organization, case and spacing aside', () => {
    expect(sameNameAndOrganization(people, 'rebecca  thornton', ' buckeye freight & logistics, inc.')).toEqual({ name: 'Rebecca Thornton, PhD', organization: 'Buckeye Freight &  Logistics, Inc.' });
    expect(sameNameAndOrganization(people, 'Rebecca Thornton', 'KROGER CO.')).toEqual({ name: 'Rebecca Thornton', organization: 'Kroger Co.' });
  });

  it('finds nobody for another organization, one only contained in it, or none given: that may be someone else', () => {
    expect(sameNameAndOrganization(people, 'Rebecca Thornton', 'Kroger')).toBeUndefined();
    expect(sameNameAndOrganization(people, 'Rebecca Thornton', 'Duquesne Light')).toBeUndefined();
    expect(sameNameAndOrganization(people, 'Rebecca Thornton', '  ')).toBeUndefined();
    expect(sameNameAndOrganization(people, 'Becky Thornton', 'Kroger Co.')).toBeUndefined();
  });
});

describe('organizationKey', () => {
  it('tells organizations apart as written, case, spacing and Unicode composition aside', () => {
    expect(organizationKey('  ACME   Corp ')).toBe('acme corp');
    expect(organizationKey('Cafe\u0301 Nova')).toBe(organizationKey('Caf\u00e9 Nova'));
    expect(organizationKey('Café Nova')).not.toBe(organizationKey('Cafe Nova'));
    expect(organizationKey('Squarespace, Inc.')).not.toBe(organizationKey('Squarespace'));
  });
});

describe('organizationInText', () => {
  it('gives "the" to an institution named for what it is, and leaves brands and names that have it as written', () => {
    const said = (name: string) => organizationInText(name);
    expect(said('University of Texas at Austin')).toBe('the University of Texas at Austin');
    expect(said('Carnegie Museum of Art')).toBe('the Carnegie Museum of Art');
    expect(said('Massachusetts Institute of Technology')).toBe('the Massachusetts Institute of Technology');
    expect(said("Children's Hospital of Philadelphia")).toBe("the Children's Hospital of Philadelphia");
    expect(said('School District of Philadelphia')).toBe('the School District of Philadelphia');
    expect(said('Federal Reserve Bank of Cleveland')).toBe('the Federal Reserve Bank of Cleveland');
    expect(said('Institute for Healthcare Improvement')).toBe('the Institute for Healthcare Improvement');
    expect(said('Gates Foundation')).toBe('the Gates Foundation');
    expect(said('Broad Institute')).toBe('the Broad Institute');
    expect(said('United Nations')).toBe('the United Nations');
    expect(said('  Department of Labor ')).toBe('the Department of Labor');
    // As written: brands and names without "of"; one that says "The" says it in lower case.
    expect(said('Bank of America')).toBe('Bank of America');
    expect(said('Carnegie Mellon University')).toBe('Carnegie Mellon University');
    expect(said('Columbus City Schools')).toBe('Columbus City Schools');
    expect(said('Pecan Street Inc.')).toBe('Pecan Street Inc.');
    expect(said('The Ohio State University')).toBe('the Ohio State University');
    expect(said('the Museum of Modern Art')).toBe('the Museum of Modern Art');
    expect(said('UPMC')).toBe('UPMC');
  });
});
