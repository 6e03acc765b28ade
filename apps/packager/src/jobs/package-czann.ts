import { PACKAGE_CZANN, type JobPayload } from '@tessera/jobs';
import { runPackage, type PackageDeps } from './package-model';

/** model.package.czann: .czann (+ bare ONNX) with its SHA-256 and parity report. */
export function packageCzannJob(deps: PackageDeps) {
  return { def: PACKAGE_CZANN, handle: (payload: unknown) => runPackage(deps, payload as JobPayload<typeof PACKAGE_CZANN>) };
}
