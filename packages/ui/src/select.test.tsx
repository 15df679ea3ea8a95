import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Select } from './select';

const clouds = [
  { value: 'GLOBAL', label: 'Global' },
  { value: 'GERMANY', label: 'Germany', isDisabled: true },
];

describe('Select', () => {
  it('labels its options and reports the chosen value', async () => {
    const onChange = vi.fn();
    render(
      <Select
        label="Cloud"
        options={clouds}
        placeholder="Any cloud"
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />,
    );
    const select = screen.getByRole('combobox', { name: 'Cloud' });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Any cloud',
      'Global',
      'Germany',
    ]);
    await userEvent.selectOptions(select, 'GLOBAL');
    expect(onChange).toHaveBeenCalledWith('GLOBAL');
  });

  it('disables options marked disabled', () => {
    render(<Select label="Cloud" options={clouds} />);
    expect(screen.getByRole('option', { name: 'Germany' })).toHaveProperty('disabled', true);
  });

  it('shows its error and marks itself invalid', () => {
    render(<Select label="Cloud" options={clouds} error="Choose a cloud." />);
    const select = screen.getByRole('combobox', { name: 'Cloud' });
    expect(select.getAttribute('aria-invalid')).toBe('true');
    expect(
      document.getElementById(select.getAttribute('aria-describedby') ?? '')?.textContent,
    ).toBe('Choose a cloud.');
  });
});
