/**
 * The API Explorer in a real browser (Debian's Chromium driven by playwright-core): the page lists every
 * served endpoint, finds one by search, logs in with DirectLogin, runs calls with try-it and logs out.
 * Screenshots go to test-artifacts/explorer/. Runs in the sqlite project only (the page is the same on
 * both stores).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allEndpoints } from '../../src/api/index.js';
import { exampleCustomerRequest } from '../../src/api/customers/customer-json.js';
import { demoCredentials } from '../../src/bootstrap.js';
import { catalogueMessage } from '../../src/errors/obp-error.js';
import { servedVersion, versionRouteTable } from '../../src/http/route-table.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const chromiumPath = '/usr/bin/chromium';
const artifacts = join(import.meta.dirname, '../../test-artifacts/explorer');
const [alice, bob] = demoCredentials.users as [{ username: string; password: string }, { username: string; password: string }];
const bankId = 'obp-bank-x-gh';

let server: TestServer;
let browser: BrowserContext;
let profile: string;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: apt-get install -y chromium (.ci/run does it)`);
  server = await startTestServer({ OBP_DEMO: 'true' });
  profile = mkdtempSync(join(tmpdir(), 'obp-chromium-'));
  mkdirSync(artifacts, { recursive: true });
  // a fresh profile of its own (playwright passes it as --user-data-dir)
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    // this machine's network refuses Chromium's own background connections: ask for none
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  page = await browser.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => pageErrors.push(err.message));
  page.on('console', (message) => {
    // failed calls made by try-it are logged by the browser too; anything else (a CSP refusal) is a fault
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function search(text: string): Promise<void> {
  await page.fill('#search', text);
}

/** Opens the panel of an operation (found by search) and answers its locator. */
async function open(operationId: string, searchText: string) {
  await search(searchText);
  const panel = page.locator(`details[data-operation-id="${operationId}"]`);
  await panel.locator('summary').click();
  await panel.locator('.panel-body').waitFor();
  return panel;
}

async function send(panel: ReturnType<Page['locator']>, expectedStatus: number) {
  await panel.locator('form.try-it button[type="submit"]').click();
  await expect.poll(() => panel.getByTestId('response-status').textContent()).toMatch(new RegExp(`^${expectedStatus} `));
  return JSON.parse((await panel.getByTestId('response-body').textContent()) ?? '') as unknown;
}

async function logIn(user: { username: string; password: string }): Promise<void> {
  await page.fill('#username', user.username);
  await page.fill('#password', user.password);
  await page.click('#login button[type="submit"]');
  await page.locator('#logged-in-as', { hasText: `Logged in as ${user.username}` }).waitFor();
}

describe('API Explorer', () => {
  it('lists, searches, logs in, tries calls and logs out', { timeout: 90_000 }, async () => {
    // a customer of alice, so that her customer list is not empty
    const aliceToken = await server.login(alice.username, alice.password);
    const aliceId = (await server.call('GET', '/obp/v2.1.0/users/current', { token: aliceToken })).body.user_id as string;
    const clerk = await server.user({
      roles: [
        ['CanCreateCustomer', bankId],
        ['CanCreateUserCustomerLink', bankId],
      ],
    });
    const created = await server.call('POST', `/obp/v2.1.0/banks/${bankId}/customers`, {
      token: clerk.token,
      body: { ...exampleCustomerRequest, user_id: aliceId, customer_number: 'alice-0001', legal_name: 'Alice Demo' },
    });
    expect(created.status).toBe(201);

    const response = await page.goto(`${server.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    await page.locator('body[data-ready="true"]').waitFor();

    // the page shows exactly the declared operations of the version, each under its verb and path
    // (the same check as test/http/docs-coverage.test.ts makes of the resource docs, Swagger and OpenAPI)
    const table = versionRouteTable(allEndpoints, servedVersion);
    const declared = table.length;
    await expect.poll(() => page.textContent('#api-count')).toBe(`${servedVersion} (${declared} APIs)`);
    const shown = await page
      .locator('details.endpoint')
      .evaluateAll((panels) =>
        panels.map(
          (p) => `${p.dataset.operationId} ${p.querySelector('.verb')?.textContent} ${p.querySelector('.path')?.textContent}`,
        ),
      );
    expect(shown.sort()).toEqual(table.map((e) => `${e.operationId} ${e.verb} /obp/${servedVersion}${e.path}`).sort());
    await page.screenshot({ path: join(artifacts, '1-overview.png') });

    // Create Customer: roles (with "log in to see") and every possible error with its full text
    const createCustomer = await open('OBPv2.1.0-createCustomer', 'Create Customer');
    await expect.poll(() => page.locator('details.endpoint:not([hidden])').count()).toBeLessThan(declared);
    const roles = createCustomer.locator('ul.roles');
    for (const role of ['CanCreateCustomer', 'CanCreateUserCustomerLink', 'CanCreateCustomerAtAnyBank']) {
      await expect.poll(() => roles.textContent()).toContain(role);
    }
    expect(await roles.textContent()).toContain('log in to see whether you hold it');
    const errors = await createCustomer.locator('ul.errors').textContent();
    for (const code of ['OBP-20001', 'OBP-20006', 'OBP-30001', 'OBP-30006'] as const)
      expect(errors).toContain(catalogueMessage(code));
    expect(await createCustomer.textContent()).toContain(
      'Implemented in OBPv2.1.0 by createCustomer, operation_id: OBPv2.1.0-createCustomer',
    );
    expect(await createCustomer.locator('.auth').textContent()).toBe('Authentication is Mandatory');
    await createCustomer.screenshot({ path: join(artifacts, '2-create-customer.png') });

    // a wrong password is refused with OBP's text
    await page.fill('#username', alice.username);
    await page.fill('#password', 'not-her-password');
    await page.click('#login button[type="submit"]');
    await expect.poll(() => page.textContent('#login-error')).toBe(catalogueMessage('OBP-20004'));

    // log in: the role list now says what alice holds
    await logIn(alice);
    await expect.poll(() => roles.locator('.role-status.missing').count()).toBe(4);

    const getBanks = await open('OBPv1.2.1-getBanks', 'Get Banks');
    const banks = (await send(getBanks, 200)) as { banks: { id: string }[] };
    expect(banks.banks.map((b) => b.id)).toContain(bankId);

    const customers = await open('OBPv2.1.0-getCustomersForCurrentUserAtBank', 'Get Customers for current User at Bank');
    expect(await customers.locator('input[name="BANK_ID"]').inputValue()).toBe(bankId);
    const list = (await send(customers, 200)) as { customers: { customer_number: string }[] };
    expect(list.customers.map((c) => c.customer_number)).toEqual(['alice-0001']);
    await customers.screenshot({ path: join(artifacts, '3-try-it-customers.png') });

    // log out: the token is revoked, a role-protected call is anonymous again
    await page.click('#logout');
    await page.locator('#login').waitFor();
    const getUsers = await open('OBPv2.1.0-getUsers', 'Get all Users');
    expect(((await send(getUsers, 401)) as { message: string }).message).toBe(catalogueMessage('OBP-20001'));

    // a logged-in user without the role gets OBP-20006
    await logIn(bob);
    await expect.poll(() => getUsers.locator('.role-status').first().textContent()).toContain('you do not hold it');
    expect(((await send(getUsers, 403)) as { message: string }).message).toContain('OBP-20006');
    await getUsers.screenshot({ path: join(artifacts, '4-missing-role.png') });

    expect(pageErrors).toEqual([]);
  });

  it('fits a phone-width screen and works from the keyboard', async () => {
    const phone = await browser.newPage();
    await phone.setViewportSize({ width: 375, height: 740 });
    await phone.goto(`${server.url}/explorer`);
    await phone.locator('body[data-ready="true"]').waitFor();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await phone.screenshot({ path: join(artifacts, '5-phone.png') });

    // search, Tab to the first match, Enter opens it; Enter on its send button runs it
    await phone.focus('#search');
    await phone.keyboard.type('OBPv1.2.1-getBanks');
    await phone.keyboard.press('Tab');
    await phone.keyboard.press('Enter');
    const panel = phone.locator('details[data-operation-id="OBPv1.2.1-getBanks"]');
    await panel.locator('.panel-body').waitFor();
    await panel.locator('form.try-it button[type="submit"]').focus();
    await phone.keyboard.press('Enter');
    await expect.poll(() => panel.getByTestId('response-status').textContent()).toMatch(/^200 /);
    await panel.screenshot({ path: join(artifacts, '6-phone-get-banks.png') });

    // a link to a panel opens it
    await phone.goto(`${server.url}/#op-OBPv2_1_0-createCustomer`);
    await phone.locator('details[data-operation-id="OBPv2.1.0-createCustomer"][open] .panel-body').waitFor();
    await phone.close();
  });
});
