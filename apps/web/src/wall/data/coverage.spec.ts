import type { SourceHealth, SourceView } from '@lp/domain';
import { coverage } from './coverage';

const source = (id: string, name: string, health: SourceHealth) => ({ id, name, health }) as SourceView;

describe('coverage', () => {
  it('counts sources by health and lists the worst first', () => {
    const result = coverage([
      source('1', 'Feed', 'healthy'),
      source('2', 'YouTube', 'silent'),
      source('3', 'X search', 'failing'),
      source('4', 'Facebook', 'throttled'),
      source('5', 'Blog', 'healthy'),
    ]);
    expect(result.sources.map((s) => s.id)).toEqual(['3', '4', '2', '5', '1']);
    expect(result.counts).toEqual({ pending: 0, healthy: 2, silent: 1, throttled: 1, failing: 1, paused: 0 });
    expect(result.total).toBe(5);
  });
});
