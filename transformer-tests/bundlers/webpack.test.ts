/** The import forms under webpack, plugin build of the unmigrated project against the plain build of its twin. */
import { describeBundlerForms } from "./differential";

describeBundlerForms("webpack", ["esm", "cjs"]);
