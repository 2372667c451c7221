// The blank template's home page: it reads the user from the payload-token cookie through Payload's local API.
import { headers as getHeaders } from 'next/headers.js';
import { getPayload } from 'payload';
import React from 'react';

import config from '@/payload.config';

export default async function HomePage() {
  const headers = await getHeaders();
  const payloadConfig = await config;
  const payload = await getPayload({ config: payloadConfig });
  const { user } = await payload.auth({ headers });

  return (
    <div className="home">
      <div className="content">
        {!user && <h1>Welcome to your new project.</h1>}
        {user && <h1>Welcome back, {user.email}</h1>}
        <div className="links">
          <a className="admin" href={payloadConfig.routes.admin} rel="noopener noreferrer">
            Go to admin panel
          </a>
        </div>
      </div>
    </div>
  );
}
