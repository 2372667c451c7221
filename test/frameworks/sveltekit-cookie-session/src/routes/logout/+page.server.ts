import { redirect } from '@sveltejs/kit';
import type { Actions } from './$types';

export const actions: Actions = {
  default: async ({ locals }) => {
    locals.session.destroy();
    redirect(303, '/');
  },
};
