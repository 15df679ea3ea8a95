import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../../i18n/i18n';
import type { Locale } from '../../../i18n/locales';
import { EligibilityExplanation } from './eligibility-explanation';
import type { EligibilityData } from './eligibility-explanation';

function renderIn(locale: Locale, eligibility: EligibilityData) {
  render(
    <I18nProvider locale={locale}>
      <EligibilityExplanation eligibility={eligibility} />
    </I18nProvider>,
  );
}

const termNotEnded = {
  eligible: false,
  reasons: [
    {
      code: 'LICENSE_TERM_NOT_ENDED',
      message:
        'Microsoft 365 E3 is license-based: it can move to another partner only at the end of its term (Jun 30, 2026). Choose "at term end" to schedule the move, or wait until then.',
    },
    {
      code: 'ALREADY_IN_TRANSFER',
      message: 'Microsoft 365 E3 is already part of an open transfer.',
    },
  ],
};

describe('EligibilityExplanation', () => {
  it('says why a subscription cannot move, with every reason the domain gives', () => {
    renderIn('en', termNotEnded);
    expect(screen.getByText('Cannot move')).toBeTruthy();
    const reasons = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(reasons).toEqual([termNotEnded.reasons[0]?.message, termNotEnded.reasons[1]?.message]);
  });

  it('translates the reasons by code in French', () => {
    renderIn('fr', termNotEnded);
    expect(screen.getByText('Non transférable')).toBeTruthy();
    expect(screen.getAllByRole('listitem')[0]?.textContent).toContain(
      'ne peuvent changer de partenaire qu’à la fin de leur période',
    );
  });

  it('says when an eligible move is scheduled for the term end', () => {
    renderIn('en', { eligible: true, scheduleAt: '2026-06-30T00:00:00.000Z', reasons: [] });
    expect(screen.getByText('Can move')).toBeTruthy();
    expect(screen.getByText('Moves at term end, Jun 30, 2026')).toBeTruthy();
  });
});
