// Loaded with `node --require` by bench/documents.ts: writes the process's peak RSS (workers included) and the CPU
// time it used (user + system), which a machine busy with other work inflates far less than the wall time.
const { writeFileSync } = require('node:fs');
const target = process.env.TDKT_BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ rss: u.maxRSS * 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
  });
}
