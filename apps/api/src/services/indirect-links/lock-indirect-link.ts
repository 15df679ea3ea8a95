/** The indirect link an accept or update names, locked, if the caller is one of its parties (else NOT_FOUND). */
import type { MutationScope } from '../mutation/run-mutation.js';
import { indirectLinks } from '../../db/schema/index.js';
import { visibleIndirectLinksFilter } from '../../schema/partners/indirect-link-visibility.js';
import { lockRow } from '../mutation/lock-row.js';
import type { IndirectLinkRow } from './indirect-link-events.js';

export function lockIndirectLink(
  { tx, context }: MutationScope,
  input: { indirectLinkId: string; expectedVersion?: number | undefined },
): Promise<IndirectLinkRow> {
  return lockRow(tx, indirectLinks, {
    globalId: input.indirectLinkId,
    typename: 'IndirectLink',
    visible: visibleIndirectLinksFilter(context),
    field: ['indirectLinkId'],
    expectedVersion: input.expectedVersion,
    noun: 'indirect link',
  });
}
