import type { NewSafePlace } from '@relais/db';

/**
 * Invented "En lieu sûr" places for tests and demos only (real entries are managed by the
 * association's admins): names, addresses and phone numbers are fictitious.
 */
export const DEMO_SAFE_PLACES: readonly NewSafePlace[] = [
  {
    name: 'Librairie des Exemples',
    address: '1 rue Fictive',
    postal_code: '34000',
    commune: 'Montpellier',
    phone: '04 00 00 00 01',
    hours: 'lun.-sam. 10 h-19 h',
  },
  {
    name: 'Café Démonstration',
    address: '12 place Imaginaire',
    postal_code: '34000',
    commune: 'Montpellier',
    phone: null,
    hours: 'tous les jours 8 h-1 h',
  },
  {
    name: 'Médiathèque Modèle',
    address: '3 allée du Test',
    postal_code: '34070',
    commune: 'Montpellier',
    phone: '04 00 00 00 02',
    hours: null,
  },
  {
    name: 'Pharmacie Témoin',
    address: '8 avenue Essai',
    postal_code: '34500',
    commune: 'Béziers',
    phone: '04 00 00 00 03',
    hours: '24 h/24',
  },
  {
    name: 'Boutique Fermée',
    address: '5 rue Close',
    postal_code: '34000',
    commune: 'Montpellier',
    phone: null,
    hours: null,
    active: false,
  },
  {
    name: 'Maison des Associations Fictive',
    address: '206 quai Imaginaire',
    postal_code: '75010',
    commune: 'Paris',
    phone: '01 00 00 00 00',
    hours: 'lun.-ven. 9 h-18 h',
  },
];
