import openapiTS, { astToString } from 'openapi-typescript';

const header = '// Generated from the API document by packages/client/scripts/generate.mjs: do not edit.\n';

/** The client's types for `document` (default: the document the app builds, seed routes included). */
export const clientTypes = async (document) => {
  const doc = document ?? (await import('@placebo/app-api')).openApiDocument({ seedRoutes: true });
  return header + astToString(await openapiTS(doc, { exportType: false, alphabetize: false }));
};
