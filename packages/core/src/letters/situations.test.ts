import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../workspace/memory-store.js';
import { loadWorkspace, type Workspace } from '../workspace/workspace.js';
import { renderLetter } from './letters.js';

/**
 * A career changer moving into utility load forecasting, with the situations
 * the three-week trial of issue 12 met: a pasted LinkedIn title, a referral,
 * a contact who declined, a local contact with LinkedIn only. The expected
 * letters below are written out by hand.
 */
const CONFIG = `profile:
  name: Sam Rivera
  background: wind-farm field technician for six years
  field: utility load forecasting
  email: sam.rivera@example.com
  phone: "+1 503 555 0199"
timezone: America/Los_Angeles
`;

const LENA = `---
type: contact
name: Lena Ortiz
stage: held
role: Load Forecasting Analyst at Western Area Power Administration
organization: Western Area Power Administration
email: lena.ortiz@example.com
source: referral
referred_by: "[[tom-becker]]"
history:
  - date: 2026-11-02
    stage: identified
  - date: 2026-11-03
    stage: contacted
    via: email
    letter: referral
  - date: 2026-11-10
    stage: scheduled
  - date: 2026-11-19
    stage: held
meeting:
  at: "2026-11-19T09:00-08:00"
  minutes: 30
  format: video
---

# Lena Ortiz

## Why this person

Impressed by: your talk on forecasting load with SCADA data
In the area: Portland, December 17–18

## Notes

Learned: that his manager, Sarah Lund, moved to forecasting from her job as a meteorologist, and she still reviews every model herself
Topic to follow up: the new analytics group — she thinks they will create analyst jobs
`;

const TOM = `---
type: contact
name: Tom Becker
stage: nurturing
role: Grid Operations Engineer
organization: Bonneville Power Administration
source: personal
history:
  - date: 2026-10-01
    stage: identified
---

# Tom Becker
`;

export async function energyWorkspace(extra: Record<string, string> = {}): Promise<Workspace> {
  return loadWorkspace(new MemoryStore({ '.rapport/config.yaml': CONFIG, 'lena-ortiz.md': LENA, 'tom-becker.md': TOM, ...extra }));
}

describe("the user's words are never rewritten (issue 12.6)", () => {
  it('frames a Learned line that starts with "that" as written, pronouns and all', async () => {
    const letter = await renderLetter(await energyWorkspace(), 'thank-you', 'lena-ortiz', { today: '2026-11-20' });
    expect(letter.text).toBe(`Subject: Thank you for your time and advice

Dear Lena,

Thank you for taking the time to talk with me on Thursday, November 19. I learned a great deal, above all that his manager, Sarah Lund, moved to forecasting from her job as a meteorologist, and she still reviews every model herself.

I look forward to staying in touch about the new analytics group, and I will let you know how your advice works out. I am also grateful to Tom for putting us in touch.

Thank you again for your generosity.

With gratitude,
Sam Rivera
sam.rivera@example.com
+1 503 555 0199
`);
  });

  it('keeps "her", "his" and "she" in an Impressed by line as written', async () => {
    const workspace = await energyWorkspace({ 'lena-ortiz.md': LENA.replace('Impressed by: your talk', 'Impressed by: her talk') });
    const letter = await renderLetter(workspace, 'cold-email', 'lena-ortiz', { today: '2026-11-20' });
    expect(letter.text).toContain('I was impressed by her talk on forecasting load with SCADA data.');
  });
});
