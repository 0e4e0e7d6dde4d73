// test-future.js: Pykka.Future from gjs: the async C API (and the out-GValue error bug it
// works around), toPromise() with timeouts and cancellation, getAll(), map()
//
// SPDX-FileCopyrightText: 2026 The pykka-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import Gio from 'gi://Gio';

import * as pykka from '../../bindings/gjs/pykka.js';
import {
    test, run, idle, assert, assertEqual, assertRejects, assertThrows, assertPykkaError,
} from './harness.js';

const {Pykka} = pykka;

function failedFuture(code, message) {
    const future = new Pykka.Future();
    future.set_error(new GLib.Error(Pykka.Error, code, message));
    return future;
}

// The plain C API, as a promise of whatever get_finish() returns or throws.
function getFinish(future) {
    return new Promise((resolve, reject) => {
        future.get_async(null, (source, result) => {
            try {
                resolve(source.get_finish(result));
            } catch (error) {
                reject(error);
            }
        });
    });
}

class Failing extends pykka.Actor {
    onReceive() {
        throw new GLib.Error(Pykka.Error, Pykka.Error.FATAL + 100, 'no reply');
    }

    fail() {
        throw new GLib.Error(Gio.IOErrorEnum, Gio.IOErrorEnum.BUSY, 'busy');
    }
}

test('get_finish() of a failed future throws the real GLib.Error, not a conversion error', async () => {
    // gjs 1.74 converts out arguments before it throws the GError; the C side leaves None in
    // the out GValue on failure so that the error survives.
    const error = await assertRejects(getFinish(failedFuture(Pykka.Error.TIMEOUT, 'too late')),
        assertPykkaError(Pykka.Error.TIMEOUT));
    assertEqual(error.message, 'too late');
    const none = new Pykka.Future();
    none.set(null);
    assertEqual((await getFinish(none))[1], null, 'None is null');
});

test('ask_finish() and call_finish() of failures throw the real GLib.Error', async () => {
    const ref = Failing.start();
    const askError = await assertRejects(new Promise((resolve, reject) => {
        ref.ref.ask_async('x', null, (source, result) => {
            try {
                resolve(source.ask_finish(result));
            } catch (error) {
                reject(error);
            }
        });
    }));
    assert(askError.matches(Pykka.Error, Pykka.Error.FATAL + 100), `${askError}`);
    const raw = ref.ref.proxy();
    const callError = await assertRejects(new Promise((resolve, reject) => {
        raw.call_async('fail', [], null, (source, result) => {
            try {
                resolve(source.call_finish(result));
            } catch (error) {
                reject(error);
            }
        });
    }));
    assert(callError.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.BUSY), `${callError}`);
});

test('a blocking get() of a pending future times out with TIMEOUT', () => {
    const future = new Pykka.Future();
    assertThrows(() => future.get(0), assertPykkaError(Pykka.Error.TIMEOUT));
    future.set('now');
    assertEqual(future.get(0)[1], 'now');
});

test('toPromise() resolves to the value, converted for JS', async () => {
    const future = new Pykka.Future();
    const promise = pykka.toPromise(future);
    future.set(7);
    assertEqual(await promise, 7);
    assertEqual(await pykka.toPromise(future), 7, 'a future can be read again');
    await assertRejects(pykka.toPromise(failedFuture(Pykka.Error.ACTOR_DEAD, 'dead')),
        assertPykkaError(Pykka.Error.ACTOR_DEAD));
});

test('get_async() never calls back inside the call', async () => {
    const future = new Pykka.Future();
    future.set(1);
    let called = false;
    const done = new Promise(resolve => future.get_async(null, (source, result) => {
        called = true;
        resolve(source.get_finish(result)[1]);
    }));
    assert(!called, 'not called back yet');
    assertEqual(await done, 1);
});

test('toPromise() with a timeout rejects with TIMEOUT; the future still completes', async () => {
    const future = new Pykka.Future();
    const error = await assertRejects(pykka.toPromise(future, {timeout: 0.01}),
        assertPykkaError(Pykka.Error.TIMEOUT));
    assert(/within 0\.01 seconds/.test(error.message), error.message);
    await assertRejects(pykka.toPromise(future, {timeout: 0}), assertPykkaError(Pykka.Error.TIMEOUT));
    future.set('late');
    assertEqual(await pykka.toPromise(future, {timeout: 0}), 'late', 'timeout 0 on a done future');
});

test('cancelling toPromise() rejects with CANCELLED', async () => {
    const future = new Pykka.Future();
    const cancellable = new Gio.Cancellable();
    const promise = pykka.toPromise(future, {cancellable});
    await idle();
    cancellable.cancel();
    await assertRejects(promise, error => {
        assert(error.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED), `${error}`);
    });
    const already = new Gio.Cancellable();
    already.cancel();
    await assertRejects(pykka.toPromise(future, {cancellable: already}), error => {
        assert(error.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED), `${error}`);
    });
});

test('a future holding a future is flattened by toPromise()', async () => {
    const inner = new Pykka.Future();
    const outer = new Pykka.Future();
    outer.set(inner);
    const promise = pykka.toPromise(outer);
    inner.set('deep');
    assertEqual(await promise, 'deep');
});

test('getAll() waits for futures and promises, in order; the first error wins', async () => {
    const a = new Pykka.Future();
    const b = new Pykka.Future();
    const promise = pykka.getAll([a, Promise.resolve('p'), b]);
    b.set('b');
    a.set('a');
    assertEqual(await promise, ['a', 'p', 'b']);
    await assertRejects(pykka.getAll([a, failedFuture(Pykka.Error.TIMEOUT, 'x')]),
        assertPykkaError(Pykka.Error.TIMEOUT));
});

test('map() with a JS function runs on the main context for async waiters', async () => {
    const source = new Pykka.Future();
    const doubled = source.map(value => value * 2);
    const failing = source.map(() => {
        throw new GLib.Error(Pykka.Error, Pykka.Error.INVALID_ARGUMENT, 'bad map');
    });
    source.set(21);
    assertEqual(await pykka.toPromise(doubled), 42);
    await assertRejects(pykka.toPromise(failing), assertPykkaError(Pykka.Error.INVALID_ARGUMENT));
});

test('ActorRef.ask() with a timeout on a busy actor rejects with TIMEOUT', async () => {
    class Never extends pykka.Actor {
        onReceive() {
            // Answers with a future nobody completes.
            return new Promise(() => {});
        }
    }
    const ref = Never.start();
    await assertRejects(ref.ask('x', {timeout: 0.01}), assertPykkaError(Pykka.Error.TIMEOUT));
    assert(ref.isAlive(), 'the actor is still alive');
    assert(ref.askFuture('y') instanceof Pykka.Future, 'askFuture() gives the Pykka.Future');
});

run();
