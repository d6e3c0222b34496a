import type { Response } from 'express';

export interface GraphErrorSpec {
  status: number;
  code: number;
  message: string;
  type?: string;
  subcode?: number;
  transient?: boolean;
}

/** Graph's error envelope. Throttling comes back as HTTP 400 here, since Meta does not promise 429. */
export function sendGraphError(res: Response, spec: GraphErrorSpec): void {
  const error: Record<string, unknown> = {
    message: spec.message,
    type: spec.type ?? 'OAuthException',
    code: spec.code,
    fbtrace_id: `Sim${Math.random().toString(36).slice(2, 12)}`,
  };
  if (spec.subcode !== undefined) error.error_subcode = spec.subcode;
  if (spec.transient !== undefined) error.is_transient = spec.transient;
  res.status(spec.status).type('application/json').send(JSON.stringify({ error }));
}

export const GRAPH_ERRORS = {
  invalidToken: {
    status: 400,
    code: 190,
    message: 'Invalid OAuth access token - Cannot parse access token',
  },
  expiredToken: {
    status: 400,
    code: 190,
    subcode: 463,
    message: 'Error validating access token: Session has expired.',
  },
  throttled: {
    status: 400,
    code: 80001,
    message: '(#80001) There have been too many calls to this Page account. Wait a bit and try again.',
  },
  serverError: {
    status: 500,
    code: 2,
    type: 'OAuthException',
    message: 'An unexpected error has occurred. Please retry your request later.',
    transient: true,
  },
} satisfies Record<string, GraphErrorSpec>;

export function unknownObject(id: string): GraphErrorSpec {
  return {
    status: 400,
    code: 100,
    subcode: 33,
    type: 'GraphMethodException',
    message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
  };
}

export function invalidParameter(message: string): GraphErrorSpec {
  return { status: 400, code: 100, message: `(#100) ${message}` };
}

/** Graph's usual time format: seconds, `+0000` offset without a colon. */
export function graphTime(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}+0000`;
}
