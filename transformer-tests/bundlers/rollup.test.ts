/** The import forms under rollup, plugin build of the unmigrated project against the plain build of its twin. */
import { describeBundlerForms } from "./differential";

describeBundlerForms("rollup", ["esm", "cjs"]);
