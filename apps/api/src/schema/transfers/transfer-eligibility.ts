/**
 * `Subscription.transferEligibility(kind, effective)` (domain.md §11): can your organisation move
 * this subscription, by which kind of transfer, when, and if not, why — the reasons
 * `transferCreate` would refuse with, word for word, so the admin app explains a disabled button
 * with them. For a usage migration it also says what the new CSP subscription starts with.
 */
import type { UsageMigrationPrefill } from '@switchyard/domain';
import { builder } from '../../builder.js';
import { loadTransferEligibility } from '../../services/transfers/load-transfer-eligibility.js';
import type { SubscriptionTransferEligibility } from '../../services/transfers/load-transfer-eligibility.js';
import { BillingCycleEnum, TermEnum, TransferEffectiveEnum, TransferKindEnum } from '../enums.js';
import { encodeGlobalId } from '../global-id.js';
import { Subscription } from '../subscriptions/subscription.js';
import { UserErrorType } from '../user-error.js';

const UsageMigrationDefaults = builder.objectRef<UsageMigrationPrefill>('UsageMigrationDefaults').implement({
  description: 'What the new CSP subscription of a usage migration starts with, taken from the source; every field can be changed in `transferCreate`.',
  fields: (t) => ({
    offerId: t.id({ resolve: (defaults) => encodeGlobalId('Offer', defaults.offerId) }),
    term: t.field({ type: TermEnum, resolve: (defaults) => defaults.term }),
    billingCycle: t.field({ type: BillingCycleEnum, resolve: (defaults) => defaults.billingCycle }),
    autoRenew: t.exposeBoolean('autoRenew'),
  }),
});

const TransferEligibilityType = builder.objectRef<SubscriptionTransferEligibility>('TransferEligibility').implement({
  description: 'Whether your organisation can move a subscription by a kind of transfer, and why not.',
  fields: (t) => ({
    kind: t.field({
      type: TransferKindEnum,
      nullable: true,
      description: 'The kind asked about (by default the subscription’s own path); null when it cannot move at all (Syndication).',
      resolve: (eligibility) => eligibility.kind,
    }),
    eligible: t.exposeBoolean('eligible'),
    reasons: t.field({
      type: [UserErrorType],
      description: 'Every reason it cannot move now; empty when eligible. The same codes and words `transferCreate` refuses with.',
      resolve: (eligibility) => eligibility.reasons,
    }),
    scheduleAt: t.field({
      type: 'DateTime',
      nullable: true,
      description: 'When it would move (its term end, for a license transition or a switch at term end); null: as soon as the transfer completes.',
      resolve: (eligibility) => eligibility.scheduleAt ?? null,
    }),
    usageMigrationDefaults: t.field({
      type: UsageMigrationDefaults,
      nullable: true,
      description: 'USAGE_MIGRATION: the new CSP subscription prefilled from this one.',
      resolve: (eligibility) => eligibility.usageMigrationDefaults,
    }),
  }),
});

builder.drizzleObjectField(Subscription, 'transferEligibility', (t) =>
  t.field({
    type: TransferEligibilityType,
    description: 'Whether your organisation can move this subscription (GC’s ListTransferableSkus).',
    authScopes: { permission: 'transfers:read' },
    args: {
      kind: t.arg({ type: TransferKindEnum, description: 'Default: the path of the subscription’s channel and billing model.' }),
      effective: t.arg({ type: TransferEffectiveEnum, description: 'PARTNER_SWITCH: IMMEDIATELY (default) or AT_TERM_END.' }),
    },
    select: { columns: { id: true } },
    resolve: (subscription, args, context) =>
      loadTransferEligibility(context, subscription.id, { kind: args.kind ?? undefined, effective: args.effective ?? undefined }),
  }),
);
