// The methods the policy worker answers, over one catalog (undefined until it has loaded: validation then runs
// the checks that need none, and completion offers what needs none).
import type { Catalog } from '@iam-console/policy-engine/catalog/catalog.ts';
import { diffPolicies } from '@iam-console/policy-engine/diff/diff-policies.ts';
import { accessDeniedMessage, compilePolicy, evaluate } from '@iam-console/policy-engine/evaluate/evaluate.ts';
import { validatePolicy } from '@iam-console/policy-engine/validate/validate-policy.ts';
import { completePolicy } from './completion.ts';
import { hoverPolicy } from './hover.ts';
import type { EditorFinding, WorkerMethods } from './protocol.ts';
import { quickFixes } from './quick-fixes.ts';

export function policyService(catalog: () => Catalog | undefined): WorkerMethods {
  return {
    validate(text, kind) {
      const findings: EditorFinding[] = validatePolicy(text, { ...kind, catalog: catalog() });
      for (const [index, fixes] of quickFixes(text, findings)) {
        const finding = findings[index];
        if (finding) finding.fixes = fixes;
      }
      return findings;
    },
    complete: (text, offset, kind) => completePolicy(text, offset, kind.kind, catalog()),
    hover(text, offset) {
      const loaded = catalog();
      return loaded ? hoverPolicy(text, offset, loaded) : null;
    },
    diff(before, after) {
      const loaded = catalog();
      if (!loaded) throw new Error('The action catalog has not loaded yet.');
      return diffPolicies(before, after, loaded);
    },
    evaluate(policies, request) {
      const compiled = policies.map((p, index) => compilePolicy(p.text, { id: String(index), type: p.type, name: p.name }));
      const decision = evaluate(request, compiled, { explain: true });
      return decision.decision === 'allowed' ? { decision } : { decision, deniedMessage: accessDeniedMessage(request, decision) };
    },
  };
}
