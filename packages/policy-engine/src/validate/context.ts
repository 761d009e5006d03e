// What every check receives: the parsed text, the options, and a way to report a finding at a node.
import type { Node } from 'jsonc-parser';
import type { Catalog } from '../catalog/catalog.ts';
import type { ParsedSource, SourceRange } from '../source/source-text.ts';
import { CHECKS, learnMoreLink, type IssueCode } from './checks.ts';
import type { Finding, PolicyKind, ValidateOptions } from './finding.ts';

export interface CheckContext {
  readonly source: ParsedSource;
  readonly kind: PolicyKind;
  readonly options: ValidateOptions;
  readonly catalog: Catalog | undefined;
  /** True once MAX_FINDINGS are reported: loops over huge documents may stop early. */
  readonly full: boolean;
  /** Reports a finding underlining `at` (a node, or an explicit range). */
  report(code: IssueCode, at: Node | SourceRange, message: string): void;
}

function isNode(at: Node | SourceRange): at is Node {
  return 'type' in at;
}

/** An editor or a CI log gains nothing from more; a huge generated document could otherwise produce millions. */
export const MAX_FINDINGS = 1_000;

export function createContext(source: ParsedSource, options: ValidateOptions, findings: Finding[]): CheckContext {
  return {
    source,
    kind: options.kind,
    options,
    catalog: options.catalog,
    get full() {
      return findings.length >= MAX_FINDINGS;
    },
    report(code, at, message) {
      if (findings.length >= MAX_FINDINGS) return;
      const range = isNode(at) ? source.rangeAt(at.offset, at.length) : at;
      findings.push({ findingType: CHECKS[code].type, issueCode: code, message, learnMoreLink: learnMoreLink(code), range });
    },
  };
}
