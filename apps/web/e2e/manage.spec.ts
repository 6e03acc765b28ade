import { expect, test } from '@playwright/test';
import { newAccount, orgNav, signUpWithOrg, uniq } from './helpers';

test('an owner edits label classes, renames and archives a project, and manages API tokens', async ({ page }) => {
  const orgId = await signUpWithOrg(page, newAccount('Owner'), `Histo ${uniq()}`);

  await page.getByRole('button', { name: 'New project' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New project' });
  await dialog.getByLabel('Name', { exact: true }).fill('Cells');
  await dialog.getByLabel('Instance segmentation').check();
  await dialog.getByLabel('Class 1 name').fill('Nucleus');
  await dialog.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cells' })).toBeVisible();
  await expect(page.getByText('Instance segmentation')).toBeVisible();

  // Add, reorder, rename + recolour, delete.
  const classes = page.getByRole('list', { name: 'Label classes' }).getByRole('listitem');
  for (const name of ['Membrane', 'Background']) {
    await page.getByLabel('New class name').fill(name);
    await page.getByRole('button', { name: 'Add class' }).click();
    await expect(classes.filter({ hasText: name })).toHaveCount(1);
  }
  await expect(classes).toHaveText([/Nucleus/, /Membrane/, /Background/]);
  await page.getByRole('button', { name: 'Move Background up' }).click();
  await expect(classes).toHaveText([/Nucleus/, /Background/, /Membrane/]);
  await page.getByRole('button', { name: 'Move Nucleus down' }).click();
  await expect(classes).toHaveText([/Background/, /Nucleus/, /Membrane/]);

  await page.getByRole('button', { name: 'Edit Membrane' }).click();
  await page.getByLabel('Name of Membrane').fill('Cell membrane');
  await page.getByLabel('Colour of Membrane').fill('#00aa55');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(classes.nth(2)).toContainText('Cell membrane');
  await expect(classes.nth(2)).toContainText('#00aa55');

  // A duplicate name is refused with the API's message next to the field.
  await page.getByLabel('New class name').fill('Nucleus');
  await page.getByRole('button', { name: 'Add class' }).click();
  await expect(page.getByText('This project already has a class named "Nucleus".')).toBeVisible();
  await expect(page.getByLabel('New class name')).toHaveAttribute('aria-invalid', 'true');
  await expect(classes).toHaveCount(3);

  await page.getByRole('button', { name: 'Delete Nucleus' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete class Nucleus?' });
  await confirm.getByRole('button', { name: 'Delete class' }).click();
  await expect(confirm).toBeHidden();
  await expect(classes).toHaveText([/Background/, /Cell membrane/]);

  // Rename, archive, find it behind the archived toggle, unarchive.
  await page.getByLabel('Project name').fill('Cells v2');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cells v2' })).toBeVisible();
  await page.getByRole('button', { name: 'Archive', exact: true }).click();
  await page.getByRole('dialog', { name: 'Archive Cells v2?' }).getByRole('button', { name: 'Archive project' }).click();
  await expect(page.getByText('This project is archived')).toBeVisible();
  await page.getByRole('link', { name: 'All projects' }).click();
  await expect(page.getByText('No projects yet')).toBeVisible();
  await page.getByLabel('Show archived projects').check();
  const card = page.getByRole('listitem').filter({ hasText: 'Cells v2' });
  await expect(card).toContainText('Archived');
  await card.getByRole('link', { name: 'Cells v2' }).click();
  await page.getByRole('button', { name: 'Unarchive' }).click();
  await expect(page.getByText('This project is archived')).toBeHidden();

  // API tokens: the secret is shown once, works as a Bearer token, records last use, and stops working when revoked.
  await orgNav(page).getByRole('link', { name: 'API tokens' }).click();
  await expect(page.getByText('No API tokens')).toBeVisible();
  await page.getByRole('button', { name: 'New token' }).first().click();
  const tokenDialog = page.getByRole('dialog', { name: 'New API token' });
  await tokenDialog.getByLabel('Name').fill('Lab notebook');
  await tokenDialog.getByLabel('Write').check();
  await tokenDialog.getByRole('button', { name: 'Create token' }).click();
  const created = page.getByRole('dialog', { name: 'Token created' });
  const secret = await created.getByLabel('Token secret').inputValue();
  expect(secret).toMatch(/^tsr_/);
  await created.getByRole('button', { name: 'Done' }).click();
  const row = page.getByRole('row', { name: /Lab notebook/ });
  await expect(row).toContainText('read, write');
  await expect(row).toContainText('Never');

  const auth = { Authorization: `Bearer ${secret}` };
  const listed = await page.request.get(`/api/v1/orgs/${orgId}/projects`, { headers: auth });
  expect(listed.status()).toBe(200);
  expect(JSON.stringify(await listed.json())).toContain('Cells v2');
  await page.reload();
  await expect(row).not.toContainText('Never');

  await row.getByRole('button', { name: 'Revoke Lab notebook' }).click();
  await page.getByRole('dialog', { name: 'Revoke Lab notebook?' }).getByRole('button', { name: 'Revoke token' }).click();
  await expect(row).toContainText('Revoked');
  const refused = await page.request.get(`/api/v1/orgs/${orgId}/projects`, { headers: auth });
  expect(refused.status()).toBe(401);
});

test('members: the last owner cannot leave, roles change, members are removed; sign out and back in', async ({ page, browser }) => {
  const owner = newAccount('Owner');
  const orgName = `Imaging Core ${uniq()}`;
  await signUpWithOrg(page, owner, orgName);
  await orgNav(page).getByRole('link', { name: 'Members' }).click();

  await page.getByRole('button', { name: 'Leave organisation' }).click();
  const leave = page.getByRole('dialog', { name: `Leave ${orgName}?` });
  await leave.getByRole('button', { name: 'Leave organisation' }).click();
  await expect(leave.getByRole('alert')).toContainText(/owner/i);
  await expect(page.getByRole('heading', { level: 1, name: 'Members' })).toBeVisible();
  await leave.getByRole('button', { name: 'Cancel' }).click();
  await expect(leave).toBeHidden();

  await page.getByRole('button', { name: 'Invite people' }).click();
  const invite = page.getByRole('dialog', { name: /Invite people/ });
  await invite.getByLabel('Role').selectOption('VIEWER');
  await invite.getByRole('button', { name: 'Create invite link' }).click();
  const link = await invite.getByLabel('Invitation link').inputValue();
  await invite.getByRole('button', { name: 'Done' }).click();

  // An existing user signs in through the link and joins.
  const member = newAccount('Member');
  const ctx = await browser.newContext();
  const guest = await ctx.newPage();
  const signup = await guest.request.post('/api/v1/signup', {
    data: { name: member.name, email: member.email, password: member.password, organizationName: `Own ${uniq()}` },
  });
  expect(signup.status()).toBe(201);
  await guest.goto(new URL(link).pathname);
  await guest.getByRole('link', { name: 'I have an account' }).click();
  await expect(guest.getByText(`You're joining ${orgName} as Viewer.`)).toBeVisible();
  await guest.getByLabel('Email').fill(member.email);
  await guest.getByLabel('Password').fill(member.password);
  await guest.getByRole('button', { name: 'Sign in' }).click();
  await guest.getByRole('button', { name: `Join ${orgName}` }).click();
  await expect(guest.getByRole('button', { name: /Switch organisation/ })).toContainText(orgName);
  await ctx.close();

  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(member.email) });
  const role = row.getByLabel(`Role of ${member.name}`);
  await expect(role).toHaveValue('VIEWER');
  await role.selectOption('REVIEWER');
  const save = row.getByRole('button', { name: `Save role of ${member.name}` });
  await save.click();
  await expect(save).toHaveCount(0);
  await page.reload();
  await expect(role).toHaveValue('REVIEWER');

  await row.getByRole('button', { name: `Remove ${member.name}` }).click();
  await page.getByRole('dialog', { name: `Remove ${member.name}?` }).getByRole('button', { name: 'Remove member' }).click();
  await expect(row).toHaveCount(0);

  // Settings: rename the organisation; the audit log lists the membership changes.
  await orgNav(page).getByRole('link', { name: 'Settings' }).click();
  const renamed = `${orgName} (renamed)`;
  await page.getByLabel('Organisation name').fill(renamed);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Organisation renamed.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Switch organisation/ })).toContainText(renamed);
  const events = page.getByRole('list', { name: 'Audit events' });
  await expect(events).toContainText('Member joined');
  await expect(events).toContainText('Member role changed');
  await expect(events).toContainText('Invitation created');

  // The organisation menu works from the keyboard.
  const switcher = page.getByRole('button', { name: /Switch organisation/ });
  await switcher.focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: renamed })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'New organisation…' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();
  await expect(switcher).toBeFocused();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Tessera' })).toBeVisible();
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill('wrong password!');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The email or password is incorrect.' })).toBeVisible();
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
});
