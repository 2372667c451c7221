import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
export default {
  // SvelteKit's generated files under node_modules/, which git and Biome leave alone.
  kit: { adapter: adapter(), outDir: 'node_modules/.svelte-kit' },
};
