import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ApiKeyForm } from './api-key-form';
import { readStoredApiKey, storeApiKey } from './api-key-storage';

function StatefulForm() {
  const [apiKey, setApiKey] = useState(readStoredApiKey);
  return (
    <ApiKeyForm
      apiKey={apiKey}
      onApiKeyChange={(key) => {
        storeApiKey(key);
        setApiKey(key);
      }}
    />
  );
}

describe('ApiKeyForm', () => {
  it('uses the session until a key is given, then the key, remembered in this browser', async () => {
    render(<StatefulForm />);
    expect(screen.getByRole('status').textContent).toBe('Requests use your admin app session.');

    await userEvent.type(screen.getByLabelText('API key'), 'sy_demo_contoso_0001');
    await userEvent.click(screen.getByRole('button', { name: 'Use key' }));

    expect(screen.getByRole('status').textContent).toBe('Requests use the API key ending in 0001.');
    expect(screen.getByLabelText('API key')).toHaveProperty('value', '');
    expect(readStoredApiKey()).toBe('sy_demo_contoso_0001');
  });

  it('forgets the key', async () => {
    storeApiKey('sy_demo_contoso_0001');
    render(<StatefulForm />);
    await userEvent.click(screen.getByRole('button', { name: 'Forget key' }));
    expect(screen.getByRole('status').textContent).toBe('Requests use your admin app session.');
    expect(readStoredApiKey()).toBeNull();
  });
});
