// test-actor.js: JS actors through bindings/gjs/pykka.js: lifecycle, ask/tell, errors, values,
// registration and the registry
//
// SPDX-FileCopyrightText: 2026 The pykka-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gio from 'gi://Gio';
import System from 'system';

import * as pykka from '../../bindings/gjs/pykka.js';
import {
    test, run, takeLogs, waitForLog, idle, assert, assertEqual, assertRejects, assertThrows,
    assertPykkaError,
} from './harness.js';

const {Pykka} = pykka;

class Greeter extends pykka.Actor {
    onReceive(message) {
        return `Hi there, ${message}!`;
    }
}

class Recorder extends pykka.Actor {
    constructor(events = []) {
        super();
        this.events = events;
    }

    onStart() {
        this.events.push('start');
    }

    onStop() {
        this.events.push('stop');
    }

    onFailure(error) {
        this.events.push(['failure', error]);
    }

    onReceive(message) {
        if (message === 'boom')
            throw new TypeError('bad value');
        if (message === 'gerror')
            throw new GLib.Error(Gio.IOErrorEnum, Gio.IOErrorEnum.NOT_FOUND, 'gone');
        if (message === 'get')
            return this.events.filter(e => typeof e === 'string');
        this.events.push(message);
        return null;
    }
}

test('start() runs a JS actor on the main context and ask() resolves to the reply', async () => {
    const ref = Greeter.start();
    assert(ref instanceof pykka.ActorRef, 'start() gives an ActorRef');
    assert(ref.ref instanceof Pykka.ActorRef, 'the ActorRef wraps a Pykka.ActorRef');
    assert(ref.isAlive(), 'the actor is alive');
    assert(/^Greeter \(urn:uuid:[0-9a-f-]{36}\)$/.test(ref.toString()), ref.toString());
    assertEqual(await ref.ask('Bob'), 'Hi there, Bob!');
});

test('start() passes its arguments to the constructor', async () => {
    class Pair extends pykka.Actor {
        constructor(a, b) {
            super();
            this.a = a;
            this.b = b;
        }

        onReceive() {
            return `${this.a}+${this.b}`;
        }
    }
    assertEqual(await Pair.start('x', 'y').ask(null), 'x+y');
});

test('onStart runs before the first message and onStop at stop; stop() says whether it stopped', async () => {
    const events = [];
    const ref = Recorder.start(events);
    ref.tell('one');
    assertEqual(await ref.ask('get'), ['start', 'one']);
    assertEqual(await ref.stop(), true);
    assertEqual(events.slice(-1)[0], 'stop');
    assert(!ref.isAlive(), 'the actor is dead after stop()');
    assertEqual(await ref.stop(), false, 'a second stop');
});

test('messages are handled in the order they were sent', async () => {
    const ref = Recorder.start();
    for (const n of [1, 2, 3, 4, 5])
        ref.tell(`m${n}`);
    assertEqual(await ref.ask('get'), ['start', 'm1', 'm2', 'm3', 'm4', 'm5']);
});

test('an exception in onReceive fails the ask with Pykka.Error.UNHANDLED and the actor goes on', async () => {
    const ref = Recorder.start();
    const error = await assertRejects(ref.ask('boom'), assertPykkaError(Pykka.Error.UNHANDLED));
    assert(error.message.startsWith('TypeError: bad value\n'), error.message);
    assert(error.message.includes('test-actor.js'), `the JS stack is kept: ${error.message}`);
    assertEqual(takeLogs('INFO', /^Exception returned from Recorder \(urn:uuid:.*\) to caller: TypeError: bad value/).length, 1);
    assert(ref.isAlive(), 'the actor is still alive');
    assertEqual(await ref.ask('get'), ['start']);
});

test('a GLib.Error thrown by actor code keeps its domain and code', async () => {
    const ref = Recorder.start();
    const error = await assertRejects(ref.ask('gerror'));
    assert(error instanceof GLib.Error && error.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.NOT_FOUND),
        `${error}`);
    assertEqual(error.message, 'gone');
    takeLogs('INFO', /^Exception returned from/);
});

test('an async onReceive answers when its promise settles; a rejection fails the ask', async () => {
    class Slow extends pykka.Actor {
        async onReceive(message) {
            await idle();
            if (message === 'reject')
                throw new RangeError('too far');
            return message * 2;
        }
    }
    const ref = Slow.start();
    assertEqual(await ref.ask(21), 42);
    const error = await assertRejects(ref.ask('reject'), assertPykkaError(Pykka.Error.UNHANDLED));
    assert(error.message.startsWith('RangeError: too far'), error.message);
    assertEqual(takeLogs('INFO', /^Exception returned from Slow .* RangeError: too far/).length, 1);
});

test('a failing tell stops the actor and runs onFailure with the error', async () => {
    const events = [];
    const ref = Recorder.start(events);
    ref.tell('boom');
    await waitForLog('WARNING', /^Unhandled exception in Recorder \(urn:uuid:.*\): TypeError: bad value/);
    const failure = events.find(e => Array.isArray(e) && e[0] === 'failure');
    assert(failure !== undefined, 'onFailure ran');
    assert(failure[1] instanceof GLib.Error && failure[1].matches(Pykka.Error, Pykka.Error.UNHANDLED),
        `onFailure got ${failure[1]}`);
    assert(!events.includes('stop'), 'onStop does not run after a failure');
    assert(!ref.isAlive(), 'the actor is dead');
});

test('an exception in onStart stops the actor; asks fail with ACTOR_DEAD', async () => {
    class BadStart extends pykka.Actor {
        onStart() {
            throw new Error('cannot start');
        }

        onReceive() {
            return 'handled';
        }
    }
    const ref = BadStart.start();
    await assertRejects(ref.ask('hello'), assertPykkaError(Pykka.Error.ACTOR_DEAD));
    assertEqual(takeLogs('WARNING', /^Unhandled exception in BadStart .*Error: cannot start/).length, 1);
    assert(!ref.isAlive(), 'the actor is dead');
});

test('an actor without onReceive logs Pykka\'s warning and replies null', async () => {
    class Plain extends pykka.Actor {}
    const ref = Plain.start();
    assertEqual(await ref.ask('hello'), null);
    assertEqual(takeLogs('WARNING', /^Unexpected message received by Plain \(urn:uuid:.*\): hello$/).length, 1);
});

test('starting twice fails with ALREADY_STARTED; start_in_pool is refused', () => {
    const actor = new Greeter();
    actor.start();
    assertThrows(() => actor.start(), assertPykkaError(Pykka.Error.ALREADY_STARTED));
    assertThrows(() => new Greeter().start_in_pool(null), assertPykkaError(Pykka.Error.INVALID_ARGUMENT));
});

test('tell, ask and proxy() on a stopped actor fail with ACTOR_DEAD', async () => {
    const ref = Greeter.start();
    await ref.stop();
    assertThrows(() => ref.tell('x'), assertPykkaError(Pykka.Error.ACTOR_DEAD));
    await assertRejects(ref.ask('x'), assertPykkaError(Pykka.Error.ACTOR_DEAD));
    assertThrows(() => ref.proxy(), assertPykkaError(Pykka.Error.ACTOR_DEAD));
});

test('this.actorRef inside the actor is the ActorRef that start() returned', async () => {
    class Self extends pykka.Actor {
        onReceive() {
            return this.actorRef;
        }
    }
    const ref = Self.start();
    const inside = await ref.ask(null);
    assert(inside === ref, 'the same ActorRef object');
    assert(inside.equals(ref.ref), 'equals() a Pykka.ActorRef');
    assert(!inside.equals(Greeter.start()), 'not equal to another actor');
});

test('subclasses are registered with GObject on first use, named after their class', () => {
    class Named extends pykka.Actor {}
    const first = new Named();
    assertEqual(GObject.type_name(Named.$gtype), 'Named');
    assert(first instanceof Pykka.Actor, 'a Pykka.Actor');
    // Another class of the same name gets a name of its own.
    const Again = (() => class Named extends pykka.Actor {})();
    new Again();
    assert(GObject.type_name(Again.$gtype) !== 'Named', GObject.type_name(Again.$gtype));
    // A subclass of a subclass, and a short class name.
    class Deeper extends Named {}
    class Xy extends pykka.Actor {}
    assert(new Deeper() instanceof Named, 'Deeper is a Named');
    assertEqual(GObject.type_name(GObject.type_parent(Deeper.$gtype)), 'Named');
    assert(GObject.type_name(Xy.$gtype).length >= 3, 'GType names have 3 characters or more');
    new Xy();
});

test('GObject.registerClass() works too, and its GObject properties are attributes', async () => {
    const Counter = GObject.registerClass({
        GTypeName: 'TestJsRegisteredCounter',
        Properties: {
            'count': GObject.ParamSpec.int('count', '', '', GObject.ParamFlags.READWRITE, 0, 100, 0),
        },
    }, class Counter extends pykka.Actor {
        increment() {
            this.count += 1;
            return this.count;
        }
    });
    const proxy = Counter.start().proxy();
    assertEqual(await proxy.increment(), 1);
    proxy.count = 10;
    assertEqual(await proxy.increment(), 11);
    assertEqual(await proxy.count, 11);
});

test('values survive the trip through GValues', async () => {
    class Echo extends pykka.Actor {
        onReceive(message) {
            return message;
        }
    }
    class Thing {
        constructor() {
            this.n = 1;
        }
    }
    const ref = Echo.start();
    for (const value of [0, 42, -7, 2.5, 'text', '', true, false, null, 2 ** 40])
        assertEqual(await ref.ask(value), value, `echo of ${value}`);
    assertEqual(await ref.ask(undefined), null, 'undefined travels as null');
    assertEqual(await ref.ask(2n ** 40n), 2 ** 40, 'a BigInt travels as an int64');
    const array = [1, 'two', [3]];
    assert(await ref.ask(array) === array, 'an array comes back as itself');
    const object = {a: 1};
    assert(await ref.ask(object) === object, 'a plain object comes back as itself');
    const thing = new Thing();
    assert(await ref.ask(thing) === thing, 'a class instance comes back as itself');
    const variant = new GLib.Variant('(si)', ['x', 1]);
    const back = await ref.ask(variant);
    assert(back instanceof GLib.Variant && back.equal(variant), 'a GLib.Variant');
    assert(await ref.ask(ref) === ref, 'an ActorRef comes back as the same ActorRef');
});

test('a running actor keeps its JS state through garbage collections', async () => {
    class Keeper extends pykka.Actor {
        constructor() {
            super();
            this.items = new Map([['a', 1]]);
        }

        onReceive(key) {
            return this.items.get(key);
        }
    }
    const urn = Keeper.start().actorUrn;
    System.gc();
    await idle();
    System.gc();
    const ref = pykka.ActorRegistry.getByUrn(urn);
    assertEqual(await ref.ask('a'), 1);
});

test('the registry lists, finds, broadcasts to and stops JS actors', async () => {
    const order = [];
    class Member extends pykka.Actor {
        constructor(name) {
            super();
            this.name = name;
            this.got = [];
        }

        onReceive(message) {
            if (message === 'got')
                return this.got;
            this.got.push(message);
            return null;
        }

        onStop() {
            order.push(this.name);
        }
    }
    class Other extends pykka.Actor {
        onStop() {
            order.push('other');
        }
    }
    const a = Member.start('a');
    const b = Member.start('b');
    const other = Other.start();

    const all = pykka.ActorRegistry.getAll();
    assertEqual(all.length, 3);
    assert(all[0] === a && all[1] === b && all[2] === other, 'in start order');
    const members = pykka.ActorRegistry.getByClass(Member);
    assertEqual(members.length, 2);
    assert(pykka.ActorRegistry.getByUrn(b.actorUrn) === b, 'found by URN');
    assertEqual(pykka.ActorRegistry.getByUrn('urn:uuid:nope'), null);

    pykka.ActorRegistry.broadcast('hello', Member);
    assertEqual(await a.ask('got'), ['hello']);
    assertEqual(await b.ask('got'), ['hello']);

    assertEqual(await pykka.ActorRegistry.stopAll(), [true, true, true]);
    assertEqual(order, ['other', 'b', 'a'], 'last started, first stopped');
    assertEqual(pykka.ActorRegistry.getAll().length, 0);
});

test('an actor can live in an isolated registry', async () => {
    const registry = new Pykka.ActorRegistry();
    class Isolated extends pykka.Actor {
        constructor() {
            super({registry});
        }

        onReceive() {
            return 'isolated';
        }
    }
    const ref = Isolated.start();
    assertEqual(await ref.ask(null), 'isolated');
    assertEqual(pykka.ActorRegistry.getAll(registry).length, 1);
    assert(!pykka.ActorRegistry.getAll().some(r => r === ref), 'not in the default registry');
    assertEqual(await pykka.ActorRegistry.stopAll({registry}), [true]);
});

run();
