// The HTML quality report; built in pipeline/report/ (this is the entry point the CLI calls).
export { renderReport, reportPieces, type ReportOptions } from '../report/render.js';
