import type { ActType, Lang, ReportSubmission } from '@relais/core';

/** Steps of the report conversation, in order. */
export type StepName = 'actType' | 'postalCode' | 'description' | 'confirm';

/**
 * A conversation in progress: serialisable (JSON) and versioned, stored sealed in Redis with a TTL
 * so any bot instance can continue it. `reportId` is fixed when the draft starts, so sending twice
 * submits the same report.
 */
export interface FlowState {
  readonly v: 1;
  readonly step: StepName;
  readonly lang: Lang;
  readonly tunnel: string | null;
  readonly reportId: string;
  readonly reference: string;
  readonly answers: {
    readonly actTypes?: readonly ActType[];
    readonly postalCode?: string;
    readonly description?: string;
  };
}

/** What the person did, as a channel parsed it. */
export type FlowInput =
  | { readonly kind: 'start'; readonly payload?: string; readonly lang?: Lang }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'choice'; readonly value: string }
  | { readonly kind: 'cancel' }
  /** Anything the flow cannot read: a sticker, a photo, a voice note… */
  | { readonly kind: 'unsupported' };

/** A button the channel renders; `value` is what comes back as a `choice` input (≤ 40 bytes). */
export interface FlowChoice {
  readonly value: string;
  readonly label: string;
}

/** What the channel must do, in order. */
export type FlowOutput =
  | { readonly kind: 'message'; readonly text: string; readonly choices?: readonly FlowChoice[] }
  /** Enqueue the report; only once that succeeded may the following outputs be sent and the state saved. */
  | { readonly kind: 'submit'; readonly submission: ReportSubmission };

/** What a step needs from outside, injected so the flow stays pure and testable. */
export interface FlowContext {
  readonly now: Date;
  readonly channel: ReportSubmission['channel'];
  /** Keyed hash of the person's channel identity, or null. */
  readonly reporterKey: string | null;
  newId(): string;
  newReference(): string;
}

/** The result of one step: the next state (null when the conversation is over) and the outputs. */
export interface StepResult {
  readonly state: FlowState | null;
  readonly outputs: readonly FlowOutput[];
}
