import { parseArn } from '@iam-console/api-contract/arn.ts';
import { useSession } from '../../features/session/api/session.ts';
import { DeploymentCredentialsPage } from '../../features/deployment-credentials/components/deployment-credentials-page.tsx';

export default function DeploymentCredentialsRoute() {
  const session = useSession();
  const identity = session.data?.signedIn ? session.data.identity : undefined;
  // The tightened policy is scoped to the account the console is signed in to.
  const context = { accountId: identity?.accountId ?? '', partition: parseArn(identity?.arn ?? '')?.partition ?? 'aws' };
  return <DeploymentCredentialsPage context={context} />;
}
