import { createHmac, timingSafeEqual } from 'node:crypto';

export type IncidentLinkAction = 'acknowledge' | 'resolve';

/**
 * Signed acknowledge/resolve links for pages: HMAC-SHA256 over incident id, action and expiry with
 * a server secret, so a link cannot be retargeted to another incident or action, or extended.
 */
export function signIncidentLink(
  secret: string,
  incidentId: string,
  action: IncidentLinkAction,
  expires: number,
): string {
  return createHmac('sha256', secret).update(`${incidentId}\n${action}\n${expires}`).digest('base64url');
}

export type LinkCheck = 'ok' | 'expired' | 'invalid';

export function checkIncidentLink(
  secret: string,
  incidentId: string,
  action: IncidentLinkAction,
  expires: number,
  signature: string,
  now = Date.now(),
): LinkCheck {
  if (!secret || !Number.isSafeInteger(expires)) return 'invalid';
  const expected = Buffer.from(signIncidentLink(secret, incidentId, action, expires));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  // Checked after the signature, so an expiry is only reported for a link the server really made.
  return expires * 1000 < now ? 'expired' : 'ok';
}

export function incidentLinkUrl(
  publicUrl: string,
  secret: string,
  incidentId: string,
  action: IncidentLinkAction,
  ttlS: number,
  now = Date.now(),
): string {
  const expires = Math.floor(now / 1000) + ttlS;
  const sig = signIncidentLink(secret, incidentId, action, expires);
  return `${publicUrl}/api/incident-links/${incidentId}/${action}?expires=${expires}&sig=${sig}`;
}
