export { startServer, type ServerOptions } from './server.js';
export { toLspDiagnostic, toLspRange, type DiagnosticData } from './convert.js';
export { cellName } from './cell-names.js';
