/** The Node.js implementations of core's interfaces. */
export { NodeStore } from './node-store.js';
export { NodeIndexCache, INDEX_CACHE_PATH, type NodeIndexCacheOptions } from './node-index-cache.js';
