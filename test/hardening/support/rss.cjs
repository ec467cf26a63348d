// Loaded with `node --require`: writes the process's peak RSS in bytes to $TDKT_TEST_RSS_FILE when it exits.
const { writeFileSync } = require('node:fs');
const target = process.env.TDKT_TEST_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS * 1024)));
