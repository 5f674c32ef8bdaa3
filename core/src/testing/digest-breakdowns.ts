import type { Breakdowns } from '../digest/digest-content.js';

/** Breakdowns where every dimension has one value carrying the whole `total`. */
export const flatBreakdowns = (total: number): Breakdowns => ({
  total,
  by: {
    actType: { insult: total },
    motive: { gayphobia: total },
    placeType: { street: total },
    reporterRole: { victim: total },
    complaint: { no: total },
    postalCode: { '34000': total },
  },
});

/** Breakdowns of `total` reports with no dimension filled, but `insults` insults when given. */
export const bareBreakdowns = (total: number, insults?: number): Breakdowns => ({
  total,
  by: {
    actType: insults === undefined ? {} : { insult: insults },
    motive: {},
    placeType: {},
    reporterRole: {},
    complaint: {},
    postalCode: {},
  },
});
