/** Titles that announce a name ("Mme Dupont", "le docteur Martin"); the span includes them. */
export const TITLES: ReadonlySet<string> = new Set([
  'm', 'mme', 'mmes', 'mlle', 'mlles', 'mr', 'mrs', 'ms', 'miss', 'mister', 'sir', 'monsieur', 'madame',
  'mademoiselle', 'messieurs', 'docteur', 'docteure', 'dr', 'doctor', 'professeur', 'professeure', 'pr', 'prof',
  'maître', 'maitre', 'me', 'abbé', 'père', 'soeur', 'sœur', 'frère', 'imam', 'rabbin', 'pasteur', 'dresse', 'dre',
]);

/** English introductions after which a capitalised word is a name: "I'm Priya", "Im Tom". */
export const SELF_INTRODUCTIONS: ReadonlySet<string> = new Set(["i'm", 'i’m', 'im']);

/** Titles that are ordinary words in other uses: they need a capitalised name right after them. */
export const WEAK_TITLES: ReadonlySet<string> = new Set(['me', 'm', 'père', 'soeur', 'sœur', 'frère', 'prof', 'pr', 'miss']);

/** Titles that are written with a dot ("M. Garnier", "Dr. House"); after any other, a dot ends the sentence. */
export const ABBREVIATED_TITLES: ReadonlySet<string> = new Set([
  'm', 'mme', 'mmes', 'mlle', 'mlles', 'mr', 'mrs', 'ms', 'dr', 'pr', 'prof', 'st',
]);

/** Titles that are a pronoun in lower case ("appelle-moi", "tell me."): a title only capitalised ("Me Durand"). */
export const CAPITALISED_ONLY_TITLES: ReadonlySet<string> = new Set(['me']);

/** Verbs and phrases that introduce a name: "s'appelle", "nommé", "un certain", "named". */
export const NAMING_WORDS: ReadonlySet<string> = new Set([
  'appelle', 'appellent', 'appelait', 'appelaient', 'appelais', 'appelé', 'appelée', 'appelés', 'appelées',
  'appele', 'appelee', 'nommé', 'nommée', 'nomme', 'nommee', 'prénommé', 'prénommée', 'prenomme', 'prenommee',
  'surnommé', 'surnommée', 'surnomme', 'named', 'called', 'certain', 'certaine', 'sappelle', 'sappelait',
  'mappelle', 'sapelle', 'apelle', 'sappel', 'mappel', 'appellent', 'apellent', 'appeler', 'apeler', 'appel', 'apel',
  'apele', 'surnommer', 'surnomment',
]);

/**
 * Naming words that are also nouns or infinitives ("un appel", "appeler la police"): they introduce
 * a name only elided with a reflexive pronoun ("je m'appel kevinn", "dit s'appeler Julien") or after
 * "fait" ("il se fait appeler titi").
 */
export const REFLEXIVE_ONLY_NAMING: ReadonlySet<string> = new Set(['appel', 'apel', 'appeler', 'apeler', 'surnommer']);

/** Words before an infinitive naming verb that make it introduce a name: "se fait appeler". */
export const CAUSATIVES: ReadonlySet<string> = new Set(['fait', 'fais', 'faisait', 'faisaient', 'faire', 'font', 'fera']);

/** Nouns whose value follows a colon or "c'est": "Prénom : Kevin", "son nom c'est Pereira", "his name is Tom". */
export const NAME_NOUNS: ReadonlySet<string> = new Set([
  'prénom', 'prenom', 'prénoms', 'nom', 'noms', 'surnom', 'blaze', 'name', 'firstname', 'lastname', 'surname',
  'nickname',
]);

/** Subject and object pronouns: a lower-case word right after one is a verb ("je me tais"), not a name. */
export const CLITICS: ReadonlySet<string> = new Set([
  'je', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles', 'me', 'te', 'se', 'ne',
]);

/**
 * Companies, shops and car makers whose names are also first names or surnames ("au Leclerc", "une
 * Renault", "chez Orange"): not read as a person unless a title, naming or relation cue says so.
 */
export const ORGANISATION_NAMES: ReadonlySet<string> = new Set([
  'renault', 'peugeot', 'citroën', 'citroen', 'mercedes', 'toyota', 'ford', 'fiat', 'opel', 'dacia', 'nissan',
  'volkswagen', 'audi', 'bmw', 'kia', 'hyundai', 'tesla', 'seat', 'skoda', 'volvo', 'honda', 'mazda', 'suzuki',
  'yamaha', 'porsche', 'ferrari', 'lancia', 'mini', 'jeep', 'leclerc', 'carrefour', 'auchan', 'casino', 'lidl',
  'aldi', 'monoprix', 'franprix', 'intermarché', 'intermarche', 'darty', 'fnac', 'decathlon', 'ikea', 'conforama',
  'castorama', 'primark', 'zara', 'sephora', 'quick', 'orange', 'bouygues', 'sfr', 'free', 'engie', 'veolia',
  'adecco', 'manpower', 'lacoste', 'nike', 'adidas', 'mcdo', 'ibis', 'novotel', 'foncia', 'century', 'adoma',
]);

/** Holidays that are also first names; after these words they are the holiday ("le repas de Noël"). */
export const HOLIDAYS: ReadonlySet<string> = new Set(['noël', 'noel', 'pâques', 'paques', 'toussaint', 'pentecôte', 'pentecote', 'ascension', 'assomption']);

/** Words before a holiday's name: "de Noël", "à Noël", "pour Pâques", "joyeux Noël", "since Christmas". */
export const HOLIDAY_CUES: ReadonlySet<string> = new Set([
  'de', 'à', 'a', 'pour', 'avant', 'après', 'apres', 'depuis', 'la', 'le', 'jusqu', 'joyeux', 'bon', 'bonne',
  'vacances', 'fête', 'fete', 'fêtes', 'fetes', 'repas', 'réveillon', 'reveillon', 'lundi', 'since', 'at', 'before',
  'after',
]);

/** People a victim names through their relation: "ma voisine Nathalie", "my friend Tom". */
export const RELATION_WORDS: ReadonlySet<string> = new Set([
  'ami', 'amie', 'copain', 'copine', 'pote', 'voisin', 'voisine', 'voisins', 'collègue', 'collegue', 'chef', 'cheffe',
  'patron', 'patronne', 'manager', 'responsable', 'coloc', 'colocataire', 'frère', 'frere', 'soeur', 'sœur', 'cousin',
  'cousine', 'oncle', 'tante', 'mari', 'femme', 'compagnon', 'compagne', 'conjoint', 'conjointe', 'ex', 'agresseur',
  'agresseuse', 'harceleur', 'harceleuse', 'bailleur', 'bailleuse', 'propriétaire', 'proprio', 'camarade', 'fils',
  'fille', 'neveu', 'nièce', 'niece', 'partenaire', 'mec', 'meuf', 'copains', 'gérant', 'gérante', 'gerant',
  'surveillant', 'surveillante', 'collègues', 'supérieur', 'supérieure', 'directeur', 'directrice', 'employeur',
  'friend', 'neighbour', 'neighbor', 'boyfriend', 'girlfriend', 'partner', 'husband', 'wife', 'colleague',
  'boss', 'brother', 'sister', 'roommate', 'flatmate', 'landlord', 'coworker', 'mate', 'témoin', 'temoin',
  'victime', 'fils', 'beau-père', 'belle-mère', 'père', 'mère', 'pere', 'mere', 'chauffeur', 'contrôleur',
  'controleur', 'vigile', 'agent', 'éducateur', 'éducatrice', 'élève', 'eleve', 'étudiant', 'étudiante',
]);

/** Short words after which even an ambiguous name ("rose", "pierre") is read as a name. */
export const WEAK_CUES: ReadonlySet<string> = new Set([
  'avec', 'par', 'contre', 'chez', 'et', 'pour', 'with', 'by', 'and', 'dit', 'told', 'said', 'est', 'cest',
]);

/** Words that, just before a capitalised word, make it a place or an organisation, not a person. */
export const PLACE_WORDS: ReadonlySet<string> = new Set([
  'rue', 'avenue', 'boulevard', 'bd', 'place', 'allée', 'allee', 'quai', 'impasse', 'chemin', 'square', 'cours',
  'route', 'lycée', 'lycee', 'collège', 'college', 'école', 'ecole', 'université', 'universite', 'fac', 'faculté',
  'station', 'métro', 'metro', 'arrêt', 'arret', 'gare', 'hôpital', 'hopital', 'clinique', 'parc', 'stade',
  'centre', 'salle', 'gymnase', 'bar', 'café', 'cafe', 'restaurant', 'resto', 'boîte', 'club', 'magasin',
  'pharmacie', 'église', 'eglise', 'cathédrale', 'mosquée', 'synagogue', 'résidence', 'residence', 'cité', 'cite',
  'quartier', 'pont', 'porte', 'tram', 'ligne', 'bus', 'aéroport', 'aeroport', 'rond-point', 'institut',
  'association', 'asso', 'fondation', 'médiathèque', 'bibliothèque', 'musée', 'musee', 'théâtre', 'cinéma',
  'cinema', 'hôtel', 'hotel', 'camping', 'plage', 'lac', 'mont', 'street', 'road', 'saint', 'sainte', 'st', 'ste',
  'lotissement', 'hameau', 'village', 'ville', 'commune', 'mairie', 'prison', 'caserne', 'foyer', 'ehpad', 'crèche',
  'jardin', 'jardins', 'esplanade', 'promenade', 'passage', 'galerie', 'cours', 'halles', 'marché', 'marche',
  'avenue', 'prix', 'fête', 'festival', 'salon', 'pride', 'marathon', 'opération', 'opération', 'hashtag',
  'compte', 'groupe', 'page', 'chaîne', 'chaine', 'émission', 'série', 'film', 'livre', 'journal', 'magazine',
]);

/** Prepositions after which a commune's name is a place ("à Nancy"). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'à', 'a', 'vers', 'sur', 'in', 'at', 'to', 'from', 'depuis', 'près', 'pres', 'au', 'en', 'quartier',
]);

/** Particles inside names: "Da Silva", "Le Goff", "Van der Berg", "Ben Ali", "de La Fontaine". */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'de', 'da', 'du', 'des', 'del', 'della', 'di', 'do', 'dos', 'das', 'van', 'von', 'der', 'den', 'ter', 'le', 'la',
  'el', 'al', 'ben', 'bin', 'bent', 'ould', 'ibn', 'mac', 'mc', 'y', 'af', 'zu', 'abu', 'bou', 'ait', 'aït',
]);

/** Words right after a name that show it is the subject of a verb ("Rose m'a dit"). */
export const VERB_AFTER_NAME: ReadonlySet<string> = new Set([
  'a', 'est', 'était', 'etait', 'avait', 'nous', 'vous', 'me', 'te', 'lui', 'leur', 'qui', 'has', 'was',
  'is', 'told', 'said', 'had', 'called', 'sent', 'hit', 'ne', 'n', 'y', 'se', 'ma', 'mas', 'la', 'ta',
]);

/** Possessives before a relation word: "mon voisin Marc" names him, "le bailleur Habitat 34" not. */
export const POSSESSIVES: ReadonlySet<string> = new Set([
  'mon', 'ma', 'mes', 'son', 'sa', 'ses', 'notre', 'nos', 'votre', 'vos', 'leur', 'leurs', 'ton', 'ta', 'tes', 'my',
  'his', 'her', 'our', 'their', 'your',
]);
