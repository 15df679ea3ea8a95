/**
 * Channels (domain.md §4): the route through which a subscription was bought, and what each
 * allows. This table is the single definition; the API's `channels` query serves it as data.
 */
import type { BillingModel } from './offers.js';

export const CHANNELS = [
  'CSP',
  'DIRECT',
  'ADVISOR',
  'OPEN',
  'EA',
  'THIRD_PARTY',
  'SYNDICATION',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Channels outside CSP: their subscriptions enter Switchyard by `subscriptionRegisterExternal`. */
export const EXTERNAL_CHANNELS = [
  'DIRECT',
  'ADVISOR',
  'OPEN',
  'EA',
  'THIRD_PARTY',
  'SYNDICATION',
] as const satisfies readonly Channel[];
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];

export const TRANSFER_KINDS = ['PARTNER_SWITCH', 'USAGE_MIGRATION', 'LICENSE_TRANSITION'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export interface ChannelRules {
  label: string;
  description: string;
  /** Bought outside CSP, and a CSP partner may take it over (manage, migrate, transition). */
  isMultiChannelSource: boolean;
  /** Sold by a partner in Switchyard (has a seller partner). */
  isCsp: boolean;
  /** How each billing model's subscriptions move to (or within) CSP; `null`: they cannot. */
  transferPath: Record<BillingModel, TransferKind | null>;
}

const multiChannelSource = (label: string, description: string): ChannelRules => ({
  label,
  description,
  isMultiChannelSource: true,
  isCsp: false,
  transferPath: { LICENSE_BASED: 'LICENSE_TRANSITION', USAGE_BASED: 'USAGE_MIGRATION' },
});

export const CHANNEL_RULES = {
  CSP: {
    label: 'Cloud Solution Provider',
    description: 'Sold by a CSP partner in Switchyard.',
    isMultiChannelSource: false,
    isCsp: true,
    transferPath: { LICENSE_BASED: 'PARTNER_SWITCH', USAGE_BASED: 'PARTNER_SWITCH' },
  },
  DIRECT: multiChannelSource('Direct', 'Bought directly from Microsoft.'),
  ADVISOR: multiChannelSource('Advisor', 'Bought through the Advisor program.'),
  OPEN: multiChannelSource('Open', 'Bought through Open licensing.'),
  EA: multiChannelSource('Enterprise Agreement', 'Bought under an Enterprise Agreement.'),
  THIRD_PARTY: multiChannelSource(
    'Third party',
    'Bought from a third party that is neither in CSP nor a Syndication partner.',
  ),
  SYNDICATION: {
    label: 'Syndication',
    description: 'Bought from a Microsoft Syndication partner; it cannot be managed or moved here.',
    isMultiChannelSource: false,
    isCsp: false,
    transferPath: { LICENSE_BASED: null, USAGE_BASED: null },
  },
} as const satisfies Record<Channel, ChannelRules>;

export function channelRules(channel: Channel): ChannelRules {
  return CHANNEL_RULES[channel];
}

/** Channels whose subscriptions a CSP partner may take over (`subscriptionManage`, migrations). */
export const MULTI_CHANNEL_SOURCES = CHANNELS.filter(
  (channel) => CHANNEL_RULES[channel].isMultiChannelSource,
);
