import { describe, expect, it } from 'vitest';

import type { IndirectLinkStatus } from '../partners.js';
import {
  codesOf,
  contoso,
  fabrikam,
  indirectLink,
  northwind,
  partner,
} from '../testing/factories.js';
import {
  canTransitionIndirectLink,
  checkIndirectLinkAccept,
  checkIndirectLinkInvite,
  checkIndirectLinkTransition,
} from './change-indirect-link.js';
import type { IndirectLinkParty } from './change-indirect-link.js';

describe('canTransitionIndirectLink', () => {
  it.each<[IndirectLinkStatus, IndirectLinkStatus, IndirectLinkParty, boolean]>([
    ['INVITED', 'ACTIVE', 'RESELLER', true],
    ['INVITED', 'ACTIVE', 'PROVIDER', false],
    ['ACTIVE', 'SUSPENDED', 'PROVIDER', true],
    ['ACTIVE', 'SUSPENDED', 'RESELLER', false],
    ['SUSPENDED', 'ACTIVE', 'PROVIDER', true],
    ['ACTIVE', 'REVOKED', 'PROVIDER', true],
    ['SUSPENDED', 'REVOKED', 'PROVIDER', true],
    ['INVITED', 'REVOKED', 'PROVIDER', true],
    ['REVOKED', 'ACTIVE', 'PROVIDER', false],
    ['INVITED', 'SUSPENDED', 'PROVIDER', false],
  ])('%s → %s by the %s is %s', (from, to, by, expected) => {
    expect(canTransitionIndirectLink(from, to, by)).toBe(expected);
  });
});

describe('checkIndirectLinkInvite', () => {
  it.each([
    ['lets a provider invite a reseller in its cloud', fabrikam, northwind, [], []],
    [
      'invites again after a revoked link',
      fabrikam,
      northwind,
      [indirectLink({ status: 'REVOKED' })],
      [],
    ],
    ['refuses an unknown partner number', fabrikam, undefined, [], ['NOT_FOUND']],
    ['refuses a direct provider inviting', contoso, northwind, [], ['PARTNER_KIND_NOT_ALLOWED']],
    [
      'refuses inviting a partner that is not a reseller',
      fabrikam,
      contoso,
      [],
      ['PARTNER_KIND_NOT_ALLOWED'],
    ],
    [
      'refuses a reseller in another cloud',
      fabrikam,
      partner({ id: 'liberty', kind: 'INDIRECT_RESELLER', cloud: 'US_GOVERNMENT' }),
      [],
      ['CLOUD_MISMATCH'],
    ],
    [
      'refuses a second invitation',
      fabrikam,
      northwind,
      [indirectLink({ status: 'INVITED' })],
      ['INDIRECT_LINK_ALREADY_EXISTS'],
    ],
    [
      'refuses a reseller already linked',
      fabrikam,
      northwind,
      [indirectLink({ status: 'SUSPENDED' })],
      ['INDIRECT_LINK_ALREADY_EXISTS'],
    ],
  ])('%s', (_name, provider, reseller, links, expected) => {
    expect(codesOf(checkIndirectLinkInvite({ provider, reseller, links }))).toEqual(expected);
  });
});

describe('checkIndirectLinkTransition / checkIndirectLinkAccept', () => {
  it.each<[string, IndirectLinkStatus, IndirectLinkStatus, string, string[]]>([
    ['the provider suspends an active link', 'ACTIVE', 'SUSPENDED', 'fabrikam', []],
    ['the provider lifts a suspension', 'SUSPENDED', 'ACTIVE', 'fabrikam', []],
    ['the provider revokes a link', 'ACTIVE', 'REVOKED', 'fabrikam', []],
    ['refuses the reseller suspending', 'ACTIVE', 'SUSPENDED', 'northwind', ['FORBIDDEN']],
    ['refuses the reseller revoking', 'ACTIVE', 'REVOKED', 'northwind', ['FORBIDDEN']],
    ['refuses reopening a revoked link', 'REVOKED', 'ACTIVE', 'fabrikam', ['INVALID_TRANSITION']],
    [
      'refuses a move to the status it already has',
      'SUSPENDED',
      'SUSPENDED',
      'fabrikam',
      ['INVALID_TRANSITION'],
    ],
    ['hides the link from other partners', 'ACTIVE', 'SUSPENDED', 'contoso', ['NOT_FOUND']],
  ])('%s', (_name, from, to, actorPartnerId, expected) => {
    expect(
      codesOf(
        checkIndirectLinkTransition({ link: indirectLink({ status: from }), to, actorPartnerId }),
      ),
    ).toEqual(expected);
  });

  it.each<[string, IndirectLinkStatus, string, string[]]>([
    ['the reseller accepts an invitation', 'INVITED', 'northwind', []],
    ['refuses the provider accepting its own invitation', 'INVITED', 'fabrikam', ['FORBIDDEN']],
    [
      'refuses accepting a link that is not invited',
      'SUSPENDED',
      'northwind',
      ['INVALID_TRANSITION'],
    ],
    ['refuses accepting a revoked invitation', 'REVOKED', 'northwind', ['INVALID_TRANSITION']],
  ])('accept: %s', (_name, from, actorPartnerId, expected) => {
    expect(
      codesOf(checkIndirectLinkAccept({ link: indirectLink({ status: from }), actorPartnerId })),
    ).toEqual(expected);
  });

  it('says which party may make the move', () => {
    const result = checkIndirectLinkTransition({
      link: indirectLink(),
      to: 'SUSPENDED',
      actorPartnerId: 'northwind',
    });
    expect(result.ok ? undefined : result.errors[0]?.message).toBe(
      'Only the indirect provider can suspend this link.',
    );
  });
});
