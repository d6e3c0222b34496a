import { createHmac, randomBytes } from 'node:crypto';

export const VISITOR_COOKIE = 'lp_visitor';
const VISITOR_ID = /^[A-Za-z0-9_-]{22}$/;

export interface VisitorIdentity {
  /** The visitor cookie's value: made here when the request had none (or a malformed one). */
  cookieId: string;
  isNew: boolean;
  /** Keyed hashes: what is stored. The IP address itself is never written anywhere. */
  visitorHash: string;
  clientHash: string;
}

/**
 * Recognises a voter by two keyed hashes: of a random id in an httpOnly cookie, and of IP + user
 * agent (for a visitor who clears cookies). The key is a server secret, so the hashes cannot be
 * reversed to an IP by brute force over the address space.
 */
export function identifyVisitor(
  secret: string,
  request: { cookie: string | undefined; ip: string | undefined; userAgent: string | undefined },
): VisitorIdentity {
  const existing = request.cookie && VISITOR_ID.test(request.cookie) ? request.cookie : undefined;
  const cookieId = existing ?? randomBytes(16).toString('base64url');
  const mac = (value: string) => createHmac('sha256', secret).update(value).digest('base64url');
  return {
    cookieId,
    isNew: existing === undefined,
    visitorHash: mac(`visitor:${cookieId}`),
    clientHash: mac(`client:${request.ip ?? ''}|${(request.userAgent ?? '').slice(0, 500)}`),
  };
}
