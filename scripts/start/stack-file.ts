/** File under `.relais/` where `npm start` notes the servers it uses, for `npm run relais`. */
export const STACK_FILE = 'stack.json';

/** What {@link STACK_FILE} holds. */
export interface StackFile {
  readonly databaseUrl: string;
  readonly redisUrl: string;
}
