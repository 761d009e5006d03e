import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';
import type { PolicyContext } from '../wizard-state.ts';
import { DeploymentCredentialsWizard } from './deployment-credentials-wizard.tsx';

export function DeploymentCredentialsPage({ context }: { context: PolicyContext }) {
  return (
    <ContentLayout
      header={
        <Header variant="h1" description="An identity for SST, the Serverless Framework, the Amplify CLI or Up with the policy the tool publishes, and the AWS profile the tool reads.">
          Deployment credentials
        </Header>
      }
    >
      <DeploymentCredentialsWizard context={context} />
    </ContentLayout>
  );
}
