/** The import forms under rolldown, plugin build of the unmigrated project against the plain build of its twin. */
import { describeBundlerForms } from "./differential";

describeBundlerForms("rolldown", ["esm", "cjs"]);
