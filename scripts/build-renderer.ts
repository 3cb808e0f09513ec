/** `npm run build:renderer`: builds the UI bundle and the browser-mode transport into build/. */
import { buildRendererBundle } from '../main/server/renderer-bundle.js';

const report = await buildRendererBundle();
process.stdout.write(
  `Built the UI into ${report.rendererDir} and the browser transport into ${report.transportDir} (${report.milliseconds} ms).\n`,
);
