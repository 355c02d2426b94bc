// Runs several built programs in one node process (one start instead of one per build): each program's
// `main.js` exports `done`, a promise; its output is framed by a marker line so the caller can split it.
const path = require("node:path");
(async () => {
  for (const file of process.argv.slice(2)) {
    process.stdout.write(`\u0000program ${file}\n`);
    globalThis.__loaded = [];
    try {
      await require(path.resolve(file)).done;
    } catch (error) {
      console.log(`CRASH: ${error && error.message ? error.message.split("\n")[0] : String(error)}`);
    }
  }
})();
