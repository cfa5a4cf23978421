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
    for (const name of ['Dana Okafor', 'Maya Chen', 'Marcus Bell', 'Elena Vasquez', 'Renee Jackson']) assert.ok(html.includes(`>${name}</text>`), `${name} in the graph`);
    await closeEditors();
  });

});
