// The one table of operations: Action → definition, merged from each area's record, so coverage is visible here.
import type { OperationTable } from '../protocol/operation.ts';
import { stsOperations } from './sts.ts';

export const operations: OperationTable = {
  ...stsOperations,
};
