import { checkIncidentLink, incidentLinkUrl, signIncidentLink } from './incident-link';

const secret = 'a-very-long-secret-for-signing-incident-links';
const id = '3f0c7c1e-9a54-4a50-9d8e-2f3c1b7c9a01';

describe('signed incident links', () => {
  const expires = Math.floor(Date.now() / 1000) + 60;
  const sig = signIncidentLink(secret, id, 'acknowledge', expires);

  it('accepts the link it made', () => {
    expect(checkIncidentLink(secret, id, 'acknowledge', expires, sig)).toBe('ok');
  });

  it('refuses another incident, action, expiry, secret or a changed signature', () => {
    expect(checkIncidentLink(secret, id.replace('1', '2'), 'acknowledge', expires, sig)).toBe('invalid');
    expect(checkIncidentLink(secret, id, 'resolve', expires, sig)).toBe('invalid');
    expect(checkIncidentLink(secret, id, 'acknowledge', expires + 1, sig)).toBe('invalid');
    expect(checkIncidentLink(`${secret}x`, id, 'acknowledge', expires, sig)).toBe('invalid');
    // Another last character, whatever the signature ends with.
    const changed = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`;
    expect(checkIncidentLink(secret, id, 'acknowledge', expires, changed)).toBe('invalid');
    expect(checkIncidentLink('', id, 'acknowledge', expires, sig)).toBe('invalid');
  });

  it('reports a genuine link past its expiry as expired', () => {
    const past = Math.floor(Date.now() / 1000) - 1;
    expect(checkIncidentLink(secret, id, 'resolve', past, signIncidentLink(secret, id, 'resolve', past))).toBe(
      'expired',
    );
  });

  it('builds a URL the check accepts', () => {
    const url = new URL(incidentLinkUrl('https://lp.example', secret, id, 'resolve', 600));
    expect(url.pathname).toBe(`/api/incident-links/${id}/resolve`);
    const e = Number(url.searchParams.get('expires'));
    expect(checkIncidentLink(secret, id, 'resolve', e, url.searchParams.get('sig')!)).toBe('ok');
  });
});
