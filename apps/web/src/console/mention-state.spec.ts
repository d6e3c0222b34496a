import type { MentionView } from '@lp/domain';
import { claimable, composerState, slaLine } from './mention-state';

function m(patch: Partial<MentionView>): MentionView {
  return {
    id: 'm1',
    platform: 'x',
    status: 'new',
    claim: null,
    firstResponseAt: null,
    sla: { dueAt: '2026-12-01T12:30:00.000Z', breached: false },
    ...patch,
  } as MentionView;
}

const NOW = Date.parse('2026-12-01T12:00:00.000Z');
const held = { userId: 'me', name: 'Me', expiresAt: '2026-12-01T12:05:00.000Z' };
// A fixed clock format, so the spec does not depend on the machine's locale or time zone.
const iso = (at: string) => at.slice(11, 16);

describe('composerState', () => {
  it('gives the holder of a waiting mention the composer, and asks anyone else to claim it', () => {
    expect(composerState(m({ status: 'claimed', claim: held }), 'me')).toEqual({ kind: 'compose' });
    expect(composerState(m({ status: 'claimed', claim: held }), 'you')).toEqual({
      kind: 'locked',
      text: 'Claim it (c) to reply.',
    });
    expect(composerState(m({}), 'me')).toEqual({ kind: 'locked', text: 'Claim it (c) to reply.' });
  });

  it('says what a closed mention is instead of asking for a claim', () => {
    expect(composerState(m({ status: 'replied' }), 'me')).toEqual({
      kind: 'locked',
      text: 'Replied — reopen it to reply again.',
    });
    expect(composerState(m({ status: 'resolved' }), 'me')).toEqual({
      kind: 'locked',
      text: 'Resolved — reopen it to reply.',
    });
    expect(composerState(m({ status: 'ignored' }), 'me')).toEqual({
      kind: 'locked',
      text: 'Ignored — reopen it to reply.',
    });
    // A stale claim left on a closed mention does not bring the composer back.
    expect(composerState(m({ status: 'resolved', claim: held }), 'me').kind).toBe('locked');
  });

  it('never offers a composer for feed pages', () => {
    expect(composerState(m({ platform: 'feed', status: 'claimed', claim: held }), 'me')).toEqual({
      kind: 'locked',
      text: 'Web pages found by feeds cannot be answered from here.',
    });
  });
});

describe('claimable', () => {
  it('claims only mentions still waiting', () => {
    expect(claimable(m({ status: 'new' }))).toBe(true);
    expect(claimable(m({ status: 'claimed', claim: held }))).toBe(true);
    for (const status of ['replied', 'resolved', 'ignored'] as const) expect(claimable(m({ status }))).toBe(false);
  });
});

describe('slaLine', () => {
  it('counts down only while the mention waits', () => {
    expect(slaLine(m({}), NOW, iso)).toEqual({ text: 'First reply due in 30m', breached: false });
    expect(slaLine(m({ status: 'claimed', claim: held }), NOW, iso)?.text).toBe('First reply due in 30m');
    expect(slaLine(m({}), Date.parse('2026-12-01T12:31:00.000Z'), iso)).toEqual({
      text: 'First reply overdue',
      breached: true,
    });
    expect(slaLine(m({ sla: { dueAt: '2026-12-01T11:00:00.000Z', breached: true } }), NOW, iso)).toEqual({
      text: 'First reply due: breached',
      breached: true,
    });
    expect(slaLine(m({ sla: null }), NOW, iso)).toBeNull();
  });

  it('shows when the first response went out, whatever the status now', () => {
    const firstResponseAt = '2026-12-01T11:58:00.000Z';
    for (const status of ['replied', 'resolved', 'new'] as const)
      expect(slaLine(m({ status, firstResponseAt }), NOW, iso)).toEqual({
        text: 'First response at 11:58',
        breached: false,
      });
    expect(
      slaLine(m({ status: 'replied', firstResponseAt, sla: { dueAt: firstResponseAt, breached: true } }), NOW, iso),
    ).toEqual({ text: 'First response at 11:58 (late)', breached: true });
  });

  it('calls one closed without a response closed, not due', () => {
    expect(slaLine(m({ status: 'resolved' }), NOW, iso)).toEqual({ text: 'Closed', breached: false });
    expect(
      slaLine(m({ status: 'ignored', sla: { dueAt: '2026-12-01T11:00:00.000Z', breached: true } }), NOW, iso),
    ).toEqual({
      text: 'Closed',
      breached: false,
    });
  });

  it('formats the time in local time by default', () => {
    const text = slaLine(m({ status: 'replied', firstResponseAt: '2026-12-01T11:58:00.000Z' }), NOW)?.text;
    expect(text).toMatch(/^First response at \S/);
    expect(text).not.toContain('2026');
  });
});
