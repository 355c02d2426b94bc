// How the bench's build scripts report a failed esbuild build: esbuild's own formatted messages (the first five),
// or the error itself when esbuild gave none; the script then exits with 1.

export async function reportBuildFailure(esbuild, e) {
  if (e.errors) {
    const text = await esbuild.formatMessages(e.errors, { kind: "error" });
    process.stderr.write(`${e.errors.length} error(s)\n${text.slice(0, 5).join("")}`);
  } else {
    process.stderr.write(String(e?.stack ?? e) + "\n");
  }
  process.exitCode = 1;
}
