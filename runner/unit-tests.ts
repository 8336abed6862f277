// runner/'s and steps/'s test files in one process (test-files.ts says why): `npm run test:unit` runs this file.
import { join } from 'node:path';
import { requireTestFiles } from './test-files';

requireTestFiles(__dirname, join(__dirname, '..', 'steps'));
