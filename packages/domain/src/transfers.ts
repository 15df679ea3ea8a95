/** Transfer vocabulary (domain.md §7). The kinds are defined with the channels that route to them. */
// The transfer kinds (TRANSFER_KINDS) are defined in channels.ts, beside the channels that route to them.

export const TRANSFER_STATUSES = ['PENDING', 'SCHEDULED', 'COMPLETED', 'REJECTED', 'CANCELLED', 'EXPIRED', 'FAILED'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** A transfer in one of these holds its subscriptions: they may be in no other open transfer. */
export const OPEN_TRANSFER_STATUSES = ['PENDING', 'SCHEDULED'] as const satisfies readonly TransferStatus[];

export const TRANSFER_TRANSITIONS = [
  { from: 'PENDING', to: 'COMPLETED', by: 'SOURCE' },
  { from: 'PENDING', to: 'SCHEDULED', by: 'SOURCE' },
  { from: 'PENDING', to: 'REJECTED', by: 'SOURCE' },
  { from: 'PENDING', to: 'CANCELLED', by: 'TARGET' },
  { from: 'PENDING', to: 'EXPIRED', by: 'CLOCK' },
  { from: 'SCHEDULED', to: 'CANCELLED', by: 'TARGET' },
  { from: 'SCHEDULED', to: 'COMPLETED', by: 'CLOCK' },
  { from: 'SCHEDULED', to: 'FAILED', by: 'CLOCK' },
] as const satisfies readonly { from: TransferStatus; to: TransferStatus; by: 'SOURCE' | 'TARGET' | 'CLOCK' }[];

export const TRANSFER_LINE_ITEM_STATUSES = ['PENDING', 'SCHEDULED', 'COMPLETED', 'DESELECTED', 'CANCELLED', 'FAILED'] as const;
export type TransferLineItemStatus = (typeof TRANSFER_LINE_ITEM_STATUSES)[number];

/** When a license-based partner switch takes effect. */
export const TRANSFER_EFFECTIVE = ['IMMEDIATELY', 'AT_TERM_END'] as const;
export type TransferEffective = (typeof TRANSFER_EFFECTIVE)[number];

/** What a usage migration cancels on the source: the moved services, or the entire subscription. */
export const CANCEL_SOURCE = ['SERVICES', 'ENTIRE'] as const;
export type CancelSource = (typeof CANCEL_SOURCE)[number];

/** A pending transfer nobody answers expires after this many days (PC). */
export const TRANSFER_TTL_DAYS = 30;
