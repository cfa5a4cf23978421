import { MemoryStore } from '../workspace/memory-store.js';
import { contactFields, noteText } from './builders.js';

/** "Now" for export tests: Monday 2026-11-23, noon in New York. */
export const EXPORT_NOW = new Date('2026-11-23T17:00:00Z');

/**
 * A notes folder covering what the exporters handle: meetings with and
 * without an offset, in winter and in summer time, a held meeting, a past
 * one that must not appear, due actions, a manual next step, private
 * fields, unknown fields, non-ASCII names and values with commas,
 * semicolons, quotes and formula-like text.
 */
export function exportFolder(config = 'timezone: America/New_York\nprivate: [phone, meeting.link, salary]\n'): MemoryStore {
  return new MemoryStore({
    '.rapport/config.yaml': config,
    'winter-call.md': noteText(
      contactFields({
        name: 'Sam Whitaker',
        stage: 'scheduled',
        organization: 'Ardent Medical',
        role: 'UX Research Lead, Human Factors',
        email: 'sam@ardent.example',
        phone: '+1 412 555 0100',
        tags: ['human-factors', 'devices'],
        history: [{ date: '2026-10-08', stage: 'identified' }, { date: '2026-10-13', stage: 'contacted' }, { date: '2026-11-18', stage: 'scheduled' }],
        meeting: { at: '2026-12-01T09:00-05:00', minutes: 30, format: 'video', link: 'https://meet.example/sam' },
      }),
    ),
    'summer-coffee.md': noteText(
      contactFields({
        name: 'Zoë Ångström',
        stage: 'prepared',
        organization: 'Fjord Health; Nordics, AB',
        role: '=2+3',
        linkedin: 'https://www.linkedin.com/in/zoe-angstrom-example',
        tags: ['design'],
        salary: 'none of your business',
        met_at: 'Health 2.0, "Pittsburgh"',
        call_back: '+1 412 555 0199',
        history: [{ date: '2027-06-01', stage: 'scheduled' }, { date: '2027-07-10', stage: 'prepared' }],
        meeting: { at: '2027-07-14T08:30', minutes: 45, format: 'in-person', place: 'Café on Bryant St, Highland Park; by the window' },
      }),
    ),
    'held.md': noteText(
      contactFields({
        name: 'Marcus Bell',
        stage: 'held',
        organization: 'Monongahela Valley Health',
        history: [{ date: '2026-11-20', stage: 'held' }],
        meeting: { at: '2026-11-20T07:15-05:00', minutes: 30, format: 'in-person', place: 'Cafeteria, 2nd floor' },
      }),
    ),
    'thanked.md': noteText(
      contactFields({
        name: 'Priya Raman',
        stage: 'thanked',
        organization: 'Carelink Labs',
        history: [{ date: '2026-11-13', stage: 'thanked' }],
        meeting: { at: '2026-11-12T08:00-05:00', minutes: 30, format: 'phone' },
      }),
    ),
    'contacted.md': noteText(
      contactFields({
        name: 'Hannah Schultz',
        stage: 'contacted',
        organization: 'Northside Respiratory',
        email: '@hannah',
        history: [{ date: '2026-11-05', stage: 'contacted' }],
      }),
    ),
    'manual.md': noteText(
      contactFields({
        name: 'Keisha Brooks',
        stage: 'identified',
        organization: '-Three Rivers Health',
        touch_every: 30,
        history: [{ date: '2026-11-17', stage: 'identified' }],
        next: { action: 'Ask Dana about Keisha', due: '2026-11-30' },
      }),
    ),
    'closed.md': noteText(contactFields({ name: 'Greg Malone', stage: 'no-response', organization: 'Keystone', tab_note: '\tindented', cr_note: '\rreturn', score: -3, history: [{ date: '2026-10-08', stage: 'no-response' }] })),
  });
}
