import type { Response } from 'express';

/** Google API error bodies (docs/platform-apis.md §3.6): clients switch on `error.errors[0].reason`. */
export function sendYouTubeError(
  res: Response,
  code: number,
  reason: string,
  message: string,
  options: { domain?: string; status?: string; location?: string } = {},
): void {
  const detail = {
    message,
    domain: options.domain ?? 'global',
    reason,
    ...(options.location ? { location: options.location, locationType: 'parameter' } : {}),
  };
  res
    .status(code)
    .type('application/json; charset=UTF-8')
    .send(
      JSON.stringify({
        error: { code, message, errors: [detail], ...(options.status ? { status: options.status } : {}) },
      }),
    );
}

export const QUOTA_MESSAGE =
  'The request cannot be completed because you have exceeded your <a href="/youtube/v3/getting-started#quota">quota</a>.';

export function quotaExceeded(res: Response): void {
  sendYouTubeError(res, 403, 'quotaExceeded', QUOTA_MESSAGE, { domain: 'youtube.quota' });
}

export function badParameter(res: Response, reason: string, parameter: string, message: string): void {
  sendYouTubeError(res, 400, reason, message, {
    domain: 'youtube.parameter',
    location: parameter,
    status: 'INVALID_ARGUMENT',
  });
}
