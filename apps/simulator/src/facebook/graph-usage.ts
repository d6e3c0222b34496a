import type { Response } from 'express';

/**
 * A rough usage meter for the usage headers: every call costs one unit of `budget`, shown as the
 * whole percentages Graph reports. The page id keys the BUC header, as a business object id would.
 */
export class GraphUsageMeter {
  private calls = 0;

  constructor(private readonly budget = 4_800) {}

  hit(): void {
    this.calls += 1;
  }

  reset(): void {
    this.calls = 0;
  }

  get count(): number {
    return this.calls;
  }

  setHeaders(res: Response, pageId: string, throttledMinutes = 0): void {
    const percent = throttledMinutes > 0 ? 100 : Math.min(100, Math.floor((this.calls * 100) / this.budget));
    const usage = { call_count: percent, total_time: Math.floor(percent / 2), total_cputime: Math.floor(percent / 3) };
    res.setHeader('x-app-usage', JSON.stringify(usage));
    res.setHeader(
      'x-business-use-case-usage',
      JSON.stringify({ [pageId]: [{ type: 'pages', ...usage, estimated_time_to_regain_access: throttledMinutes }] }),
    );
  }
}
