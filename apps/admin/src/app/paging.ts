/**
 * Cursor paging kept in the URL (`?after=…` / `?before=…`), shared by every list: a list can be
 * bookmarked and the back button returns to the same page. Nothing ever fetches a whole list.
 */
export const PAGE_SIZE = 25;

export type PageVariables =
  | { first: number; after: string | null; last?: undefined; before?: undefined }
  | { last: number; before: string; first?: undefined; after?: undefined };

export function pageVariables(searchParams: URLSearchParams, size = PAGE_SIZE): PageVariables {
  const before = searchParams.get('before');
  if (before) return { last: size, before };
  return { first: size, after: searchParams.get('after') };
}

/** The same URL with the page cursor replaced (filters kept). */
export function withPage(
  pathname: string,
  searchParams: URLSearchParams,
  page: { after?: string | null; before?: string | null },
): string {
  const next = new URLSearchParams(searchParams);
  next.delete('after');
  next.delete('before');
  if (page.after) next.set('after', page.after);
  if (page.before) next.set('before', page.before);
  const query = next.toString();
  return query ? `${pathname}?${query}` : pathname;
}

/** The same URL with one filter changed, back on the first page. */
export function withFilter(
  pathname: string,
  searchParams: URLSearchParams,
  name: string,
  value: string | null | undefined,
): string {
  const next = new URLSearchParams(searchParams);
  next.delete('after');
  next.delete('before');
  if (value) next.set(name, value);
  else next.delete(name);
  const query = next.toString();
  return query ? `${pathname}?${query}` : pathname;
}
