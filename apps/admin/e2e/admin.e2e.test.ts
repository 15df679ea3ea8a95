/**
 * End-to-end flows of the admin app against the real API and a fresh, seeded PostgreSQL database
 * (see harness.ts). Each main screen is screenshotted into test-artifacts/ and scanned with axe-core.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, seriousViolations, signIn, startWorld } from './harness';
import type { World } from './harness';

let world: World;

beforeAll(async () => {
  world = await startWorld();
}, 180_000);

afterAll(async () => {
  await world?.stop();
}, 60_000);

async function screen(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

async function openCustomer(page: Page, companyName: string) {
  await page.goto('/customers');
  await page.getByRole('searchbox', { name: 'Search customers' }).fill(companyName);
  await page.getByRole('link', { name: companyName, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: companyName }).waitFor();
}

describe('admin app', () => {
  it('signs in and shows the partner, the person and their role', async () => {
    const page = await world.newPage();
    await signIn(page, 'admin@contoso.example');
    const header = page.getByRole('banner');
    await expect.poll(() => header.textContent()).toContain('Contoso Cloud Services');
    expect(await header.textContent()).toContain('Role: Global admin');
    await screen(page, 'customers');
  }, 60_000);

  it('renders every main screen with no serious or critical accessibility violation', async () => {
    const page = await world.newPage();
    await signIn(page, 'admin@contoso.example');
    for (const [path, name] of [
      ['/overview', 'overview'],
      ['/customers/new', 'customer-create'],
      ['/transfers', 'transfers-incoming'],
      ['/transfers?direction=OUTGOING', 'transfers-outgoing'],
      ['/channels', 'channels'],
      ['/partners', 'partners'],
      ['/audit', 'audit'],
      ['/settings', 'settings'],
    ] as const) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await screen(page, name);
    }
    await openCustomer(page, 'Adatum Corporation');
    await screen(page, 'customer-details');
  }, 120_000);

  it('switches to French and remembers the choice', async () => {
    const page = await world.newPage();
    await signIn(page, 'admin@contoso.example');
    await page.getByLabel('Language').selectOption('fr');
    await page.getByRole('link', { name: 'Clients' }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain('Rôle : Administrateur général');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await screen(page, 'customers-fr');
  }, 60_000);

  it('creates an API key, shows it once, and revokes it', async () => {
    const page = await world.newPage();
    await signIn(page, 'admin@contoso.example');
    await page.goto('/settings');
    await page.getByRole('button', { name: 'Create an API key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create an API key' });
    await dialog.getByLabel(/Key name/).fill('E2E integration');
    await dialog.getByRole('button', { name: 'Create key' }).click();
    const secret = await dialog.getByLabel('API key').inputValue();
    expect(secret.length).toBeGreaterThan(10);
    await screen(page, 'api-key-created');
    await dialog.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('row', { name: /E2E integration/ });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => row.textContent()).toContain('Revoked on');
  }, 60_000);

  it('adds a webhook endpoint, shows its secret once, opens its delivery log, then disables and deletes it', async () => {
    const page = await world.newPage();
    await signIn(page, 'admin@contoso.example');
    await page.goto('/settings');
    await page.getByRole('link', { name: 'Manage webhooks' }).click();
    await page.getByRole('button', { name: 'Add an endpoint' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an endpoint' });
    // Nothing in these flows emits this event type, and the endpoint is deleted at the end: nothing is sent.
    await dialog.getByLabel(/Endpoint URL/).fill('https://hooks.example.com/e2e');
    await dialog.getByLabel('indirectLink.accepted').check();
    await dialog.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = await dialog.getByLabel('Signing secret').inputValue();
    expect(secret.length).toBeGreaterThan(10);
    await screen(page, 'webhook-created');
    await dialog.getByRole('link', { name: 'Open its delivery log' }).click();
    await page.getByRole('heading', { level: 1, name: 'https://hooks.example.com/e2e' }).waitFor();
    await page.getByText('Nothing sent yet.').waitFor();
    await screen(page, 'webhook-details');
    await page.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('button', { name: 'Enable' }).waitFor();
    await page.getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog', { name: 'Delete this endpoint?' })
      .getByRole('button', { name: 'Delete endpoint' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    await expect
      .poll(() => page.getByRole('link', { name: 'https://hooks.example.com/e2e' }).count())
      .toBe(0);
  }, 90_000);

  it('sends a relationship request, and the customer’s administrator accepts it on the invitation page', async () => {
    const page = await world.newPage();
    // Tailspin's relationship with Coho Winery ended: it asks again (domain.md §12's demo world).
    await signIn(page, 'admin@tailspin.example');
    await openCustomer(page, 'Coho Winery');
    await page.waitForLoadState('networkidle');
    await page.getByRole('button', { name: 'Request a relationship' }).click();
    await page.waitForLoadState('networkidle');
    const dialog = page.getByRole('dialog', { name: 'Request a reseller relationship' });
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await dialog.getByLabel('Invitation link').or(dialog.getByRole('alert')).first().waitFor();
    expect(await dialog.getByRole('alert').count(), (await dialog.textContent()) ?? '').toBe(0);
    const invitationUrl = await dialog.getByLabel('Invitation link').inputValue();
    expect(invitationUrl).toContain('/invitations/');

    const customer = await world.newPage();
    await customer.goto(invitationUrl.replace(/^https?:\/\/[^/]+/, ''));
    await customer.getByRole('button', { name: 'Accept' }).waitFor();
    await screen(customer, 'invitation');
    await customer.getByRole('button', { name: 'Accept' }).click();
    await customer.getByText('You accepted.', { exact: false }).waitFor();
  }, 90_000);

  it('migrates Adatum’s EA Azure subscription to CSP through the wizard', async () => {
    const page = await world.newPage();
    await signIn(page, 'admin@contoso.example');
    await openCustomer(page, 'Adatum Corporation');
    await page.getByRole('link', { name: 'Start a transfer' }).click();
    await page.getByLabel(/Usage migration/).check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel(/Azure plan · Enterprise Agreement/).check();
    await page.getByRole('group', { name: 'Services to move' }).waitFor();
    await screen(page, 'wizard-usage-migration');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Request the transfer' }).click();
    await page.getByText('Transfer completed.').waitFor();
  }, 90_000);

  it('refuses an immediate license switch with its reason, then schedules it at term end', async () => {
    const page = await world.newPage();
    await signIn(page, 'admin@contoso.example');
    await openCustomer(page, 'Fourth Coffee');
    await page.getByRole('link', { name: 'Start a transfer' }).click();
    await page.getByLabel(/Partner switch/).check();
    await page.getByRole('button', { name: 'Next' }).click();
    const candidate = page.getByRole('listitem').filter({ hasText: 'Microsoft 365 E5' }).first();
    await candidate.getByText('Cannot move').waitFor();
    expect(await candidate.textContent()).toContain('only at the end of its term');
    await screen(page, 'wizard-license-refused');
    await page.getByLabel('At the end of each subscription’s term').check();
    await candidate.getByText('Can move').waitFor();
    await candidate.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Request the transfer' }).click();
    await page.getByText(/Transfer requested|Transfer scheduled/).waitFor();
  }, 90_000);

  it('lets the other partner accept an incoming transfer', async () => {
    const page = await world.newPage();
    await signIn(page, 'admin@tailspin.example');
    await page.goto('/transfers?direction=INCOMING&status=PENDING');
    await page.getByRole('rowheader').first().getByRole('link').click();
    await page.getByRole('button', { name: 'Accept' }).click();
    const dialog = page.getByRole('dialog', { name: 'Accept the transfer' });
    await dialog.getByRole('button', { name: 'Accept' }).click();
    await page
      .getByText(/Completed|Scheduled/)
      .first()
      .waitFor();
    await screen(page, 'transfer-details');
  }, 90_000);

  it('updates an open transfer page live when the transfer is cancelled through the API', async () => {
    const api = async (query: string, variables: Record<string, unknown> = {}) => {
      const response = await fetch(`${world.baseUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer sy_demo_contoso_0001' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data: Record<string, unknown> };
    };
    const listed = await api('{ transfers(direction: OUTGOING, first: 50) { nodes { id status } } }');
    const nodes = (listed.data.transfers as { nodes: { id: string; status: string }[] }).nodes;
    const open = nodes.find((transfer) => transfer.status === 'PENDING' || transfer.status === 'SCHEDULED');
    if (!open) throw new Error('The demo world has no open outgoing transfer of Contoso left');

    const page = await world.newPage();
    await signIn(page, 'admin@contoso.example');
    await page.goto(`/transfers/${encodeURIComponent(open.id)}`);
    await page.getByRole('button', { name: 'Cancel transfer' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();

    const cancelled = await api(
      'mutation ($input: TransferCancelInput!) { transferCancel(input: $input) { transfer { status } userErrors { code } } }',
      { input: { transferId: open.id } },
    );
    expect(cancelled.data.transferCancel).toEqual({ transfer: { status: 'CANCELLED' }, userErrors: [] });

    // No reload: the page hears the change and fetches the transfer again.
    await page.getByText('Cancelled').first().waitFor();
    await page.getByRole('button', { name: 'Cancel transfer' }).waitFor({ state: 'detached' });
  }, 90_000);
});
