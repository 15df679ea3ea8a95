import { describe, expect, it } from 'vitest';

import type { SubscriptionFacts } from '../facts.js';
import type { TransferCreateInput } from '../inputs/transfer-inputs.js';
import {
  NOW,
  azurePlan,
  azureSubscription,
  contoso,
  customer,
  daysFromNow,
  externalSubscription,
  fabrikam,
  indirectLink,
  northwind,
  offer,
  partner,
  relationship,
  subscription,
} from '../testing/factories.js';
import {
  checkTransferCreate,
  checkTransferEligibility,
  transferKindFor,
} from './check-transfer-eligibility.js';
import type { TransferEligibilityContext } from './check-transfer-eligibility.js';

// Contoso (the requester) has an active relationship with Adatum; Tailspin sells Adatum's CSP subscriptions.
const baseContext: TransferEligibilityContext = {
  customer: customer(),
  relationships: [relationship()],
  now: NOW,
};
const codes = (
  subscriptionFacts: SubscriptionFacts,
  context: Partial<TransferEligibilityContext> = {},
  requester = contoso,
) =>
  checkTransferEligibility(subscriptionFacts, requester, {
    ...baseContext,
    ...context,
  }).reasons.map((reason) => reason.code);

const eaLicense = externalSubscription({
  id: 'ea-seats',
  billingModel: 'LICENSE_BASED',
  quantity: 40,
  services: [],
  offerName: 'Office 365 E3',
});

describe('transferKindFor', () => {
  it.each([
    ['a CSP subscription moves by partner switch', subscription(), 'PARTNER_SWITCH'],
    ['Azure bought under EA moves by usage migration', externalSubscription(), 'USAGE_MIGRATION'],
    ['seats bought under EA move by license transition', eaLicense, 'LICENSE_TRANSITION'],
    [
      'a Syndication subscription does not move',
      externalSubscription({ channel: 'SYNDICATION' }),
      null,
    ],
  ])('%s', (_name, facts, expected) => {
    expect(transferKindFor(facts)).toBe(expected);
  });
});

describe('checkTransferEligibility: PARTNER_SWITCH', () => {
  const switchContext = { kind: 'PARTNER_SWITCH' } as const;

  it.each<[string, SubscriptionFacts, Partial<TransferEligibilityContext>, string[]]>([
    ['moves an Azure CSP subscription from another partner at once', azureSubscription(), {}, []],
    [
      'moves a license-based subscription at term end when asked to',
      subscription(),
      { effective: 'AT_TERM_END' },
      [],
    ],
    [
      'moves a license-based subscription at once under the ANYTIME policy',
      subscription(),
      { licenseTransferPolicy: 'ANYTIME' },
      [],
    ],
    [
      'refuses a license-based subscription before term end under TERM_END_ONLY',
      subscription(),
      {},
      ['LICENSE_TERM_NOT_ENDED'],
    ],
    [
      'refuses without a relationship with the customer',
      azureSubscription(),
      { relationships: [relationship({ partnerId: 'tailspin' })] },
      ['RELATIONSHIP_REQUIRED'],
    ],
    [
      'refuses a suspended subscription',
      azureSubscription({ status: 'SUSPENDED' }),
      {},
      ['SUBSCRIPTION_NOT_ACTIVE'],
    ],
    [
      'refuses a subscription already in an open transfer',
      azureSubscription({ isInOpenTransfer: true }),
      {},
      ['ALREADY_IN_TRANSFER'],
    ],
    [
      'refuses the requester’s own subscription',
      azureSubscription({ sellerPartnerId: 'contoso', billingPartnerId: 'contoso' }),
      {},
      ['SELF_TRANSFER'],
    ],
    [
      'refuses a subscription from a different source partner than the others',
      azureSubscription(),
      { sourcePartnerId: 'liberty' },
      ['MIXED_SOURCE_PARTNERS'],
    ],
    [
      'refuses a subscription in another cloud',
      azureSubscription({ cloud: 'US_GOVERNMENT' }),
      {},
      ['CLOUD_MISMATCH'],
    ],
    [
      'refuses a customer in another cloud',
      azureSubscription(),
      { customer: customer({ cloud: 'GERMANY' }) },
      ['CLOUD_MISMATCH'],
    ],
    [
      'refuses a partner tenant',
      azureSubscription(),
      { customer: customer({ isPartnerTenant: true }) },
      ['PARTNER_TENANT_NOT_ALLOWED'],
    ],
    [
      'refuses a subscription bought elsewhere (it has its own path)',
      externalSubscription(),
      {},
      ['CHANNEL_NOT_MIGRATABLE'],
    ],
  ])('%s', (_name, facts, context, expected) => {
    expect(codes(facts, { ...switchContext, ...context })).toEqual(expected);
  });

  it('refuses an indirect provider taking subscriptions over on its own', () => {
    expect(
      codes(
        azureSubscription(),
        { ...switchContext, relationships: [relationship({ partnerId: 'fabrikam' })] },
        fabrikam,
      ),
    ).toEqual(['PARTNER_KIND_NOT_ALLOWED']);
  });

  it.each([
    ['lets an indirect reseller take over through an active link', [indirectLink()], []],
    [
      'refuses an indirect reseller whose link is revoked',
      [indirectLink({ status: 'REVOKED' })],
      ['INDIRECT_LINK_REQUIRED'],
    ],
  ])('%s', (_name, indirectLinks, expected) => {
    const relationships = [
      relationship({
        partnerId: 'northwind',
        type: 'INDIRECT_RESELLER',
        indirectProviderId: 'fabrikam',
      }),
    ];
    expect(
      codes(azureSubscription(), { ...switchContext, relationships, indirectLinks }, northwind),
    ).toEqual(expected);
  });

  it('schedules a license-based move for the term end', () => {
    const facts = subscription();
    expect(
      checkTransferEligibility(facts, contoso, {
        ...baseContext,
        kind: 'PARTNER_SWITCH',
        effective: 'AT_TERM_END',
      }),
    ).toEqual({
      subscriptionId: 'sub-1',
      kind: 'PARTNER_SWITCH',
      eligible: true,
      reasons: [],
      scheduleAt: facts.termEnd,
    });
  });

  it('follows the cloud’s licenseTransferPolicy when the context names none', () => {
    // Every cloud is TERM_END_ONLY today (the seed's rule).
    expect(codes(subscription(), switchContext, partner({ cloud: 'GLOBAL' }))).toEqual([
      'LICENSE_TERM_NOT_ENDED',
    ]);
  });

  it('explains the term-end rule in words a partner’s staff understands', () => {
    const [reason] = checkTransferEligibility(subscription(), contoso, {
      ...baseContext,
      kind: 'PARTNER_SWITCH',
    }).reasons;
    expect(reason).toEqual({
      code: 'LICENSE_TERM_NOT_ENDED',
      message:
        'Microsoft 365 E3 is license-based: it can move to another partner only at the end of its term (2026-05-16). Choose "at term end" to schedule the move, or wait until then.',
    });
  });
});

describe('checkTransferEligibility: USAGE_MIGRATION', () => {
  const migrationContext = { kind: 'USAGE_MIGRATION' } as const;

  it.each<[string, SubscriptionFacts, Partial<TransferEligibilityContext>, string[]]>([
    ['migrates Azure bought under an Enterprise Agreement', externalSubscription(), {}, []],
    [
      'migrates Azure bought direct, through Advisor, Open or a third party',
      externalSubscription({ channel: 'THIRD_PARTY' }),
      {},
      [],
    ],
    ['refuses a license-based subscription', eaLicense, {}, ['BILLING_MODEL_MISMATCH']],
    ['refuses a CSP subscription', azureSubscription(), {}, ['CHANNEL_NOT_MIGRATABLE']],
    [
      'refuses a Syndication subscription',
      externalSubscription({ channel: 'SYNDICATION' }),
      {},
      ['CHANNEL_NOT_MIGRATABLE'],
    ],
    [
      'refuses without a relationship',
      externalSubscription(),
      { relationships: [] },
      ['RELATIONSHIP_REQUIRED'],
    ],
    [
      'refuses a partner tenant',
      externalSubscription(),
      { customer: customer({ isPartnerTenant: true }) },
      ['PARTNER_TENANT_NOT_ALLOWED'],
    ],
    ['refuses another cloud', externalSubscription({ cloud: 'GERMANY' }), {}, ['CLOUD_MISMATCH']],
    [
      'refuses a cancelled subscription',
      externalSubscription({ status: 'CANCELLED' }),
      {},
      ['SUBSCRIPTION_NOT_ACTIVE'],
    ],
    [
      'refuses a subscription with no active service left',
      externalSubscription({ services: [{ id: 's', name: 'VMs', status: 'MIGRATED' }] }),
      {},
      ['SERVICE_NOT_ACTIVE'],
    ],
  ])('%s', (_name, facts, context, expected) => {
    expect(codes(facts, { ...migrationContext, ...context })).toEqual(expected);
  });
});

describe('checkTransferEligibility: LICENSE_TRANSITION', () => {
  const transitionContext = { kind: 'LICENSE_TRANSITION' } as const;

  it.each<[string, SubscriptionFacts, Partial<TransferEligibilityContext>, string[]]>([
    ['transitions seats bought under an Enterprise Agreement', eaLicense, {}, []],
    ['refuses a usage-based subscription', externalSubscription(), {}, ['BILLING_MODEL_MISMATCH']],
    ['refuses a CSP subscription', subscription(), {}, ['CHANNEL_NOT_MIGRATABLE']],
    [
      'refuses a subscription already being transitioned',
      { ...eaLicense, isInOpenTransfer: true },
      {},
      ['ALREADY_IN_TRANSFER'],
    ],
    ['refuses without a relationship', eaLicense, { relationships: [] }, ['RELATIONSHIP_REQUIRED']],
    [
      'refuses a subscription whose term end is unknown',
      { ...eaLicense, termEnd: null },
      {},
      ['VALIDATION_FAILED'],
    ],
  ])('%s', (_name, facts, context, expected) => {
    expect(codes(facts, { ...transitionContext, ...context })).toEqual(expected);
  });

  it('always schedules the transition for the source’s term end', () => {
    expect(
      checkTransferEligibility(eaLicense, contoso, { ...baseContext, ...transitionContext })
        .scheduleAt,
    ).toEqual(eaLicense.termEnd);
  });
});

describe('checkTransferEligibility without a kind', () => {
  it.each([
    ['answers for the subscription’s own path', externalSubscription(), 'USAGE_MIGRATION', true],
    [
      'says a Syndication subscription cannot move at all',
      externalSubscription({ channel: 'SYNDICATION' }),
      null,
      false,
    ],
  ])('%s', (_name, facts, kind, eligible) => {
    expect(checkTransferEligibility(facts, contoso, baseContext)).toMatchObject({ kind, eligible });
  });
});

describe('checkTransferCreate', () => {
  const request = (
    input: TransferCreateInput,
    overrides: Partial<Parameters<typeof checkTransferCreate>[0]> = {},
  ) =>
    checkTransferCreate({
      input,
      requester: contoso,
      customer: customer(),
      relationships: [relationship()],
      subscriptions: [],
      now: NOW,
      ...overrides,
    });
  const partnerSwitch = (
    subscriptionIds: string[],
    effective: 'IMMEDIATELY' | 'AT_TERM_END' = 'IMMEDIATELY',
  ): TransferCreateInput => ({
    kind: 'PARTNER_SWITCH',
    customerId: 'adatum',
    subscriptionIds,
    effective,
    indirectProviderId: undefined,
    newSubscription: undefined,
    serviceIds: undefined,
    cancelSource: undefined,
  });

  it('plans a pending partner switch that expires after 30 days', () => {
    const result = request(partnerSwitch(['azure-1']), { subscriptions: [azureSubscription()] });
    expect(result).toMatchObject({
      ok: true,
      kind: 'PARTNER_SWITCH',
      sourcePartnerId: 'tailspin',
      targetPartnerId: 'contoso',
      sourceChannel: 'CSP',
      billingPartnerId: 'contoso',
      status: 'PENDING',
      effectiveAt: null,
      expiresAt: daysFromNow(30),
      lineItems: [{ subscriptionId: 'azure-1', status: 'PENDING', scheduleAt: null }],
    });
  });

  it('schedules each license-based item for its own term end and the transfer for the last', () => {
    const early = subscription({ id: 'early', termStart: daysFromNow(-300) });
    const late = subscription({ id: 'late' });
    const result = request(partnerSwitch(['early', 'late', 'azure-1'], 'AT_TERM_END'), {
      subscriptions: [early, late, azureSubscription()],
    });
    expect(result).toMatchObject({
      ok: true,
      effectiveAt: late.termEnd,
      lineItems: [
        { subscriptionId: 'early', scheduleAt: early.termEnd },
        { subscriptionId: 'late', scheduleAt: late.termEnd },
        { subscriptionId: 'azure-1', scheduleAt: null },
      ],
    });
  });

  it('points each refusal at its subscription and states requester-level reasons once', () => {
    const result = request(partnerSwitch(['azure-1', 'sub-1', 'missing']), {
      relationships: [],
      subscriptions: [azureSubscription(), subscription()],
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map(({ code, field }) => ({ code, field }))).toEqual([
      { code: 'NOT_FOUND', field: ['subscriptionIds', '2'] },
      { code: 'RELATIONSHIP_REQUIRED', field: undefined },
      { code: 'LICENSE_TERM_NOT_ENDED', field: ['subscriptionIds', '1'] },
    ]);
    expect(
      result.eligibility.map(({ subscriptionId, eligible }) => ({ subscriptionId, eligible })),
    ).toEqual([
      { subscriptionId: 'azure-1', eligible: false },
      { subscriptionId: 'sub-1', eligible: false },
    ]);
  });

  it('refuses subscriptions from two source partners, blaming the odd one out', () => {
    const result = request(partnerSwitch(['a', 'b', 'c']), {
      subscriptions: [
        azureSubscription({ id: 'a' }),
        azureSubscription({ id: 'b', sellerPartnerId: 'liberty', billingPartnerId: 'liberty' }),
        azureSubscription({ id: 'c' }),
      ],
    });
    expect(result.ok ? [] : result.errors).toMatchObject([
      { code: 'MIXED_SOURCE_PARTNERS', field: ['subscriptionIds', '1'] },
    ]);
  });

  it('refuses a subscription of another customer', () => {
    const result = request(partnerSwitch(['azure-1']), {
      subscriptions: [azureSubscription({ customerId: 'contoso-tenant' })],
    });
    expect(result.ok ? [] : result.errors).toMatchObject([
      { code: 'VALIDATION_FAILED', field: ['subscriptionIds', '0'] },
    ]);
  });

  const usageMigration = (
    overrides: Partial<Extract<TransferCreateInput, { kind: 'USAGE_MIGRATION' }>> = {},
  ): TransferCreateInput => ({
    kind: 'USAGE_MIGRATION',
    customerId: 'adatum',
    subscriptionIds: ['ea-azure'],
    effective: 'IMMEDIATELY',
    newSubscription: {
      offerId: 'azure-plan',
      term: 'P1M',
      billingCycle: 'MONTHLY',
      autoRenew: true,
      indirectProviderId: undefined,
    },
    serviceIds: ['svc-vm'],
    cancelSource: 'SERVICES',
    indirectProviderId: undefined,
    ...overrides,
  });

  it('completes a usage migration at once into a new CSP subscription sold by the requester', () => {
    const result = request(usageMigration(), {
      subscriptions: [externalSubscription()],
      newOffer: azurePlan,
    });
    expect(result).toMatchObject({
      ok: true,
      status: 'COMPLETED',
      sourcePartnerId: null,
      sourceChannel: 'EA',
      effectiveAt: NOW,
      expiresAt: null,
      lineItems: [{ subscriptionId: 'ea-azure', status: 'COMPLETED', serviceIds: ['svc-vm'] }],
      usageMigration: {
        newSubscription: {
          offerId: 'azure-plan',
          sellerPartnerId: 'contoso',
          billingPartnerId: 'contoso',
          managingPartnerId: 'contoso',
          migratedFromSubscriptionId: 'ea-azure',
          termStart: NOW,
          cancellationAllowedUntil: null,
        },
        migratedServiceIds: ['svc-vm'],
        cancelsSource: false,
      },
    });
  });

  it.each([
    [
      'refuses a service the source does not have',
      usageMigration({ serviceIds: ['svc-none'] }),
      azurePlan,
      [{ code: 'NOT_FOUND', field: ['serviceIds', '0'] }],
    ],
    [
      'refuses a service already cancelled',
      usageMigration({ serviceIds: ['svc-vm', 'svc-old'] }),
      azurePlan,
      [{ code: 'SERVICE_NOT_ACTIVE', field: ['serviceIds', '1'] }],
    ],
    [
      'refuses a license-based offer for the new subscription',
      usageMigration(),
      offer(),
      [{ code: 'BILLING_MODEL_MISMATCH', field: ['newSubscription', 'offerId'] }],
    ],
    [
      'refuses a term the new offer is not sold for',
      usageMigration({
        newSubscription: {
          offerId: 'azure-plan',
          term: 'P1Y',
          billingCycle: 'MONTHLY',
          autoRenew: true,
          indirectProviderId: undefined,
        },
      }),
      azurePlan,
      [{ code: 'VALIDATION_FAILED', field: ['newSubscription', 'term'] }],
    ],
    [
      'refuses an unknown new offer',
      usageMigration(),
      undefined,
      [{ code: 'NOT_FOUND', field: ['newSubscription', 'offerId'] }],
    ],
  ])('%s', (_name, input, newOffer, expected) => {
    const result = request(input, { subscriptions: [externalSubscription()], newOffer });
    expect(result.ok ? [] : result.errors).toMatchObject(expected);
  });

  it('points an indirect reseller’s missing provider at the new subscription of a migration', () => {
    const result = request(usageMigration(), {
      requester: northwind,
      relationships: [relationship({ partnerId: 'northwind' })],
      indirectLinks: [indirectLink()],
      subscriptions: [externalSubscription()],
      newOffer: azurePlan,
    });
    expect(result.ok ? [] : result.errors).toMatchObject([
      { code: 'INDIRECT_LINK_REQUIRED', field: ['newSubscription', 'indirectProviderId'] },
    ]);
  });

  it('bills a migration by an indirect reseller to its provider', () => {
    const result = request(
      usageMigration({
        newSubscription: {
          offerId: 'azure-plan',
          term: 'P1M',
          billingCycle: 'MONTHLY',
          autoRenew: true,
          indirectProviderId: 'fabrikam',
        },
      }),
      {
        requester: northwind,
        relationships: [relationship({ partnerId: 'northwind' })],
        indirectLinks: [indirectLink()],
        subscriptions: [externalSubscription()],
        newOffer: azurePlan,
      },
    );
    expect(result).toMatchObject({
      ok: true,
      billingPartnerId: 'fabrikam',
      usageMigration: {
        newSubscription: { sellerPartnerId: 'northwind', billingPartnerId: 'fabrikam' },
      },
    });
  });

  it('schedules a license transition at term end and turns the source’s auto-renew off', () => {
    const result = request(
      {
        kind: 'LICENSE_TRANSITION',
        customerId: 'adatum',
        subscriptionIds: ['ea-seats'],
        effective: 'AT_TERM_END',
        indirectProviderId: undefined,
        newSubscription: undefined,
        serviceIds: undefined,
        cancelSource: undefined,
      },
      { subscriptions: [eaLicense] },
    );
    expect(result).toMatchObject({
      ok: true,
      status: 'SCHEDULED',
      effectiveAt: eaLicense.termEnd,
      expiresAt: null,
      lineItems: [
        { subscriptionId: 'ea-seats', status: 'SCHEDULED', scheduleAt: eaLicense.termEnd },
      ],
      turnsOffAutoRenewOf: ['ea-seats'],
    });
  });
});
