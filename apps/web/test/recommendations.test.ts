import { describe, expect, it } from 'vitest';
import type { SecurityRecommendation } from '../src/features/account/api/account.ts';
import { countNeedingAttention, toRecommendationViews } from '../src/features/account/components/recommendations.ts';

const item = (id: string, severity: SecurityRecommendation['severity'], status: SecurityRecommendation['status'], affected?: string[]): SecurityRecommendation => ({
  id,
  severity,
  status,
  title: `title ${id}`,
  detail: `detail ${id}`,
  ...(affected ? { affected } : {}),
});

describe('security recommendations', () => {
  it('puts what needs attention first, most severe first, and completed checks last', () => {
    const views = toRecommendationViews([
      item('root-mfa', 'high', 'ok'),
      item('old-keys', 'medium', 'attention', ['alice']),
      item('users-mfa', 'high', 'attention', ['bob', 'carol']),
      item('low-one', 'low', 'attention'),
    ]);
    expect(views.map((view) => view.id)).toEqual(['users-mfa', 'old-keys', 'low-one', 'root-mfa']);
  });

  it('maps status and severity to the indicator a person reads', () => {
    const [high, medium, low, done] = toRecommendationViews([
      item('a', 'high', 'attention'),
      item('b', 'medium', 'attention'),
      item('c', 'low', 'attention'),
      item('d', 'high', 'ok'),
    ]);
    expect([high?.statusType, medium?.statusType, low?.statusType, done?.statusType]).toEqual(['error', 'warning', 'info', 'success']);
    expect(done?.statusText).toBe('Done');
    expect(high?.statusText).toBe('Action needed');
  });

  it('puts checks that could not run between open and completed ones', () => {
    const views = toRecommendationViews([item('ok', 'high', 'ok'), item('unknown', 'medium', 'unknown'), item('open', 'low', 'attention')]);
    expect(views.map((view) => [view.id, view.statusType, view.statusText])).toEqual([
      ['open', 'info', 'Consider'],
      ['unknown', 'stopped', 'Could not check'],
      ['ok', 'success', 'Done'],
    ]);
    expect(countNeedingAttention([item('unknown', 'high', 'unknown')])).toBe(0);
  });

  it('keeps the affected names and counts open items', () => {
    const input = [item('users-mfa', 'high', 'attention', ['bob']), item('root-keys', 'high', 'ok')];
    expect(toRecommendationViews(input)[0]?.affected).toEqual(['bob']);
    expect(toRecommendationViews(input)[1]?.affected).toEqual([]);
    expect(countNeedingAttention(input)).toBe(1);
    expect(countNeedingAttention([])).toBe(0);
  });
});
