/** Partner ↔ customer relationships and the requests that create them (domain.md §6). */
export const RELATIONSHIP_REQUEST_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'REVOKED'] as const;
export type RelationshipRequestStatus = (typeof RELATIONSHIP_REQUEST_STATUSES)[number];

export const RELATIONSHIP_TYPES = ['RESELLER', 'INDIRECT_RESELLER', 'INDIRECT_PROVIDER'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const RELATIONSHIP_STATUSES = ['ACTIVE', 'TERMINATED'] as const;
export type RelationshipStatus = (typeof RELATIONSHIP_STATUSES)[number];

/** A pending relationship request expires this many days after it was sent. */
export const RELATIONSHIP_REQUEST_TTL_DAYS = 90;
