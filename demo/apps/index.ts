// The registry of scenario apps, one per entry of DEMO_SCENARIOS; each call makes fresh session stores.
import type { DemoApp } from '../app.ts';
import { burstApp } from './burst.ts';
import { clientExpiryApp } from './client-expiry.ts';
import { idInUrlApp } from './id-in-url.ts';
import { insecureAttributesApp } from './insecure-attributes.ts';
import { loadBalancerApp } from './load-balancer.ts';
import { fixationApp, rotationApp } from './login-flow.ts';
import { logoutApp } from './logout.ts';
import { sameSiteCrossSiteApp } from './samesite-cross-site.ts';
import { secureLostOnHttpApp } from './secure-lost-on-http.ts';
import { serverExpiryApp } from './server-expiry.ts';
import { shadowedPathsApp } from './shadowed-paths.ts';

export function createDemoApps(): DemoApp[] {
  return [
    secureLostOnHttpApp(),
    loadBalancerApp(),
    serverExpiryApp(),
    logoutApp(),
    clientExpiryApp(),
    fixationApp(),
    rotationApp(),
    idInUrlApp(),
    insecureAttributesApp(),
    sameSiteCrossSiteApp(),
    shadowedPathsApp(),
    // Not a scenario: the load page of the hardening tests.
    burstApp(),
  ];
}
