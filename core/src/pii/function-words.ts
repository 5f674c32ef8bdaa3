/**
 * French and English function words (articles, pronouns, prepositions, conjunctions, frequent
 * adverbs and auxiliaries): a word of this list ends a street name or a pseudonym. Shorter than the
 * stopword lexicon, which also holds content words ("gare", "trois") that streets are named after.
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'à', 'a', 'au', 'aux', 'avec', 'ce', 'ces', 'cet', 'cette', 'chez', 'comme', 'dans', 'de', 'des', 'du', 'donc',
  'elle', 'elles', 'en', 'et', 'eux', 'il', 'ils', 'je', 'j', 'la', 'le', 'les', 'leur', 'leurs', 'lui', 'ma', 'mais',
  'me', 'mes', 'moi', 'mon', 'ne', 'ni', 'nous', 'on', 'ou', 'où', 'par', 'pas', 'pour', 'qu', 'que', 'qui', 'quand',
  'sa', 'se', 'ses', 'si', 'son', 'sur', 'ta', 'te', 'tes', 'toi', 'ton', 'tu', 'un', 'une', 'vos', 'votre', 'vous',
  'y', 'depuis', 'pendant', 'après', 'apres', 'avant', 'hier', 'ce', 'soir', 'matin', 'aujourd', 'puis', 'alors',
  'est', 'était', 'etait', 'sont', 'ont', 'ai', 'as', 'avait', 'avons', 'avez', 'été', 'ete', 'où', 'devant',
  'derrière', 'près', 'pres', 'vers', 'sans', 'sous', 'entre', 'contre', 'selon', 'parce', 'car', 'aussi', 'encore',
  'déjà', 'deja', 'toujours', 'jamais', 'très', 'tres', 'plus', 'moins', 'bien', 'tout', 'tous', 'toute', 'toutes',
  'the', 'a', 'an', 'and', 'or', 'but', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'he', 'she',
  'they', 'we', 'i', 'you', 'it', 'is', 'was', 'were', 'are', 'his', 'her', 'their', 'my', 'our', 'your', 'since',
  'near', 'because', 'when', 'where', 'who', 'which', 'that', 'this', 'then', 'there', 'here',
]);
