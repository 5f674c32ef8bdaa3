import type { Logger } from '@relais/core';
import type { DraftStore } from './draft-store.js';
import { ThrottledError, type FlowServices } from './flow-services.js';
import type { EffectResult, FlowContext, FlowEffect, FlowInput, FlowOutput, FlowState } from './flow-types.js';
import { step } from './report-flow.js';

/** Outputs a channel renders (effects are run by the runner, never rendered). */
export type RenderableOutput = Exclude<FlowOutput, { kind: 'effect' }>;

/** At most this many effects follow one input (a submit, then nothing; guards against loops). */
const MAX_EFFECTS = 3;

/**
 * Runs the pure flow for one input of one conversation, for any channel: under the
 * conversation's lock, loads the draft, steps the flow, performs the effects it asks for (submit,
 * look-ups, erasure) and feeds their outcome back, saves the new state, then hands the outputs to
 * the channel's `render`. A report is confirmed only once `submit` resolved.
 */
export class ConversationRunner {
  constructor(
    private readonly drafts: DraftStore,
    private readonly services: FlowServices,
    private readonly logger: Logger,
  ) {}

  /**
   * Handles one input; `render` shows the outputs, still under the lock so they keep their order.
   * `inputId` (a Telegram update id, a Direct Line activity id) makes a re-delivered input
   * harmless: the first time it is applied, its id is committed with the new draft in one write;
   * a later delivery of the same id changes nothing and shows nothing (a second tap on a ticked
   * option must not untick it). Without an id, every input is applied.
   */
  async run(
    conversation: string,
    input: FlowInput,
    ctx: FlowContext,
    render: (outputs: RenderableOutput[]) => Promise<void>,
    inputId?: string,
  ): Promise<void> {
    await this.drafts.withLock(conversation, async () => {
      if (inputId !== undefined && (await this.drafts.applied(conversation, inputId))) return;
      const stored = await this.drafts.load(conversation);
      let { state, outputs } = step(stored, input, ctx);
      const shown: RenderableOutput[] = [];
      for (let round = 0; ; round++) {
        let pending: FlowEffect | undefined;
        for (const output of outputs) {
          if (output.kind === 'effect') pending ??= output.effect;
          else shown.push(output);
        }
        if (!pending || round >= MAX_EFFECTS) break;
        ({ state, outputs } = step(state, { kind: 'result', result: await this.perform(pending, ctx) }, ctx));
      }
      if (stored !== null || state !== null || inputId !== undefined)
        await this.drafts.save(conversation, state satisfies FlowState | null, inputId);
      await render(shown);
    });
  }

  private async perform(effect: FlowEffect, ctx: FlowContext): Promise<EffectResult> {
    try {
      switch (effect.kind) {
        case 'submit': {
          const { reference, followUpPhrase, followUpUrl } = await this.services.submit(effect.submission);
          this.logger.info({ reportId: effect.submission.id }, 'report submitted to intake');
          return {
            kind: 'submitted',
            reference,
            ...(followUpPhrase ? { followUpPhrase } : {}),
            ...(followUpUrl ? { followUpUrl } : {}),
          };
        }
        case 'find-safe-places':
          return {
            kind: 'safe-places',
            postalCode: effect.postalCode,
            places: await this.services.findSafePlaces(effect.postalCode),
          };
        case 'list-my-reports':
          if (!ctx.reporterKey) return { kind: 'my-reports', reports: [] };
          return { kind: 'my-reports', reports: await this.services.listMyReports(ctx.reporterKey) };
        case 'erase-my-reports':
          if (!ctx.reporterKey) return { kind: 'failed', effect: effect.kind };
          await this.services.requestErasure(ctx.reporterKey, ctx.now);
          this.logger.info('erasure requested');
          return { kind: 'erasure-requested' };
      }
    } catch (error) {
      if (error instanceof ThrottledError) {
        this.logger.warn(
          { effect: effect.kind, retryAfterSeconds: error.retryAfterSeconds },
          'flow effect throttled; draft kept',
        );
        return { kind: 'throttled', effect: effect.kind, retryAfterSeconds: error.retryAfterSeconds };
      }
      const reportId = effect.kind === 'submit' ? effect.submission.id : undefined;
      this.logger.error(
        { errorName: (error as Error)?.name, errorMessage: (error as Error)?.message, effect: effect.kind, reportId },
        'flow effect failed; draft kept',
      );
      return { kind: 'failed', effect: effect.kind };
    }
  }
}
