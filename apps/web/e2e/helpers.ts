import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';

/** A unique suffix so runs against a reused server never collide. */
export function uniq(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

export type Account = { name: string; email: string; password: string };

export function newAccount(label: string): Account {
  const id = uniq();
  return { name: `${label} ${id}`, email: `${label.toLowerCase()}-${id}@example.test`, password: 'correct horse battery' };
}

/** Fills the sign-up form (the organisation field only exists without an invitation). */
export async function fillSignUp(page: Page, account: Account, organizationName?: string): Promise<void> {
  await page.getByLabel('Your name').fill(account.name);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  if (organizationName !== undefined) await page.getByLabel('Organisation name').fill(organizationName);
}

/** Opens the organisation menu and returns it. */
export async function openOrgMenu(page: Page) {
  await page.getByRole('button', { name: /Switch organisation/ }).click();
  const menu = page.getByRole('menu', { name: 'Organisations' });
  await expect(menu).toBeVisible();
  return menu;
}

/** Signs up through the UI with a new organisation; returns the organisation id from the URL. */
export async function signUpWithOrg(page: Page, account: Account, organizationName: string): Promise<string> {
  await page.goto('/signup');
  await fillSignUp(page, account, organizationName);
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Projects' })).toBeVisible();
  const match = /\/o\/([^/]+)\/projects$/.exec(new URL(page.url()).pathname);
  expect(match).not.toBeNull();
  return match![1]!;
}

export function orgNav(page: Page) {
  return page.getByRole('navigation', { name: 'Organisation' });
}
