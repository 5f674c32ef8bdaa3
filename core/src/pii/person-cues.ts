/** Titles that announce a name ("Mme Dupont", "le docteur Martin"); the span includes them. */
export const TITLES: ReadonlySet<string> = new Set([
  'm', 'mme', 'mmes', 'mlle', 'mlles', 'mr', 'mrs', 'ms', 'miss', 'mister', 'sir', 'monsieur', 'madame',
  'mademoiselle', 'messieurs', 'docteur', 'docteure', 'dr', 'doctor', 'professeur', 'professeure', 'pr', 'prof',
  'maître', 'maitre', 'me', 'abbé', 'père', 'soeur', 'sœur', 'frère', 'imam', 'rabbin', 'pasteur',
]);

/** Titles that are ordinary words in other uses: they need a capitalised name right after them. */
export const WEAK_TITLES: ReadonlySet<string> = new Set(['me', 'm', 'père', 'soeur', 'sœur', 'frère', 'prof', 'pr', 'miss']);

/** Verbs and phrases that introduce a name: "s'appelle", "nommé", "un certain", "named". */
export const NAMING_WORDS: ReadonlySet<string> = new Set([
  'appelle', 'appellent', 'appelait', 'appelaient', 'appelais', 'appelé', 'appelée', 'appelés', 'appelées',
  'appele', 'appelee', 'nommé', 'nommée', 'nomme', 'nommee', 'prénommé', 'prénommée', 'prenomme', 'prenommee',
  'surnommé', 'surnommée', 'surnomme', 'named', 'called', 'certain', 'certaine', 'sappelle', 'sappelait',
  'mappelle', 'sapelle', 'apelle',
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
  'avec', 'par', 'contre', 'chez', 'et', 'pour', 'with', 'by', 'and', 'dit', 'told', 'said', 'est',
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
