import { PING_PACKAGER, handlePing, type JobPayload } from '@tessera/jobs';

export const pingJob = {
  def: PING_PACKAGER,
  handle: (payload: unknown) => handlePing('packager', payload as JobPayload<typeof PING_PACKAGER>),
};
