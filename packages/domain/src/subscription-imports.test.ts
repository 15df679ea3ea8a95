import { describe, expect, it } from 'vitest';

import { checkSubscriptionImportCancel, checkSubscriptionImportStart } from './subscription-imports.js';
import type { SubscriptionImportStatus } from './subscription-imports.js';

const codesOf = (result: { ok: boolean; errors?: { code: string }[] }) => (result.ok ? [] : (result.errors ?? []).map((error) => error.code));

describe('checkSubscriptionImportStart', () => {
  it.each<[string, SubscriptionImportStatus, number, string[]]>([
    ['starts a previewed import with valid rows', 'PREVIEW', 3, []],
    ['refuses a previewed import without a valid row', 'PREVIEW', 0, ['VALIDATION_FAILED']],
    ['refuses starting twice', 'QUEUED', 3, ['INVALID_TRANSITION']],
    ['refuses a running import', 'RUNNING', 3, ['INVALID_TRANSITION']],
    ['refuses a completed import', 'COMPLETED', 3, ['INVALID_TRANSITION']],
    ['refuses a cancelled import', 'CANCELLED', 3, ['INVALID_TRANSITION']],
  ])('%s', (_name, status, validRowCount, codes) => {
    expect(codesOf(checkSubscriptionImportStart({ status, validRowCount }))).toEqual(codes);
  });
});

describe('checkSubscriptionImportCancel', () => {
  it.each<[SubscriptionImportStatus, string[]]>([
    ['PREVIEW', []],
    ['QUEUED', []],
    ['RUNNING', []],
    ['COMPLETED', ['INVALID_TRANSITION']],
    ['CANCELLED', ['INVALID_TRANSITION']],
  ])('%s → %j', (status, codes) => {
    expect(codesOf(checkSubscriptionImportCancel({ status, validRowCount: 1 }))).toEqual(codes);
  });
});
