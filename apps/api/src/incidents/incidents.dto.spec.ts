import { BadRequestException, type ArgumentMetadata } from '@nestjs/common';
import { DEFAULT_EARLY_WARNING } from '@lp/domain';
import { createValidationPipe } from '../validation.pipe';
import { EarlyWarningSettingsDto } from './incidents.dto';

const meta: ArgumentMetadata = { type: 'body', metatype: EarlyWarningSettingsDto };

async function fieldsOf(body: Record<string, unknown>): Promise<string[]> {
  try {
    await createValidationPipe().transform(body, meta);
  } catch (e) {
    if (!(e instanceof BadRequestException)) throw e;
    return (e.getResponse() as { fields: Array<{ field: string }> }).fields.map((f) => f.field);
  }
  return [];
}

describe('EarlyWarningSettingsDto', () => {
  it('accepts the defaults, and a save from a form that predates the catalogue', async () => {
    expect(await fieldsOf({ ...DEFAULT_EARLY_WARNING })).toEqual([]);
    expect(await fieldsOf({ enabled: true, baselineMinutes: 60, zThreshold: 5, minCount: 10 })).toEqual([]);
  });

  it('refuses the removed settings, naming each', async () => {
    const fields = await fieldsOf({ ...DEFAULT_EARLY_WARNING, termWindowS: 120, groupWindowS: 1_800 });
    expect(fields).toEqual(expect.arrayContaining(['termWindowS', 'groupWindowS']));
  });

  it.each([
    ['products', []],
    ['products', 'AcmeBook Pro'],
    ['products', ['']],
    ['products', ['x'.repeat(81)]],
    ['products', ['  --  ']],
    ['products', [42]],
    ['products', Array.from({ length: 101 }, (_, i) => `Product ${i}`)],
    ['brand', ''],
    ['brand', 'x'.repeat(81)],
    ['minHistoryMinutes', -1],
    ['minHistoryMinutes', 1.5],
    ['minHistoryMinutes', 1_441],
    ['judgeBackMinutes', 0],
    ['judgeBackMinutes', 10_081],
  ])('refuses %s = %j, naming it', async (field, value) => {
    expect(await fieldsOf({ ...DEFAULT_EARLY_WARNING, [field]: value })).toEqual([field]);
  });

  it('accepts the edges of each range', async () => {
    const body = {
      ...DEFAULT_EARLY_WARNING,
      products: Array.from({ length: 100 }, (_, i) => `${i}`.padEnd(80, 'x')),
      brand: 'A',
      minHistoryMinutes: 0,
      judgeBackMinutes: 10_080,
    };
    expect(await fieldsOf(body)).toEqual([]);
  });
});
