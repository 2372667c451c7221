import { withPayload } from '@payloadcms/next/withPayload';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // This directory, not /work/main (whose package-lock.json Next takes for the workspace root otherwise).
  outputFileTracingRoot: import.meta.dirname,
};

export default withPayload(nextConfig, { devBundleServerPackages: false });
