import assert from 'node:assert/strict';
import { api, closeEditors, waitFor } from './fixture.js';
import { suite, test } from './runner.js';
import * as vscode from 'vscode';

async function openDashboard(): Promise<string> {
  const rapport = await api();
  await vscode.commands.executeCommand('rapport.openDashboard');
  return waitFor(() => rapport.dashboard.html(), 'the dashboard panel');
}

/** Runs first, over the untouched example: later suites add and rename notes. */
suite('Dashboard charts', () => {
  test('shows the charts as SVG with the example’s hand-counted figures and the referral graph', async () => {
    const html = await openDashboard();
    // 17 contact notes; 14 past identified (not Keisha, Tomás, Elena); 8 scheduled or later (Lauren, Sam, Ben, Marcus,
    // Priya, Aisha, Dana, Maya); 5 held (Marcus, Priya, Aisha, Dana, Maya); 4 thanked (not Marcus); 3 nurturing.
    for (const [stage, reached] of [['identified', 17], ['contacted', 14], ['scheduled', 8], ['held', 5], ['thanked', 4], ['nurturing', 3]] as const) {
      assert.ok(html.includes(`aria-label="${stage}: ${reached} contacts"`), `funnel: ${stage} ${reached}`);
    }
    // Referrals contacted: Marcus, Priya, Ben, Maya, Sam, all answered; cold: Owen, Greg, neither answered.
    assert.ok(html.includes('>100% (5/5)</text>'), 'referral 5 of 5');
    assert.ok(html.includes('aria-label="referral: 100% (5/5)"'));
    assert.ok(html.includes('aria-label="cold: 0% (0/2)"'));
    for (const label of ['Contacts by stage reached', 'Per week', 'Reply rate by source', 'Outreach sent', 'Meetings held', 'Thank-yous sent', '2026-W47']) assert.ok(html.includes(`>${label}</text>`), label);
    assert.equal(html.match(/<section class="chart[^"]*" id="(funnel|reply-rate|weekly)"><svg xmlns="http:\/\/www.w3.org\/2000\/svg"/g)?.length, 3, 'three chart SVGs');
    // Theme colours from VS Code's variables, written into the SVG.
    assert.ok(html.includes('fill="var(--vscode-charts-blue)"'));
    assert.match(html, /<span class="value">17<\/span><span class="label">contacts<\/span>/);
    assert.match(html, /<span class="value">64%<\/span><span class="label">replied \(9 of 14\)<\/span>/);
    assert.match(html, /<svg id="referral-graph" /);
    for (const name of ['Dana Okafor', 'Maya Chen', 'Marcus Bell', 'Elena Vasquez', 'Renee Jackson', 'Grace Liu']) assert.ok(html.includes(`>${name}</text>`), `${name} in the graph`);
    // Open leads and offers of the example: Marcus Bell's three (dated), then Priya Raman's undated lead; ticked ones left out.
    const items = [...html.matchAll(/<a href="#" class="outcome" data-file="([^"]+)" data-line="(\d+)"><span class="due">([^<]*)<\/span> <span class="what"><span class="kind">([^<]+)<\/span>/g)];
    assert.deepEqual(
      items.map((match) => [match[1], Number(match[2]), match[3], match[4]]),
      [
        ['contacts/health-tech/marcus-bell.md', 83, 'by 2026-11-30', 'Résumé review:'],
        ['contacts/health-tech/marcus-bell.md', 82, 'by 2026-12-04', 'Lead:'],
        ['contacts/health-tech/marcus-bell.md', 80, 'by 2026-12-11', 'Job shadow:'],
        ['contacts/health-tech/priya-raman.md', 99, '', 'Lead:'],
      ],
    );
    await closeEditors();
  });

});
