/** The tool's name and version, as every report states them. */
import pkg from '../../package.json' with { type: 'json' };

export const TOOL = { name: 'sessionscope', version: pkg.version } as const;
