// What the catalog answers: the public shapes of services, actions, resource types and condition keys
// (catalog.ts re-exports them with the Catalog API).
import type { ConditionValueType } from './global-condition-keys.ts';

export interface ServiceInfo {
  /** Service prefix as used in actions, e.g. "iam". */
  readonly prefix: string;
  readonly name: string;
  readonly actionCount: number;
}

export interface ActionResourceType {
  /** Resource type name as the service spells it, e.g. "user"; look it up with resourceType(). */
  readonly name: string;
  readonly required: boolean;
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
}

export interface ActionInfo {
  /** Canonical "service:Action", e.g. "iam:GetUser". */
  readonly name: string;
  readonly service: string;
  /** The action part alone, e.g. "GetUser". */
  readonly action: string;
  readonly description: string;
  /** "List", "Read", "Write", "Permissions management", "Tagging" (a few actions list two, comma-separated). */
  readonly accessLevel: string;
  /** Empty when the action supports no resource-level permissions (only "*"). */
  readonly resourceTypes: readonly ActionResourceType[];
  /** Condition keys the action itself supports (not counting its resource types' keys). */
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
}

export interface ResourceTypeInfo {
  readonly service: string;
  readonly name: string;
  /** e.g. "arn:${Partition}:iam::${Account}:user/${UserNameWithPath}" */
  readonly arnTemplates: readonly string[];
  readonly conditionKeys: readonly string[];
}

export interface ConditionKeyInfo {
  /** Canonical spelling; templated keys keep their template, e.g. "aws:RequestTag/${TagKey}". */
  readonly name: string;
  /** The operator family the key works with. */
  readonly type: ConditionValueType;
  /** True for keys that carry a set of values (use ForAnyValue:/ForAllValues:). */
  readonly multiValued: boolean;
  /** The type as the source spells it ("ArrayOfString" …). */
  readonly rawType: string;
  readonly description: string;
  /** An AWS global condition key (aws:…). */
  readonly global: boolean;
  /** The name contains a ${…} part matching any text, e.g. a tag key. */
  readonly templated: boolean;
}
