// The results table as a CSV file, made in the page (csv-stringify), one line per action.
import { stringify } from 'csv-stringify/browser/esm/sync';
import { fileStamp } from '@iam-console/api-contract/credential-report.ts';
import type { MatchedStatement, SimulationResult } from '@iam-console/api-contract/policy-simulator.ts';
import { DECISION_LABELS } from './decision.ts';

export const SIMULATION_CSV_COLUMNS = ['Action', 'Resource', 'Decision', 'Matched statements', 'Missing context values', 'Permissions boundary', 'Why'] as const;

const statement = (s: MatchedStatement) =>
  `${s.sourcePolicyId} (${s.sourcePolicyType}${s.start ? `, ${s.start.line}:${s.start.column}` : ''}${s.end ? `-${s.end.line}:${s.end.column}` : ''})`;

function boundaryCell(allowed: boolean | undefined): string {
  if (allowed === undefined) return '';
  return allowed ? 'Allows' : 'Does not allow';
}

export function simulationCsv(rows: readonly SimulationResult[]): string {
  return stringify(
    [
      [...SIMULATION_CSV_COLUMNS],
      ...rows.map((r) => [
        r.action,
        r.resource,
        DECISION_LABELS[r.decision],
        r.matchedStatements.map(statement).join('; '),
        r.missingContextValues.join('; '),
        boundaryCell(r.allowedByPermissionsBoundary),
        r.why,
      ]),
    ],
    { record_delimiter: 'unix' },
  );
}

/** `policy-simulation_<principal name>_<date>T<time>.csv` */
export function simulationFileName(principalName: string, when: Date): string {
  return `policy-simulation_${principalName.replace(/[^\w+=,.@-]/g, '_')}_${fileStamp(when)}.csv`;
}
