// The workspace root is this directory (the repository's lockfile above it is not this app's); the build goes to
// dist/, which the repository's .gitignore and Biome leave out.
export default { turbopack: { root: import.meta.dirname }, distDir: 'dist' };
