'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { greet } = require('./index.js');

test('greets', () => {
  assert.strictEqual(greet('jx'), 'Hello, jx!');
});
