import { describe, expect, it } from 'vitest';

import { loginInputSchema, userInviteInputSchema } from './access-inputs.js';
import { customerCreateInputSchema, customerUpdateInputSchema } from './customer-inputs.js';
import {
  countryCodeSchema,
  dateSchema,
  emailSchema,
  partnerNumberSchema,
  primaryDomainSchema,
  quantitySchema,
} from './fields.js';
import { parseInput } from './parse-input.js';
import { relationshipRequestCreateInputSchema } from './relationship-inputs.js';
import {
  subscriptionCreateInputSchema,
  subscriptionRegisterExternalInputSchema,
  subscriptionUpdateInputSchema,
} from './subscription-inputs.js';
import { transferCreateInputSchema } from './transfer-inputs.js';

const accepts = (schema: Parameters<typeof parseInput>[0], value: unknown) => {
  const result = parseInput(schema, value);
  return result.ok ? result.value : undefined;
};
const messages = (schema: Parameters<typeof parseInput>[0], value: unknown) => {
  const result = parseInput(schema, value);
  return result.ok ? [] : result.errors.map((error) => error.message);
};

describe('field schemas', () => {
  it.each([
    ['accepts a 7-digit partner number', partnerNumberSchema, ' 1234567 ', '1234567'],
    ['accepts a 6-digit partner number', partnerNumberSchema, '123456', '123456'],
    ['refuses a 5-digit partner number', partnerNumberSchema, '12345', undefined],
    ['refuses an 8-digit partner number', partnerNumberSchema, '12345678', undefined],
    ['refuses letters in a partner number', partnerNumberSchema, '12345a', undefined],
    [
      'lowercases and trims a primary domain',
      primaryDomainSchema,
      ' Adatum.OnMicrosoft.com ',
      'adatum.onmicrosoft.com',
    ],
    [
      'accepts a custom primary domain',
      primaryDomainSchema,
      'fabrikam-eu.co.uk',
      'fabrikam-eu.co.uk',
    ],
    ['refuses a domain without a dot', primaryDomainSchema, 'adatum', undefined],
    ['refuses a domain with a space', primaryDomainSchema, 'ad atum.com', undefined],
    ['refuses a label starting with a hyphen', primaryDomainSchema, '-adatum.com', undefined],
    ['refuses a numeric top-level domain', primaryDomainSchema, 'adatum.123', undefined],
    ['uppercases a country code', countryCodeSchema, 'de', 'DE'],
    ['refuses UK (the ISO code is GB)', countryCodeSchema, 'UK', undefined],
    ['refuses a three-letter country code', countryCodeSchema, 'USA', undefined],
    ['accepts 1 seat', quantitySchema, 1, 1],
    ['accepts 100,000 seats', quantitySchema, 100_000, 100_000],
    ['refuses 0 seats', quantitySchema, 0, undefined],
    ['refuses 100,001 seats', quantitySchema, 100_001, undefined],
    ['refuses half a seat', quantitySchema, 2.5, undefined],
    ['refuses seats as text', quantitySchema, '3', undefined],
    [
      'lowercases and trims an email',
      emailSchema,
      ' Admin@Contoso.Example ',
      'admin@contoso.example',
    ],
    ['refuses an email without a domain', emailSchema, 'admin@', undefined],
    ['reads a calendar date', dateSchema, '2025-03-01', new Date('2025-03-01T00:00:00Z')],
    [
      'reads a date-time with an offset',
      dateSchema,
      '2025-03-01T09:00:00+01:00',
      new Date('2025-03-01T08:00:00Z'),
    ],
    [
      'keeps a Date',
      dateSchema,
      new Date('2025-03-01T00:00:00Z'),
      new Date('2025-03-01T00:00:00Z'),
    ],
    ['refuses a day that does not exist', dateSchema, '2025-02-30', undefined],
    ['refuses words as a date', dateSchema, 'next Tuesday', undefined],
  ])('%s', (_name, schema, value, expected) => {
    expect(accepts(schema, value)).toEqual(expected);
  });
});

describe('parseInput', () => {
  it('returns the parsed, normalised value', () => {
    expect(
      parseInput(customerCreateInputSchema, {
        companyName: '  Adatum Corporation ',
        primaryDomain: 'ADATUM.onmicrosoft.com',
        country: 'us',
      }),
    ).toEqual({
      ok: true,
      value: {
        companyName: 'Adatum Corporation',
        primaryDomain: 'adatum.onmicrosoft.com',
        country: 'US',
      },
    });
  });

  it('reports every problem as VALIDATION_FAILED with a sentence and the field path', () => {
    expect(
      parseInput(customerCreateInputSchema, {
        companyName: ' ',
        primaryDomain: 'adatum',
        country: 'XX',
        extra: 1,
      }),
    ).toEqual({
      ok: false,
      errors: [
        {
          code: 'VALIDATION_FAILED',
          message: 'Company name cannot be empty.',
          field: ['companyName'],
        },
        {
          code: 'VALIDATION_FAILED',
          message: 'Primary domain must be a domain name like adatum.onmicrosoft.com.',
          field: ['primaryDomain'],
        },
        {
          code: 'VALIDATION_FAILED',
          message: 'Country must be a two-letter ISO 3166 code, e.g. US, GB or DE.',
          field: ['country'],
        },
      ],
    });
  });

  it.each([
    [
      'names a missing field',
      customerCreateInputSchema,
      { primaryDomain: 'a.com', country: 'US' },
      ['Company name is required.'],
    ],
    [
      'names a field of the wrong type',
      subscriptionUpdateInputSchema,
      { subscriptionId: 's', autoRenew: 'yes' },
      ['Auto renew must be true or false.'],
    ],
    [
      'names an over-long field',
      customerCreateInputSchema,
      { companyName: 'x'.repeat(201), primaryDomain: 'a.com', country: 'US' },
      ['Company name must be at most 200 characters.'],
    ],
    [
      'lists the allowed values',
      subscriptionCreateInputSchema,
      { customerId: 'c', offerId: 'o', term: 'P1Y', billingCycle: 'WEEKLY' },
      ['Billing cycle must be one of MONTHLY, ANNUAL or TRIENNIAL.'],
    ],
    [
      'asks for a change when an update changes nothing',
      subscriptionUpdateInputSchema,
      { subscriptionId: 's' },
      ['Change the quantity or auto-renew.'],
    ],
    [
      'refuses a term end before the term start',
      subscriptionRegisterExternalInputSchema,
      {
        customerId: 'c',
        offerId: 'o',
        channel: 'DIRECT',
        externalReference: 'r',
        quantity: 1,
        termStart: '2025-01-01',
        termEnd: '2024-12-31',
      },
      ['Term end must be after term start.'],
    ],
    [
      'refuses a whole input that is not an object',
      customerUpdateInputSchema,
      null,
      ['The input is required.'],
    ],
  ])('%s', (_name, schema, value, expected) => {
    expect(messages(schema, value)).toEqual(expected);
  });

  it('reads null as "not given" and applies the defaults', () => {
    expect(
      accepts(relationshipRequestCreateInputSchema, {
        customerId: 'c',
        delegatedAdmin: null,
        indirectProviderId: null,
        message: '  ',
      }),
    ).toEqual({
      customerId: 'c',
      delegatedAdmin: false,
      indirectProviderId: undefined,
      message: undefined,
    });
    expect(
      accepts(subscriptionCreateInputSchema, {
        customerId: 'c',
        offerId: 'o',
        term: 'P1M',
        billingCycle: 'MONTHLY',
        quantity: null,
      }),
    ).toMatchObject({
      autoRenew: true,
      quantity: undefined,
    });
  });

  it('does not trim or lowercase a password, only the email', () => {
    expect(
      accepts(loginInputSchema, { email: 'ADMIN@contoso.example', password: ' Demo-Password ' }),
    ).toEqual({
      email: 'admin@contoso.example',
      password: ' Demo-Password ',
    });
  });

  it('refuses an unknown role', () => {
    expect(
      parseInput(userInviteInputSchema, { email: 'a@b.example', name: 'A', role: 'ROOT' }),
    ).toMatchObject({ ok: false, errors: [{ field: ['role'] }] });
  });
});

describe('transferCreateInputSchema', () => {
  it.each([
    [
      'defaults a partner switch to IMMEDIATELY',
      { kind: 'PARTNER_SWITCH', customerId: 'c', subscriptionIds: ['s'] },
      { effective: 'IMMEDIATELY' },
    ],
    [
      'defaults a license transition to AT_TERM_END',
      { kind: 'LICENSE_TRANSITION', customerId: 'c', subscriptionIds: ['s'] },
      { effective: 'AT_TERM_END' },
    ],
    [
      'accepts a usage migration with its new subscription, services and cancelSource',
      {
        kind: 'USAGE_MIGRATION',
        customerId: 'c',
        subscriptionIds: ['s'],
        newSubscription: { offerId: 'o', term: 'P1M', billingCycle: 'MONTHLY' },
        serviceIds: ['v1', 'v2'],
        cancelSource: 'ENTIRE',
      },
      { effective: 'IMMEDIATELY', newSubscription: { autoRenew: true }, cancelSource: 'ENTIRE' },
    ],
    [
      'accepts a flat GraphQL input with the other kinds’ fields null',
      {
        kind: 'PARTNER_SWITCH',
        customerId: 'c',
        subscriptionIds: ['s'],
        newSubscription: null,
        serviceIds: null,
        cancelSource: null,
      },
      { kind: 'PARTNER_SWITCH' },
    ],
  ])('%s', (_name, value, expected) => {
    expect(accepts(transferCreateInputSchema, value)).toMatchObject(expected);
  });

  it.each([
    [
      'refuses an unknown kind',
      { kind: 'MERGE', customerId: 'c', subscriptionIds: ['s'] },
      [['kind']],
    ],
    [
      'refuses services on a partner switch rather than ignoring them',
      { kind: 'PARTNER_SWITCH', customerId: 'c', subscriptionIds: ['s'], serviceIds: ['v'] },
      [['serviceIds']],
    ],
    [
      'refuses a license transition that is not at term end',
      {
        kind: 'LICENSE_TRANSITION',
        customerId: 'c',
        subscriptionIds: ['s'],
        effective: 'IMMEDIATELY',
      },
      [['effective']],
    ],
    [
      'refuses a usage migration of two subscriptions',
      {
        kind: 'USAGE_MIGRATION',
        customerId: 'c',
        subscriptionIds: ['s', 't'],
        newSubscription: { offerId: 'o', term: 'P1M', billingCycle: 'MONTHLY' },
        serviceIds: ['v'],
        cancelSource: 'SERVICES',
      },
      [['subscriptionIds']],
    ],
    [
      'refuses a usage migration without its new subscription',
      {
        kind: 'USAGE_MIGRATION',
        customerId: 'c',
        subscriptionIds: ['s'],
        serviceIds: ['v'],
        cancelSource: 'SERVICES',
      },
      [['newSubscription']],
    ],
    [
      'refuses the same subscription twice',
      { kind: 'PARTNER_SWITCH', customerId: 'c', subscriptionIds: ['s', 's'] },
      [['subscriptionIds']],
    ],
    [
      'refuses more than 100 subscriptions',
      {
        kind: 'PARTNER_SWITCH',
        customerId: 'c',
        subscriptionIds: Array.from({ length: 101 }, (_, i) => `s${i}`),
      },
      [['subscriptionIds']],
    ],
  ])('%s', (_name, value, fields) => {
    const result = parseInput(transferCreateInputSchema, value);
    expect(result.ok ? [] : result.errors.map((error) => error.field)).toEqual(fields);
  });
});
