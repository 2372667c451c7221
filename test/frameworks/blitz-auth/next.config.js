// Blitz's withBlitz over Next's own configuration (webpack, not Turbopack: Blitz's RPC loader is a webpack rule). The
// build goes to dist/, which the repository's .gitignore and Biome leave out; this directory is the tracing root (the
// repository's lockfile above it is not this app's).
const { withBlitz } = require('@blitzjs/next');

module.exports = withBlitz({ distDir: 'dist', outputFileTracingRoot: __dirname });
