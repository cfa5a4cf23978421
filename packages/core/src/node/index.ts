/** The Node.js implementations of core's interfaces. */
export { NodeStore } from './node-store.js';
