import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BarChart } from './bar-chart';

describe('BarChart', () => {
  const data = [
    {
      key: 'csp',
      label: 'CSP',
      value: 40,
      formattedValue: '40',
      href: '/subscriptions?channel=CSP',
    },
    { key: 'ea', label: 'EA', value: 10, formattedValue: '10' },
  ];

  it('gives the numbers as a named list, each linking where it says', () => {
    render(<BarChart title="Subscriptions by channel" data={data} />);
    const list = screen.getByRole('list', { name: 'Subscriptions by channel' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['CSP 40', 'EA 10']);
    expect(within(list).getByRole('link', { name: 'CSP 40' }).getAttribute('href')).toBe(
      '/subscriptions?channel=CSP',
    );
  });

  it('draws bars proportional to the largest value, hidden from assistive technology', () => {
    const { container } = render(<BarChart title="By channel" data={data} />);
    const svg = container.querySelector('svg');
    expect(svg?.getAttribute('aria-hidden')).toBe('true');
    const widths = [...container.querySelectorAll('rect')].map((rect) =>
      rect.getAttribute('width'),
    );
    expect(widths).toEqual(['100', '25']);
  });
});
