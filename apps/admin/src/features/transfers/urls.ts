/** The transfers feature's addresses; the list's direction and status filters live in the URL. */
import { withSearchParams } from '../../app/router';

export const transferSection = '/transfers';
export const transferListPath = transferSection;
export const transferPathPattern = `${transferSection}/:id`;

export function transferListUrl(params: { direction?: string; status?: string } = {}): string {
  return withSearchParams(transferListPath, params);
}

export function transferUrl(id: string): string {
  return `${transferSection}/${encodeURIComponent(id)}`;
}
