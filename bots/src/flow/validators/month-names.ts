/** French and English month names and common abbreviations (accent-free, lower case) → 1–12. */
export const MONTH_NAMES: ReadonlyMap<string, number> = new Map(
  (
    [
      [1, ['janvier', 'janv', 'january', 'jan']],
      [2, ['fevrier', 'fevr', 'fev', 'february', 'feb']],
      [3, ['mars', 'march', 'mar']],
      [4, ['avril', 'avr', 'april', 'apr']],
      [5, ['mai', 'may']],
      [6, ['juin', 'june', 'jun']],
      [7, ['juillet', 'juil', 'july', 'jul']],
      [8, ['aout', 'august', 'aug']],
      [9, ['septembre', 'sept', 'september', 'sep']],
      [10, ['octobre', 'october', 'oct']],
      [11, ['novembre', 'november', 'nov']],
      [12, ['decembre', 'december', 'dec']],
    ] as const
  ).flatMap(([month, names]) => names.map((name) => [name, month] as const)),
);

/** French and English weekday names (accent-free, lower case) → 0 (Sunday) to 6. */
export const WEEKDAY_NAMES: ReadonlyMap<string, number> = new Map(
  (
    [
      [0, ['dimanche', 'sunday']],
      [1, ['lundi', 'monday']],
      [2, ['mardi', 'tuesday']],
      [3, ['mercredi', 'wednesday']],
      [4, ['jeudi', 'thursday']],
      [5, ['vendredi', 'friday']],
      [6, ['samedi', 'saturday']],
    ] as const
  ).flatMap(([day, names]) => names.map((name) => [name, day] as const)),
);
