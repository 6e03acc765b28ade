import { PING_TRAINER, handlePing, type JobPayload } from '@tessera/jobs';

export const pingJob = {
  def: PING_TRAINER,
  handle: (payload: unknown) => handlePing('trainer', payload as JobPayload<typeof PING_TRAINER>),
};
