import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './axe.js';

// Two cores shared by several engineers: pages can take more than the default 5 s to settle.
const expect = baseExpect.configure({ timeout: 15_000 });

const api = '/api/v1/coalitions/la-tech';

async function as(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

async function openPipeline(page: Page) {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Talent pipeline' }).click();
  await expect(page).toHaveURL(/\/talent-pipeline$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Talent pipeline' })).toBeVisible();
}

/** The funnel's "Placed" figure, as the page shows it. */
async function placedOnFunnel(page: Page): Promise<number> {
  const card = page.locator('.mantine-Card-root', { has: page.getByText('Placed', { exact: true }) }).first();
  await expect(card).toBeVisible();
  return Number((await card.innerText()).replace(/\D/g, ''));
}

async function studentId(page: Page, q: string): Promise<string> {
  const res = await page.request.get(`${api}/students`, { params: { q } });
  expect(res.status()).toBe(200);
  const [student] = (await res.json()).items;
  return student.id as string;
}

// One journey in steps that share three signed-in people (a step fails, the rest are skipped).
test.describe.configure({ mode: 'serial', timeout: 240_000 });

let coordinator: Page;
let student: Page;
let employer: Page;
let placedBefore = 0;
let sofia = '';
let ethan = '';

test('the Coordinator opens the funnel, the fairness view and the engagement ledger', async ({ browser }) => {
  coordinator = await as(browser, 'coordinator@la-tech.demo');
  await openPipeline(coordinator);
  await expectAccessible(coordinator, 'talent-pipeline hub (Coordinator)');
  await coordinator.getByRole('link', { name: /^Funnel/ }).click();
  await expect(coordinator.getByRole('heading', { level: 1 })).toHaveText('Pipeline funnel');
  placedBefore = await placedOnFunnel(coordinator);
  expect(placedBefore).toBeGreaterThan(0);
  await expect(coordinator.getByRole('img', { name: 'Applications that reached each stage' })).toBeVisible();
  await expectAccessible(coordinator, 'funnel');
  await coordinator.getByRole('button', { name: /Show as table/ }).click();
  await expect(coordinator.getByRole('table', { name: /Applications by stage/ })).toBeVisible();

  await coordinator.goto('/c/la-tech/talent-pipeline/fairness');
  await expect(coordinator.getByRole('heading', { level: 2, name: 'First-generation students' })).toBeVisible();
  await expect(coordinator.getByText('Too few to show').first()).toBeVisible();
  // Low-income applicants of last spring's Disney round were offered less often: bars, labelled, one flagged.
  const lowIncome = coordinator.getByRole('img', { name: 'Selection rate by group: Low-income students' });
  await expect(lowIncome).toBeVisible();
  await expect(lowIncome).toHaveAccessibleDescription(/^Yes \d[\d.]*%; No \d[\d.]*%; .*four-fifths line is at .*Under it: Yes\./);
  const lowIncomeFigure = coordinator.locator('figure', { has: lowIncome });
  expect(await lowIncomeFigure.locator('path.recharts-rectangle').count()).toBeGreaterThanOrEqual(2);
  await expect(lowIncomeFigure.locator('.recharts-label-list')).toContainText('▼');
  const lowIncomeRow = coordinator.getByRole('region', { name: 'Selection rates: Low-income students' }).getByRole('row', { name: /^Yes/ });
  await expect(lowIncomeRow).toContainText('Below four-fifths');
  // First-generation students: bars too, and none under the line.
  const firstGeneration = coordinator.getByRole('img', { name: 'Selection rate by group: First-generation students' });
  await expect(firstGeneration).toHaveAccessibleDescription(/^Yes \d[\d.]*%; No \d[\d.]*%/);
  await expect(firstGeneration).not.toHaveAccessibleDescription(/Under it/);
  expect(await coordinator.locator('figure', { has: firstGeneration }).locator('path.recharts-rectangle').count()).toBeGreaterThanOrEqual(2);
  await expectAccessible(coordinator, 'fairness');
  await coordinator.goto('/c/la-tech/talent-pipeline/engagements');
  await expect(coordinator.getByRole('table', { name: /Employer capacity/ })).toBeVisible();
  await expectAccessible(coordinator, 'engagement ledger');
  // Two students the employer must not see: one who neither applied nor shared, and a minor who shared without a guardian's consent.
  sofia = await studentId(coordinator, 'Ramírez');
  ethan = await studentId(coordinator, 'Ethan');
});

test('a student finds a matching internship and applies', async ({ browser }) => {
  student = await as(browser, 'student@la-tech.demo');
  await openPipeline(student);
  await expectAccessible(student, 'talent-pipeline hub (student)');
  await student.getByRole('link', { name: /^Opportunity board/ }).click();
  await student.getByRole('combobox', { name: 'Kind' }).selectOption('internship');
  await student.getByRole('textbox', { name: 'Skill' }).fill('Python');
  await expect(student.getByRole('link', { name: 'Tech Talent Challenge: software engineering intern' })).toBeVisible();
  await expect(student.getByRole('link', { name: 'Cloud support apprenticeship' })).toHaveCount(0);
  await expectAccessible(student, 'opportunity board');

  await student.goto('/c/la-tech/talent-pipeline');
  await student.getByRole('link', { name: /^My matches/ }).click();
  await expect(student.getByRole('heading', { level: 1 })).toHaveText('My matches');
  const match = student.getByRole('article', { name: 'Tech Talent Challenge: software engineering intern' });
  await expect(match).toContainText(/Score \d+(\.\d)? of 100/);
  await expect(match).toContainText('Python');
  await expectAccessible(student, 'my matches');
  // Reasons come with codes and params: the page says them in Spanish, not in the server's English.
  await student.getByLabel('Language').selectOption('es');
  await expect(match).toContainText(/Tiene \d+ de las \d+ habilidades pedidas: .*Python/);
  await expect(match).toContainText('Cumple los requisitos: abierta a');
  await expect(match).not.toContainText('skills asked for');
  await student.getByLabel('Idioma').selectOption('en');
  await expect(student.locator('html')).toHaveAttribute('lang', 'en');
  await match.getByRole('link', { name: 'Tech Talent Challenge: software engineering intern' }).click();
  await expect(student.getByRole('heading', { level: 1 })).toHaveText('Tech Talent Challenge: software engineering intern');
  const jsonLd = JSON.parse((await student.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd).toMatchObject({ '@type': 'JobPosting', title: 'Tech Talent Challenge: software engineering intern', employmentType: 'INTERN' });
  await expectAccessible(student, 'opportunity page');
  await student.getByLabel('A note to the host (optional)').fill('I have built Python tools for cloud support.');
  await student.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(student.getByText('You applied. Status: Applied.')).toBeVisible();

  await student.goto('/c/la-tech/talent-pipeline/me');
  await expect(student.getByRole('heading', { level: 1 })).toHaveText('My profile');
  await expect(student.getByRole('heading', { name: 'Who may see my profile' })).toBeVisible();
  await expect(student.getByRole('link', { name: 'Download my record' })).toBeVisible();
  await expectAccessible(student, 'my profile');
});

test('the employer moves the application to placed, and sees candidates degree-blind', async ({ browser }) => {
  // Moves are made with a select and a button: no dragging.
  employer = await as(browser, 'employer@la-tech.demo');
  await openPipeline(employer);
  await expectAccessible(employer, 'talent-pipeline hub (employer)');
  await employer.getByRole('link', { name: /^Applicants/ }).click();
  await expect(employer.getByRole('heading', { level: 1 })).toHaveText('Applicant pipeline');
  await expectAccessible(employer, 'applicant pipeline');
  const card = (status: string) =>
    employer.getByRole('region', { name: status }).getByRole('article', { name: 'Luis Hernández, Tech Talent Challenge: software engineering intern' });
  await expect(card('Applied')).toBeVisible();
  for (const [to, column] of [['offered', 'Offered'], ['placed', 'Placed']] as const) {
    const from = employer.getByRole('article', { name: 'Luis Hernández, Tech Talent Challenge: software engineering intern' });
    await from.getByRole('combobox', { name: /Move Luis Hernández/ }).selectOption(to);
    await from.getByRole('button', { name: 'Move Luis Hernández' }).click();
    await expect(card(column)).toBeVisible();
  }
  await expect(card('Placed')).toContainText('Placed: Jordan Rivera');
  await expect(employer.getByRole('status').filter({ hasText: 'Luis Hernández moved to Placed.' })).toBeAttached();

  // Candidates: degree-blind until revealed.
  await employer.getByRole('combobox', { name: 'Opportunity', exact: true }).selectOption({ label: 'Tech Talent Challenge: software engineering intern' });
  await employer.goto(employer.url().replace(/\/pipeline\?opportunityId=([\w-]+)/, '/opportunities/$1/candidates'));
  const candidates = employer.getByRole('table', { name: /Students ranked for/ });
  await expect(candidates.getByRole('link', { name: 'Luis Hernández' })).toBeVisible();
  await expect(candidates.getByRole('columnheader', { name: 'School, graduation year' })).toHaveCount(0);
  await expectAccessible(employer, 'candidates');
  await employer.getByLabel('Show school and graduation year').check();
  await expect(candidates.getByRole('columnheader', { name: 'School, graduation year' })).toBeVisible();
  await expect(candidates.getByRole('row', { name: /Luis Hernández/ })).toContainText('Santa Monica College');
});

test('a student who has not applied or shared, and a minor without a guardian’s consent, are not found by the employer', async () => {
  for (const id of [sofia, ethan]) {
    expect((await employer.request.get(`${api}/students/${id}`)).status()).toBe(404);
    await employer.goto(`/c/la-tech/talent-pipeline/students/${id}`);
    await expect(employer.getByRole('heading', { level: 1 })).toHaveText('Student record not found');
  }
  await expectAccessible(employer, 'student record not found');
});

test('the employer publishes an opportunity that then appears on the board', async () => {
  const title = `Cloud data intern ${Date.now()}`;
  await employer.goto('/c/la-tech/talent-pipeline/opportunities');
  await employer.getByRole('link', { name: 'New opportunity' }).click();
  await expect(employer.getByRole('heading', { level: 1 })).toHaveText('New opportunity');
  await expect(employer.getByRole('textbox', { name: 'Host' })).not.toHaveValue('');
  await employer.getByRole('combobox', { name: 'Kind' }).selectOption('internship');
  await employer.getByRole('textbox', { name: 'Title' }).fill(title);
  await employer.getByRole('textbox', { name: 'Skill 1' }).fill('Python');
  await employer.getByRole('combobox', { name: 'Importance of skill 1' }).selectOption('5');
  await employer.getByRole('checkbox', { name: 'College students' }).check();
  await employer.getByRole('textbox', { name: 'Seats' }).fill('3');
  await employer.getByLabel('Starts on').fill('2027-06-10');
  // The server's check (dates in order) comes back as a 422 and lands on its field.
  await employer.getByLabel('Ends on').fill('2027-06-01');
  await employer.getByRole('button', { name: 'Publish opportunity' }).click();
  await expect(employer.getByLabel('Ends on')).toHaveAttribute('aria-invalid', 'true', { timeout: 20_000 });
  await expect(employer.getByText('It ends before it starts: choose a later end date.')).toBeVisible();
  await expectAccessible(employer, 'new opportunity form with a field error');
  await employer.getByLabel('Ends on').fill('2027-08-20');
  await employer.getByRole('button', { name: 'Publish opportunity' }).click();
  await expect(employer.getByRole('heading', { level: 1 })).toHaveText(title, { timeout: 20_000 });
  await expect(employer.getByRole('row', { name: /^Seats/ })).toContainText('3 of 3 seats left');

  await employer.goto('/c/la-tech/talent-pipeline/opportunities');
  await employer.getByRole('searchbox', { name: 'Search' }).fill(title);
  await expect(employer.getByRole('link', { name: title })).toBeVisible({ timeout: 20_000 });
});

test('the Coordinator’s funnel shows the placement', async () => {
  await coordinator.goto('/c/la-tech/talent-pipeline/funnel');
  await expect.poll(() => placedOnFunnel(coordinator)).toBe(placedBefore + 1);
});

test('the Coordinator records a guardian’s consent for a minor, then revokes it; the employer sees the student only meanwhile', async () => {
  await coordinator.goto(`/c/la-tech/talent-pipeline/students/${ethan}`);
  const consent = coordinator.getByRole('region', { name: 'Guardian’s consent' });
  await expect(consent).toContainText('Minor without a guardian’s consent');
  await consent.getByRole('button', { name: 'Record a guardian’s consent' }).click();
  await consent.getByLabel('Guardian’s name').fill('Grace Kim');
  await consent.getByLabel('Relationship to the student').fill('Mother');
  await consent.getByLabel('How it was given').fill('Signed form');
  await consent.getByRole('button', { name: 'Record consent' }).click();
  await expect(consent).toContainText('Grace Kim consented on', { timeout: 20_000 });
  await expectAccessible(coordinator, 'student profile with a guardian’s consent');
  expect((await employer.request.get(`${api}/students/${ethan}`)).status()).toBe(200);

  await consent.getByRole('button', { name: 'Revoke consent' }).click();
  await coordinator.getByRole('dialog').getByRole('button', { name: 'Revoke consent' }).click();
  await expect(consent).toContainText('Minor without a guardian’s consent', { timeout: 20_000 });
  expect((await employer.request.get(`${api}/students/${ethan}`)).status()).toBe(404);
});
