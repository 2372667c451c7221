/** session-established: the first session ID of a lane (RULES.md, lifecycle). */
import { defineRule } from './rule.ts';

export const sessionEstablished = defineRule({
  id: 'session-established',
  severity: 'info',
  title: 'Session established',
  docs: {
    explanation: 'The first session ID for this cookie and origin appears: the start of a session lane.',
    fix: 'Nothing to fix: this marks where the session begins.',
  },
  check(ctx) {
    return ctx.facts.lanes.flatMap((lane) => {
      const first = lane.ids[0];
      if (!first) return [];
      const request = ctx.request(first.firstEntry);
      const how =
        first.source === 'set-cookie' ? 'set by the server' : 'already held by the browser when the trace began';
      return [
        {
          origin: lane.origin,
          cookie: lane.cookie,
          entry: first.firstEntry,
          url: request?.url ?? '',
          message: `Session ${lane.cookie} starts with ID ${ctx.show(first.id)}, ${how} (${lane.identifiedBy}).`,
          evidence: { id: { secret: first.id }, domain: lane.domain, path: lane.path, identifiedBy: lane.identifiedBy },
        },
      ];
    });
  },
});
