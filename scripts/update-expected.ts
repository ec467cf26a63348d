import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Rewrites the checked-in expected outputs of the end-to-end tests from the current build: run after a
// deliberate change of verdicts or fixtures (`npm run expected`), then review the diff like code.
const root = join(import.meta.dirname, '..', '..');
const r = spawnSync(process.execPath, [join(root, 'bin', 'tdkt.js'), 'check', 'fixtures/truong-thcs-hoa-sen/chuan', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
if (r.status !== 0) throw new Error(r.stderr);
writeFileSync(join(root, 'test', 'expected', 'check-hoa-sen.json'), `${JSON.stringify(JSON.parse(r.stdout), null, 1)}\n`);
process.stdout.write('test/expected/check-hoa-sen.json\n');
