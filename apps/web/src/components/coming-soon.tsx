import Alert from '@cloudscape-design/components/alert';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Header from '@cloudscape-design/components/header';

export function ComingSoon({ title, description }: { title: string; description: string }) {
  return (
    <ContentLayout header={<Header variant="h1">{title}</Header>}>
      <Alert type="info" header="Coming soon">
        {description}
      </Alert>
    </ContentLayout>
  );
}
