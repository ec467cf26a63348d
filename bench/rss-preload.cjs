// Loaded with `node --require`: writes the process's peak RSS and CPU time (workers included) when it exits,
// as "rss cpuMicroseconds".
const { writeFileSync } = require('node:fs');
const target = process.env.TDKT_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(target, `${u.maxRSS * 1024} ${u.userCPUTime + u.systemCPUTime}`);
  });
}
