import Link, { type LinkProps } from '@cloudscape-design/components/link';
import { useNavigate } from 'react-router';

/**
 * Cloudscape components render real hrefs (so open-in-new-tab works); this handler keeps a plain click
 * inside the single-page app instead of reloading it.
 */
export interface FollowEvent {
  preventDefault(): void;
  detail: { href?: string; external?: boolean };
}

export function useFollowHandler(): (event: FollowEvent) => void {
  const navigate = useNavigate();
  return (event) => {
    const href = event.detail.href;
    if (!href || event.detail.external) return;
    event.preventDefault();
    navigate(href);
  };
}

export function RouterLink(props: Omit<LinkProps, 'onFollow'> & { href: string }) {
  const onFollow = useFollowHandler();
  return <Link {...props} onFollow={onFollow} />;
}
