export { writeTarGz, readTarGz, TarError, type TarEntry } from './tar';
export { buildRuntime, RUNTIME_EXTERNALS } from './build-runtime';
export { packageCzann, PackagingError, sha256, type CzannPackage } from './package-czann';
export { buildBundleFiles, writeBundle, bundleTag, type BundleInput, type BundleManifest } from './build-bundle';
export {
  PARITY_THRESHOLDS, ParityReportSchema, ParityError, compareTile, summariseParity,
  type ParityReport, type TileParity, type TileOutput,
} from './parity';
export { goldenTiles, syntheticTiles, centreCrop, GOLDEN_TILE_SIZE, GOLDEN_MAX_TILES, type GoldenTile } from './golden-set';
export { unpackBundle, runUnpackedBundle, defaultNodePath } from './run-bundle';
export { platformOutputs, checkCzannParity, checkBundleParity } from './check-parity';
export { dockerTarget, dockerAvailable, buildDockerImage, DEFAULT_DOCKER_SOCKET, type DockerBuildResult } from './docker-daemon';
export { runModelOnImage, encodeTiff, type ModelRunOutput } from './runtime/run-model';
export { readBundleModel, BUNDLE_FILES, BundleConfigSchema, type BundleConfig } from './runtime/bundle-model';
