/** URL builders for pages and API paths, so links and fetches never drift apart. */
const enc = encodeURIComponent;

export const pages = {
  projects: (orgId: string) => `/o/${enc(orgId)}/projects`,
  project: (orgId: string, projectId: string) => `/o/${enc(orgId)}/projects/${enc(projectId)}`,
  models: (orgId: string) => `/o/${enc(orgId)}/models`,
  orders: (orgId: string) => `/o/${enc(orgId)}/orders`,
  members: (orgId: string) => `/o/${enc(orgId)}/members`,
  tokens: (orgId: string) => `/o/${enc(orgId)}/tokens`,
  settings: (orgId: string) => `/o/${enc(orgId)}/settings`,
  newOrg: () => '/orgs/new',
  signIn: (next?: string) => (next ? `/signin?next=${enc(next)}` : '/signin'),
  signUp: (params?: { next?: string; invite?: string }) => {
    const q = new URLSearchParams();
    if (params?.invite) q.set('invite', params.invite);
    if (params?.next) q.set('next', params.next);
    const s = q.toString();
    return s ? `/signup?${s}` : '/signup';
  },
  invitation: (token: string) => `/invite/${enc(token)}`,
};

export const apiPaths = {
  signup: () => '/api/v1/signup',
  me: () => '/api/v1/me',
  orgs: () => '/api/v1/orgs',
  org: (orgId: string) => `/api/v1/orgs/${enc(orgId)}`,
  members: (orgId: string) => `/api/v1/orgs/${enc(orgId)}/members`,
  member: (orgId: string, userId: string) => `/api/v1/orgs/${enc(orgId)}/members/${enc(userId)}`,
  invitations: (orgId: string) => `/api/v1/orgs/${enc(orgId)}/invitations`,
  invitation: (orgId: string, id: string) => `/api/v1/orgs/${enc(orgId)}/invitations/${enc(id)}`,
  invitationByToken: (token: string) => `/api/v1/invitations/${enc(token)}`,
  acceptInvitation: (token: string) => `/api/v1/invitations/${enc(token)}/accept`,
  projects: (orgId: string, includeArchived = false) =>
    `/api/v1/orgs/${enc(orgId)}/projects${includeArchived ? '?archived=include' : ''}`,
  project: (orgId: string, projectId: string) => `/api/v1/orgs/${enc(orgId)}/projects/${enc(projectId)}`,
  labelClasses: (orgId: string, projectId: string) =>
    `/api/v1/orgs/${enc(orgId)}/projects/${enc(projectId)}/label-classes`,
  labelClass: (orgId: string, projectId: string, classId: string) =>
    `/api/v1/orgs/${enc(orgId)}/projects/${enc(projectId)}/label-classes/${enc(classId)}`,
  tokens: (orgId: string) => `/api/v1/orgs/${enc(orgId)}/tokens`,
  token: (orgId: string, tokenId: string) => `/api/v1/orgs/${enc(orgId)}/tokens/${enc(tokenId)}`,
  auditEvents: (orgId: string) => `/api/v1/orgs/${enc(orgId)}/audit-events`,
};

/** Only same-site relative paths are allowed as post-sign-in destinations (no open redirects). */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
