import { randomUUID } from 'node:crypto';
import { newReference, seal, sealJson, type Keyring, sealingContext } from '@relais/core';
import { createPartner, findPartnerBySlug, insertReport, insertSafePlaces, type RelaisDb } from '@relais/db';
import { provisionAccount, type ProvisionedAccount } from '../accounts/provision-account.js';

/** Invented reports for the demo (no real person, place or event). */
const DEMO_REPORTS = [
  {
    postal: '34000',
    tunnel: 'montpellier',
    acts: ['insult'],
    place: 'public_transport',
    text: 'Deux hommes nous ont insultés dans le tram ligne 1 vers 22 h. Vous pouvez me joindre au 06 12 34 56 78.',
    contact: true,
  },
  {
    postal: '34070',
    tunnel: null,
    acts: ['physical_violence'],
    place: 'street',
    text: 'On m’a bousculé et frappé en sortant d’un bar près de la place. Mon ami Julien Martin était là.',
    contact: false,
  },
  {
    postal: '34090',
    tunnel: 'montpellier',
    acts: ['harassment', 'online_hate'],
    place: 'online',
    text: 'Un voisin publie des messages haineux sur moi, son compte est @voisin_haineux.',
    contact: true,
  },
  {
    postal: '75011',
    tunnel: null,
    acts: ['threat'],
    place: 'home',
    text: 'Menaces répétées dans la cage d’escalier, écrivez-moi à camille.demo@example.org.',
    contact: false,
  },
  {
    postal: '34080',
    tunnel: null,
    acts: ['discrimination'],
    place: 'shop_bar_restaurant',
    text: 'Refus de service dans un restaurant parce que nous sommes deux femmes.',
    contact: false,
  },
] as const;

/** What `demo seed` created: accounts with their one-time secrets. */
interface DemoSeed {
  readonly accounts: ProvisionedAccount[];
  readonly reports: number;
}

/**
 * Creates a working demo: the Montpellier and Paris partners, an admin, a moderator and a partner
 * account, three safe places, and a handful of invented reports (one already released). Refuses
 * to run twice (the Montpellier partner exists).
 */
export async function demoSeed(db: RelaisDb, keyring: Keyring): Promise<DemoSeed> {
  if (await findPartnerBySlug(db, 'montpellier'))
    throw new Error('demo data is already there (partner "montpellier" exists)');
  const montpellier = await createPartner(db, {
    slug: 'montpellier',
    name: 'Ville de Montpellier',
    scope: [
      { tunnels: [], postalCodes: ['34000', '34070', '34080', '34090'] },
      { tunnels: ['montpellier'], postalCodes: [] },
    ],
    digestEmails: ['prevention@montpellier.example'],
  });
  await createPartner(db, {
    slug: 'paris',
    name: 'Ville de Paris',
    scope: [{ tunnels: [], postalCodes: ['75011', '75010'] }],
  });
  const accounts = [
    await provisionAccount(db, keyring, {
      email: 'admin@relais.example',
      displayName: 'Admin Démo',
      role: 'admin',
      partnerId: null,
    }),
    await provisionAccount(db, keyring, {
      email: 'moderation@relais.example',
      displayName: 'Modération Démo',
      role: 'moderator',
      partnerId: null,
    }),
    await provisionAccount(db, keyring, {
      email: 'partenaire@montpellier.example',
      displayName: 'Mairie de Montpellier',
      role: 'partner',
      partnerId: montpellier.id,
    }),
  ];
  await insertSafePlaces(db, [
    {
      name: 'Librairie Demo',
      address: '1 rue Exemple',
      postal_code: '34000',
      commune: 'Montpellier',
      phone: null,
      hours: '10h-19h',
      latitude: null,
      longitude: null,
    },
    {
      name: 'Café Démo',
      address: '2 place Fictive',
      postal_code: '34070',
      commune: 'Montpellier',
      phone: null,
      hours: '8h-23h',
      latitude: null,
      longitude: null,
    },
    {
      name: 'Pharmacie Démo',
      address: '3 avenue Imaginaire',
      postal_code: '75011',
      commune: 'Paris',
      phone: null,
      hours: '9h-20h',
      latitude: null,
      longitude: null,
    },
  ]);
  for (const [i, r] of DEMO_REPORTS.entries()) {
    const id = randomUUID();
    const released = i === 4;
    await insertReport(db, {
      id,
      reference: newReference(),
      status: released ? 'done' : 'received',
      channel: i % 2 ? 'webchat' : 'telegram',
      tunnel: r.tunnel,
      lang: 'fr',
      reporter_role: 'victim',
      act_types: [...r.acts],
      motives: ['unknown'],
      occurred_precision: 'month',
      occurred_on: '2026-10-01',
      location_kind: 'fr',
      postal_code: r.postal,
      commune: null,
      departement: r.postal.slice(0, 2),
      place_type: r.place,
      complaint: 'no',
      in_danger: false,
      minor_involved: false,
      priority: r.acts.includes('physical_violence' as never) ? 1 : 0,
      description_enc: seal(keyring, r.text, sealingContext.reportDescription(id)),
      contact_method: r.contact ? 'email' : null,
      contact_enc: r.contact
        ? sealJson(keyring, { method: 'email', value: 'reporter.demo@example.org' }, sealingContext.reportContact(id))
        : null,
      reporter_key: null,
      anonymised_text: released ? 'Refus de service dans un restaurant parce que nous sommes deux femmes.' : null,
      duplicate_of: null,
      staff_notes: null,
      submitted_at: new Date(Date.now() - (5 - i) * 86_400_000),
      claimed_by: null,
      claimed_until: null,
      released_at: released ? new Date() : null,
      rejected_at: null,
      reject_reason: null,
      erased_at: null,
      purged_at: null,
    });
  }
  return { accounts, reports: DEMO_REPORTS.length };
}
