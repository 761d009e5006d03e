import CopyToClipboard from '@cloudscape-design/components/copy-to-clipboard';
import SpaceBetween from '@cloudscape-design/components/space-between';
import { awsSwitchRoleUrl, CONSOLE_SWITCH_ROLE_PATH, consoleSwitchRoleUrl, type SwitchRoleTarget } from '@iam-console/api-contract/switch-role-links.ts';

/** The two links that open a Switch role page pre-filled: the AWS console's and this console's (same query). */
export function switchRoleLinks(target: SwitchRoleTarget, origin = window.location.origin) {
  return { aws: awsSwitchRoleUrl(target), console: consoleSwitchRoleUrl(origin, target) };
}

/** This console's link with the query of an AWS console switch-role link. */
export function consoleLinkOf(awsUrl: string, origin = window.location.origin): string {
  const query = awsUrl.indexOf('?');
  return `${origin}${CONSOLE_SWITCH_ROLE_PATH}${query < 0 ? '' : awsUrl.slice(query)}`;
}

/** Both links, each with a copy button ("Providing information to the user", IAM User Guide), named rather than shown. */
export function SwitchRoleLinks({ target }: { target: SwitchRoleTarget }) {
  const links = switchRoleLinks(target);
  return (
    <SpaceBetween size="xxs">
      <CopyToClipboard variant="inline" textToCopy={links.aws} textToDisplay="AWS console link" copySuccessText="Link copied" copyErrorText="Could not copy" />
      <CopyToClipboard variant="inline" textToCopy={links.console} textToDisplay="This console's link" copySuccessText="Link copied" copyErrorText="Could not copy" />
    </SpaceBetween>
  );
}
