import BreadcrumbGroup, { type BreadcrumbGroupProps } from '@cloudscape-design/components/breadcrumb-group';
import { useEffect } from 'react';
import { useMatches, type Params } from 'react-router';
import { useFollowHandler } from '../../components/router-link.tsx';

/** Each route declares its crumb in `handle.crumb`; the trail is the matched routes in order. */
export interface Crumb {
  build: (params: Params) => BreadcrumbGroupProps.Item;
}

function crumbOf(handle: unknown): Crumb | undefined {
  const crumb = (handle as { crumb?: Crumb } | undefined)?.crumb;
  return crumb && typeof crumb.build === 'function' ? crumb : undefined;
}

export function Breadcrumbs() {
  const matches = useMatches();
  const onFollow = useFollowHandler();
  const items: BreadcrumbGroupProps.Item[] = [];
  for (const match of matches) {
    const crumb = crumbOf(match.handle);
    if (!crumb) continue;
    const item = crumb.build(match.params);
    // An index route repeats its parent's crumb (e.g. /users): show it once.
    const last = items.at(-1);
    if (last?.href !== item.href || last.text !== item.text) items.push(item);
  }
  // The tab title follows the page, as the AWS console's does ("alice | IAM Console").
  const title = items.length > 1 ? items.at(-1)?.text : undefined;
  useEffect(() => {
    document.title = title ? `${title} | IAM Console` : 'IAM Console';
  }, [title]);
  return <BreadcrumbGroup items={items} onFollow={onFollow} ariaLabel="Breadcrumbs" expandAriaLabel="Show path" />;
}
