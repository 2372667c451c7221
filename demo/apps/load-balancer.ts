// Scenario load-balancer: lb.test is a round-robin balancer in front of two Tomcat-like nodes, each
// with its own session store (no replication). It rewrites the SERVERID affinity cookie on every
// response but ignores it when routing, so a request with node1's JSESSIONID can land on node2.
import { cookieValue, type DemoApp, type DemoRequest, serverSaw, shortId } from '../app.ts';
import { SessionStore } from '../session-store.ts';
import { link, scenarioPage } from './scenario-page.ts';

const ID = 'load-balancer';
const NODES = ['node1', 'node2'] as const;

export function loadBalancerApp(): DemoApp {
  // Tomcat appends the jvmRoute to the session ID: <hex>.node1
  const stores = {
    node1: new SessionStore(Number.POSITIVE_INFINITY, '.node1'),
    node2: new SessionStore(Number.POSITIVE_INFINITY, '.node2'),
  };
  let nextNode = 0;
  return {
    scenarioId: ID,
    owns: (req) => req.host === 'lb.test',
    handle(req: DemoRequest) {
      const sent = cookieValue(req, 'JSESSIONID');
      // A visit without a session starts on node1, so every run of the scenario is the same.
      if (sent === undefined) nextNode = 0;
      const node = NODES[nextNode % NODES.length] ?? 'node1';
      nextNode++;
      const known = stores[node].find(sent);
      const session = known ?? stores[node].create();
      const setCookies = known ? [] : [`JSESSIONID=${session.id}; Path=/; Secure; HttpOnly`];
      setCookies.push(`SERVERID=${node}; Path=/`);
      return scenarioPage(
        ID,
        `${serverSaw([
          `balancer routed this request to <strong>${node}</strong> (SERVERID sent: ${shortId(cookieValue(req, 'SERVERID'))})`,
          `JSESSIONID sent: ${shortId(sent)}`,
          known ? `${node} knows this session` : `${node} does not know it: new JSESSIONID ${shortId(session.id)}`,
        ])}
${link('to-cart', '/lb/cart', 'View your cart (next request)')}`,
        setCookies,
      );
    },
  };
}
