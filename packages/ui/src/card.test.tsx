import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Card } from './card';

describe('Card', () => {
  it('is a region named by its heading', () => {
    render(
      <Card title="Profile" headingLevel={3}>
        content
      </Card>,
    );
    expect(screen.getByRole('region', { name: 'Profile' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Profile' })).toBeTruthy();
  });

  it('is a plain section without a title', () => {
    render(<Card>content</Card>);
    expect(screen.queryByRole('heading')).toBeNull();
  });
});
