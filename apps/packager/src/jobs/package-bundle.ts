import { PACKAGE_BUNDLE, type JobPayload } from '@tessera/jobs';
import { runPackage, type PackageDeps } from './package-model';

/** model.package.bundle: container build context (.tar.gz) with parity report; docker image where a daemon answers. */
export function packageBundleJob(deps: PackageDeps) {
  return { def: PACKAGE_BUNDLE, handle: (payload: unknown) => runPackage(deps, payload as JobPayload<typeof PACKAGE_BUNDLE>) };
}
