/**
 * A tiny router on the History API: the URL is the state (`useLocation`), `navigate()` changes it,
 * `<Link>` is a real link (open in new tab works) that navigates in place on a plain click, and
 * `matchRoute()` picks a route from `/customers/:id`-style patterns. A few dozen lines instead of
 * a routing library keeps the first load small; swap it if nested layouts or loaders are needed.
 */
import { useSyncExternalStore } from 'react';
import type { ComponentPropsWithRef, MouseEvent } from 'react';

const NAVIGATE_EVENT = 'switchyard:navigate';

export interface Location {
  pathname: string;
  searchParams: URLSearchParams;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

// A string snapshot: stable between renders, so React re-renders only when the URL changes.
function getSnapshot(): string {
  return window.location.pathname + window.location.search;
}

export function useLocation(): Location {
  const path = useSyncExternalStore(subscribe, getSnapshot);
  const url = new URL(path, 'http://switchyard.invalid');
  return { pathname: url.pathname, searchParams: url.searchParams };
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === getSnapshot()) return;
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

export interface LinkProps extends Omit<ComponentPropsWithRef<'a'>, 'href'> {
  to: string;
  replace?: boolean;
}

function isPlainLeftClick(event: MouseEvent<HTMLAnchorElement>): boolean {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
}

export function Link({ to, replace, onClick, target, ...props }: LinkProps) {
  return (
    <a
      {...props}
      href={to}
      target={target}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !isPlainLeftClick(event) || (target && target !== '_self'))
          return;
        event.preventDefault();
        navigate(to, { replace });
      }}
    />
  );
}

/** Matches `/customers/:id` against a path; returns the decoded parameters, or null. */
export function matchRoute(pattern: string, pathname: string): Record<string, string> | null {
  const patternParts = pattern.split('/').filter(Boolean);
  const pathParts = pathname.split('/').filter(Boolean);
  if (patternParts.length !== pathParts.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of patternParts.entries()) {
    const value = pathParts[index] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(value);
      } catch {
        return null;
      }
    } else if (part !== value) {
      return null;
    }
  }
  return params;
}

/** Builds `path?query` from parameters, leaving out empty ones. */
export function withSearchParams(
  path: string,
  params: Record<string, string | null | undefined>,
): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) search.set(name, value);
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}
