import {
  ACT_TYPES,
  COMPLAINT_STATUSES,
  MOTIVES,
  PLACE_TYPES,
  REPORTER_ROLES,
  type DigestDimension,
  type PublishedCount,
  type PublishedDigest,
  type TaxonomyEntry,
} from '@relais/core';

/** A rendered e-mail: subject, plain text and HTML alternative. */
export interface DigestMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const TITLES: Record<DigestDimension, string> = {
  actType: 'Type de faits',
  motive: 'Motif perçu',
  placeType: 'Type de lieu',
  reporterRole: 'Victime ou témoin',
  complaint: 'Plainte',
  postalCode: 'Code postal',
};

const LABELS: Partial<Record<DigestDimension, readonly TaxonomyEntry[]>> = {
  actType: ACT_TYPES,
  motive: MOTIVES,
  placeType: PLACE_TYPES,
  reporterRole: REPORTER_ROLES,
  complaint: COMPLAINT_STATUSES,
};

const label = (dimension: DigestDimension, code: string) =>
  LABELS[dimension]?.find((e) => e.code === code)?.labels.fr ?? (code === 'unknown' ? 'Non précisé' : code);

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const show = (n: PublishedCount) => String(n);

function rows(digest: PublishedDigest, dimension: DigestDimension): [string, string][] {
  const cells = digest.week.by[dimension].cells;
  return Object.keys(cells)
    .sort()
    .map((code) => [label(dimension, code), show(cells[code]!)]);
}

/**
 * Renders a partner's weekly digest e-mail from its published (small-count-suppressed) form:
 * aggregates and a link only, never a report, a reference or any text written by a person.
 */
export function renderDigestMail(digest: PublishedDigest, link: string): DigestMail {
  const subject = `Relais — synthèse hebdomadaire ${digest.isoWeek} (${digest.partnerName})`;
  const dimensions = Object.keys(TITLES) as DigestDimension[];
  const text = [
    `Synthèse anonymisée des signalements rendus visibles du ${digest.period.from} au ${digest.period.to} sur votre périmètre.`,
    `Signalements de la semaine : ${show(digest.week.total)} ; des 12 semaines précédentes : ${show(digest.previous12Weeks.total)}.`,
    `Les effectifs inférieurs à ${digest.threshold} sont indiqués « < ${digest.threshold} », de même que quelques autres, masqués pour qu’on ne puisse pas retrouver les premiers à partir des totaux.`,
    '',
    ...dimensions.flatMap((d) => [`${TITLES[d]} :`, ...rows(digest, d).map(([k, v]) => `  - ${k} : ${v}`), '']),
    'Évolution (signalements par semaine) :',
    ...Object.entries(digest.trend.cells).map(([week, n]) => `  ${week} : ${show(n)}`),
    '',
    `Détail et graphiques dans l’espace partenaire : ${link}`,
  ].join('\n');
  const table = (d: DigestDimension) =>
    `<h2>${escape(TITLES[d])}</h2><table><thead><tr><th scope="col">${escape(TITLES[d])}</th><th scope="col">Signalements</th></tr></thead><tbody>${rows(
      digest,
      d,
    )
      .map(([k, v]) => `<tr><td>${escape(k)}</td><td>${escape(v)}</td></tr>`)
      .join('')}</tbody></table>`;
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(subject)}</title></head><body>
<h1>${escape(subject)}</h1>
<p>Synthèse anonymisée des signalements rendus visibles du ${digest.period.from} au ${digest.period.to} sur votre périmètre.</p>
<p>Signalements de la semaine : <strong>${escape(show(digest.week.total))}</strong> ; des 12 semaines précédentes : ${escape(show(digest.previous12Weeks.total))}.</p>
<p>Les effectifs inférieurs à ${digest.threshold} sont indiqués « &lt; ${digest.threshold} », de même que quelques autres, masqués pour qu’on ne puisse pas retrouver les premiers à partir des totaux.</p>
${dimensions.map(table).join('\n')}
<h2>Évolution</h2><table><thead><tr><th scope="col">Semaine</th><th scope="col">Signalements</th></tr></thead><tbody>${Object.entries(
    digest.trend.cells,
  )
    .map(([week, n]) => `<tr><td>${week}</td><td>${escape(show(n))}</td></tr>`)
    .join('')}</tbody></table>
<p><a href="${escape(link)}">Voir le détail et les graphiques dans l’espace partenaire</a></p>
</body></html>`;
  return { subject, text, html };
}
