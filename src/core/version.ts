/** The tool's name and version, as the report states them (kept equal to package.json by a test). */
export const TOOL = { name: 'tassei', version: '0.1.0' } as const;
