import type {
  EffectResult,
  FlowChoice,
  FlowContext,
  FlowEffect,
  FlowInput,
  FlowOutput,
  FlowState,
} from '../flow-types.js';
import { step } from '../report-flow.js';

/** A fixed context for tests: 22 November 2026, Telegram, chat 42. */
export function testContext(overrides: Partial<FlowContext> = {}): FlowContext {
  let ids = 0;
  return {
    now: new Date('2026-11-22T10:00:00Z'),
    channel: 'telegram',
    clientLang: 'fr',
    reporterKey: 'a'.repeat(64),
    chatAddress: { channel: 'telegram', chatId: 42 },
    newId: () => `7d1f2c9e-4b1a-4c2e-9f0a-${String(++ids).padStart(12, '0')}`,
    newReference: () => 'K7QF-M3XA',
    ...overrides,
  };
}

/** Answers effects like the services would, unless a test says otherwise. */
function defaultResponder(effect: FlowEffect): EffectResult {
  switch (effect.kind) {
    case 'submit':
      return { kind: 'submitted', reference: effect.submission.reference };
    case 'find-safe-places':
      return { kind: 'safe-places', postalCode: effect.postalCode, places: [] };
    case 'list-my-reports':
      return { kind: 'my-reports', reports: [] };
    case 'erase-my-reports':
      return { kind: 'erasure-requested' };
  }
}

/**
 * Drives the pure flow like a channel would: keeps the state, runs effects with `respond` and
 * feeds their outcome back, and exposes what the person saw on the last turn.
 */
export class FlowDriver {
  state: FlowState | null = null;
  outputs: FlowOutput[] = [];
  readonly effects: FlowEffect[] = [];

  constructor(
    readonly ctx: FlowContext = testContext(),
    public respond: (effect: FlowEffect) => EffectResult = defaultResponder,
  ) {}

  /** One input, its effects, and the outputs the person sees. */
  send(input: FlowInput): this {
    let result = step(this.state, input, this.ctx);
    const shown: FlowOutput[] = [];
    for (let i = 0; i < 3; i++) {
      const effect = result.outputs.find((o) => o.kind === 'effect');
      shown.push(...result.outputs.filter((o) => o.kind !== 'effect'));
      if (!effect || effect.kind !== 'effect') break;
      this.effects.push(effect.effect);
      result = step(result.state, { kind: 'result', result: this.respond(effect.effect) }, this.ctx);
    }
    this.state = result.state;
    this.outputs = shown;
    return this;
  }

  text(text: string): this {
    return this.send({ kind: 'text', text });
  }

  /** Taps the button of the last question whose value is `value` or ends with `:option`. */
  tap(option: string): this {
    const choice = this.choices().find((c) => c.value === option || c.value.endsWith(`:${option}`));
    if (!choice)
      throw new Error(
        `no button ${option} among ${this.choices()
          .map((c) => c.value)
          .join(', ')}`,
      );
    return this.send({ kind: 'choice', value: choice.value });
  }

  /** Texts of the messages of the last turn. */
  texts(): string[] {
    return this.outputs.flatMap((o) => (o.kind === 'message' || o.kind === 'notice' ? [o.text] : []));
  }

  /** All texts of the last turn, joined. */
  seen(): string {
    return this.texts().join('\n');
  }

  /** The buttons of the last message that has some. */
  choices(): readonly FlowChoice[] {
    const withChoices = this.outputs.filter((o) => o.kind === 'message' && o.choices?.length);
    const last = withChoices.at(-1);
    return last?.kind === 'message' ? (last.choices ?? []) : [];
  }
}

/**
 * Answers the questions before "where" in a report already started: a victim, adult, insulted, for
 * an unknown motive, today.
 */
export function answerUpToWhere(d: FlowDriver): FlowDriver {
  return d.tap('go').tap('victim').tap('no').tap('insult').tap('done').tap('unknown').tap('done').tap('today');
}

/** Walks a new report to the summary with typical answers; `at` stops before a step. */
export function walkToSummary(d: FlowDriver, payload?: string): FlowDriver {
  d.send(payload ? { kind: 'start', payload } : { kind: 'start' });
  d.tap('go').tap('victim').tap('no').tap('insult').tap('threat').tap('done');
  d.tap('gayphobia').tap('done').text('12/03/2026').text('34 000').tap('street');
  // Threats: the referral question on the author comes after the description.
  d.text('Deux hommes m’ont insulté devant le tram.').tap('done').tap('other').tap('intends_to').tap('yes').tap('chat');
  return d;
}
