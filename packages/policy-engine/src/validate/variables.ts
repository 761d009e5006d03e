// Policy variables (${aws:username}, ${aws:PrincipalTag/team, 'none'}): where IAM substitutes them, and
// whether each one is well formed. IAM substitutes them only in Resource/NotResource and in condition values,
// and only with Version 2012-10-17; elsewhere the text is taken literally, which is never what was meant.
import type { Node } from 'jsonc-parser';
import type { CheckContext } from './context.ts';
import type { PolicyModel } from './model.ts';

const ESCAPES = new Set(['*', '?', '$']);
const QUOTED = /^'[^']*'$/;

/** Checks each ${…} of `text`; true when it holds at least one well-formed variable. */
function checkVariableSyntax(ctx: CheckContext, text: string, node: Node): boolean {
  let found = false;
  let from = 0;
  for (;;) {
    const start = text.indexOf('${', from);
    if (start < 0) return found;
    const end = text.indexOf('}', start + 2);
    if (end < 0) {
      ctx.report('MISSING_BRACE_IN_VARIABLE', node, `The policy variable starting at "${text.slice(start, start + 20)}" has no closing brace; write \${name}.`);
      return found;
    }
    from = end + 1;
    const inner = text.slice(start + 2, end);
    if (ESCAPES.has(inner)) continue;
    if (inner.trim() === '') {
      ctx.report('EMPTY_VARIABLE', node, 'The policy variable ${} is empty; name a key such as ${aws:username}.');
      continue;
    }
    const comma = inner.indexOf(',');
    const name = comma < 0 ? inner : inner.slice(0, comma);
    if (/\s/.test(name)) {
      ctx.report('UNSUPPORTED_SPACE_IN_VARIABLE', node, `The policy variable \${${inner}} contains a space in its name; remove it.`);
      continue;
    }
    if (comma >= 0 && !QUOTED.test(inner.slice(comma + 1).trim())) {
      ctx.report('MISSING_QUOTE_IN_VARIABLE', node, `The default value of \${${inner}} must be in single quotes, e.g. \${${name}, 'default'}.`);
      continue;
    }
    found = true;
  }
}

export function checkPolicyVariables(ctx: CheckContext, policy: PolicyModel): void {
  const substituted = (text: string, node: Node): void => {
    if (!text.includes('${')) return;
    if (checkVariableSyntax(ctx, text, node) && !policy.variablesEnabled) {
      ctx.report('VARIABLE_UNSUPPORTED_IN_VERSION', node, `Policy variables need "Version": "2012-10-17"; with ${policy.version ? `Version ${policy.version}` : 'no Version'} IAM reads ${text} literally.`);
    }
  };
  const literal = (element: string, text: string, node: Node): void => {
    if (!text.includes('${')) return;
    ctx.report('VARIABLE_UNSUPPORTED_IN_ELEMENT', node, `Policy variables are not substituted in ${element}; IAM reads ${text} literally.`);
  };
  for (const statement of policy.statements) {
    if (ctx.full) return;
    if (statement.sid) literal('Sid', statement.sid.value, statement.sid.node);
    for (const entry of statement.action?.entries ?? []) literal(statement.action!.name, entry.value, entry.node);
    for (const entry of statement.principal?.entries ?? []) literal(statement.principal!.name, entry.value, entry.node);
    for (const entry of statement.resource?.entries ?? []) substituted(entry.value, entry.node);
    for (const condition of statement.conditions) {
      literal('condition keys', condition.key, condition.keyNode);
      for (const value of condition.values) {
        if (!value.text.includes('${')) continue;
        const family = condition.operator?.family;
        if (family && family !== 'String' && family !== 'ARN') {
          ctx.report('INVALID_VARIABLE_FOR_OPERATOR', value.node, `Policy variables work only with string and ARN operators, not with ${condition.operatorName}.`);
        } else substituted(value.text, value.node);
      }
    }
  }
}
