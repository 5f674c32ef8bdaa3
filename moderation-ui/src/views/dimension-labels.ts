import type { DigestDimension, Lang } from '@relais/core';
import { translate } from '../i18n/catalog.js';
import { labelsFor } from './labels.js';

/** How a breakdown is titled and its codes named, in the UI and in CSV exports. */
export interface DimensionLabels {
  readonly title: string;
  readonly label: (code: string) => string;
}

/** Titles and value labels of every digest dimension in `lang` (human labels, never raw codes). */
export function digestDimensionLabels(lang: Lang): Readonly<Record<DigestDimension, DimensionLabels>> {
  const l = labelsFor(lang);
  return {
    actType: { title: translate(lang, 'dimension.actType'), label: l.act },
    motive: { title: translate(lang, 'dimension.motive'), label: l.motive },
    placeType: { title: translate(lang, 'dimension.placeType'), label: l.place },
    reporterRole: { title: translate(lang, 'dimension.reporterRole'), label: l.role },
    complaint: { title: translate(lang, 'dimension.complaint'), label: l.complaint },
    postalCode: { title: translate(lang, 'dimension.postalCode'), label: l.postalCode },
  };
}
