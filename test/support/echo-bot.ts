import { ActivityHandler } from 'botbuilder';

/** The bare botbuilder baseline of the benchmarks: it says hello, then answers every message "ok". */
export class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      await context.sendActivity('hello');
      await next();
    });
    this.onMessage(async (context, next) => {
      await context.sendActivity('ok');
      await next();
    });
  }
}
