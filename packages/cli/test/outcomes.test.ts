import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleCopy, rapport, userFiles } from './support/run-cli.js';

const MARCUS =
  '\uFEFF---\r\ntype: contact\r\nname: Marcus Bell\r\nstage: thanked\r\nhistory:\r\n  - {date: 2026-11-20, stage: thanked}\r\n---\r\n\r\n## Outcomes\r\n\r\n' +
  '- [ ] Lead: Xcel Energy: Data Analyst II (by 2026-12-10)\r\n' +
  '- Referral: Renee Jackson, data engineer at Xcel\r\n' +
  '- Résumé review: he offered to read it (by 2026-12-04)\r\n';

function folderWithMarcus(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rapport-cli-outcomes-'));
  mkdirSync(join(folder, '.rapport'));
  writeFileSync(join(folder, 'marcus-bell.md'), MARCUS);
  return folder;
}

describe('outcomes from the command line', () => {
  it('puts open outcomes on the agenda, with the command that ticks each and the one that adds a referral', () => {
    const folder = folderWithMarcus();
    const result = rapport(['agenda', '--today', '2026-12-01', '--dir', folder]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'Next 7 days (1)',
        '  2026-12-04  Send your résumé to Marcus Bell for review  → rapport outcome marcus-bell "résumé review" --done',
        '',
        'Later (2)',
        '  2026-12-10  Follow up on the lead at Xcel Energy: Data Analyst II · Marcus Bell  → rapport outcome marcus-bell lead --done',
        '  2027-01-19  Keep in touch with Marcus Bell  → rapport letter keep-in-touch marcus-bell',
        '',
        'Ready to write (1)',
        '  anytime     Add Renee Jackson (referred by Marcus Bell)  → rapport new --from marcus-bell "Renee Jackson"',
        '',
      ].join('\n'),
    );
  });

  it('asks the referrer for a name the note does not give yet, with no note to create for a description', () => {
    const folder = mkdtempSync(join(tmpdir(), 'rapport-cli-outcomes-'));
    mkdirSync(join(folder, '.rapport'));
    writeFileSync(
      join(folder, 'ben-osei.md'),
      '---\ntype: contact\nname: Ben Osei\nstage: thanked\nhistory:\n  - {date: 2026-11-25, stage: held}\n  - {date: 2026-11-26, stage: thanked}\n---\n\n## Outcomes\n\n- Referral: their informatics lead (he will send the name)\n',
    );
    const result = rapport(['agenda', '--today', '2026-12-07', '--dir', folder]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        'Later (1)',
        '  2027-01-25  Keep in touch with Ben Osei  → rapport letter keep-in-touch ben-osei',
        '',
        'Ready to write (1)',
        '  anytime     Ask Ben Osei for the name of their informatics lead',
        '',
      ].join('\n'),
    );
    expect(rapport(['graph', '--dir', folder]).stdout).not.toContain('informatics');
  });

  it('outcome lists a contact\'s outcomes, ticks the one named by label, words or line, and opens it again, changing only its box', () => {
    const folder = folderWithMarcus();
    const note = join(folder, 'marcus-bell.md');
    expect(rapport(['outcome', 'marcus-bell', '--dir', folder])).toEqual({
      code: 0,
      stdout: '    11  [ ] Lead: Xcel Energy: Data Analyst II (by 2026-12-10)\n    12  [ ] Referral: Renee Jackson, data engineer at Xcel\n    13  [ ] Résumé review: he offered to read it (by 2026-12-04)\n',
      stderr: '',
    });
    const ticked = rapport(['outcome', 'marcus-bell', 'resume review', '--done', '--today', '2026-12-01', '--dir', folder]);
    expect(ticked).toEqual({
      code: 0,
      stdout: 'Marcus Bell: done: Résumé review: he offered to read it (by 2026-12-04)  marcus-bell.md:13\nMarcus Bell: next: Keep in touch with Marcus Bell (due 2027-01-19)\n',
      stderr: '',
    });
    expect(readFileSync(note, 'utf8')).toBe(MARCUS.replace('- Résumé review:', '- [x] Résumé review:'));
    expect(rapport(['outcome', 'marcus-bell', 'xcel', '--done', '--dir', folder]).code).toBe(2);
    expect(rapport(['outcome', 'marcus-bell', 'xcel', '--done', '--dir', folder]).stderr).toBe(
      'rapport: "xcel" fits 2 outcomes of Marcus Bell: line 11 (Lead: Xcel Energy: Data Analyst II (by…), line 12 (Referral: Renee Jackson, data engineer at Xcel); give the line number\n',
    );
    expect(rapport(['outcome', 'marcus-bell', '11', '--done', '--today', '2026-12-01', '--dir', folder]).code).toBe(0);
    expect(readFileSync(note, 'utf8')).toBe(MARCUS.replace('- Résumé review:', '- [x] Résumé review:').replace('- [ ] Lead:', '- [x] Lead:'));
    // Ticked, they leave the agenda.
    expect(rapport(['agenda', '--today', '2026-12-01', '--dir', folder]).stdout).not.toContain('rapport outcome');
    expect(rapport(['outcome', 'marcus-bell', 'lead', '--reopen', '--today', '2026-12-01', '--dir', folder]).stdout).toBe(
      'Marcus Bell: open again: Lead: Xcel Energy: Data Analyst II (by 2026-12-10)  marcus-bell.md:11\nMarcus Bell: next: Keep in touch with Marcus Bell (due 2027-01-19)\n',
    );
    expect(readFileSync(note, 'utf8')).toBe(MARCUS.replace('- Résumé review:', '- [x] Résumé review:'));
    expect(rapport(['outcome', 'marcus-bell', '12', '--dir', folder]).stdout).toBe('    12  [ ] Referral: Renee Jackson, data engineer at Xcel\n');
    expect(rapport(['outcome', 'marcus-bell', '9', '--done', '--dir', folder]).stderr).toMatch(/^rapport: no outcome of Marcus Bell starts on line 9 of marcus-bell\.md: line 11 \(Lead: /);
  });

  it('lists referrals to add with the other referrals, before the cold letters, under Ready to write', () => {
    const folder = folderWithMarcus();
    writeFileSync(join(folder, 'aaron-cole.md'), '---\ntype: contact\nname: Aaron Cole\nstage: identified\n---\n');
    writeFileSync(join(folder, 'zoe-lind.md'), '---\ntype: contact\nname: Zoe Lind\nstage: identified\nreferred_by: "[[marcus-bell]]"\n---\n');
    const ready = rapport(['agenda', '--today', '2026-12-01', '--dir', folder]).stdout.split('Ready to write')[1];
    expect(ready).toBe(
      [
        ' (3)',
        '  anytime     Add Renee Jackson (referred by Marcus Bell)  → rapport new --from marcus-bell "Renee Jackson"',
        '  anytime     Write to Zoe Lind, naming who referred you  → rapport letter referral zoe-lind',
        '  anytime     Write to Aaron Cole  → rapport letter cold-email aaron-cole',
        '',
      ].join('\n'),
    );
  });

  it('new --from creates the referred contact and links the name in the referrer\'s Outcomes, nothing else changed', () => {
    const folder = folderWithMarcus();
    const created = rapport(['new', '--from', 'marcus-bell', 'Renee Jackson', '--today', '2026-12-01', '--dir', folder]);
    expect(created).toEqual({ code: 0, stdout: 'renee-jackson.md\n', stderr: '' });
    expect(readFileSync(join(folder, 'marcus-bell.md'), 'utf8')).toBe(MARCUS.replace('- Referral: Renee Jackson,', '- Referral: [[renee-jackson]],'));
    const note = readFileSync(join(folder, 'renee-jackson.md'), 'utf8');
    expect(note).toContain('\nsource: referral\nreferred_by: "[[marcus-bell]]"\n');
    const agenda = rapport(['agenda', '--today', '2026-12-01', '--dir', folder]).stdout;
    expect(agenda).not.toContain('Add Renee Jackson');
    expect(agenda).toContain('  anytime     Write to Renee Jackson, naming who referred you  → rapport letter referral renee-jackson\n');
  });

  it('new --from reads the role and organization of "the nurse informaticist on Carelink\'s alerts team", as Priya\'s note writes it (Carelink Labs)', () => {
    const folder = exampleCopy();
    const priya = join(folder, 'contacts/health-tech/priya-raman.md');
    const before = readFileSync(priya, 'utf8');
    expect(rapport(['new', '--from', 'priya-raman', 'Grace Liu', '--today', '2026-12-01', '--dir', folder])).toEqual({ code: 0, stdout: 'contacts/grace-liu.md\n', stderr: '' });
    expect(readFileSync(join(folder, 'contacts/grace-liu.md'), 'utf8')).toContain('\nname: Grace Liu\nstage: identified\nrole: nurse informaticist\norganization: Carelink Labs\nsource: referral\nreferred_by: "[[priya-raman]]"\n');
    expect(readFileSync(priya, 'utf8')).toBe(before.replace("- Referral: Grace Liu, the nurse informaticist on Carelink's alerts team.", "- Referral: [[grace-liu]], the nurse informaticist on Carelink's alerts team."));
  });

  it('a referral linked before its note shows the command that adds it, and new --from points that link at the new note', () => {
    const folder = folderWithMarcus();
    const linked = MARCUS.replace('- Referral: Renee Jackson, data engineer at Xcel', '- Referral: [[Priya Shah]] (pharmacy informatics, St. Luke\'s)');
    writeFileSync(join(folder, 'marcus-bell.md'), linked);
    expect(rapport(['agenda', '--today', '2026-12-01', '--dir', folder]).stdout).toContain('  anytime     Add a note for [[Priya Shah]] (referred by Marcus Bell)  → rapport new --from marcus-bell "Priya Shah"\n');
    expect(rapport(['new', '--from', 'marcus-bell', 'Priya Shah', '--today', '2026-12-01', '--dir', folder])).toEqual({ code: 0, stdout: 'priya-shah.md\n', stderr: '' });
    expect(readFileSync(join(folder, 'marcus-bell.md'), 'utf8')).toBe(MARCUS.replace('- Referral: Renee Jackson, data engineer at Xcel', '- Referral: [[priya-shah]] (pharmacy informatics, St. Luke\'s)'));
    const agenda = rapport(['agenda', '--today', '2026-12-01', '--dir', folder]).stdout;
    expect(agenda).not.toContain('Add a note for');
    expect(agenda).toContain('  anytime     Write to Priya Shah, naming who referred you  → rapport letter referral priya-shah\n');
  });

  it('a person Priya both links before her note and names in words is one agenda row, and new --from leaves both lines leading to her note', () => {
    const folder = exampleCopy();
    const priya = join(folder, 'contacts/health-tech/priya-raman.md');
    const training = '- Training: a short SQL course';
    const linked = readFileSync(priya, 'utf8').replace(training, `- Referral: [[grace-liu]], she runs the alert-fatigue study.\n${training}`);
    writeFileSync(priya, linked);
    expect(rapport(['agenda', '--today', '2026-11-23', '--dir', folder]).stdout.split('Ready to write')[1]).toBe(
      [
        ' (3)',
        '  anytime     Write to Elena Vasquez, naming who referred you  → rapport letter referral elena-vasquez',
        '  anytime     Add Grace Liu (referred by Priya Raman)  → rapport new --from priya-raman "Grace Liu"',
        '  anytime     Write to Tomás Herrera  → rapport letter linkedin-note tomas-herrera',
        '',
      ].join('\n'),
    );
    const before = userFiles(folder);
    expect(rapport(['new', '--from', 'priya-raman', 'Grace Liu', '--today', '2026-11-23', '--dir', folder])).toEqual({ code: 0, stdout: 'contacts/grace-liu.md\n', stderr: '' });
    expect(readFileSync(priya, 'utf8')).toBe(linked.replace('- Referral: Grace Liu, the nurse', '- Referral: [[grace-liu]], the nurse'));
    const after = userFiles(folder);
    expect(Object.keys(after).filter((path) => after[path] !== before[path])).toEqual(['contacts/grace-liu.md', 'contacts/health-tech/priya-raman.md']);
    const agenda = rapport(['agenda', '--today', '2026-11-23', '--dir', folder]).stdout;
    expect(agenda).not.toContain('Grace Liu (referred by');
    expect(agenda).toContain('  anytime     Write to Grace Liu, naming who referred you  → rapport letter referral grace-liu\n');
    expect(rapport(['graph', '--dir', folder]).stdout).toContain('  n_priya_raman --> n_grace_liu\n');
  });

  it('graph draws a referral named in words as an edge to the one note with that name, which the agenda asks to link', () => {
    const folder = exampleCopy();
    const marcus = join(folder, 'contacts/health-tech/marcus-bell.md');
    writeFileSync(marcus, readFileSync(marcus, 'utf8').replace('- Referral, later: [[renee-jackson]], the CMIO', '- Referral: Renee Jackson, the CMIO'));
    writeFileSync(join(folder, 'contacts/health-tech/renee-jackson.md'), '---\ntype: contact\nname: Renee Jackson\nrole: CMIO\norganization: Monongahela Valley Health\nstage: identified\nhistory:\n  - date: 2026-11-20\n    stage: identified\n---\n');
    const graph = rapport(['graph', '--dir', folder]).stdout;
    expect(graph).toContain('  n_renee_jackson["Renee Jackson (Monongahela Valley Health)"]\n');
    expect(graph).toContain('  n_marcus_bell --> n_renee_jackson\n');
    expect(graph).not.toContain('Renee Jackson (no note yet)');
    expect(rapport(['graph', '--format', 'dot', '--dir', folder]).stdout).toContain('  "marcus-bell" -> "renee-jackson";\n');
    expect(rapport(['agenda', '--today', '2026-11-23', '--dir', folder]).stdout).toContain('  anytime     Link Renee Jackson (referred by Marcus Bell) to [[renee-jackson]]  → rapport new --from marcus-bell "Renee Jackson"\n');

    // A namesake at another organization, and a line that names neither: only the user knows which one is meant.
    writeFileSync(join(folder, 'renee-jackson-upmc.md'), '---\ntype: contact\nname: Renee Jackson\norganization: UPMC\nstage: identified\n---\n');
    const ambiguous = rapport(['graph', '--dir', folder]).stdout;
    expect(ambiguous).toContain('  n_Renee_Jackson["Renee Jackson (no note yet)"]:::pending\n');
    expect(ambiguous).toContain('  n_marcus_bell -.-> n_Renee_Jackson\n');
    expect(ambiguous).not.toContain('n_marcus_bell --> n_renee_jackson');
  });

  it('new --from links a referral to the note the person has already, and --force creates a second one', () => {
    const folder = folderWithMarcus();
    const renee = '---\ntype: contact\nname: "Renee Jackson, MSN, RN"\nstage: identified\nsource: linkedin\nhistory:\n  - {date: 2021-06-05, stage: identified}\n---\n';
    writeFileSync(join(folder, 'renee-jackson-msn-rn.md'), renee);
    expect(rapport(['agenda', '--today', '2026-12-01', '--dir', folder]).stdout).toContain('  anytime     Link Renee Jackson (referred by Marcus Bell) to [[renee-jackson-msn-rn]]  → rapport new --from marcus-bell "Renee Jackson"\n');
    expect(rapport(['new', '--from', 'marcus-bell', 'Renee Jackson', '--today', '2026-12-01', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'renee-jackson-msn-rn.md\n',
      stderr: 'rapport: renee-jackson-msn-rn.md is already about Renee Jackson: linked it on marcus-bell.md, added referred_by: "[[marcus-bell]]" to it, nothing was created (--force creates a second note)\n',
    });
    expect(readFileSync(join(folder, 'marcus-bell.md'), 'utf8')).toBe(MARCUS.replace('- Referral: Renee Jackson,', '- Referral: [[renee-jackson-msn-rn]],'));
    expect(readFileSync(join(folder, 'renee-jackson-msn-rn.md'), 'utf8')).toBe(renee.replace('\n---\n', '\nreferred_by: "[[marcus-bell]]"\n---\n'));
    expect(rapport(['new', '--from', 'marcus-bell', 'Renee Jackson', '--force', '--today', '2026-12-01', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'renee-jackson.md\n',
      stderr: 'rapport: warning: renee-jackson-msn-rn.md is also about Renee Jackson, MSN, RN; created a second note\n',
    });
  });

  it('new --from a referrer whose line links to the note already says so, and that it recorded the referrer', () => {
    const folder = folderWithMarcus();
    writeFileSync(join(folder, 'marcus-bell.md'), MARCUS.replace('- Referral: Renee Jackson, data engineer at Xcel', '- Referral: [[renee-jackson]], data engineer at Xcel'));
    const renee = '---\ntype: contact\nname: Renee Jackson\nstage: identified\nsource: linkedin\nhistory:\n  - {date: 2021-06-05, stage: identified}\n---\n';
    writeFileSync(join(folder, 'renee-jackson.md'), renee);
    expect(rapport(['new', '--from', 'marcus-bell', 'Renee Jackson', '--today', '2026-12-01', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'renee-jackson.md\n',
      stderr: 'rapport: renee-jackson.md is already about Renee Jackson: marcus-bell.md links to it already, added referred_by: "[[marcus-bell]]" to it, nothing was created (--force creates a second note)\n',
    });
    expect(readFileSync(join(folder, 'renee-jackson.md'), 'utf8')).toBe(renee.replace('\n---\n', '\nreferred_by: "[[marcus-bell]]"\n---\n'));
    // Run again: nothing more to record.
    expect(rapport(['new', '--from', 'marcus-bell', 'Renee Jackson', '--today', '2026-12-01', '--dir', folder]).stderr).toBe(
      'rapport: renee-jackson.md is already about Renee Jackson: marcus-bell.md links to it already, nothing was created (--force creates a second note)\n',
    );
  });

  it('new refuses a second note for the same name at the same organization, naming the first, unless --force', () => {
    const folder = folderWithMarcus();
    const rebecca = '---\ntype: contact\nname: Rebecca Thornton\nstage: contacted\norganization: "Buckeye Freight & Logistics, Inc."\n---\n';
    writeFileSync(join(folder, 'rebecca-thornton.md'), rebecca);
    expect(rapport(['new', 'rebecca  thornton', '--org', 'buckeye freight & logistics, inc.', '--dir', folder])).toEqual({
      code: 3,
      stdout: '',
      stderr: 'rapport: rebecca-thornton.md is already about Rebecca Thornton at Buckeye Freight & Logistics, Inc.: nothing was created (--force creates a second note)\n',
    });
    expect(rapport(['new', 'Rebecca Thornton', '--org', 'Buckeye Freight & Logistics, Inc.', '--force', '--today', '2026-12-01', '--dir', folder])).toEqual({
      code: 0,
      stdout: 'rebecca-thornton-buckeye-freight-and-logistics-inc.md\n',
      stderr: 'rapport: warning: rebecca-thornton.md is also about Rebecca Thornton; created a second note\n',
    });
  });

  it('new --from refuses a referrer that is not a contact, and creates nothing', () => {
    const folder = folderWithMarcus();
    const result = rapport(['new', '--from', 'nobody', 'Renee Jackson', '--dir', folder]);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('--from: no contact note found for "nobody"');
    expect(readFileSync(join(folder, 'marcus-bell.md'), 'utf8')).toBe(MARCUS);
  });
});

describe('outcomes in the report', () => {
  it('counts outcomes by kind and lists the open leads, in the text and the JSON', () => {
    const folder = folderWithMarcus();
    const text = rapport(['report', '--today', '2026-12-01', '--dir', folder]).stdout.split('\n');
    expect(text.slice(-5)).toEqual([
      '',
      'Outcomes  referral 1 (1 open), lead 1 (1 open), resume-review 1 (1 open)',
      'Open leads and offers (1)',
      '  2026-12-10  Lead: Xcel Energy: Data Analyst II (by 2026-12-10)  Marcus Bell, marcus-bell.md:11',
      '',
    ]);
    const json = JSON.parse(rapport(['report', '--json', '--today', '2026-12-01', '--dir', folder]).stdout) as { outcomes: { byKind: Record<string, { total: number; open: number }>; openLeads: unknown[] } };
    expect(json.outcomes.byKind.lead).toEqual({ total: 1, open: 1 });
    expect(json.outcomes.openLeads).toEqual([{ id: 'marcus-bell', name: 'Marcus Bell', file: 'marcus-bell.md', line: 11, label: 'Lead', text: 'Xcel Energy: Data Analyst II (by 2026-12-10)', due: '2026-12-10' }]);
  });
});
