import { ComingSoon } from '../../components/coming-soon.tsx';

const PAGES = {
  'credential-report': {
    title: 'Credential report',
    description:
      'Generating and downloading the account credential report (every user and the status of their passwords, access keys and MFA devices) arrives in a later release of the console.',
  },
} as const;

export default function ComingSoonRoute({ page }: { page: keyof typeof PAGES }) {
  return <ComingSoon {...PAGES[page]} />;
}
