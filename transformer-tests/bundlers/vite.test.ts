/** The import forms under vite, plugin build of the unmigrated project against the plain build of its twin. */
import { describeBundlerForms } from "./differential";

describeBundlerForms("vite", ["esm", "cjs"]);
