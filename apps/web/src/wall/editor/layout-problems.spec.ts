import type { WallLayout } from '@lp/domain';
import { describeField, problemsOf } from './layout-problems';

const draft: WallLayout = {
  columns: 2,
  rows: 1,
  panels: [
    { id: 'stream', column: 1, row: 1, width: 2, height: 1 },
    { id: 'urgent', column: 2, row: 1, width: 1, height: 1, options: { limit: 50 } },
  ],
};

describe('problemsOf', () => {
  it('finds what the api would refuse, by field', () => {
    const problems = problemsOf(draft);
    expect(problems.errors.map((e) => e.field)).toEqual(['layout.panels[1].options.limit', 'layout.panels[1]']);
    expect(problems.at('layout.panels[1].options.limit')).toEqual(['limit must be a whole number from 1 to 20']);
    expect(problems.at('layout.panels[0].width')).toEqual([]);
  });

  it('adds what the api said and the editor could not know, once', () => {
    const problems = problemsOf(draft, [
      { field: 'name', messages: ['name must be 1-64 lower-case letters, digits or "-"'] },
      { field: 'layout.panels[1]', messages: ['overlaps panel stream'] },
    ]);
    expect(problems.errors.map((e) => e.field)).toEqual(['layout.panels[1].options.limit', 'layout.panels[1]', 'name']);
  });
});

describe('describeField', () => {
  it('names fields the way a manager reads them', () => {
    expect(describeField('layout.columns', draft)).toBe('Grid columns');
    expect(describeField('layout.panels[0]', draft)).toBe('Live stream');
    expect(describeField('layout.panels[0].width', draft)).toBe('Live stream, width');
    expect(describeField('layout.panels[1].options.limit', draft)).toBe('Most urgent, unclaimed, Mentions listed');
    expect(describeField('layout.panels[7].row', draft)).toBe('Panel 8, row');
    expect(describeField('name', draft)).toBe('name');
  });
});
