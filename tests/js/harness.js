// harness.js: a small TAP test runner for the gjs tests, on a GLib main loop
//
// SPDX-FileCopyrightText: 2026 The pykka-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// test(name, fn) registers a test; run() runs them one after the other inside a running
// GLib.MainLoop (JS actors only run while the main context is iterated), prints TAP and exits
// non-zero if one failed. A test fails if it throws, rejects, or leaves a log record of level
// WARNING or worse that it did not take with takeLogs(); every "pykka" record is kept for
// takeLogs(), other domains' records are also printed as TAP comments.

import GLib from 'gi://GLib';
import System from 'system';

import * as pykka from '../../bindings/gjs/pykka.js';

const tests = [];
let records = [];

const LEVEL_NAMES = new Map([
    [GLib.LogLevelFlags.LEVEL_ERROR, 'ERROR'],
    [GLib.LogLevelFlags.LEVEL_CRITICAL, 'CRITICAL'],
    [GLib.LogLevelFlags.LEVEL_WARNING, 'WARNING'],
    [GLib.LogLevelFlags.LEVEL_MESSAGE, 'MESSAGE'],
    [GLib.LogLevelFlags.LEVEL_INFO, 'INFO'],
    [GLib.LogLevelFlags.LEVEL_DEBUG, 'DEBUG'],
]);

const decoder = new TextDecoder();

// Fields arrive as strings or as byte arrays (possibly NUL-terminated).
function field(value) {
    if (value instanceof Uint8Array)
        return decoder.decode(value).replace(/\0+$/, '');
    return value === undefined || value === null ? '' : String(value);
}

GLib.log_set_writer_func((level, fields) => {
    const record = {
        domain: field(fields.GLIB_DOMAIN),
        level: LEVEL_NAMES.get(level) ?? String(level),
        message: field(fields.MESSAGE),
    };
    if (record.level !== 'DEBUG')
        records.push(record);
    if (record.domain !== 'pykka' && record.level !== 'DEBUG')
        print(`# log ${record.domain} ${record.level}: ${record.message}`);
    return GLib.LogWriterOutput.HANDLED;
});

/**
 * Registers a test.
 *
 * @param {string} name - the TAP description
 * @param {Function} fn - a function, possibly async
 */
export function test(name, fn) {
    tests.push({name, fn});
}

/**
 * Takes (and forgets) the log records of the current test that match.
 *
 * @param {string} level - 'WARNING', 'INFO'…
 * @param {RegExp} pattern - matched against the message
 * @returns {Array<object>} the matching records
 */
export function takeLogs(level, pattern) {
    const taken = records.filter(r => r.level === level && pattern.test(r.message));
    records = records.filter(r => !taken.includes(r));
    return taken;
}

/**
 * Waits until a log record matches, iterating the main loop meanwhile (no timing assumption:
 * the test's own deadline applies).
 *
 * @param {string} level - 'WARNING', 'INFO'…
 * @param {RegExp} pattern - matched against the message
 * @returns {Promise<Array<object>>} the matching records, taken
 */
export async function waitForLog(level, pattern) {
    for (;;) {
        const taken = takeLogs(level, pattern);
        if (taken.length > 0)
            return taken;
        await idle();
    }
}

/** @returns {Promise} resolved after the main loop has dispatched pending sources */
export function idle() {
    return new Promise(resolve => {
        GLib.idle_add(GLib.PRIORITY_LOW, () => {
            resolve();
            return GLib.SOURCE_REMOVE;
        });
    });
}

function show(value) {
    if (typeof value === 'bigint')
        return `${value}n`;
    try {
        return JSON.stringify(value) ?? String(value);
    } catch {
        return String(value);
    }
}

export function assert(condition, what) {
    if (!condition)
        throw new Error(`assertion failed: ${what}`);
}

export function assertEqual(actual, expected, what = '') {
    const same = Array.isArray(expected)
        ? Array.isArray(actual) && actual.length === expected.length &&
          actual.every((v, i) => v === expected[i])
        : actual === expected;
    if (!same)
        throw new Error(`${what ? `${what}: ` : ''}${show(actual)} !== ${show(expected)}`);
}

/**
 * Asserts that a promise rejects, and returns the error.
 *
 * @param {Promise} promise - the promise
 * @param {Function} [check] - called with the error; throws if it is not the expected one
 * @returns {Promise<*>} the error
 */
export async function assertRejects(promise, check = () => {}) {
    let value;
    try {
        value = await promise;
    } catch (error) {
        check(error);
        return error;
    }
    throw new Error(`expected a rejection, got ${show(value)}`);
}

export function assertThrows(fn, check = () => {}) {
    try {
        fn();
    } catch (error) {
        check(error);
        return error;
    }
    throw new Error('expected an exception');
}

/**
 * @param {*} error - a thrown value
 * @param {number} code - a Pykka.Error code
 * @returns {boolean} whether it is a GLib.Error of Pykka.Error with this code
 */
export function isPykkaError(error, code) {
    return error instanceof GLib.Error && error.matches(pykka.Pykka.Error, code);
}

export function assertPykkaError(code) {
    return error => {
        if (!isPykkaError(error, code)) {
            throw new Error(`expected Pykka.Error code ${code}, got ${error}` +
                `${error instanceof GLib.Error ? ` (${GLib.quark_to_string(error.domain)}, ${error.code})` : ''}`);
        }
    };
}

async function runOne(number, {name, fn}) {
    records = [];
    let failure = null;
    try {
        await fn();
    } catch (error) {
        failure = error;
    }
    try {
        // Whatever a test started is stopped, so that tests are independent.
        await pykka.ActorRegistry.stopAll();
    } catch (error) {
        failure ??= error;
    }
    const leftover = records.filter(r => ['WARNING', 'CRITICAL', 'ERROR'].includes(r.level));
    if (failure === null && leftover.length > 0) {
        failure = new Error(`unexpected log records: ${
            leftover.map(r => `${r.domain} ${r.level}: ${r.message}`).join(' | ')}`);
    }
    if (failure === null) {
        print(`ok ${number} - ${name}`);
        return true;
    }
    const text = failure instanceof GLib.Error
        ? `GLib.Error ${GLib.quark_to_string(failure.domain)} ${failure.code}: ${failure.message}`
        : `${failure}\n${failure?.stack ?? ''}`;
    for (const line of text.split('\n'))
        print(`# ${line}`);
    print(`not ok ${number} - ${name}`);
    return false;
}

/** Runs every registered test in a main loop; exits with status 1 if one failed. */
export function run() {
    const loop = new GLib.MainLoop(null, false);
    let failed = 0;
    print(`1..${tests.length}`);
    (async () => {
        for (const [i, t] of tests.entries()) {
            if (!await runOne(i + 1, t))
                failed++;
        }
    })().catch(error => {
        print(`# harness error: ${error}\n# ${error?.stack ?? ''}`);
        failed++;
    }).finally(() => loop.quit());
    loop.run();
    System.exit(failed > 0 ? 1 : 0);
}
