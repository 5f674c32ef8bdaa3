import type { DigestDimension } from '@relais/core';
import { actLabel, complaintLabel, motiveLabel, placeLabel, postalCodeLabel, roleLabel } from './labels.js';

/** How a breakdown is titled and its codes named, in the UI and in CSV exports. */
export interface DimensionLabels {
  readonly title: string;
  readonly label: (code: string) => string;
}

/** Titles and value labels of every digest dimension (human labels, never raw codes). */
export const DIGEST_DIMENSION_LABELS: Readonly<Record<DigestDimension, DimensionLabels>> = {
  actType: { title: 'Par type d’acte', label: actLabel },
  motive: { title: 'Par motif', label: motiveLabel },
  placeType: { title: 'Par type de lieu', label: placeLabel },
  reporterRole: { title: 'Victimes et témoins', label: roleLabel },
  complaint: { title: 'Plainte', label: complaintLabel },
  postalCode: { title: 'Par code postal', label: postalCodeLabel },
};
