import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, signIn } from './axe.js';


// The machine is shared: pages may take a while to load under load.
const expect = baseExpect.configure({ timeout: 20_000 });
const IX = '/c/la-tech/information-exchange';
const SKILL = 'Kubernetes';

async function as(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

/** The skill's row of the ranked skills gap on the alignment page: [demand, supply, gap] as numbers. */
async function gapRow(page: Page): Promise<number[] | null> {
  await page.goto(`${IX}/alignment`);
  await expect(page.getByRole('heading', { level: 1, name: 'Skills alignment' })).toBeVisible();
  await page.getByLabel('Only skills employers ask for').uncheck();
  // The search reaches the server after a debounce: wait for its answer, then for the table to settle
  // (the previous rows stay on screen, busy, until the new ones arrive).
  const answered = page.waitForResponse((r) => r.url().includes('/alignment/skills?') && new URL(r.url()).searchParams.get('q') === SKILL && r.ok());
  await page.getByLabel('Search skills').fill(SKILL);
  await answered;
  const table = page.getByRole('table', { name: /Skills ranked by gap/ });
  const none = page.getByText('No skills to show.');
  await expect(table.and(page.locator('[aria-busy="false"]')).or(none)).toBeVisible();
  if (await none.isVisible()) return null;
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: SKILL, exact: true }) });
  if ((await row.count()) === 0) return null;
  const cells = row.getByRole('cell');
  return Promise.all([2, 3, 4].map(async (i) => Number((await cells.nth(i).innerText()).replace(/[^\d-]/g, ''))));
}

test('an employer posts a need, faculty adopt a change that teaches its skill, and the gap closes by the course’s weight', async ({ browser }) => {
  test.setTimeout(180_000);
  const employer = await as(browser, 'employer@la-tech.demo');
  await employer.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: /Information exchange/ }).click();
  await expect(employer.getByRole('heading', { level: 1, name: 'Hiring needs' })).toBeVisible();
  await expect(employer.getByRole('navigation', { name: 'Information exchange sections' }).getByRole('link', { name: 'Hiring needs' })).toHaveAttribute('aria-current', 'page');
  await expectAccessible(employer, 'hiring needs');
  expect(await gapRow(employer)).toBeNull();

  // 1. The employer posts a need with the skill: the gap view changes at once.
  await employer.goto(`${IX}/needs`);
  await employer.getByRole('link', { name: 'Post a hiring need' }).click();
  await employer.getByLabel('Title').fill('Platform Engineer');
  await employer.getByLabel('Occupation (SOC)').fill('15-1252');
  await employer.getByLabel('Positions a year').fill('7');
  await employer.getByRole('combobox', { name: 'Skill 1', exact: true }).fill(SKILL);
  await employer.keyboard.press('Escape');
  await expectAccessible(employer, 'hiring need form');
  await employer.getByRole('button', { name: 'Post the need' }).click();
  await expect(employer.getByRole('heading', { level: 1, name: 'Platform Engineer' })).toBeVisible();
  await expect(employer.getByRole('table', { name: /Skills this need asks for/ })).toContainText(SKILL);
  await expectAccessible(employer, 'hiring need');
  // The needs CSV (the list's own link) holds the new need and its skill.
  await employer.goto(`${IX}/needs`);
  const needsCsv = await employer.request.get((await employer.getByRole('link', { name: 'Download CSV: Hiring needs' }).getAttribute('href'))!);
  expect(needsCsv.headers()['content-disposition']).toContain('hiring-needs.csv');
  expect((await needsCsv.text()).split('\r\n').find((line) => line.includes('Platform Engineer'))).toContain(SKILL);
  await employer.getByRole('table', { name: /Hiring needs:/ }).getByRole('link', { name: 'Platform Engineer' }).first().click();
  await employer.getByRole('link', { name: /Profile of a qualified candidate/ }).click();
  await expect(employer.getByRole('table', { name: /Hard skills/ })).toContainText(SKILL);
  await expectAccessible(employer, 'candidate profile');
  expect(await gapRow(employer)).toEqual([7, 0, 7]);
  await expectAccessible(employer, 'alignment');

  // 2. Faculty propose a change to a course that teaches the skill.
  const educator = await as(browser, 'educator@la-tech.demo');
  await educator.goto(`${IX}/forum`);
  await expectAccessible(educator, 'forum');
  await educator.getByRole('link', { name: 'Propose a curriculum change' }).click();
  const course = educator.getByLabel('Course');
  await expect(course.locator('option', { hasText: 'Full-Stack JavaScript' })).toHaveCount(1);
  await course.selectOption((await course.locator('option', { hasText: 'Full-Stack JavaScript' }).getAttribute('value'))!);
  await educator.getByLabel('Title').fill('Containers and orchestration');
  await educator.getByLabel('Summary').fill('Deploy the capstone on a cluster.');
  await educator.getByRole('combobox', { name: 'Skills added' }).fill(SKILL);
  await educator.getByRole('combobox', { name: 'Skills added' }).press('Enter');
  await educator.keyboard.press('Escape');
  await educator.getByLabel('Target term').fill('Spring 2027');
  await expectAccessible(educator, 'proposal form');
  await educator.getByRole('button', { name: 'Post the proposal' }).click();
  await expect(educator.getByRole('heading', { level: 1, name: 'Containers and orchestration' })).toBeVisible();
  const proposalUrl = educator.url();
  await expectAccessible(educator, 'proposal');

  // 3. The employer hears of it, comments and rates it.
  await employer.goto(`${IX}/forum`);
  await employer.getByRole('link', { name: /“Containers and orchestration” teaches a skill your hiring needs ask for/ }).click();
  await expect(employer.getByRole('heading', { level: 1, name: 'Containers and orchestration' })).toBeVisible();
  await expect(employer.getByRole('heading', { name: 'Official answer' })).toHaveCount(0);
  await employer.getByLabel('Your comment').fill('Exactly what our platform team needs.');
  await employer.getByLabel('Relevance to industry').selectOption('5');
  await employer.getByRole('button', { name: 'Post feedback' }).click();
  await expect(employer.getByText('Exactly what our platform team needs.')).toBeVisible();
  await expectAccessible(employer, 'proposal with feedback');

  // 4. The faculty owner sees the comment, reviews and adopts it with an official answer.
  await educator.goto(`${IX}/forum`);
  await expect(educator.getByRole('link', { name: /commented on “Containers and orchestration”/ })).toBeVisible();
  await educator.goto(proposalUrl);
  await expect(educator.getByText('Exactly what our platform team needs.')).toBeVisible();
  await educator.getByLabel('Move to').selectOption('under_review');
  await educator.getByRole('button', { name: 'Update status' }).click();
  await expect(educator.getByText('Status changed to Under review.')).toBeVisible();
  await educator.getByLabel('Move to').selectOption('adopted');
  await educator.getByRole('textbox', { name: 'Official answer' }).fill('Adopted for Spring 2027.');
  await educator.getByRole('button', { name: 'Update status' }).click();
  await expect(educator.getByText('Status changed to Adopted.')).toBeVisible();
  const history = educator.getByRole('region', { name: 'Status history' }).getByRole('listitem');
  await expect(history).toHaveCount(2);
  await expect(history.nth(0)).toContainText('Open → Under review');
  await expect(history.nth(1)).toContainText('Under review → Adopted');
  await expect(history.nth(1)).toContainText('Adopted for Spring 2027.');
  await expectAccessible(educator, 'adopted proposal');

  // 5. The course now teaches the skill, versioned with the proposal behind it.
  await educator.getByRole('link', { name: /Full-Stack JavaScript/ }).first().click();
  await expect(educator.getByRole('heading', { level: 1 })).toContainText('Full-Stack JavaScript');
  await expect(educator.getByRole('link', { name: SKILL, exact: true }).first()).toBeVisible();
  await expect(educator.getByRole('link', { name: 'Containers and orchestration' })).toBeVisible();
  await expectAccessible(educator, 'course with versions');

  // 6. The gap closed by the course's weight (its students a year).
  const courses = await (await educator.request.get('/api/v1/coalitions/la-tech/courses?q=Full-Stack%20JavaScript')).json();
  const enrollment = courses.items[0].annualEnrollment as number;
  expect(enrollment).toBeGreaterThan(0);
  expect(await gapRow(employer)).toEqual([7, enrollment, 7 - enrollment]);
  // The gap CSV says the same.
  const gapCsv = await employer.request.get((await employer.getByRole('link', { name: 'Download CSV: Skills gap, ranked' }).getAttribute('href'))!);
  expect((await gapCsv.text()).split('\r\n').find((line) => line.split(',')[1] === SKILL)?.split(',').slice(3, 6)).toEqual(['7', String(enrollment), String(7 - enrollment)]);
  await employer.getByRole('table', { name: /Skills ranked by gap/ }).getByRole('link', { name: SKILL, exact: true }).click();
  await expect(employer.getByRole('heading', { level: 1, name: SKILL })).toBeVisible();
  await expect(employer.getByRole('table', { name: /Hiring needs asking for/ })).toContainText('Platform Engineer');
  await expect(employer.getByRole('table', { name: /Courses teaching/ })).toContainText('Containers and orchestration');
  await expectAccessible(employer, 'skill gap drill-down');
});

test('the heat map, programs and points of contact are readable and accessible', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'government@la-tech.demo');
  await page.goto(`${IX}/alignment`);
  const heat = page.getByRole('table', { name: /Skills by institution/ });
  await expect(heat.getByRole('columnheader', { name: 'Pierce College' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Occupations ranked/ }).getByRole('row')).not.toHaveCount(1);
  await page.getByRole('table', { name: /Institutions by share/ }).getByRole('link', { name: 'Pierce College' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pierce College' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Programs, fastest-growing/ })).toBeVisible();
  await expectAccessible(page, 'institution alignment');

  await page.getByRole('navigation', { name: 'Information exchange sections' }).getByRole('link', { name: 'Programs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Programs and courses' })).toBeVisible();
  await page.getByLabel('Award level').selectOption('k12_pathway');
  await expect(page.getByRole('table', { name: /Programs: institution/ }).getByRole('row')).not.toHaveCount(1);
  await expect(page.getByRole('table', { name: /Programs: institution/ })).toContainText('K-12 pathway');
  await expect(page.getByRole('link', { name: 'Download CSV: Programs and courses' })).toHaveAttribute('href', /programs\.csv/);
  await expectAccessible(page, 'programs');
  await page.getByRole('table', { name: /Programs: institution/ }).getByRole('rowheader').first().getByRole('link').click();
  await expect(page.getByRole('heading', { level: 2, name: 'Courses' })).toBeVisible();
  await expectAccessible(page, 'program');

  await page.getByRole('navigation', { name: 'Information exchange sections' }).getByRole('link', { name: 'Points of contact' }).click();
  await expect(page.getByRole('table', { name: /Points of contact by organization/ })).toContainText('Pierce College');
  await expectAccessible(page, 'points of contact');

  await page.getByLabel('Language').selectOption('es');
  await expect(page.getByRole('heading', { level: 1, name: 'Puntos de contacto' })).toBeVisible();
  await expectAccessible(page, 'points of contact in Spanish');
});

test('students cannot post needs or proposals, and another coalition sees none of it', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, 'student@la-tech.demo');
  await page.goto(`${IX}/needs`);
  await expect(page.getByRole('heading', { level: 1, name: 'Hiring needs' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Hiring needs:/ }).getByRole('row')).not.toHaveCount(1);
  await expect(page.getByRole('link', { name: 'Post a hiring need' })).toHaveCount(0);
  await page.goto(`${IX}/forum`);
  await expect(page.getByRole('heading', { level: 1, name: 'Curriculum feedback forum' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Propose a curriculum change' })).toHaveCount(0);
  await page.getByRole('list', { name: 'Curriculum proposals' }).getByRole('link').first().click();
  await expect(page.getByRole('button', { name: 'Follow' }).or(page.getByRole('button', { name: 'Stop following' }))).toBeVisible();
  await expect(page.getByLabel('Your comment')).toHaveCount(0);
  await expectAccessible(page, 'proposal as a student');
  // The forms are not offered by URL either.
  await page.goto(`${IX}/needs/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'Hiring needs' })).toBeVisible();
  await page.goto(`${IX}/forum/new`);
  await expect(page.getByRole('heading', { level: 1, name: 'Curriculum feedback forum' })).toBeVisible();
  // Nor does the API take them from a student's session.
  const api = '/api/v1/coalitions/la-tech';
  const snap = (await (await page.request.get(`${api}/organizations?q=Snap`)).json()).items[0];
  const need = await page.request.post(`${api}/hiring-needs`, { data: { employerId: snap.id, soc: '15-1252', title: 'Student need', positions: 1, skills: ['Rust'], degreeRequired: false } });
  expect(need.status()).toBe(403);
  const proposal = await page.request.post(`${api}/curriculum-proposals`, { data: { title: 'Student proposal', summary: 'No', skillsAdded: ['Rust'], targetTerm: 'Fall 2027' } });
  expect(proposal.status()).toBe(403);

  // A member of another coalition.
  const context = await browser.newContext();
  const other = await context.newPage();
  await other.goto('/sign-up');
  await other.getByLabel('Name').fill('Bay Organizer');
  await other.getByLabel('Email').fill(`bay-${Date.now()}@example.org`);
  await other.getByLabel(/^Password( \*)?$/).fill('a long bay password');
  await other.getByRole('button', { name: 'Create account' }).click();
  await expect(other).not.toHaveURL(/sign-up/);
  const slug = `bay-${Date.now()}`;
  const created = await other.request.post('/api/v1/coalitions', { data: { slug, name: 'Bay Tech', region: 'San Francisco Bay Area' } });
  expect(created.status()).toBe(201);
  for (const url of ['hiring-needs', 'programs', 'curriculum-proposals', 'alignment/skills', 'alignment/heatmap', 'points-of-contact']) {
    expect((await other.request.get(`/api/v1/coalitions/la-tech/${url}`)).status()).toBe(404);
  }
  await other.goto(`${IX}/needs`);
  await expect(other.getByText('Coalition not found')).toBeVisible();
  await other.goto(`/c/${slug}/information-exchange/needs`);
  await expect(other.getByRole('heading', { level: 1, name: 'No hiring needs' }).or(other.getByRole('heading', { name: 'No hiring needs' }))).toBeVisible();
  await other.goto(`/c/${slug}/information-exchange/forum`);
  await expect(other.getByRole('heading', { name: 'No proposals' })).toBeVisible();
  await expectAccessible(other, 'empty forum of another coalition');
});
