import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './axe.js';

/**
 * Issue 10 in the browser: stored text that looks like HTML or script renders as text, the HTML
 * carries the strict CSP, exports neutralise spreadsheet formulas, and the account security page
 * changes a password for real.
 */

const API = '/api/v1/coalitions/la-tech';
const stamp = Date.now().toString(36);

/** Payloads that would run if any page put stored text into the DOM as HTML (or closed a script element). */
const hostile = {
  img: `<img src=x onerror="window.__tbXss='img'">Org ${stamp}`,
  script: `<script>window.__tbXss='script'</script>Opportunity ${stamp}`,
  closeScript: `</script><script>window.__tbXss='json-ld'</script><b id="tb-injected">bold ${stamp}</b>`,
  svg: `<svg onload="window.__tbXss='svg'"></svg><a href="javascript:window.__tbXss='link'">Comment ${stamp}</a>`,
  iframe: `<iframe src="javascript:parent.__tbXss='iframe'"></iframe>Minutes ${stamp}`,
};

/** A write from the signed-in browser (its cookie, our Origin). */
async function send(page: Page, method: 'POST' | 'PATCH', url: string, data: unknown) {
  const res = await page.request.fetch(url, { method, data, headers: { origin: new URL(page.url()).origin } });
  expect(res.status(), `${method} ${url}: ${await res.text()}`).toBeLessThan(300);
  return res.json();
}

/** Nothing ran, no dialog opened, and no element of the payloads made it into the page. */
async function expectInert(page: Page, context: string) {
  expect(await page.evaluate(() => (window as unknown as { __tbXss?: string }).__tbXss), `a payload ran on ${context}`).toBeUndefined();
  const injected = await page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"]').length,
    svg: document.querySelectorAll('svg[onload]').length,
    iframe: document.querySelectorAll('iframe').length,
    bold: document.querySelectorAll('#tb-injected').length,
    javascriptLinks: document.querySelectorAll('a[href^="javascript:"]').length,
    scripts: [...document.querySelectorAll('script')].filter((s) => s.type !== 'application/ld+json' && /__tbXss/.test(s.textContent ?? '')).length,
  }));
  expect(injected, `elements injected on ${context}`).toEqual({ img: 0, svg: 0, iframe: 0, bold: 0, javascriptLinks: 0, scripts: 0 });
}

test('stored text that looks like HTML or script renders as text, under a strict CSP', async ({ page }) => {
  test.setTimeout(240_000);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  // The HTML itself carries the CSP (a deep link too, which the server answers with the app shell).
  for (const path of ['/', '/c/la-tech/organizations']) {
    const response = await page.goto(path);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp, `CSP on ${path}`).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-inline' 'unsafe-eval'");
    expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  }

  await signIn(page, 'coordinator@la-tech.demo');
  const snap = (await (await page.request.get(`${API}/organizations?q=Snap`)).json()).items[0].id as string;
  const organization = await send(page, 'POST', `${API}/organizations`, { name: hostile.img, type: 'nonprofit', description: hostile.script });
  const opportunity = await send(page, 'POST', `${API}/opportunities`, { employerId: snap, kind: 'internship', title: hostile.script, description: hostile.closeScript, skills: ['Python'] });
  // An open proposal: other journeys share this server and may have adopted the newest one.
  const [proposal] = (await (await page.request.get(`${API}/curriculum-proposals?status=open&limit=1`)).json()).items;
  expect(proposal, 'an open curriculum proposal to comment on').toBeTruthy();
  await send(page, 'POST', `${API}/curriculum-proposals/${proposal.id}/comments`, { body: hostile.svg, relevance: 3 });
  const meeting = await send(page, 'POST', `${API}/meetings`, { title: hostile.img, kind: 'working_session', startsAt: '2031-09-01T17:00:00Z', durationMinutes: 60 });
  await send(page, 'PATCH', `${API}/meetings/${meeting.id}`, { minutes: hostile.iframe, description: hostile.closeScript });

  const visits: { path: string; texts: string[] }[] = [
    { path: `/c/la-tech/organizations/${organization.id}`, texts: [hostile.img, hostile.script] },
    { path: `/c/la-tech/talent-pipeline/opportunities/${opportunity.id}`, texts: [hostile.script, hostile.closeScript] },
    { path: `/c/la-tech/information-exchange/forum/${proposal.id}`, texts: [hostile.svg] },
    { path: `/c/la-tech/meetings/${meeting.id}`, texts: [hostile.img, hostile.closeScript] },
  ];
  for (const visit of visits) {
    await page.goto(visit.path);
    for (const text of visit.texts) await expect(page.getByText(text, { exact: false }).first(), `${text} on ${visit.path}`).toBeVisible({ timeout: 20_000 });
    await expectInert(page, visit.path);
  }
  // The directory's search results.
  await page.goto('/c/la-tech/organizations');
  await page.getByLabel('Search organizations').fill(`Org ${stamp}`);
  await expect(page.getByRole('link', { name: hostile.img })).toBeVisible({ timeout: 20_000 });
  await expectInert(page, 'organizations directory');

  // The minutes: shown as text to read (or in the editor the Coordinator may use), never as HTML.
  await page.goto(`/c/la-tech/meetings/${meeting.id}`);
  const minutes = page.getByRole('region', { name: /minutes/i });
  await expect(minutes.getByText(hostile.iframe).or(minutes.locator('textarea')).first()).toBeVisible({ timeout: 20_000 });
  if (await minutes.locator('textarea').count()) await expect(minutes.locator('textarea').first()).toHaveValue(hostile.iframe);
  await expectInert(page, 'meeting minutes');

  // The JSON-LD of the posting keeps the closing tag escaped, so it stays one script of data.
  await page.goto(`/c/la-tech/talent-pipeline/opportunities/${opportunity.id}`);
  await expect(page.getByText(hostile.closeScript).first()).toBeVisible({ timeout: 20_000 });
  const jsonLd = page.getByTestId('job-posting-jsonld');
  await expect(jsonLd).toHaveCount(1);
  expect(JSON.parse((await jsonLd.textContent()) ?? '{}').description).toContain(hostile.closeScript);
  await expectInert(page, 'opportunity with JSON-LD');

  expect(dialogs, 'no alert/confirm/prompt opened').toEqual([]);
});

/** Waits for an import to finish and returns its final state. */
async function importDone(request: APIRequestContext, id: string) {
  let state: { status: string; errors: unknown[] } = { status: 'queued', errors: [] };
  await expect
    .poll(async () => {
      state = await (await request.get(`${API}/imports/${id}`)).json();
      return state.status;
    }, { timeout: 60_000 })
    .toMatch(/succeeded|failed/);
  return state;
}

test('a formula imported from a CSV comes back neutralised in the export', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, 'coordinator@la-tech.demo');
  const title = `=HYPERLINK("http://evil.example","Open ${stamp}")`;
  const csv = `external_id,employer,kind,title,skills,starts_on,ends_on,seats\nxss-${stamp},Snap Inc.,internship,"${title.replaceAll('"', '""')}",Python,2031-06-01,2031-08-31,2\n`;
  const started = await page.request.post(`${API}/imports/opportunities`, { data: csv, headers: { 'content-type': 'text/csv', origin: new URL(page.url()).origin } });
  expect(started.status(), await started.text()).toBe(202);
  const state = await importDone(page.request, (await started.json()).id);
  expect(state).toMatchObject({ status: 'succeeded', errors: [] });

  // Stored as typed (it is the employer's text), shown as text, exported with a leading apostrophe.
  const stored = (await (await page.request.get(`${API}/opportunities?q=${encodeURIComponent(`xss-${stamp}`)}`)).json()).items;
  expect(stored.map((o: { title: string }) => o.title)).toEqual([title]);
  const exported = await (await page.request.get(`${API}/opportunities.csv`)).text();
  const line = exported.split(/\r?\n/).find((l) => l.includes(`Open ${stamp}`)) ?? '';
  expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""Open ${stamp}"")"`);
  expect(line).not.toMatch(/(^|,)"?=HYPERLINK/);
});

test('a member changes their password on the account security page; the old one stops working', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const email = `security-${stamp}@example.org`;
  const oldPassword = 'first passphrase for e2e';
  const newPassword = 'second passphrase for e2e';
  await page.goto('/sign-in');
  const origin = new URL(page.url()).origin;
  const signUp = await page.request.post('/api/v1/auth/sign-up', { data: { name: 'Sam Security', email, password: oldPassword }, headers: { origin } });
  expect(signUp.status(), await signUp.text()).toBe(201);
  // A second device, signed in as the same person.
  const other = await browser.newContext({ baseURL: origin });
  expect((await other.request.post('/api/v1/auth/sign-in', { data: { email, password: oldPassword }, headers: { origin } })).status()).toBe(200);

  await page.goto('/');
  await page.getByRole('button', { name: 'Sam Security' }).click();
  await page.getByRole('menuitem', { name: 'Account security' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Account security' })).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, 'account security');

  const passwordSection = page.getByRole('region', { name: 'Change your password' });
  // A wrong current password: refused, nothing changes.
  await passwordSection.getByLabel('Current password').fill('not my password at all');
  await passwordSection.getByLabel(/^New password(\s*\*)?$/).fill(newPassword);
  await passwordSection.getByLabel('New password again').fill(newPassword);
  await passwordSection.getByRole('button', { name: 'Change password' }).click();
  await expect(passwordSection.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true', { timeout: 20_000 });
  await expectAccessible(page, 'account security with an error');
  // Mismatched confirmation: caught before sending.
  await passwordSection.getByLabel('Current password').fill(oldPassword);
  await passwordSection.getByLabel('New password again').fill(`${newPassword}!`);
  await passwordSection.getByRole('button', { name: 'Change password' }).click();
  await expect(passwordSection.getByText('The two new passwords are not the same')).toBeVisible();
  await passwordSection.getByLabel('New password again').fill(newPassword);
  await passwordSection.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText('Your password is changed.')).toBeVisible({ timeout: 20_000 });

  // This browser stays signed in; the other device was signed out.
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(200);
  expect((await other.request.get('/api/v1/auth/me')).status()).toBe(401);
  await other.close();

  // The e-mail change only sends a link; the address stays until it is opened.
  const emailSection = page.getByRole('region', { name: 'Change your e-mail address' });
  await emailSection.getByLabel('New e-mail address').fill(`moved-${stamp}@example.org`);
  await emailSection.getByLabel('Current password').fill(newPassword);
  await emailSection.getByRole('button', { name: 'Send the confirmation link' }).click();
  await expect(page.getByText(`We sent a link to moved-${stamp}@example.org`)).toBeVisible({ timeout: 20_000 });
  expect((await (await page.request.get('/api/v1/auth/me')).json()).user.email).toBe(email);

  const sessions = page.getByRole('region', { name: 'Other sessions' });
  await sessions.getByRole('button', { name: 'Sign out everywhere else' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Sign out everywhere else' }).click();
  await expect(page.getByText('There was no other session to sign out.')).toBeVisible({ timeout: 20_000 });

  // Sign out; the old password fails, the new one works.
  await page.getByRole('button', { name: 'Sam Security' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/sign-in/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(oldPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('The email or password is incorrect.')).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/sign-in/);
  await signIn(page, email, newPassword);
  expect((await page.request.get('/api/v1/auth/me')).status()).toBe(200);

  // Spanish: the same page, translated and accessible.
  await page.goto('/account/security');
  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { level: 1, name: 'Seguridad de la cuenta' })).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, 'account security in Spanish');
});
