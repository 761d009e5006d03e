import { ComingSoon } from '../../components/coming-soon.tsx';

const PAGES = {
  'credential-report': {
    title: 'Credential report',
    description:
      'Generating and downloading the account credential report (every user and the status of their passwords, access keys and MFA devices) arrives in a later release of the console.',
  },
  'security-credentials': {
    title: 'My security credentials',
    description:
      'Managing your own access keys, MFA device and console password from here arrives in a later release of the console. An administrator can manage them for you under Users.',
  },
} as const;

export default function ComingSoonRoute({ page }: { page: keyof typeof PAGES }) {
  return <ComingSoon {...PAGES[page]} />;
}
