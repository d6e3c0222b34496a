import type { Response } from 'express';

/** X v2 errors are RFC 7807 problem documents. */
export function sendProblem(
  res: Response,
  status: number,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
  type = 'about:blank',
): void {
  res
    .status(status)
    .type('application/problem+json')
    .send(JSON.stringify({ title, detail, type, status, ...extra }));
}

export function invalidRequest(res: Response, parameter: string, value: string, message: string): void {
  sendProblem(
    res,
    400,
    'Invalid Request',
    'One or more parameters to your request was invalid.',
    { errors: [{ parameters: { [parameter]: [value] }, message }] },
    'https://api.twitter.com/2/problems/invalid-request',
  );
}
