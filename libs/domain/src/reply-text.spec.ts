import { checkReplyText, renderReplyTemplate, unknownTemplateVariables, X_REPLY_LIMIT } from './reply-text';

describe('checkReplyText', () => {
  it('measures X replies by weighted length: a link counts 23, a CJK character 2', () => {
    const link = `https://example.com/${'a'.repeat(100)}`;
    expect(checkReplyText('x', `see ${link}`)).toMatchObject({ length: 4 + 23, limit: X_REPLY_LIMIT, valid: true });
    expect(checkReplyText('x', '日本'.repeat(70)).length).toBe(280);
    expect(checkReplyText('x', '日本'.repeat(70) + '語')).toMatchObject({ valid: false, length: 282 });
    expect(checkReplyText('x', 'a'.repeat(281)).problem).toMatch(/280 .*281/);
  });

  it('counts characters (not UTF-16 units) on Facebook and YouTube', () => {
    expect(checkReplyText('facebook', '👍'.repeat(8_000))).toMatchObject({ length: 8_000, valid: true });
    expect(checkReplyText('facebook', '👍'.repeat(8_001)).valid).toBe(false);
    expect(checkReplyText('youtube', 'a'.repeat(10_001)).problem).toMatch(/youtube allows 10000/);
  });

  it('refuses empty replies and replies to feed items', () => {
    expect(checkReplyText('x', '   ')).toMatchObject({ valid: false, problem: 'the reply is empty' });
    expect(checkReplyText('feed', 'thanks')).toMatchObject({ valid: false, problem: expect.stringMatching(/feed/) });
  });
});

describe('renderReplyTemplate', () => {
  const context = {
    customer: { name: 'Ada <b>', handle: 'ada' },
    agent: { name: 'Sam' },
    mention: { url: 'https://x.com/ada/status/1', platform: 'x' as const },
  };

  it('fills variables as plain text, without HTML escaping', () => {
    expect(renderReplyTemplate('Hi {{customer.name}} (@{{customer.handle}}), ^{{agent.name}}', context)).toBe(
      'Hi Ada <b> (@ada), ^Sam',
    );
  });

  it('lists the variables a template uses that no context fills', () => {
    expect(unknownTemplateVariables('Hi {{customer.name}} {{custmer.handle}} {{#agent}}{{nme}}{{/agent}}')).toEqual([
      'custmer.handle',
      'agent',
      'nme',
    ]);
    expect(unknownTemplateVariables('Hi {{customer.name}}, see {{mention.url}}')).toEqual([]);
    expect(() => unknownTemplateVariables('Hi {{#open}} never closed')).toThrow();
  });
});
