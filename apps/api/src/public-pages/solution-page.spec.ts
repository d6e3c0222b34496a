import type { SolutionView } from '@lp/domain';
import { renderMarkdown } from './markdown';
import { parseFeedbackForm } from './public-solution.service';
import { renderSolutionPage } from './solution-page';
import { identifyVisitor } from './visitor-identity';

const solution: SolutionView = {
  id: '00000000-0000-4000-8000-000000000001',
  slug: 'printer-offline-ab12cd',
  title: 'Printer "offline" <after> update',
  problem: 'It says <b>offline</b>',
  fix: 'Open **Settings** <script>alert(1)</script> [bad](javascript:alert(1)) https://help.acme.test/x',
  product: 'Acme printer',
  topic: 'hardware',
  language: 'de',
  team: 'Printing & Imaging',
  version: 3,
  sourceReplyId: null,
  workedCount: 1,
  failedCount: 0,
  lastConfirmedAt: '2026-11-30T10:00:00.000Z',
  createdBy: null,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-02T10:00:00.000Z',
};

describe('public solution page', () => {
  const html = renderSolutionPage({
    solution,
    comments: [{ worked: false, comment: '<img src=x onerror=alert(2)>', createdAt: '2026-11-30T10:00:00.000Z' }],
    canonicalUrl: 'https://help.acme.test/s/printer-offline-ab12cd',
    voted: false,
  });

  it('escapes every user-supplied string and runs no script', () => {
    expect(html).not.toMatch(/<script|<img|<b>|href="javascript:/i);
    expect(html).toContain('<title>Printer &quot;offline&quot; &lt;after&gt; update</title>');
    expect(html).toContain('It says &lt;b&gt;offline&lt;/b&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect(html).toContain('by Printing &amp; Imaging');
  });

  it('has the language, canonical link, description, Open Graph tags and a form that works without JS', () => {
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<link rel="canonical" href="https://help.acme.test/s/printer-offline-ab12cd">');
    expect(html).toContain('<meta name="description" content="It says &lt;b&gt;offline&lt;/b&gt;">');
    expect(html).toContain('<meta property="og:url" content="https://help.acme.test/s/printer-offline-ab12cd">');
    expect(html).toContain('<form method="post" action="/s/printer-offline-ab12cd/feedback">');
    expect(html).toContain('Worked for 1 customer, last confirmed');
  });

  it('renders Markdown with raw HTML off and unsafe links refused', () => {
    const out = renderMarkdown('**a** <i>b</i> [x](javascript:alert(1)) https://e.test');
    expect(out).toContain('<strong>a</strong>');
    expect(out).toContain('&lt;i&gt;b&lt;/i&gt;');
    expect(out).not.toContain('href="javascript:');
    expect(out).toContain('<a href="https://e.test" rel="nofollow noopener ugc">');
  });
});

describe('feedback form and visitor identity', () => {
  it('accepts yes/no with a bounded comment', () => {
    expect(parseFeedbackForm({ worked: 'yes', comment: '  thanks \r\n ' })).toEqual({
      worked: true,
      comment: 'thanks',
    });
    expect(parseFeedbackForm({ worked: 'no' })).toEqual({ worked: false, comment: null });
    expect(parseFeedbackForm({ worked: 'maybe' })).toHaveProperty('problem');
    expect(parseFeedbackForm(undefined)).toHaveProperty('problem');
    expect(parseFeedbackForm({ worked: 'yes', comment: 'x'.repeat(1_001) })).toHaveProperty('problem');
  });

  it('keeps a valid cookie, replaces a forged one, and never exposes the IP', () => {
    const first = identifyVisitor('secret', { cookie: undefined, ip: '203.0.113.9', userAgent: 'UA' });
    expect(first.isNew).toBe(true);
    const again = identifyVisitor('secret', { cookie: first.cookieId, ip: '198.51.100.1', userAgent: 'Other' });
    expect(again).toMatchObject({ isNew: false, visitorHash: first.visitorHash });
    expect(again.clientHash).not.toBe(first.clientHash);
    expect(identifyVisitor('secret', { cookie: '"; drop', ip: '1.1.1.1', userAgent: '' }).isNew).toBe(true);
    expect(JSON.stringify(first)).not.toContain('203.0.113.9');
    // Keyed: another deployment's secret gives other hashes.
    expect(
      identifyVisitor('other', { cookie: first.cookieId, ip: '203.0.113.9', userAgent: 'UA' }).clientHash,
    ).not.toBe(first.clientHash);
  });
});
