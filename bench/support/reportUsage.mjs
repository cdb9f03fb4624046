// Preloaded into a command the benchmarks time (node --import ./bench/support/reportUsage.mjs bin/saferplan.js ...):
// at exit it writes the command's wall time and peak memory to stderr, so the command runs exactly as a user runs it.
const started = performance.now();
process.on('exit', () => {
  const usage = { seconds: (performance.now() - started) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 };
  process.stderr.write(`\n@usage ${JSON.stringify(usage)}\n`);
});
