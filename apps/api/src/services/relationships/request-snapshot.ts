/**
 * A relationship request as the audit log records it: every column but the token hash, which
 * stays in its table (the log is read by the partner's staff and kept for months).
 */
import type { RelationshipRequestRow } from './invitation.js';

export function requestSnapshot(
  request: RelationshipRequestRow,
): Omit<RelationshipRequestRow, 'tokenHash'> {
  const { tokenHash: _tokenHash, ...snapshot } = request;
  return snapshot;
}
