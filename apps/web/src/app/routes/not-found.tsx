import Alert from '@cloudscape-design/components/alert';
import { RouterLink } from '../../components/router-link.tsx';

export default function NotFoundRoute() {
  return (
    <Alert type="error" header="Page not found">
      There is no console page at this address. Go to the <RouterLink href="/">dashboard</RouterLink>.
    </Alert>
  );
}
