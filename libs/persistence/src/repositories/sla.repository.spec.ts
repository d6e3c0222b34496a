import { countsOf } from './sla.repository';

describe('countsOf', () => {
  it('reports every level, zero when absent, and the total', () => {
    expect(
      countsOf([
        ['high', 2],
        ['low', 5],
      ]),
    ).toEqual({ critical: 0, high: 2, normal: 0, low: 5, total: 7 });
    expect(countsOf([])).toEqual({ critical: 0, high: 0, normal: 0, low: 0, total: 0 });
  });
});
