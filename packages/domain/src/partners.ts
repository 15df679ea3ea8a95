/** Partners and two-tier indirect links (domain.md §2). */
export const PARTNER_KINDS = ['DIRECT_PROVIDER', 'INDIRECT_PROVIDER', 'INDIRECT_RESELLER'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** An indirect provider ↔ reseller link: `INVITED → ACTIVE ⇄ SUSPENDED`, and `→ REVOKED` (terminal). */
export const INDIRECT_LINK_STATUSES = ['INVITED', 'ACTIVE', 'SUSPENDED', 'REVOKED'] as const;
export type IndirectLinkStatus = (typeof INDIRECT_LINK_STATUSES)[number];

/** Which party may make each move of an indirect link. */
export const INDIRECT_LINK_TRANSITIONS = [
  { from: 'INVITED', to: 'ACTIVE', by: 'RESELLER' },
  { from: 'INVITED', to: 'REVOKED', by: 'PROVIDER' },
  { from: 'ACTIVE', to: 'SUSPENDED', by: 'PROVIDER' },
  { from: 'SUSPENDED', to: 'ACTIVE', by: 'PROVIDER' },
  { from: 'ACTIVE', to: 'REVOKED', by: 'PROVIDER' },
  { from: 'SUSPENDED', to: 'REVOKED', by: 'PROVIDER' },
] as const satisfies readonly { from: IndirectLinkStatus; to: IndirectLinkStatus; by: 'PROVIDER' | 'RESELLER' }[];
