import { formatMonth } from '../../i18n/format-dates.js';
import { notedWhen } from '../summary.js';
import { addDays, monthBefore, timeInFrance, todayInFrance } from '../validators/calendar.js';
import { parseOccurrence } from '../validators/occurrence-answer.js';
import type { FlowContext, FlowState } from '../flow-types.js';
import { answered, reject, type Accepted, type StepDefinition } from './step-definition.js';

/** How many recent months the "approximately" question offers as buttons. */
const RECENT_MONTHS = 3;

const REFUSALS = { future: 'futureDate', timeOnly: 'timeOnly', unreadable: 'badDate' } as const;

/** A typed date (and time), said back as understood: "Noté : le 1er décembre vers 22 h." */
function typedDate(s: FlowState, text: string, ctx: FlowContext): Accepted {
  const today = todayInFrance(ctx.now);
  const parsed = parseOccurrence(text, today, timeInFrance(ctx.now));
  if (!parsed.ok) return reject(REFUSALS[parsed.reason]);
  const noted = {
    key: 'noted',
    params: { value: notedWhen(s.lang, parsed.occurrence, today) },
    withPrompt: true,
  } as const;
  return answered({ ...s, answers: { ...s.answers, occurred: parsed.occurrence } }, 'where', [noted]);
}

/** When: today, yesterday, a typed date, "approximately" (month), or "I don't remember". */
export const whenStep: StepDefinition = {
  group: 'when',
  expects: 'either',
  next: 'where',
  prompt: () => ({
    key: 'askWhen',
    choices: [
      { option: 'today', label: 'whenToday' },
      { option: 'yesterday', label: 'whenYesterday' },
      { option: 'approx', label: 'whenApprox' },
      { option: 'unknown', label: 'whenDontRemember' },
    ],
  }),
  accept(s, answer, ctx) {
    if (answer.kind === 'text') return typedDate(s, answer.text, ctx);
    const today = todayInFrance(ctx.now);
    const store = (occurred: FlowState['answers']['occurred']) => ({ ...s, answers: { ...s.answers, occurred } });
    switch (answer.option) {
      case 'today':
        return answered(store({ precision: 'day', date: today }));
      case 'yesterday':
        return answered(store({ precision: 'day', date: addDays(today, -1) }));
      case 'approx':
        return answered(s, 'month');
      case 'unknown':
        return answered(store(null));
      default:
        return reject('expectChoiceOrText');
    }
  },
};

/** The month and year, when the person only knows approximately. */
export const monthStep: StepDefinition = {
  group: 'when',
  expects: 'either',
  next: 'where',
  prompt: (s, ctx) => {
    const today = todayInFrance(ctx.now);
    const months = Array.from({ length: RECENT_MONTHS }, (_, i) => monthBefore(today, i));
    return {
      key: 'askMonth',
      choices: [
        ...months.map((m) => ({ option: `m${m}`, label: { literal: formatMonth(s.lang, m) } })),
        { option: 'unknown', label: 'whenDontRemember' },
      ],
    };
  },
  accept(s, answer, ctx) {
    if (answer.kind === 'text') return typedDate(s, answer.text, ctx);
    if (answer.option === 'unknown') return answered({ ...s, answers: { ...s.answers, occurred: null } });
    const month = /^m(\d{4}-(?:0[1-9]|1[0-2]))$/.exec(answer.option)?.[1];
    if (!month || month > monthBefore(todayInFrance(ctx.now), 0)) return reject('expectChoiceOrText');
    return answered({ ...s, answers: { ...s.answers, occurred: { precision: 'month', month } } });
  },
};
