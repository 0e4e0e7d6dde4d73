// test-proxy.js: proxies of JS actors through bindings/gjs/pykka.js: methods, async methods,
// attributes, traversable paths, defer, names from other languages, errors
//
// SPDX-FileCopyrightText: 2026 The pykka-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gio from 'gi://Gio';

import * as pykka from '../../bindings/gjs/pykka.js';
import {
    test, run, takeLogs, waitForLog, idle, assert, assertEqual, assertRejects, assertThrows,
    assertPykkaError,
} from './harness.js';

const {Pykka} = pykka;

class Playback {
    constructor() {
        this.volume = 5;
        this._hidden = 'no';
    }

    play(track) {
        return `playing ${track}`;
    }
}

class Settings {
    constructor() {
        this.theme = 'dark';
    }
}

class Calculator extends pykka.Actor {
    constructor() {
        super();
        this.counter = 0;
        this.label = 'calc';
        this._secret = 'hidden';
        this.playback = pykka.traversable(new Playback());
        this.settings = new Settings();
        this.log = [];
    }

    get readOnly() {
        return 'fixed';
    }

    add(a, b) {
        return a + b;
    }

    addOne(i) {
        return i + 1;
    }

    async slowDouble(x) {
        await idle();
        return x * 2;
    }

    fail(kind) {
        if (kind === 'gerror')
            throw new GLib.Error(Gio.IOErrorEnum, Gio.IOErrorEnum.PERMISSION_DENIED, 'denied');
        throw new TypeError(`failed with ${kind}`);
    }

    async failLater() {
        await idle();
        throw new Error('failed later');
    }

    record(item) {
        this.log.push(item);
    }

    getLog() {
        return this.log;
    }

    _privateMethod() {
        return 'private';
    }

    onReceive(message) {
        return `received ${message}`;
    }
}

test('a proxy method call is a promise of the method\'s result', async () => {
    const proxy = Calculator.start().proxy();
    const promise = proxy.add(3, 4);
    assert(promise instanceof Promise, 'a Promise');
    assertEqual(await promise, 7);
    assertEqual(await proxy.add('a', 'b'), 'ab');
});

test('an async method answers when its promise settles', async () => {
    const proxy = Calculator.start().proxy();
    assertEqual(await proxy.slowDouble(21), 42);
    const error = await assertRejects(proxy.failLater(), assertPykkaError(Pykka.Error.UNHANDLED));
    assert(error.message.startsWith('Error: failed later'), error.message);
});

test('other languages calling an async method get a future of a future', async () => {
    const ref = Calculator.start();
    const raw = ref.proxy().$proxy;
    assert(raw instanceof Pykka.ActorProxy, '$proxy is the Pykka.ActorProxy');
    const future = raw.call('slowDouble', [5]);
    const inner = await new Promise((resolve, reject) => {
        future.get_async(null, (source, result) => {
            try {
                resolve(source.get_finish(result)[1]);
            } catch (error) {
                reject(error);
            }
        });
    });
    assert(inner instanceof Pykka.Future, `the value is a Pykka.Future: ${inner}`);
    assertEqual(await pykka.toPromise(inner), 10);
    assertEqual(await pykka.toPromise(future), 10, 'toPromise() waits for both');
});

test('attributes are read with await and written by assignment, in message order', async () => {
    const proxy = Calculator.start().proxy();
    assertEqual(await proxy.label, 'calc');
    assertEqual(await proxy.counter, 0);
    proxy.counter = 1;
    proxy.counter = 2;
    assertEqual(await proxy.counter, 2);
    await proxy.$set('counter', 3);
    assertEqual(await proxy.$get('counter'), 3);
    assertEqual(await proxy.readOnly, 'fixed', 'a getter is an attribute');
    proxy.fresh = 'new';
    assertEqual(await proxy.fresh, 'new', 'a new attribute');
});

test('a failed assignment is logged; $set() rejects', async () => {
    const proxy = Calculator.start().proxy();
    proxy.readOnly = 'changed';
    await waitForLog('WARNING', /^Setting attribute 'readOnly' of Calculator .* failed: .*cannot be set/);
    await assertRejects(proxy.$set('readOnly', 'x'), assertPykkaError(Pykka.Error.NO_SUCH_ATTRIBUTE));
    await assertRejects(proxy.$set('add', 1), assertPykkaError(Pykka.Error.NO_SUCH_ATTRIBUTE));
    assertEqual(await proxy.readOnly, 'fixed');
    assertEqual(await proxy.add(1, 1), 2, 'the method is still there');
});

test('private names, hooks and inherited GObject members are not reachable', async () => {
    const proxy = Calculator.start().proxy();
    for (const name of ['_secret', '_privateMethod', 'onReceive', 'connect', 'start', 'stop',
        'constructor', 'vfunc_call', 'actor_urn', 'toString']) {
        await assertRejects(proxy.$call(name), assertPykkaError(Pykka.Error.NO_SUCH_ATTRIBUTE));
    }
    await assertRejects(proxy._secret, assertPykkaError(Pykka.Error.NO_SUCH_ATTRIBUTE));
    for (const name of ['_secret', 'start', 'onReceive', 'constructor', 'vfunc_call', 'actor_urn']) {
        await assertRejects(proxy.$set(name, 'x'), assertPykkaError(Pykka.Error.NO_SUCH_ATTRIBUTE));
    }
    assertEqual(await proxy.add(1, 2), 3, 'nothing was replaced');
});

test('unknown names and wrong kinds fail on the promise', async () => {
    const proxy = Calculator.start().proxy();
    const error = await assertRejects(proxy.nope(), assertPykkaError(Pykka.Error.NO_SUCH_ATTRIBUTE));
    assert(/^Calculator \(urn:uuid:.*\) has no attribute 'nope'$/.test(error.message), error.message);
    await assertRejects(proxy.nope, assertPykkaError(Pykka.Error.NO_SUCH_ATTRIBUTE));
    await assertRejects(proxy.label(), assertPykkaError(Pykka.Error.INVALID_ARGUMENT));
    await assertRejects(proxy.add, assertPykkaError(Pykka.Error.INVALID_ARGUMENT));
    await assertRejects(proxy.$call('a..b'), assertPykkaError(Pykka.Error.INVALID_ARGUMENT));
});

test('exceptions in methods fail the call; a GLib.Error keeps its domain and code', async () => {
    const proxy = Calculator.start().proxy();
    const error = await assertRejects(proxy.fail('x'), assertPykkaError(Pykka.Error.UNHANDLED));
    assert(error.message.startsWith('TypeError: failed with x'), error.message);
    const gerror = await assertRejects(proxy.fail('gerror'));
    assert(gerror.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.PERMISSION_DENIED), `${gerror}`);
    assertEqual(await proxy.add(2, 2), 4, 'the actor is still alive');
});

test('traversable attributes are reached through paths', async () => {
    const proxy = Calculator.start().proxy();
    assertEqual(await proxy.playback.play('song'), 'playing song');
    assertEqual(await proxy.playback.volume, 5);
    proxy.playback.volume = 9;
    assertEqual(await proxy.playback.volume, 9);
    assertEqual(await proxy.$call('playback.play', 'x'), 'playing x');
    await assertRejects(proxy.playback._hidden, assertPykkaError(Pykka.Error.NO_SUCH_ATTRIBUTE));
    await assertRejects(proxy.settings.theme, assertPykkaError(Pykka.Error.NOT_TRAVERSABLE));
    await assertRejects(proxy.label.length, assertPykkaError(Pykka.Error.NOT_TRAVERSABLE));
});

test('pykkaTraversable = true on a class marks its objects traversable', async () => {
    class Marked {
        get pykkaTraversable() {
            return true;
        }

        hello() {
            return 'hello';
        }
    }
    class Holder extends pykka.Actor {
        constructor() {
            super();
            this.inner = new Marked();
        }
    }
    assertEqual(await Holder.start().proxy().inner.hello(), 'hello');
});

test('snake_case and kebab-case names from other languages reach camelCase methods', async () => {
    const ref = Calculator.start();
    const raw = ref.proxy().$proxy;
    assertEqual(await pykka.toPromise(raw.call('add_one', [1])), 2);
    assertEqual(await pykka.toPromise(raw.call('add-one', [2])), 3);
    assertEqual(await pykka.toPromise(raw.call('slow_double', [4])), 8);
    // The boxed proxy messages of the C API, sent with ask.
    assertEqual(await ref.ask(new Pykka.ProxyCall('add', [20, 22])), 42);
    assertEqual(await ref.ask(new Pykka.ProxyGetAttr('label')), 'calc');
});

test('defer() calls without a reply; a failing deferred call stops the actor', async () => {
    const events = [];
    class Deferring extends Calculator {
        onFailure(error) {
            events.push(error);
        }
    }
    const ref = Deferring.start();
    const proxy = ref.proxy();
    assertEqual(proxy.record.defer('a'), undefined);
    proxy.$defer('record', 'b');
    assertEqual(await proxy.getLog(), ['a', 'b']);
    proxy.fail.defer('deferred');
    await waitForLog('WARNING', /^Unhandled exception in Deferring .*TypeError: failed with deferred/);
    assertEqual(events.length, 1);
    assert(events[0].matches(Pykka.Error, Pykka.Error.UNHANDLED), `${events[0]}`);
    assert(!ref.isAlive(), 'the actor stopped');
    assertThrows(() => proxy.record.defer('c'), assertPykkaError(Pykka.Error.ACTOR_DEAD));
    await assertRejects(proxy.add(1, 2), assertPykkaError(Pykka.Error.ACTOR_DEAD));
});

test('proxies are not thenable, carry their actorRef and travel to other actors', async () => {
    const ref = Calculator.start();
    const proxy = ref.proxy();
    assert(await Promise.resolve(proxy) === proxy, 'awaiting a proxy gives the proxy');
    assert(proxy.actorRef === ref, 'proxy.actorRef');
    assert(/^<ActorProxy for Calculator/.test(`${proxy}`), `${proxy}`);

    class User extends pykka.Actor {
        async useIt(other) {
            return await other.add(40, 2);
        }
    }
    assertEqual(await User.start().proxy().useIt(proxy), 42);
});

test('a public attribute holding a proxy to the actor itself is not an attribute', async () => {
    class Loop extends pykka.Actor {
        constructor() {
            super();
            this.steps = [];
        }

        onStart() {
            this.me = this.actorRef.proxy();
            this._inFuture = this.actorRef.proxy();
        }

        begin() {
            // Pykka's pattern: queue more work for later through a private self-proxy.
            this._inFuture.step.defer(1);
            this._inFuture.step.defer(2);
            return 'begun';
        }

        step(n) {
            this.steps.push(n);
        }

        getSteps() {
            return this.steps;
        }
    }
    const proxy = Loop.start().proxy();
    assertEqual(await proxy.begin(), 'begun');
    assertEqual(await proxy.getSteps(), [1, 2]);
    await assertRejects(proxy.me, assertPykkaError(Pykka.Error.NO_SUCH_ATTRIBUTE));
    assertEqual(takeLogs('WARNING', /^Loop .* attribute 'me' is a proxy to itself\. Consider making it private\.$/).length, 1);
});

test('a proxy of a stopped actor fails with ACTOR_DEAD', async () => {
    const ref = Calculator.start();
    const proxy = ref.proxy();
    await ref.stop();
    await assertRejects(proxy.add(1, 2), assertPykkaError(Pykka.Error.ACTOR_DEAD));
    await assertRejects(proxy.label, assertPykkaError(Pykka.Error.ACTOR_DEAD));
    await assertRejects(proxy.$set('label', 'x'), assertPykkaError(Pykka.Error.ACTOR_DEAD));
});

test('tell/ask still reach onReceive next to proxy calls', async () => {
    const ref = Calculator.start();
    assertEqual(await ref.ask('hi'), 'received hi');
    assertEqual(await ref.proxy().add(1, 1), 2);
});

// Not a pykka.Actor: a plain Pykka.Actor subclass that keeps the C rules (methods are action
// signals, attributes GObject properties), as a C or Vala actor would.
const SignalActor = GObject.registerClass({
    GTypeName: 'TestJsSignalActor',
    Properties: {
        'level': GObject.ParamSpec.int('level', '', '', GObject.ParamFlags.READWRITE, 0, 100, 3),
    },
    Signals: {
        'add': {
            flags: GObject.SignalFlags.RUN_LAST | GObject.SignalFlags.ACTION,
            param_types: [GObject.TYPE_INT, GObject.TYPE_INT],
            return_type: GObject.TYPE_INT,
        },
    },
}, class SignalActor extends Pykka.Actor {
    on_add(a, b) {
        return a + b;
    }
});

test('a JS proxy also drives actors that follow the C rules (action signals, properties)', async () => {
    const ref = pykka.ActorRef.wrap(new SignalActor().start_in_context(null));
    const proxy = ref.proxy();
    assertEqual(await proxy.add(2, 3), 5);
    assertEqual(await proxy.level, 3);
    proxy.level = 9;
    assertEqual(await proxy.level, 9);
    // The C proxy checks names and arguments in the caller's thread: rejected at once.
    await assertRejects(proxy.nope(), assertPykkaError(Pykka.Error.NO_SUCH_ATTRIBUTE));
    await assertRejects(proxy.add(1), assertPykkaError(Pykka.Error.INVALID_ARGUMENT));
    await assertRejects(proxy.$set('add', 1), assertPykkaError(Pykka.Error.NO_SUCH_ATTRIBUTE));
    assertEqual(await ref.stop(), true);
});

run();
