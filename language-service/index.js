"use strict";
// tsserver loads plugins by name from node_modules and ignores package.json "exports": this file is what
// `"plugins": [{ "name": "ssot-imports/language-service" }]` finds.
module.exports = require("../dist/language-service/index.js").default;
