export * from './config';
export { seedOrgWithUser, addMember, type TestRole } from './fixtures';
export { recreateDatabase } from './global-setup';
