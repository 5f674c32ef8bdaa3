export { createKeyring, type Keyring, type DataKey } from './keyring.js';
export { seal, open, sealJson, openJson } from './envelope.js';
export { keyedHash } from './keyed-hash.js';
export { sealingContext } from './sealing-contexts.js';
