// engine/'s test files in one process (runner/test-files.ts says why): `npm run test:unit` runs this file.
import { requireTestFiles } from '../runner/test-files';

requireTestFiles(__dirname);
