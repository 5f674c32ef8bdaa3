/** A typed date with its time of day taken out: what is left to read as a day, and the time if any. */
export interface TimeOfDay {
  /** The text without the time ("hier soir vers 22h" → "hier soir"). */
  readonly rest: string;
  /** `HH:MM`, when an hour was given ("22h", "10 pm", "minuit"). */
  readonly time?: string;
}

const AROUND =
  '(?:(?:vers|a|aux alentours de|autour de|sur les|environ|around|about|at|approximately|approx|circa)\\s+)*';
const FR_HOUR = '(\\d{1,2})\\s*(?:h|heures?|:)\\s*(\\d{2})?';
const EN_HOUR = '(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a m|p m)';
const NAMED = '(minuit|midnight|midi|noon)';
const PART =
  "(du soir|du matin|du mat|de l'apres midi|de l apres midi|de la nuit|in the evening|in the morning|in the afternoon|at night)?";
const TIME = new RegExp(`(?:^|\\s)${AROUND}(?:${EN_HOUR}|${FR_HOUR}|${NAMED})\\s*${PART}(?=\\s|$)`);

/** Words that say the evening or the night, when an hour like "10h" means 22:00. */
const EVENING = /\b(?:soir|soiree|nuit|evening|night|tonight|pm)\b/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Takes the time of day out of a normalised typed date (lower case, no accents): "vers 22h",
 * "à 22 h 30", "22:30", "10 pm", "around midnight", "vers minuit", "10h du soir"; an hour under 12
 * said with the evening or the night ("hier soir vers 10h", "saturday night at 11") is read in the
 * evening. Hours as people say them, approximately; no time when there is none.
 */
export function takeTimeOfDay(text: string): TimeOfDay {
  const match = TIME.exec(text);
  if (!match) return { rest: text };
  const [whole, enHour, enMinutes, meridiem, frHour, frMinutes, named, part] = match;
  const rest = `${text.slice(0, match.index)} ${text.slice(match.index + whole.length)}`
    .replace(/\b(?:vers|a|at|around|about)\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
  let hour: number;
  let minutes = 0;
  if (named) hour = named === 'midi' || named === 'noon' ? 12 : 0;
  else {
    hour = Number(enHour ?? frHour);
    minutes = Number(enMinutes ?? frMinutes ?? 0);
    if (meridiem) {
      if (hour < 1 || hour > 12) return { rest: text };
      hour = (hour % 12) + (meridiem.startsWith('p') ? 12 : 0);
    } else if (
      hour < 12 &&
      (part === 'du soir' ||
        part?.includes('apres midi') ||
        part === 'in the evening' ||
        part === 'in the afternoon' ||
        (hour >= 5 && (part === 'at night' || (!part && EVENING.test(rest)))))
    ) {
      hour += 12;
    }
  }
  if (hour > 23 || minutes > 59) return { rest: text };
  return { rest, time: `${pad(hour)}:${pad(minutes)}` };
}
