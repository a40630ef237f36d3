import { expect as baseExpect, test } from '@playwright/test';
import { expectAccessible, signIn } from './axe.js';

// Pages load lazily, chunk by chunk: on a busy shared machine a first visit can take several seconds.
const expect = baseExpect.configure({ timeout: 20_000 });

// Dates after everything the demo seed plans, so this initiative's chain decides when the plan
// finishes: its three tasks are the critical path.
const START = '2030-09-02';

test('the Coordinator creates an initiative, plans three dependent tasks, sees the critical path, records a cost and a risk, and exports the status report', async ({ page }) => {
  // A long journey (eleven pages and forms) on a shared, busy machine.
  test.setTimeout(300_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await signIn(page, 'coordinator@la-tech.demo');
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Initiatives' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Initiatives' })).toBeVisible();
  await expect(page.getByRole('table', { name: /Initiatives with category/ })).toBeVisible();
  await expectAccessible(page, 'initiatives list');

  // Create the initiative.
  await page.getByRole('link', { name: 'Add initiative' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an initiative' })).toBeVisible();
  await expectAccessible(page, 'new initiative form');
  await page.getByRole('button', { name: 'Save initiative' }).click();
  await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Title').fill('Faculty externships, summer 2030');
  await page.getByRole('combobox', { name: 'Category', exact: true }).selectOption({ label: 'Faculty education' });
  await page.getByLabel('Status').selectOption({ label: 'Planned' });
  await page.getByRole('checkbox', { name: 'Talent pipeline' }).check();
  await page.getByRole('checkbox', { name: '#5 Develop detailed action plans' }).check();
  await page.getByRole('button', { name: 'Save initiative' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Faculty externships, summer 2030' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Initiative added.' })).toBeVisible();
  await expectAccessible(page, 'initiative page');

  // Three tasks, each waiting for the one before (finish-to-start).
  const taskForm = page.getByRole('form', { name: 'Add a task or milestone' });
  const addTask = async (name: string, days: string, after?: string) => {
    await taskForm.getByRole('textbox', { name: 'Task', exact: true }).fill(name);
    await taskForm.getByLabel('Start no earlier than').fill(START);
    await taskForm.getByLabel('Duration (days)').fill(days);
    if (after) await taskForm.getByRole('checkbox', { name: after }).check();
    await taskForm.getByRole('button', { name: 'Add task' }).click();
    await expect(page.getByRole('table', { name: /Tasks and milestones/ }).getByRole('rowheader', { name: new RegExp(name) })).toBeVisible();
  };
  await addTask('Recruit host employers', '10');
  await addTask('Match faculty to hosts', '5', 'Recruit host employers');
  await addTask('Run the externships', '20', 'Match faculty to hosts');
  const plan = page.getByRole('table', { name: /Tasks and milestones/ });
  await expect(plan.getByRole('row', { name: /Run the externships/ })).toContainText('Match faculty to hosts');
  // Scheduled after its predecessors: 2 Sep + 10 days + 5 days → starts 17 Sep.
  await expect(plan.getByRole('row', { name: /Run the externships/ })).toContainText('Sep 17, 2030');

  // A change that closes a cycle is refused, and the 422 names the cycle.
  await plan.getByRole('button', { name: 'Edit Recruit host employers' }).click();
  const editForm = page.getByRole('form', { name: 'Edit Recruit host employers' });
  await editForm.getByRole('checkbox', { name: 'Run the externships' }).check();
  await editForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(editForm.getByRole('alert').first()).toContainText('cycle');
  await expect(editForm.getByRole('alert').first()).toContainText('Run the externships');
  await editForm.getByRole('button', { name: 'Cancel' }).click();

  // The critical path on the Gantt chart.
  await page.getByRole('link', { name: 'Show on the Gantt chart' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Master plan' })).toBeVisible();
  const chart = page.getByRole('group', { name: 'Gantt chart of the master plan' });
  await expect(chart).toBeVisible();
  for (const name of ['Recruit host employers', 'Match faculty to hosts', 'Run the externships']) {
    await expect(chart.getByRole('img', { name: new RegExp(`^${name}\\..*Critical`) })).toBeVisible();
  }
  await expect(chart.locator('[data-critical]')).toHaveCount(3);
  // Keyboard: one tab stop, arrows move between bars and read each one out.
  await chart.getByRole('img', { name: /^Recruit host employers/ }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('status').filter({ hasText: /^Match faculty to hosts\./ })).toBeVisible();
  await expectAccessible(page, 'master plan (Gantt chart)');
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect(page.getByRole('table', { name: /The master plan/ }).getByRole('row', { name: /Run the externships/ })).toContainText('Critical');
  await expectAccessible(page, 'master plan (table)');

  // Record a cost and a risk on the initiative.
  await page.getByRole('navigation', { name: 'Initiatives sections' }).getByRole('link', { name: 'Initiatives' }).click();
  await page.getByRole('link', { name: 'Faculty externships, summer 2030' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Faculty externships, summer 2030' })).toBeVisible();
  const costForm = page.getByRole('form', { name: 'Add cost' });
  await costForm.getByLabel('Cost category').selectOption({ label: 'Stipend' });
  await costForm.getByLabel('Description').fill('Faculty stipends');
  await costForm.getByLabel('Budget (US$)').fill('12,000');
  await costForm.getByLabel('Actual (US$)').fill('11500');
  await costForm.getByRole('button', { name: 'Add cost' }).click();
  const costs = page.getByRole('table', { name: 'Budget lines with their actual cost' });
  await expect(costs.getByRole('row', { name: /Faculty stipends/ })).toContainText('$12,000');
  await expect(costs.getByRole('row', { name: /Faculty stipends/ })).toContainText('$11,500');

  const riskForm = page.getByRole('form', { name: 'Register a risk' });
  await riskForm.getByRole('textbox', { name: 'Risk', exact: true }).fill('Host employers withdraw');
  await riskForm.getByLabel('Likelihood').selectOption({ label: '4 – likely' });
  await riskForm.getByLabel('Impact', { exact: true }).selectOption({ label: '4 – major' });
  await riskForm.getByRole('checkbox', { name: 'Run the externships' }).check();
  await riskForm.getByRole('button', { name: 'Register risk' }).click();
  const risks = page.getByRole('table', { name: 'Risks to this initiative' });
  await expect(risks.getByRole('row', { name: /Host employers withdraw/ })).toContainText('16 (4 × 4)');
  await expect(risks.getByRole('row', { name: /Host employers withdraw/ })).toContainText('Run the externships');
  // A high risk marks the task it threatens as at risk.
  await expect(page.getByRole('table', { name: /Tasks and milestones/ }).getByRole('row', { name: /Run the externships/ })).toContainText('At risk');
  await expectAccessible(page, 'initiative page with a cost and a risk');

  // The risk register with its heat map, and the funding overview.
  const sections = page.getByRole('navigation', { name: 'Initiatives sections' });
  await sections.getByRole('link', { name: 'Risks' }).click();
  await expect(page.getByRole('table', { name: /Open risks by likelihood and impact/ }).getByRole('cell', { name: /score 16, High/ })).toContainText(/[1-9]/);
  await expectAccessible(page, 'risk register');
  await sections.getByRole('link', { name: 'Resources and funding' }).click();
  await expect(page.getByRole('table', { name: /per initiative/ }).getByRole('row', { name: /Faculty externships, summer 2030/ })).toContainText('$11,500');
  await expectAccessible(page, 'funding');

  // The status report, exported.
  await sections.getByRole('link', { name: 'Status report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Status report' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Status of each initiative' }).getByRole('row', { name: /Faculty externships, summer 2030/ })).toContainText('$12,000');
  await expectAccessible(page, 'status report');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^status-report-\d{4}-\d{2}-\d{2}\.csv$/);
  const csvUrl = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  const csv = await page.request.get(csvUrl!);
  expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  expect(await csv.text()).toContain('Faculty externships, summer 2030');
  const [pdfDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download PDF' }).click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = await page.request.get((await page.getByRole('link', { name: 'Download PDF' }).getAttribute('href'))!);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  expect(pageErrors).toEqual([]);
});
