'use strict';

/** Says hello. */
function greet(name) {
  return `Hello, ${name}!`;
}

module.exports = { greet };
