/** The import forms under rspack, plugin build of the unmigrated project against the plain build of its twin. */
import { describeBundlerForms } from "./differential";

describeBundlerForms("rspack", ["esm", "cjs"]);
