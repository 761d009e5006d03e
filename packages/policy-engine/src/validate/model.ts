// The policy as the checks see it after the grammar pass: only well-typed parts, each with its source node.
import type { Node } from 'jsonc-parser';
import type { ConditionOperator } from './condition-operators.ts';

export interface StringEntry {
  value: string;
  node: Node;
}

/** Action/NotAction or Resource/NotResource: the valid strings of a string-or-list element. */
export interface ListElement {
  name: string;
  keyNode: Node;
  valueNode: Node;
  entries: StringEntry[];
}

export type PrincipalType = 'AWS' | 'Service' | 'Federated' | 'CanonicalUser';

export interface PrincipalEntry {
  /** undefined for the bare `"Principal": "*"`. */
  type: PrincipalType | undefined;
  value: string;
  node: Node;
}

export interface PrincipalElement {
  name: 'Principal' | 'NotPrincipal';
  keyNode: Node;
  valueNode: Node;
  entries: PrincipalEntry[];
}

export interface ConditionValue {
  text: string;
  node: Node;
}

export interface ConditionEntry {
  operatorName: string;
  operatorNode: Node;
  /** undefined when the operator is not a known one (already reported). */
  operator: ConditionOperator | undefined;
  key: string;
  keyNode: Node;
  valuesNode: Node;
  values: ConditionValue[];
}

export interface StatementModel {
  index: number;
  node: Node;
  sid: StringEntry | undefined;
  effect: 'Allow' | 'Deny' | undefined;
  action: ListElement | undefined;
  resource: ListElement | undefined;
  principal: PrincipalElement | undefined;
  conditionNode: Node | undefined;
  conditions: ConditionEntry[];
}

export interface PolicyModel {
  root: Node;
  version: string | undefined;
  /** Policy variables are substituted only with Version 2012-10-17. */
  variablesEnabled: boolean;
  statements: StatementModel[];
}

export function keyOf(property: Node): Node | undefined {
  return property.children?.[0];
}

export function valueOf(property: Node): Node | undefined {
  return property.children?.[1];
}

/** A word for a node's JSON type in messages. */
export function jsonTypeName(node: Node): string {
  return node.type === 'null' ? 'null' : `a ${node.type}`;
}
