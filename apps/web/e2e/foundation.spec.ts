import { expect, test } from '@playwright/test';
import { fillSignUp, newAccount, openOrgMenu, uniq } from './helpers';

test('sign up, create a project with classes, invite by link; the invitee joins with that role and sees only that organisation', async ({ page, browser }) => {
  const owner = newAccount('Owner');
  const orgName = `Cell Lab ${uniq()}`;
  const otherOrgName = `Secret Lab ${uniq()}`;
  const projectName = `Nuclei ${uniq()}`;

  // Sign up: creates the user and the organisation, signs in, lands on its projects.
  await page.goto('/signup');
  await fillSignUp(page, owner, orgName);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  await expect(page.getByRole('button', { name: /Switch organisation/ })).toContainText(orgName);
  await expect(page.getByText('No projects yet')).toBeVisible();
  const orgUrl = new URL(page.url()).pathname.replace(/\/projects$/, '');

  // Create a project with two label classes.
  await page.getByRole('button', { name: 'New project' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Name', { exact: true }).fill(projectName);
  await dialog.getByLabel('Class 1 name').fill('Nucleus');
  await dialog.getByLabel('Class 1 colour').fill('#e11d48');
  await dialog.getByRole('button', { name: 'Add class' }).click();
  await dialog.getByLabel('Class 2 name').fill('Cytoplasm');
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: projectName })).toBeVisible();
  const classes = page.getByRole('list', { name: 'Label classes' }).getByRole('listitem');
  await expect(classes).toHaveCount(2);
  await expect(classes.nth(0)).toContainText('Nucleus');
  await expect(classes.nth(0)).toContainText('#e11d48');
  await expect(classes.nth(1)).toContainText('Cytoplasm');

  // A second organisation of the owner's that the invitee must never see.
  await openOrgMenu(page);
  await page.getByRole('menuitem', { name: 'New organisation…' }).click();
  await page.getByLabel('Organisation name').fill(otherOrgName);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('button', { name: /Switch organisation/ })).toContainText(otherOrgName);
  const menu = await openOrgMenu(page);
  await menu.getByRole('menuitem', { name: new RegExp(orgName) }).click();
  await expect(page.getByRole('link', { name: projectName })).toBeVisible();

  // Invite by link as Annotator.
  await page.getByRole('navigation', { name: 'Organisation' }).getByRole('link', { name: 'Members' }).click();
  await page.getByRole('button', { name: 'Invite people' }).click();
  const invite = page.getByRole('dialog', { name: /Invite people/ });
  await invite.getByLabel('Role').selectOption('ANNOTATOR');
  await invite.getByRole('button', { name: 'Create invite link' }).click();
  const link = await invite.getByLabel('Invitation link').inputValue();
  expect(link).toMatch(/\/invite\/[\w-]+$/);
  await invite.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('list', { name: 'Open invitations' })).toContainText('Annotator invitation');

  // The invitee, in a fresh browser context, follows the link and signs up through it.
  const guestContext = await browser.newContext();
  const guest = await guestContext.newPage();
  const invitee = newAccount('Invitee');
  await guest.goto(new URL(link).pathname);
  await expect(guest.getByRole('heading', { name: `Join ${orgName}` })).toBeVisible();
  await expect(guest.getByText('Annotator', { exact: true })).toBeVisible();
  await guest.getByRole('link', { name: 'Create an account' }).click();
  await expect(guest.getByText(`You're joining ${orgName} as Annotator.`)).toBeVisible();
  await expect(guest.getByLabel('Organisation name')).toHaveCount(0);
  await fillSignUp(guest, invitee);
  await guest.getByRole('button', { name: 'Create account and join' }).click();

  // They land in the inviting organisation, see its project, and hold the invited role.
  await expect(guest).toHaveURL(new RegExp(`${orgUrl}/projects$`));
  await expect(guest.getByRole('link', { name: projectName })).toBeVisible();
  await expect(guest.getByRole('button', { name: 'New project' })).toHaveCount(0);
  const guestMenu = await openOrgMenu(guest);
  const inviting = guestMenu.getByRole('menuitem', { name: new RegExp(orgName) });
  await expect(inviting).toContainText('Annotator');
  await expect(guestMenu.getByRole('menuitem', { name: new RegExp(otherOrgName) })).toHaveCount(0);
  await guest.keyboard.press('Escape');
  await expect(guestMenu).toBeHidden();

  const me = (await (await guest.request.get('/api/v1/me')).json()) as { organizations: { name: string; role: string }[] };
  expect(me.organizations.map((o) => [o.name, o.role])).toEqual([[orgName, 'ANNOTATOR']]);

  // The owner's other organisation is not reachable by URL either.
  const otherOrgId = await page.evaluate(async (name) => {
    const res = await fetch('/api/v1/me');
    const body = (await res.json()) as { organizations: { id: string; name: string }[] };
    return body.organizations.find((o) => o.name === name)?.id ?? '';
  }, otherOrgName);
  expect(otherOrgId).not.toBe('');
  const denied = await guest.goto(`/o/${otherOrgId}/projects`);
  expect(denied?.status()).toBe(404);
  await expect(guest.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(guest.getByText(otherOrgName)).toHaveCount(0);

  // The owner sees the new member with the invited role.
  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(invitee.email) });
  await expect(row.getByLabel(`Role of ${invitee.name}`)).toHaveValue('ANNOTATOR');

  await guestContext.close();
});
