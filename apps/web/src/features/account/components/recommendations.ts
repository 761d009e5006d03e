import type { StatusIndicatorProps } from '@cloudscape-design/components/status-indicator';
import type { SecurityRecommendation } from '../api/account.ts';

export interface RecommendationView {
  id: string;
  title: string;
  detail: string;
  statusType: StatusIndicatorProps.Type;
  statusText: string;
  affected: string[];
}

const SEVERITY_RANK = { high: 0, medium: 1, low: 2 } as const;
// Open items first, then checks that could not run, then what is already fine.
const STATUS_RANK = { attention: 0, unknown: 1, ok: 2 } as const;

/** How a recommendation shows on the dashboard: what needs attention first, the most severe on top. */
export function toRecommendationViews(items: readonly SecurityRecommendation[]): RecommendationView[] {
  return [...items]
    .sort(
      (a, b) =>
        STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
        (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3),
    )
    .map((item) => ({
      id: item.id,
      title: item.title,
      detail: item.detail,
      affected: item.affected ?? [],
      ...statusOf(item),
    }));
}

function statusOf(item: SecurityRecommendation): Pick<RecommendationView, 'statusType' | 'statusText'> {
  if (item.status === 'ok') return { statusType: 'success', statusText: 'Done' };
  if (item.status === 'unknown') return { statusType: 'stopped', statusText: 'Could not check' };
  switch (item.severity) {
    case 'high':
      return { statusType: 'error', statusText: 'Action needed' };
    case 'medium':
      return { statusType: 'warning', statusText: 'Recommended' };
    default:
      return { statusType: 'info', statusText: 'Consider' };
  }
}

export function countNeedingAttention(items: readonly SecurityRecommendation[]): number {
  return items.filter((item) => item.status === 'attention').length;
}
