import { DEFAULT_PRODUCTS } from '@lp/domain';
import { groupKeyOf, incidentKeyOf, incidentTitle, ProductMatcher, symptomOf } from './incident-key';

const products = new ProductMatcher(DEFAULT_PRODUCTS);
const mention = (text: string, topic: string, reasons: string[] = [], sentiment = 'negative') => ({
  text,
  topic,
  reasons,
  sentiment,
});

describe('ProductMatcher', () => {
  it('finds a product whatever its case, spacing or punctuation', () => {
    expect(products.match('my acmebook pro keeps crashing')).toBe('AcmeBook Pro');
    expect(products.match("the AcmeBook-Pro's fan")).toBe('AcmeBook Pro');
    expect(products.match('ACME CLOUD is down')).toBe('Acme Cloud');
  });

  it('takes whole words only, the first product named, and the longest at one place', () => {
    expect(products.match('acmebook professional')).toBeNull();
    expect(products.match('my Acme Buds and my Acme Watch')).toBe('Acme Buds');
    expect(new ProductMatcher(['Acme Router', 'Acme Router X2']).match('the acme router x2 drops')).toBe(
      'Acme Router X2',
    );
    expect(products.match('my acme is broken')).toBeNull();
  });
});

describe('symptomOf', () => {
  it('prefers an urgent intent (safety, security, outage) over the topic', () => {
    expect(symptomOf(mention('battery swelling', 'hardware', ['safety risk']))).toBe('safety');
    expect(symptomOf(mention('down again', 'outage', ['outage']))).toBe('outage');
    expect(symptomOf(mention('smoke', 'safety'))).toBe('safety');
  });

  it('uses problem topics and never praise, questions or other', () => {
    expect(symptomOf(mention('charged twice', 'billing'))).toBe('billing');
    for (const topic of ['praise', 'question', 'other']) expect(symptomOf(mention('x', topic))).toBeNull();
  });

  it('ignores positive posts unless they report a safety or security problem', () => {
    expect(symptomOf(mention('the update made it faster', 'software', [], 'positive'))).toBeNull();
    expect(symptomOf(mention('love it but it caught fire', 'safety', [], 'positive'))).toBe('safety');
  });
});

describe('incidentKeyOf', () => {
  it('keys a mention by product and symptom', () => {
    expect(
      incidentKeyOf(mention('my AcmeBook Pro started smoking', 'hardware', ['safety risk']), products, 'Acme'),
    ).toEqual({
      product: 'AcmeBook Pro',
      symptom: 'safety',
    });
  });

  it('keys a brand-wide outage that names no product on the brand, and nothing else without a product', () => {
    expect(incidentKeyOf(mention('is @acme down?', 'outage', ['outage']), products, 'Acme')).toEqual({
      product: 'Acme',
      symptom: 'outage',
    });
    expect(incidentKeyOf(mention('my acme keeps crashing', 'software'), products, 'Acme')).toBeNull();
    expect(incidentKeyOf(mention('love my AcmeBook Pro', 'praise', [], 'positive'), products, 'Acme')).toBeNull();
  });

  it('titles and groups by product and symptom', () => {
    const key = { product: 'AcmeBook Pro', symptom: 'safety' };
    expect(incidentTitle(key)).toBe('AcmeBook Pro: safety risk');
    expect(groupKeyOf(key)).toBe('spike:acmebook pro:safety');
  });
});
