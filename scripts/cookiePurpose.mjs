// The purpose Sessionscope gives a row of the Open Cookie Database (scripts/refresh-cookie-database.mjs), from the
// row's category, platform and description. Kept apart from the script so that a test reads it without a CSV.
//
// The dataset's four categories are coarse (bot-protection and load-balancer cookies are "Functional"), so a
// Functional or Security row's purpose is refined from its own description, by the first matching pattern.

/** Advertising and analytics keep their category whatever the text says ("session" there means a visit). */
const CATEGORY_PURPOSE = { Marketing: 'advertising', Analytics: 'analytics' };

/** A platform that says what it is outranks the description: App Insights' `ai_session` is a visit, not a login. */
const PLATFORM_PURPOSES = [
  ['bot-protection', /bot ?man|incapsula|imperva|perimeterx|datadome|captcha|distil/i],
  ['analytics', /analytics|insights|hotjar|mixpanel|segment|matomo|piwik|new relic/i],
  // An ad product's "Functional" row is still its ad product's: Google AdSense's `ANID` is described with Google's
  // boilerplate of "a user's session, such as the content of a shopping cart".
  ['advertising', /ad ?sense|ad ?words|ad ?manager|double ?click|advertis/i],
];

/**
 * A description that speaks of a session or a login without the cookie holding one. "Used during a login" is not
 * "holds the session": the address to go back to afterwards (Salesforce's `RRetURL`, Magento's `login_redirect`,
 * NextAuth's `callback-url`), the user's name or e-mail address to fill in, a yes/no flag or a status, a count or a
 * duration, a template; and "session" meaning a visit that is counted, sampled or studied (Salesforce's `BrowserId`
 * "for product analytics", Qualtrics' replay sampling, Dynamic Yield's A/B sequence). Such a row falls through to the
 * purposes below (A/B test, preference) or to `functional`, which says nothing either way: the cookie is then judged
 * by its name's words, its value and its behaviour, as any cookie the dataset does not know (audits 12 and 14 found
 * `ACCOUNT_CHOOSER`-like rows and `esctx-` raised to session lanes by the dataset's word alone).
 */
const NOT_AN_ID =
  /redirect|return(?:s|ed)? to|callback.?url|destination page|first page|original page|user'?s? ?name\b|username|e-?mail address|(?:^|\. |\ba |\bis a )flag\b|(?:stores|holds|saves) the [\w -]*status|indicates? (?:if|whether)|determines (?:if|whether)|remembers? (?:if|whether)|\bcount(?:s|ed|ing)?\b|number of|duration|detect (?:if|whether)|template|analytic|statistic|anonymous data|sampl(?:e|ed|ing)\b|survey|a\/b|experiment|\bchat\b|campaign|opt.?out|preview|debug/i;

/**
 * Purpose of a row by its description, first match wins. Session-like descriptions come before geolocation and
 * preferences (a session cookie that also mentions a language is still a session), after bot protection and load
 * balancing (Imperva's `incap_ses_*` is described as a session of its CDN, not of the site). A row matches a purpose
 * by `means` unless its description also matches `unless`.
 */
const PURPOSES = [
  {
    purpose: 'bot-protection',
    means: /\bbots?\b|fraud|captcha|ddos|malicious|web application firewall|trusted web traffic/i,
  },
  {
    purpose: 'affinity',
    means: /load.?balanc|sticky|same server|which server|server (node|instance)|one out of multiple servers/i,
  },
  { purpose: 'consent', means: /consent|cookie (banner|notice|preferences)/i },
  { purpose: 'csrf', means: /csrf|xsrf|forgery/i },
  { purpose: 'session', means: /session|logged.?in|log.?in|authenticat|sign.?in/i, unless: NOT_AN_ID },
  { purpose: 'geolocation', means: /geolocat|geographic|country|region/i },
  { purpose: 'preference', means: /preference|language|currency|locale|theme|setting/i },
  { purpose: 'ab-test', means: /a\/b|split test|experiment|variant/i },
];

/**
 * Edge networks (CDNs, their firewalls and waiting rooms) set cookies of their own on the sites they serve: Akamai's
 * `ak_bmsc` and `AKA_A2`, Cloudflare's `_cfuvid` and `__cfwaitingroom`. A row of such a platform that no description
 * places elsewhere (a load balancer's stays affinity) is the network's, never the application's session.
 */
const EDGE_PLATFORM = /akamai|cloudflare|fastly|cloudfront|sucuri|stackpath|edgio|limelight/i;

/** The purpose of one dataset row. */
export function purposeOf(category, platform, description) {
  return (
    CATEGORY_PURPOSE[category.trim()] ??
    PLATFORM_PURPOSES.find(([, re]) => re.test(platform))?.[0] ??
    PURPOSES.find(({ means, unless }) => means.test(description) && !unless?.test(description))?.purpose ??
    (EDGE_PLATFORM.test(platform) ? 'edge' : 'functional')
  );
}
