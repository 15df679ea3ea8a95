import { describe, expect, it } from 'vitest';

import type { TransferFacts } from '../facts.js';
import type { TransferStatus } from '../transfers.js';
import { NOW, codesOf, daysFromNow, subscription, transfer } from '../testing/factories.js';
import {
  canTransitionTransfer,
  checkTransferAccept,
  checkTransferCancel,
  checkTransferReject,
  transferAtDeadline,
} from './respond-transfer.js';
import type { TransferActor } from './respond-transfer.js';

const twoItems = transfer({
  lineItems: [
    { id: 'item-1', subscriptionId: 'sub-1', status: 'PENDING', scheduleAt: null },
    { id: 'item-2', subscriptionId: 'sub-2', status: 'PENDING', scheduleAt: daysFromNow(100) },
  ],
});
const current = [subscription(), subscription({ id: 'sub-2' })];

describe('canTransitionTransfer', () => {
  it.each<[TransferStatus, TransferStatus, TransferActor, boolean]>([
    ['PENDING', 'COMPLETED', 'SOURCE', true],
    ['PENDING', 'SCHEDULED', 'SOURCE', true],
    ['PENDING', 'REJECTED', 'SOURCE', true],
    ['PENDING', 'CANCELLED', 'TARGET', true],
    ['SCHEDULED', 'CANCELLED', 'TARGET', true],
    ['PENDING', 'EXPIRED', 'CLOCK', true],
    ['SCHEDULED', 'COMPLETED', 'CLOCK', true],
    ['PENDING', 'COMPLETED', 'TARGET', false],
    ['PENDING', 'REJECTED', 'TARGET', false],
    ['COMPLETED', 'CANCELLED', 'TARGET', false],
    ['REJECTED', 'PENDING', 'SOURCE', false],
  ])('%s → %s by %s is %s', (from, to, by, expected) => {
    expect(canTransitionTransfer(from, to, by)).toBe(expected);
  });
});

describe('checkTransferAccept', () => {
  it.each<[string, TransferFacts, string, string[] | undefined, string[]]>([
    ['the source accepts every line item', twoItems, 'tailspin', undefined, []],
    ['the source keeps one line item back', twoItems, 'tailspin', ['item-1'], []],
    [
      'refuses the target accepting its own request',
      twoItems,
      'contoso',
      undefined,
      ['NOT_TRANSFER_PARTY'],
    ],
    ['hides the transfer from other partners', twoItems, 'liberty', undefined, ['NOT_FOUND']],
    [
      'refuses a transfer already rejected',
      transfer({ status: 'REJECTED' }),
      'tailspin',
      undefined,
      ['TRANSFER_NOT_PENDING'],
    ],
    [
      'refuses a transfer past its 30 days',
      transfer({ expiresAt: daysFromNow(-1) }),
      'tailspin',
      undefined,
      ['TRANSFER_NOT_PENDING'],
    ],
    [
      'refuses a line item the transfer does not have',
      twoItems,
      'tailspin',
      ['item-9'],
      ['NOT_FOUND', 'VALIDATION_FAILED'],
    ],
  ])('%s', (_name, facts, actorPartnerId, lineItemIds, expected) => {
    expect(
      codesOf(
        checkTransferAccept({
          transfer: facts,
          actorPartnerId,
          lineItemIds,
          subscriptions: current,
          now: NOW,
        }),
      ),
    ).toEqual(expected);
  });

  it('refuses a kept subscription that stopped being active, suggesting to deselect it', () => {
    const result = checkTransferAccept({
      transfer: twoItems,
      actorPartnerId: 'tailspin',
      subscriptions: [subscription({ status: 'SUSPENDED' }), subscription({ id: 'sub-2' })],
      now: NOW,
    });
    expect(result.ok ? undefined : result.errors[0]?.message).toBe(
      'Microsoft 365 E3 is suspended now: deselect it to accept the rest.',
    );
  });

  it('completes at once when nothing waits for a date', () => {
    const result = checkTransferAccept({
      transfer: twoItems,
      actorPartnerId: 'tailspin',
      lineItemIds: ['item-1'],
      subscriptions: current,
      now: NOW,
    });
    expect(result).toEqual({
      ok: true,
      status: 'COMPLETED',
      effectiveAt: NOW,
      lineItems: [
        { id: 'item-1', subscriptionId: 'sub-1', status: 'COMPLETED' },
        { id: 'item-2', subscriptionId: 'sub-2', status: 'DESELECTED' },
      ],
    });
  });

  it('schedules when a kept item moves at its term end', () => {
    const result = checkTransferAccept({
      transfer: twoItems,
      actorPartnerId: 'tailspin',
      subscriptions: current,
      now: NOW,
    });
    expect(result).toMatchObject({
      ok: true,
      status: 'SCHEDULED',
      effectiveAt: daysFromNow(100),
      lineItems: [{ status: 'COMPLETED' }, { status: 'SCHEDULED' }],
    });
  });
});

describe('checkTransferReject', () => {
  it.each<[string, TransferFacts, string, string[]]>([
    ['the source rejects a pending transfer', transfer(), 'tailspin', []],
    ['refuses the target rejecting', transfer(), 'contoso', ['NOT_TRANSFER_PARTY']],
    [
      'refuses a scheduled transfer (it was accepted)',
      transfer({ status: 'SCHEDULED' }),
      'tailspin',
      ['TRANSFER_NOT_PENDING'],
    ],
  ])('%s', (_name, facts, actorPartnerId, expected) => {
    expect(codesOf(checkTransferReject({ transfer: facts, actorPartnerId, now: NOW }))).toEqual(
      expected,
    );
  });
});

describe('checkTransferCancel', () => {
  it.each<[string, TransferFacts, string, string[]]>([
    ['the target cancels a pending transfer', transfer(), 'contoso', []],
    ['the target cancels a scheduled transfer', transfer({ status: 'SCHEDULED' }), 'contoso', []],
    [
      'refuses the source cancelling (it rejects instead)',
      transfer(),
      'tailspin',
      ['NOT_TRANSFER_PARTY'],
    ],
    ['hides the transfer from other partners', transfer(), 'liberty', ['NOT_FOUND']],
    [
      'refuses a completed transfer',
      transfer({ status: 'COMPLETED' }),
      'contoso',
      ['TRANSFER_NOT_PENDING'],
    ],
  ])('%s', (_name, facts, actorPartnerId, expected) => {
    expect(codesOf(checkTransferCancel({ transfer: facts, actorPartnerId }))).toEqual(expected);
  });
});

describe('transferAtDeadline', () => {
  const scheduled = (overrides: Partial<TransferFacts> = {}) =>
    transfer({
      status: 'SCHEDULED',
      expiresAt: null,
      lineItems: [
        { id: 'item-1', subscriptionId: 'sub-1', status: 'SCHEDULED', scheduleAt: daysFromNow(-1) },
        { id: 'item-2', subscriptionId: 'sub-2', status: 'SCHEDULED', scheduleAt: daysFromNow(30) },
      ],
      ...overrides,
    });

  it.each([
    ['leaves a pending transfer inside its 30 days', transfer(), { action: 'NONE' }],
    [
      'expires a pending transfer nobody answered',
      transfer({ expiresAt: daysFromNow(-1) }),
      { action: 'EXPIRE', status: 'EXPIRED' },
    ],
    ['leaves a completed transfer alone', transfer({ status: 'COMPLETED' }), { action: 'NONE' }],
  ])('%s', (_name, facts, expected) => {
    expect(transferAtDeadline(facts, current, NOW)).toEqual(expected);
  });

  it('moves the line items whose date has come and keeps the transfer scheduled for the rest', () => {
    expect(transferAtDeadline(scheduled(), current, NOW)).toEqual({
      action: 'ADVANCE',
      lineItems: [{ id: 'item-1', subscriptionId: 'sub-1', status: 'COMPLETED' }],
    });
  });

  it('completes the transfer with its last line item', () => {
    expect(transferAtDeadline(scheduled(), current, daysFromNow(31))).toMatchObject({
      action: 'ADVANCE',
      status: 'COMPLETED',
    });
  });

  it('fails a line item whose subscription was cancelled meanwhile, and the transfer if nothing moved', () => {
    const single = scheduled({
      lineItems: [
        { id: 'item-1', subscriptionId: 'sub-1', status: 'SCHEDULED', scheduleAt: daysFromNow(-1) },
      ],
    });
    expect(transferAtDeadline(single, [subscription({ status: 'CANCELLED' })], NOW)).toEqual({
      action: 'ADVANCE',
      status: 'FAILED',
      lineItems: [
        {
          id: 'item-1',
          subscriptionId: 'sub-1',
          status: 'FAILED',
          failureReason: 'Microsoft 365 E3 is cancelled, so it could not move on 2025-06-15.',
        },
      ],
    });
  });
});
