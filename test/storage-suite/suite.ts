/**
 * The storage suite (STYLE habit 5): written once, run against every backend.
 * memory.test.ts and native.test.ts each pass a factory; every test opens its own fresh store.
 */
export { runMetaStoreSuite } from './meta-suite.js';
export type { MetaStoreFactory, MetaStoreHarness } from './meta-suite.js';
export { runBlobStoreSuite, withSlowRefReads } from './blob-suite.js';
export type { BlobStoreFactory, BlobStoreHarness } from './blob-suite.js';
