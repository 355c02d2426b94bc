// Every scenario `npm run bench` knows, in the order they run. To add one (esbuild, CLI report, …), write a
// module exporting an array of scenarios and list it here. A scenario is:
//
//   {
//     name: "tsc",                        // for --only, the table and results.json
//     title: "…",                         // one line saying what is compared with what
//     project: { modules: 1000, … },      // generator options (bench/generate.mjs); generated once, cached
//     targets?: { time: 1.05, memory?: 1.1 }, // max ratios with/without (either key); omitted = figures only
//     informational?: true,               // context for the others, never a pass/miss
//     instructions?: true,                // every side is one node process (and, where its command says
//                                         // esbuildService, esbuild's Go service): bench/instructions.mjs may
//                                         // count it under valgrind (instructionsByDefault: counted
//                                         // when no --only is given)
//     setup?(ctx, project),               // once, before verify/warm-up (e.g. write a build script)
//     verify?(ctx, project) → string,     // once, before measuring: throw if either side is broken
//     with(ctx, project) → command,       // command: { cmd, args, cwd, env?, label?, prepare?() }; prepare is untimed
//     without(ctx, project) → command,
//     peers?: [{ name, note, command(ctx, project) → command | null, verified?, marginal? }],
//                                         // other tools measured in the same alternating rounds, each printed
//                                         // as its ratio to `without`; informational, never a pass/miss.
//                                         // marginal: the peer is `with` minus the tool itself (tsc: ts-patch
//                                         // alone), so with ÷ peer, the tool's own cost, is printed too
//   }
//
// ctx: { repo, benchDir, typescript: { plain: { tsc }, patched: { tsc } }, options }.

import bundlers from "./bundlers.mjs";
import cli from "./cli.mjs";
import editLoopEsbuild from "./edit-loop-esbuild.mjs";
import esbuild from "./esbuild.mjs";
import tsc from "./tsc.mjs";

import editLoopTsc from "./edit-loop-tsc.mjs";

export default [...tsc, ...esbuild, ...cli, ...bundlers, ...editLoopTsc, ...editLoopEsbuild];
