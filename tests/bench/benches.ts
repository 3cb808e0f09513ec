/** Every benchmark `npm run bench` knows; add yours with one import and one entry. */
import type { Bench } from './bench.js';
import { siteBench } from './bench-site.js';
import { pdfBench } from './bench-pdf.js';
import { editorBench } from './bench-editor.js';
import { cliBench } from './bench-cli.js';
import { previewBench } from './bench-preview.js';

export const benches: Bench[] = [siteBench, pdfBench, editorBench, cliBench, previewBench];
