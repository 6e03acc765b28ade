import { describe, expect, it } from 'vitest';
import { signInErrorMessage } from '../components/auth/sign-in-form';
import { CLASS_PALETTE, nextClassColor } from './colors';
import { describeAction, formatDate } from './format';
import { assignableRoles, canManage } from './roles';
import { apiPaths, pages, safeNext } from './routes';

describe('safeNext (no open redirects after sign-in)', () => {
  it('keeps same-site paths', () => {
    expect(safeNext('/o/abc/projects?x=1')).toBe('/o/abc/projects?x=1');
    expect(safeNext('/invite/tok')).toBe('/invite/tok');
  });
  it('rejects absolute, protocol-relative and backslash URLs', () => {
    for (const bad of ['https://evil.test', '//evil.test/x', '/\\evil.test', 'javascript:alert(1)', '', null, undefined]) {
      expect(safeNext(bad, '/home')).toBe('/home');
    }
  });
});

describe('roles', () => {
  it('only owners and admins manage', () => {
    expect(['OWNER', 'ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER'].map((r) => canManage(r as never))).toEqual([true, true, false, false, false]);
  });
  it('only an owner may hand out OWNER', () => {
    expect(assignableRoles('OWNER')).toContain('OWNER');
    expect(assignableRoles('ADMIN')).toEqual(['ADMIN', 'ANNOTATOR', 'REVIEWER', 'VIEWER']);
  });
});

describe('routes', () => {
  it('encodes ids and builds the invite sign-up link', () => {
    expect(apiPaths.labelClass('o/1', 'p 2', 'c?3')).toBe('/api/v1/orgs/o%2F1/projects/p%202/label-classes/c%3F3');
    expect(apiPaths.projects('o1', true)).toBe('/api/v1/orgs/o1/projects?archived=include');
    expect(pages.signUp({ invite: 'a b', next: '/x' })).toBe('/signup?invite=a+b&next=%2Fx');
    expect(pages.signUp()).toBe('/signup');
  });
});

describe('label class colours', () => {
  it('picks the first unused palette colour, case-insensitively', () => {
    expect(nextClassColor([])).toBe(CLASS_PALETTE[0]);
    expect(nextClassColor([CLASS_PALETTE[0]!.toUpperCase()])).toBe(CLASS_PALETTE[1]);
    expect(nextClassColor([...CLASS_PALETTE])).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe('wording', () => {
  it('describes audit actions and dates', () => {
    expect(describeAction('member.role_changed')).toBe('Member role changed');
    expect(formatDate('2025-03-04T10:00:00Z')).toBe('4 Mar 2025');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
  it('tells a wrong password from a rate limit', () => {
    expect(signInErrorMessage('CredentialsSignin', 'credentials')).toBe('The email or password is incorrect.');
    expect(signInErrorMessage('CredentialsSignin', 'rate_limited')).toMatch(/Too many sign-in attempts/);
  });
});
