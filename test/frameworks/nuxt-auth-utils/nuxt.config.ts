// A Nuxt 4 app whose login is nuxt-auth-utils' sealed session cookie (`nuxt-session`), recorded by
// scripts/record-framework-hars.ts. NUXT_SESSION_PASSWORD (32+ characters) is given at start.
export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  modules: ['nuxt-auth-utils'],
  devtools: { enabled: false },
  telemetry: false,
});
