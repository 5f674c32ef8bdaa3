import { foldAccents } from './fold-accents.js';

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
  'apele', 'surnommer', 'surnomment', 'alias', 'aka',
]);

/**
 * Adverbs that may stand between a naming verb and the name: "qu'on appelle tous Tonton", "on
 * l'appelle juste Momo", "they all call him Jimmy".
 */
export const NAMING_ADVERBS: ReadonlySet<string> = new Set([
  'tous', 'toutes', 'souvent', 'toujours', 'tjrs', 'tjs', 'juste', 'simplement', 'aussi', 'encore', 'plutôt', 'plutot',
  'parfois', 'just', 'also', 'all',
]);

/**
 * Nouns that, as the subject of a naming verb, make its value the name of a thing, not of a person:
 * "le groupe s'appelle …", "la page s'appelait …", "le bar s'appelle Le Zinc".
 */
export const THING_NOUNS: ReadonlySet<string> = new Set([
  'groupe', 'compte', 'page', 'chaîne', 'chaine', 'conversation', 'conv', 'discussion', 'serveur', 'salon', 'site',
  'appli', 'application', 'jeu', 'film', 'série', 'serie', 'émission', 'emission', 'livre', 'chanson', 'album',
  'bar', 'boîte', 'boite', 'club', 'resto', 'restaurant', 'asso', 'association', 'entreprise', 'société', 'societe',
  'magasin', 'boutique', 'rue', 'quartier', 'village', 'ville', 'hashtag', 'group', 'account', 'channel', 'server',
]);

/** Determiners before a noun: a lower-case word right after one is a noun ("le kiné", "au max"), not a name. */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'le', 'la', 'les', 'un', 'une', 'des', 'du', 'au', 'aux', 'ce', 'cet', 'cette', 'ces', 'the', 'an',
]);

/** Prepositions taking an infinitive: a lower-case name-like word in -er or -ir (not -ier) after them is a verb ("pour porter plainte"). */
export const INFINITIVE_CUES: ReadonlySet<string> = new Set(['pour', 'sans', 'de', 'à', 'a']);

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

/** A set of words that also holds each of them without accents, as typed on a phone ("belle-mere", "collegue"). */
function withUnaccented(words: readonly string[]): ReadonlySet<string> {
  return new Set([...words, ...words.map(foldAccents)]);
}

/** People a victim names through their relation: "ma voisine Nathalie", "my friend Tom"; accents optional. */
export const RELATION_WORDS: ReadonlySet<string> = withUnaccented([
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
  // Family words of everyday speech and slang.
  'daron', 'daronne', 'reuf', 'frérot', 'frerot', 'frangin', 'frangine', 'tonton', 'tata', 'tati', 'tatie', 'beauf',
  'belle-sœur', 'belle-soeur', 'beau-frère', 'beau-frere', 'belle-fille', 'beau-fils', 'grand-père', 'grand-mère',
  'grand-pere', 'grand-mere', 'parrain', 'marraine', 'filleul', 'filleule', 'demi-frère', 'demi-sœur',
  // People met through work, school, care or services.
  'coach', 'entraîneur', 'entraineur', 'entraîneuse', 'moniteur', 'monitrice', 'infirmier', 'infirmière', 'infirmiere',
  'médecin', 'medecin', 'kiné', 'kine', 'psy', 'avocat', 'avocate', 'tuteur', 'tutrice', 'gardien', 'gardienne',
  'concierge', 'livreur', 'livreuse', 'serveur', 'serveuse', 'vendeur', 'vendeuse', 'caissier', 'caissière', 'videur',
  'pharmacien', 'pharmacienne', 'animateur', 'animatrice', 'stagiaire', 'apprenti', 'apprentie', 'manageur',
  'manageuse', 'employé', 'employée', 'équipier', 'équipière', 'formateur', 'formatrice', 'instit', 'maîtresse',
  'maitresse', 'principal', 'principale', 'proviseur', 'proviseure', 'cpe', 'aide-soignant', 'aide-soignante',
  'nounou', 'baby-sitter', 'teacher', 'coworkers', 'cousins', 'cousines', 'voisines', 'amis', 'amies', 'potes',
]);

/**
 * Plural relation words after which "les" and a capitalised word name a family: "nos voisins les
 * Lefort", "mes cousins les Da Costa".
 */
export const FAMILY_RELATION_WORDS: ReadonlySet<string> = new Set([
  'voisins', 'cousins', 'amis', 'beaux-parents', 'propriétaires', 'proprios', 'bailleurs', 'agresseurs', 'parents',
]);

/** Short words after which even an ambiguous name ("rose", "pierre") is read as a name. */
export const WEAK_CUES: ReadonlySet<string> = new Set([
  'avec', 'par', 'contre', 'chez', 'et', 'pour', 'with', 'by', 'and', 'dit', 'told', 'said', 'est', 'cest',
]);

/** English weak cues: after them an ambiguous name needs a capital ("and said", "with grace" are words). */
export const ENGLISH_WEAK_CUES: ReadonlySet<string> = new Set(['with', 'by', 'and', 'told', 'said']);

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
  // Shops and businesses named after their owner or a brand ("la boulangerie Paul", "le kebab Chez Momo").
  'boulangerie', 'librairie', 'boucherie', 'épicerie', 'epicerie', 'pâtisserie', 'patisserie', 'brasserie',
  'pizzeria', 'kebab', 'tabac', 'supermarché', 'supermarche', 'boutique', 'enseigne', 'agence', 'garage', 'pressing',
  'laverie', 'discothèque', 'discotheque', 'bowling', 'piscine', 'patinoire', 'salle',
  'concession', 'pub', 'shop', 'store', 'supérette', 'superette',
  // Institutions named after a place ("la gendarmerie de Nancy", "le commissariat de Florence").
  'gendarmerie', 'commissariat', 'préfecture', 'prefecture', 'tribunal', 'chu', 'rectorat', 'académie', 'academie',
  'paroisse', 'temple', 'chapelle', 'internat', 'campus', 'iut', 'département', 'departement', 'région', 'region',
]);

/** Prepositions after which a commune's name is a place ("à Nancy"). */
export const PLACE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'à', 'a', 'vers', 'sur', 'in', 'at', 'to', 'from', 'depuis', 'près', 'pres', 'au', 'en', 'quartier', 'entre',
]);

/**
 * Verbs of travel after which "à" and a name is a stop or a station: "je descends à Jean Jaurès",
 * "on a changé à Louis Blanc"; also "jusqu'à" and "direction" ("tram direction Jacou").
 */
export const TRAVEL_WORDS: ReadonlySet<string> = new Set([
  'descends', 'descend', 'descendu', 'descendue', 'descendus', 'descendues', 'descendre', 'descendons', 'descendez',
  'descendent', 'descendais', 'descendait', 'descendions', 'monté', 'montée', 'montés', 'montées', 'monter', 'monte',
  'montes', 'montent', 'changé', 'changer', 'change', 'changes', 'changeons', 'correspondance', 'terminus', 'arrêté',
  'arrêtée', 'arrete', 'arrête',
]);

/**
 * Particles that are no French word: in lower case too they join the next word to a name
 * ("kevin van damme", "mme da costa", "karim ben salah").
 */
export const FOREIGN_PARTICLES: ReadonlySet<string> = new Set([
  'da', 'dos', 'das', 'di', 'del', 'della', 'van', 'von', 'ben', 'bin', 'ibn', 'ould', 'abu', 'ait', 'aït', 'el', 'al',
  'mac', 'mc',
]);

/** Prefixes of a compound that holds a name: "un groupe anti-Noah", "team-Lina". */
export const NAME_COMPOUND_PREFIXES: ReadonlySet<string> = new Set(['anti', 'pro', 'team', 'fan', 'fans', 'ex', 'pseudo', 'faux', 'fake']);

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
