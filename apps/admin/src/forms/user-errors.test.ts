import { describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n';
import { fieldPath, mapUserErrors } from './user-errors';

const { t } = createI18n('en');
const fr = createI18n('fr').t;

describe('mapUserErrors', () => {
  it('puts each error under the field its path names, without the "input" argument', () => {
    const errors = mapUserErrors(
      [
        {
          code: 'VALIDATION_FAILED',
          message: 'Primary domain must be a domain name.',
          field: ['input', 'primaryDomain'],
        },
        {
          code: 'VALIDATION_FAILED',
          message: 'Country must be a two-letter code.',
          field: ['country'],
        },
      ],
      ['companyName', 'primaryDomain', 'country'],
      t,
    );
    expect(errors.fields).toEqual({
      primaryDomain: 'Primary domain must be a domain name.',
      country: 'Country must be a two-letter code.',
    });
    expect(errors.form).toEqual([]);
  });

  it('matches list items to their list field', () => {
    const errors = mapUserErrors(
      [
        {
          code: 'ALREADY_IN_TRANSFER',
          message: 'Azure plan is already part of an open transfer.',
          field: ['input', 'subscriptionIds', '1'],
        },
      ],
      ['subscriptionIds'],
      t,
    );
    expect(errors.fields.subscriptionIds).toBe(
      'The subscription is already part of an open transfer.',
    );
  });

  it('keeps errors about the whole request, or about fields the form lacks, for the form', () => {
    const errors = mapUserErrors(
      [
        {
          code: 'CLOUD_CLOSED',
          message: 'The Germany cloud accepts no new customers.',
          field: null,
        },
        {
          code: 'VALIDATION_FAILED',
          message: 'Unknown provider.',
          field: ['input', 'indirectProviderId'],
        },
      ],
      ['companyName'],
      t,
    );
    expect(errors.form).toEqual(['This cloud accepts no new customers.', 'Unknown provider.']);
  });

  it('translates known codes and keeps the API sentence for unknown ones', () => {
    const errors = mapUserErrors(
      [
        {
          code: 'MARKET_NOT_SUPPORTED',
          message: 'Contoso does not sell in Japan.',
          field: ['country'],
        },
        { code: 'SOMETHING_NEW', message: 'A rule this app does not know yet.', field: null },
      ],
      ['country'],
      fr,
    );
    expect(errors.fields.country).toBe('Votre organisation ne vend pas dans le pays de ce client.');
    expect(errors.form).toEqual(['A rule this app does not know yet.']);
  });

  it('reads paths with or without the argument name', () => {
    expect(fieldPath(['input', 'quantity'])).toEqual(['quantity']);
    expect(fieldPath(['quantity'])).toEqual(['quantity']);
    expect(fieldPath(null)).toEqual([]);
  });
});
