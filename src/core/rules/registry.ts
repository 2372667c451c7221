/**
 * The rule registry: every rule module, in catalogue order (shared/design/RULES.md). The panel's rule help,
 * the text and SARIF reports and the tests all read this list; there is no other copy of the catalogue.
 */
import {
  cookieDomainBroad,
  cookieNoHttpOnly,
  cookieNoSecure,
  cookiePersistentSession,
  cookieSameSiteMissing,
  cookieSameSiteNone,
  cookieSameSiteNoneInsecure,
  cookieSetOverHttp,
} from './attributeRules.ts';
import { jwtAlgNone, jwtNoExpiry, sessionClientSideData } from './clientSideData.ts';
import { cookieHoldsCredentials } from './cookieHoldsCredentials.ts';
import type { Rule } from './rule.ts';
import { sessionBackendSwitch } from './sessionBackendSwitch.ts';
import { sessionEstablished } from './sessionEstablished.ts';
import { sessionFixation } from './sessionFixation.ts';
import { sessionIdInUrl } from './sessionIdInUrl.ts';
import { sessionIdLowEntropy } from './sessionIdLowEntropy.ts';
import { sessionIdPredictable } from './sessionIdPredictable.ts';
import { sessionKeptAtLogout } from './sessionKeptAtLogout.ts';
import { sessionNotEstablished } from './sessionNotEstablished.ts';
import { sessionNotSent } from './sessionNotSent.ts';
import { sessionRejected } from './sessionRejected.ts';
import { sessionReset } from './sessionReset.ts';
import { sessionRotated } from './sessionRotated.ts';
import { sessionSentOverHttp } from './sessionSentOverHttp.ts';
import { sessionShadowed } from './sessionShadowed.ts';
import { sessionTokenReissued } from './sessionTokenReissued.ts';
import { cookiePrefixViolation, cookieRejected } from './setCookieRejections.ts';

export const RULES = [
  sessionEstablished,
  sessionRotated,
  sessionNotSent,
  sessionReset,
  sessionBackendSwitch,
  sessionRejected,
  sessionNotEstablished,
  sessionFixation,
  sessionKeptAtLogout,
  sessionTokenReissued,
  sessionIdInUrl,
  cookieHoldsCredentials,
  sessionShadowed,
  sessionIdLowEntropy,
  sessionIdPredictable,
  cookieNoHttpOnly,
  cookieNoSecure,
  cookieSetOverHttp,
  sessionSentOverHttp,
  cookieSameSiteMissing,
  cookieSameSiteNone,
  cookieSameSiteNoneInsecure,
  cookieDomainBroad,
  cookiePersistentSession,
  cookiePrefixViolation,
  cookieRejected,
  sessionClientSideData,
  jwtAlgNone,
  jwtNoExpiry,
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];
export const RULE_IDS: readonly RuleId[] = RULES.map((r) => r.id);

const BY_ID = new Map<string, Rule>(RULES.map((r) => [r.id, r]));
export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}
