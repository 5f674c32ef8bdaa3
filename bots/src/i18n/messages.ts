import type { fr } from './fr.js';

/**
 * The shape of a bots catalog: the sections and keys of the French reference catalog (`fr.ts`),
 * each text a string. Every language's catalog has this type.
 */
export type Messages = { readonly [Section in keyof typeof fr]: Readonly<Record<keyof (typeof fr)[Section], string>> };
