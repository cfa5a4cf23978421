import { describe, expect, it } from 'vitest';
import { searchReport } from '@rapport/core';
import { dashboardHtml } from './dashboard-html.js';

const page = (overrides: Partial<Parameters<typeof dashboardHtml>[0]> = {}) =>
  dashboardHtml({
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'abc123',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dashboard.css',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/dashboard.js',
    report: searchReport([]),
    charts: { funnel: '<svg>f</svg>', weekly: '<svg>w</svg>', replyRateBySource: '<svg>r</svg>' },
    openOutcomes: [{ kind: 'lead', label: 'Lead', text: 'Acme <script>alert(1)</script> (by 2026-12-04)', due: '2026-12-04', contactId: 'a', contactName: 'Ann "A" Lee', file: 'a.md', line: 13 }],
    graph: undefined,
    today: '2026-11-23',
    ...overrides,
  });

describe('dashboardHtml', () => {
  it('allows styles and scripts only from the extension, the script also by nonce, nothing inline', () => {
    const html = page();
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https://file+.vscode-resource.vscode-cdn.net data:; font-src https://file+.vscode-resource.vscode-cdn.net; style-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-abc123' https://file+.vscode-resource.vscode-cdn.net">`,
    );
    expect(html).toContain('<script nonce="abc123" src="https://file+.vscode-resource.vscode-cdn.net/ext/media/dashboard.js"></script>');
    expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/);
  });

  it('escapes what the notes say and links each open item to its line', () => {
    const html = page();
    expect(html).toContain('<a href="#" class="outcome" data-file="a.md" data-line="13"><span class="due">by 2026-12-04</span> <span class="what"><span class="kind">Lead:</span> <span class="text">Acme &#60;script&#62;alert(1)&#60;/script&#62;</span> <span class="who">— Ann &#34;A&#34; Lee</span></span></a>');
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('says so when there is nothing to list or draw', () => {
    const html = page({ openOutcomes: [] });
    expect(html).toContain('<p class="empty">No open leads or offers.');
    expect(html).toContain('<p class="empty">No referrals yet.</p>');
    expect(html).toContain('<span class="value">–</span><span class="label">replied (0 of 0)</span>');
  });
});
