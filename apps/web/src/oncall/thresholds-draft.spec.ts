import { DEFAULT_EARLY_WARNING } from '@lp/domain';
import { draftFromSettings, productLines, thresholdsBody, thresholdsErrors } from './thresholds-draft';

describe('thresholds draft', () => {
  it('round-trips the saved settings through the form', () => {
    const draft = draftFromSettings(DEFAULT_EARLY_WARNING);
    expect(draft.products.split('\n')).toEqual(DEFAULT_EARLY_WARNING.products);
    expect(draft.minHistoryMinutes).toBe('30');
    expect(thresholdsBody(draft)).toEqual(DEFAULT_EARLY_WARNING);
  });

  it('reads products one per line, trimmed, without blanks or repeats', () => {
    expect(productLines(' Widget One \r\n\n  \nWidget Two\nWidget One\n')).toEqual(['Widget One', 'Widget Two']);
    expect(productLines('   \n')).toEqual([]);
  });

  it('sends what is not a number as typed, so the server names it instead of keeping the stored value', () => {
    const body = thresholdsBody({
      ...draftFromSettings(DEFAULT_EARLY_WARNING),
      minHistoryMinutes: '',
      zThreshold: 'x',
    });
    expect(body.minHistoryMinutes).toBe('');
    expect(body.zThreshold).toBe('x');
    expect(
      thresholdsBody({ ...draftFromSettings(DEFAULT_EARLY_WARNING), judgeBackMinutes: ' 20 ' }).judgeBackMinutes,
    ).toBe(20);
  });

  it('puts each server reason beside its input, and the rest on the form', () => {
    expect(
      thresholdsErrors({ products: 'products must contain at least 1 elements', 'products.2': 'too long', x: 'odd' }),
    ).toEqual({ products: 'products must contain at least 1 elements; too long', form: 'odd' });
  });
});
