import { readFileSync } from 'node:fs';
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

  it('says in words, and by class for the theme colours, which items are overdue or due today; later ones show their date only', () => {
    const item = { kind: 'lead', label: 'Lead', text: 'UPMC', contactId: 'a', contactName: 'Ann Lee', file: 'a.md', line: 7 } as const;
    const html = page({ openOutcomes: [{ ...item, due: '2026-11-16' }, { ...item, due: '2026-11-23' }, { ...item, due: '2026-11-24' }, { ...item, due: null }] });
    expect(html).toContain('data-line="7"><span class="due overdue">by 2026-11-16<span class="urgency">overdue 7 d</span></span> <span class="what">');
    expect(html).toContain('data-line="7"><span class="due today">by 2026-11-23<span class="urgency">due today</span></span> <span class="what">');
    expect(html).toContain('data-line="7"><span class="due">by 2026-11-24</span> <span class="what">');
    expect(html).toContain('data-line="7"><span class="due"></span> <span class="what">');
  });

  it('says so when there is nothing to list or draw', () => {
    const html = page({ openOutcomes: [] });
    expect(html).toContain('<p class="empty">No open leads or offers.');
    expect(html).toContain('<p class="empty">No referrals yet.</p>');
    expect(html).toContain('<span class="value">–</span><span class="label">replied (0 of 0)</span>');
  });

  it("colours the page with the theme's variables only, overdue and due today as the trees do", () => {
    const css = readFileSync(new URL('../../media/dashboard.css', import.meta.url), 'utf8');
    expect(css).not.toMatch(/#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i);
    expect(css).toContain('.outcome .due.overdue { color: var(--vscode-list-errorForeground, var(--vscode-errorForeground));');
    expect(css).toContain('.outcome .due.today { color: var(--vscode-list-warningForeground, var(--vscode-editorWarning-foreground));');
  });
});
