export { S3ConfigSchema, type S3Config, LOCAL_S3_CREDENTIALS, LOCAL_S3_PORT, localS3Endpoint } from './config';
export { orgKey, isOrgKey, StorageKeyError } from './keys';
export { createStorage, ensureBucket, putObject, getObjectBytes, deletePrefix, checkStorage, type Storage } from './client';
export {
  presignGet,
  presignPut,
  createMultipartUpload,
  presignUploadPart,
  completeMultipartUpload,
  abortMultipartUpload,
  DEFAULT_URL_TTL_S,
} from './presign';
export { createGetPresigner, createObjectPut, createPutSigner, createRangeGet, type GetPresigner, type ObjectPut, type RangeGet } from './signed-requests';
export { HEAP_REUSE_ENV, startLocalS3, startLocalS3Process, type LocalS3 } from './local-s3';
