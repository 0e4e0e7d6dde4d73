// pykka.js: Pykka's actors for JavaScript (gjs), on top of the Pykka-1 typelib
//
// SPDX-FileCopyrightText: 2026 The pykka-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later
//
// An ES module for gjs >= 1.68 (tested with 1.74). It is installed as
// `${datadir}/pykka-glib-1/gjs/pykka.js`; import it by URL:
//
//     import * as pykka from 'file:///usr/share/pykka-glib-1/gjs/pykka.js';
//
//     class Greeter extends pykka.Actor {
//         onReceive(message) { return `Hi there, ${message}!`; }
//         greet(name) { return `Hello, ${name}`; }
//     }
//
//     const ref = Greeter.start();                   // runs on the main context
//     print(await ref.ask('Bob'));                   // "Hi there, Bob!"
//     print(await ref.proxy().greet('Alice'));       // "Hello, Alice"
//     await ref.stop();
//
// The whole contract is in README.md beside this file. In short:
//
// - gjs runs JavaScript on the main thread only, so JS actors run on a GMainContext
//   (pykka_actor_start_in_context()), the thread-default one unless told otherwise, and a
//   GLib main loop must run for them to do anything. Nothing here ever blocks the main thread:
//   every wait is a Promise.
// - Subclass `Actor` with plain methods (no GObject.registerClass() needed, although it is
//   allowed). `onStart()`, `onStop()`, `onFailure(error)` and `onReceive(message)` are the
//   lifecycle hooks; every other public method (not starting with `_`) is callable through a
//   proxy, and every public field is an attribute.
// - `ActorRef.ask()`, proxy method calls and attribute reads return Promises. A method that
//   returns a Promise (an `async` method) answers when the promise settles.
// - Any exception thrown by actor code becomes the error of the caller's future: a GLib.Error
//   passes through unchanged; anything else becomes a GLib.Error of `Pykka.Error.UNHANDLED`
//   whose message is `"{name}: {message}"` followed by the JS stack.

import GLib from 'gi://GLib';
import GObject from 'gi://GObject';
import Gio from 'gi://Gio';
import Pykka from 'gi://Pykka?version=1';

export {Pykka};

/** The error domain of pykka-glib (`Pykka.Error`), for `error.matches(PykkaError, code)`. */
export const PykkaError = Pykka.Error;

/** Pykka's "forever" for timeouts given in microseconds to the C API. */
export const FOREVER = -1;

const LOG_DOMAIN = 'pykka';

// Records in the "pykka" domain, as the C library writes them (INFO and DEBUG only when
// G_MESSAGES_DEBUG asks for them).
function log(level, message) {
    if (!GLib.log_writer_default_would_drop(level, LOG_DOMAIN))
        GLib.log_structured(LOG_DOMAIN, level, {MESSAGE: message});
}

function pykkaError(code, message) {
    return new GLib.Error(Pykka.Error, code, message);
}

// Values ------------------------------------------------------------------------------------

// gjs guesses the GValue type of null, booleans, numbers, BigInts, strings, GObjects, boxed
// values (GLib.Variant…) and plain objects (a JSObject boxed value, opaque to other languages,
// that comes back as the same object). Anything else, such as an array or a class instance,
// would fail with "Could not guess unspecified GValue type": it travels inside a plain object
// instead, and comes out as itself.
const PACKED = Symbol('pykka.packed');

function needsPacking(value) {
    if (Array.isArray(value))
        return true;
    if (typeof value === 'function')
        return true;
    if (typeof value !== 'object' || value === null)
        return false;
    const proto = Object.getPrototypeOf(value);
    if (proto === Object.prototype)
        return PACKED in value;
    // GObjects and boxed/struct wrappers carry their GType on their class.
    return !(value.constructor && Object.hasOwn(value.constructor, '$gtype')) &&
        !(value instanceof GObject.Object);
}

const proxyTargets = new WeakMap();   // JS proxy or handle -> {raw, path}
const refWrappers = new WeakMap();    // Pykka.ActorRef -> ActorRef

/**
 * Converts a JS value into what gjs turns into a GValue: `undefined` becomes `null` (None),
 * an `ActorRef` its `Pykka.ActorRef`, a proxy its `Pykka.ActorProxy`, and values gjs cannot
 * put in a GValue (arrays, class instances, functions) are wrapped in a plain object, which only
 * JavaScript code can open (fromGValue() does).
 * Numbers are guessed by gjs: integers in int32 range become gint, others gdouble; a BigInt
 * becomes gint64.
 *
 * @param {*} value - a JS value
 * @returns {*} a value gjs can marshal into a GValue
 */
export function toGValue(value) {
    if (value === undefined)
        return null;
    if (value instanceof ActorRef)
        return value.ref;
    if ((typeof value === 'object' || typeof value === 'function') && value !== null) {
        const target = proxyTargets.get(value);
        if (target !== undefined)
            return target.path === '' ? target.raw : target.raw.traverse(target.path);
    }
    if (needsPacking(value))
        return {[PACKED]: value};
    return value;
}

/**
 * The other direction of toGValue(): a `Pykka.ActorRef` becomes an `ActorRef`, a
 * `Pykka.ActorProxy` a JS proxy, a packed value the value.
 *
 * @param {*} value - a value gjs made from a GValue
 * @returns {*} the JS value
 */
export function fromGValue(value) {
    if (value !== null && typeof value === 'object' && Object.hasOwn(value, PACKED))
        return value[PACKED];
    if (value instanceof Pykka.ActorRef)
        return ActorRef.wrap(value);
    if (value instanceof Pykka.ActorProxy)
        return makeProxy(value);
    return value;
}

// gjs ignores "Returns: (skip)" on gboolean throwers and gives [true, value].
function finishValue(result) {
    if (Array.isArray(result) && result.length === 2 && result[0] === true)
        return result[1];
    return result;
}

/**
 * Turns anything thrown into the GLib.Error that the caller's future gets.
 *
 * @param {*} thrown - an exception
 * @returns {GLib.Error} the error itself if it is a GLib.Error, otherwise a
 *   `Pykka.Error.UNHANDLED` carrying the class, message and stack of the exception
 */
export function toGError(thrown) {
    if (thrown instanceof GLib.Error)
        return thrown;
    let text;
    if (thrown instanceof Error) {
        text = `${thrown.name}: ${thrown.message}`;
        if (thrown.stack)
            text += `\n${thrown.stack.trimEnd()}`;
    } else {
        let shown;
        try {
            shown = typeof thrown === 'string' ? JSON.stringify(thrown) : String(thrown);
        } catch {
            shown = Object.prototype.toString.call(thrown);
        }
        text = `Non-Error value thrown: ${shown}`;
    }
    return pykkaError(Pykka.Error.UNHANDLED, text);
}

function describeError(error) {
    if (error instanceof GLib.Error)
        return `${error.message} (${GLib.quark_to_string(error.domain)}, ${error.code})`;
    return String(error);
}

// As the C library prints a message: strings raw, None for null.
function describeValue(value) {
    if (value === null || value === undefined)
        return 'None';
    if (typeof value === 'string')
        return value;
    if (value instanceof GObject.Object)
        return `((${GObject.type_name_from_instance(value)}*) ${value})`;
    try {
        return typeof value === 'object' ? JSON.stringify(value) : String(value);
    } catch {
        return String(value);
    }
}

function isThenable(value) {
    return value !== null && (typeof value === 'object' || typeof value === 'function') &&
        typeof value.then === 'function';
}

// Futures -----------------------------------------------------------------------------------

function waitOnce(future, timeout, cancellable) {
    return new Promise((resolve, reject) => {
        const inner = new Gio.Cancellable();
        let timedOut = false;
        let timeoutId = 0;
        let cancelledId = 0;

        // g_cancellable_connect(): runs at once if already cancelled.
        if (cancellable)
            cancelledId = cancellable.connect(() => inner.cancel());
        if (timeout !== null && timeout !== undefined && timeout >= 0 && !future.is_done()) {
            timeoutId = GLib.timeout_add(GLib.PRIORITY_DEFAULT, Math.ceil(timeout * 1000), () => {
                timeoutId = 0;
                // A completed future still answers through get_async.
                if (!future.is_done()) {
                    timedOut = true;
                    inner.cancel();
                }
                return GLib.SOURCE_REMOVE;
            });
        }

        future.get_async(inner, (source, result) => {
            if (timeoutId !== 0)
                GLib.source_remove(timeoutId);
            if (cancelledId !== 0)
                cancellable.disconnect(cancelledId);
            try {
                resolve(finishValue(source.get_finish(result)));
            } catch (error) {
                if (timedOut && error instanceof GLib.Error &&
                    error.matches(Gio.IOErrorEnum, Gio.IOErrorEnum.CANCELLED)) {
                    reject(pykkaError(Pykka.Error.TIMEOUT,
                        `Future was not completed within ${timeout} seconds`));
                } else {
                    reject(error);
                }
            }
        });
    });
}

/**
 * Waits for a `Pykka.Future` without blocking.
 *
 * A future whose value is another future (what an `async` actor method answers with) is
 * waited for in turn, so the promise resolves to the final value.
 *
 * @param {Pykka.Future} future - the future
 * @param {object} [options] - options
 * @param {number|null} [options.timeout] - seconds to wait (Pykka style); null waits forever.
 *   Expiry rejects with `Pykka.Error.TIMEOUT`; the future itself is not affected.
 * @param {Gio.Cancellable|null} [options.cancellable] - cancelling rejects with
 *   `Gio.IOErrorEnum.CANCELLED`
 * @returns {Promise<*>} the value, converted with fromGValue()
 */
export async function toPromise(future, {timeout = null, cancellable = null} = {}) {
    let value = await waitOnce(future, timeout, cancellable);
    while (value instanceof Pykka.Future)
        value = await waitOnce(value, timeout, cancellable);
    return fromGValue(value);
}

/**
 * Waits for every future or promise, like Pykka's `get_all()`.
 *
 * @param {Array<Pykka.Future|Promise>} futures - futures or promises
 * @param {object} [options] - as for toPromise()
 * @returns {Promise<Array>} their values, in order
 */
export function getAll(futures, options = {}) {
    return Promise.all(futures.map(f => f instanceof Pykka.Future ? toPromise(f, options) : f));
}

// Actor refs --------------------------------------------------------------------------------

/**
 * A reference to a running actor, wrapping a `Pykka.ActorRef` (the `ref` property) with
 * promise-based methods. The same `Pykka.ActorRef` always gives the same `ActorRef`.
 */
export class ActorRef {
    /**
     * @param {Pykka.ActorRef} ref - the ref to wrap
     * @returns {ActorRef} the wrapper of `ref`
     */
    static wrap(ref) {
        let wrapper = refWrappers.get(ref);
        if (wrapper === undefined) {
            wrapper = new ActorRef(ref);
            refWrappers.set(ref, wrapper);
        }
        return wrapper;
    }

    constructor(ref) {
        if (!(ref instanceof Pykka.ActorRef))
            throw new TypeError('ActorRef wraps a Pykka.ActorRef; use Actor.start() to get one');
        /** @type {Pykka.ActorRef} the wrapped ref, for the C API */
        this.ref = ref;
    }

    /** @type {string} the actor's URN, `urn:uuid:…` */
    get actorUrn() {
        return this.ref.get_actor_urn();
    }

    /** @type {GObject.GType} the GType of the actor */
    get actorType() {
        return this.ref.get_actor_type();
    }

    /** @returns {boolean} whether the actor is alive */
    isAlive() {
        return this.ref.is_alive();
    }

    /**
     * Sends a message without waiting for anything.
     *
     * @param {*} message - the message (converted with toGValue())
     * @throws {GLib.Error} `Pykka.Error.ACTOR_DEAD` if the actor is not alive
     */
    tell(message) {
        this.ref.tell(toGValue(message));
    }

    /**
     * Sends a message and waits for the reply without blocking.
     *
     * @param {*} message - the message (converted with toGValue())
     * @param {object} [options] - `timeout` (seconds) and `cancellable`, as for toPromise()
     * @returns {Promise<*>} the reply; rejects with the error of the actor's handler, or
     *   `Pykka.Error.ACTOR_DEAD`
     */
    ask(message, options = {}) {
        let future;
        try {
            future = this.ref.ask(toGValue(message));
        } catch (error) {
            return Promise.reject(error);
        }
        return toPromise(future, options);
    }

    /**
     * Like ask(), but gives the `Pykka.Future` (for the C API, join(), map()…).
     *
     * @param {*} message - the message
     * @returns {Pykka.Future} the future of the reply
     */
    askFuture(message) {
        return this.ref.ask(toGValue(message));
    }

    /**
     * Stops the actor after the messages already in its inbox.
     *
     * @param {object} [options] - `timeout` (seconds) and `cancellable`, as for toPromise()
     * @returns {Promise<boolean>} true if the actor was alive and has now stopped, false if it
     *   was already dead
     */
    stop(options = {}) {
        return toPromise(this.ref.stop_future(), options);
    }

    /**
     * @returns {object} a proxy whose method calls and attribute reads are promises
     * @throws {GLib.Error} `Pykka.Error.ACTOR_DEAD` if the actor is not alive
     */
    proxy() {
        return makeProxy(this.ref.proxy());
    }

    /**
     * @param {ActorRef|Pykka.ActorRef} other - another ref
     * @returns {boolean} whether both refer to the same actor
     */
    equals(other) {
        const ref = other instanceof ActorRef ? other.ref : other;
        return ref instanceof Pykka.ActorRef && this.ref.equal(ref);
    }

    toString() {
        return this.ref.to_string();
    }
}

// Proxies -----------------------------------------------------------------------------------

function joinPath(base, name) {
    return base === '' ? name : `${base}.${name}`;
}

function proxyCall(raw, path, args) {
    let future;
    try {
        future = raw.call(path, args.map(toGValue));
    } catch (error) {
        return Promise.reject(error);
    }
    return toPromise(future);
}

function proxyGet(raw, path) {
    let future;
    try {
        future = raw.get_attr(path);
    } catch (error) {
        return Promise.reject(error);
    }
    return toPromise(future);
}

function proxySet(raw, path, value) {
    // pykka_actor_proxy_set_attr() blocks until the actor has written the value, which on the
    // main thread would wait for the main context forever: send the message and wait for its
    // reply instead. Messages are handled in order, so a later call sees the value.
    let future;
    try {
        const message = new Pykka.ProxySetAttr(joinPath(raw.get_attr_path(), path),
            toGValue(value));
        future = raw.get_actor_ref().ask(message);
    } catch (error) {
        return Promise.reject(error);
    }
    return toPromise(future);
}

function proxyDefer(raw, path, args) {
    raw.defer(path, args.map(toGValue));
}

function assignAttribute(raw, path, value) {
    proxySet(raw, path, value).catch(error => {
        log(GLib.LogLevelFlags.LEVEL_WARNING,
            `Setting attribute '${path}' of ${raw.get_actor_ref().to_string()} failed: ` +
            `${describeError(error)}`);
    });
    return true;
}

// A handle stands for `proxy.a.b`: call it to call the method a.b, await it to read the
// attribute a.b, or go on to `proxy.a.b.c`. Pykka reads type information to tell methods from
// attributes; a handle needs none, so it works for actors of every language.
const HANDLE_NAMES = new Set(['then', 'catch', 'finally', 'defer']);

function makeHandle(raw, path) {
    const handle = new Proxy(() => {}, {
        apply(target, thisArg, args) {
            return proxyCall(raw, path, args);
        },
        get(target, name) {
            if (typeof name === 'symbol')
                return undefined;
            switch (name) {
            case 'then':
                return (onValue, onError) => proxyGet(raw, path).then(onValue, onError);
            case 'catch':
                return onError => proxyGet(raw, path).catch(onError);
            case 'finally':
                return onFinally => proxyGet(raw, path).finally(onFinally);
            case 'defer':
                return (...args) => proxyDefer(raw, path, args);
            case 'toString':
                return () => `<attribute '${path}' of ${raw.to_string()}>`;
            default:
                return makeHandle(raw, `${path}.${name}`);
            }
        },
        set(target, name, value) {
            if (typeof name === 'symbol' || HANDLE_NAMES.has(name))
                return false;
            return assignAttribute(raw, `${path}.${name}`, value);
        },
        has() {
            return false;
        },
    });
    proxyTargets.set(handle, {raw, path});
    return handle;
}

/**
 * Makes the JS proxy of a `Pykka.ActorProxy` (what `ActorRef.proxy()` returns):
 *
 * - `proxy.method(...args)` calls the method on the actor: a Promise of its result;
 * - `await proxy.attr` reads an attribute (each read is a message);
 * - `proxy.attr = value` writes it, in order with the other messages (a failure is logged;
 *   `await proxy.$set('attr', value)` to wait for it and see errors);
 * - `proxy.nested.method()`, `await proxy.nested.attr`: paths through traversable attributes;
 * - `proxy.method.defer(...args)`: calls without a reply, like a tell (a failure stops the
 *   actor), throws at once if the call cannot be made;
 * - `proxy.actorRef`: the `ActorRef`; `proxy.$proxy`: the `Pykka.ActorProxy`;
 *   `proxy.$call(path, ...args)`, `proxy.$get(path)`, `proxy.$set(path, value)`,
 *   `proxy.$defer(path, ...args)`: the same by dotted path.
 *
 * A proxy is not itself thenable (it can be returned from async functions).
 *
 * @param {Pykka.ActorProxy} raw - the proxy
 * @returns {object} the JS proxy
 */
export function makeProxy(raw) {
    const methods = {
        actorRef: () => ActorRef.wrap(raw.get_actor_ref()),
        $proxy: () => raw,
        $call: () => (path, ...args) => proxyCall(raw, path, args),
        $get: () => path => proxyGet(raw, path),
        $set: () => (path, value) => proxySet(raw, path, value),
        $defer: () => (path, ...args) => proxyDefer(raw, path, args),
        toString: () => () => raw.to_string(),
    };
    const proxy = new Proxy(Object.create(null), {
        get(target, name) {
            if (typeof name === 'symbol' || name === 'then')
                return undefined;
            if (Object.hasOwn(methods, name))
                return methods[name]();
            return makeHandle(raw, name);
        },
        set(target, name, value) {
            if (typeof name === 'symbol' || Object.hasOwn(methods, name) || name === 'then')
                return false;
            return assignAttribute(raw, name, value);
        },
        has(target, name) {
            return Object.hasOwn(methods, name);
        },
    });
    proxyTargets.set(proxy, {raw, path: ''});
    return proxy;
}

// Traversable attributes --------------------------------------------------------------------

const TRAVERSABLE = Symbol('pykka.traversable');

/**
 * Marks an object held in an actor's attribute as traversable, so that proxies reach its
 * methods and attributes (`proxy.playback.play()`), as Pykka's `traversable()`. A GObject is
 * also marked for the C side (pykka_traversable()). A `pykkaTraversable = true` property on
 * the object or its class does the same.
 *
 * @param {object} object - the object
 * @returns {object} the same object
 */
export function traversable(object) {
    if (object === null || (typeof object !== 'object' && typeof object !== 'function'))
        throw new TypeError('traversable() marks objects only');
    if (object instanceof GObject.Object)
        Pykka.traversable(object);
    Object.defineProperty(object, TRAVERSABLE, {value: true, configurable: true});
    return object;
}

function isTraversable(value) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function'))
        return false;
    if (value[TRAVERSABLE] === true || value.pykkaTraversable === true ||
        value.pykka_traversable === true)
        return true;
    return value instanceof GObject.Object && Pykka.is_traversable(value);
}

// Actors ------------------------------------------------------------------------------------

const HIDDEN_NAMES = new Set(['constructor', 'onStart', 'onStop', 'onFailure', 'onReceive',
    'actorRef', 'pykkaTraversable', 'pykka_traversable']);

let typeCounter = 0;

// GType names need 3+ characters of [A-Za-z0-9_+-], starting with a letter or '_'.
function typeNameFor(klass) {
    const base = (klass.name || 'JsActor').replace(/[^A-Za-z0-9_+-]/g, '_');
    let name = base;
    if (!/^[A-Za-z_]/.test(name) || name.length < 3 || GObject.type_from_name(name))
        name = `PykkaJs_${base}`;
    while (GObject.type_from_name(name))
        name = `PykkaJs_${base}_${++typeCounter}`;
    return name;
}

/**
 * Registers an Actor subclass with GObject if it is not registered yet. Actor does this by
 * itself on the first construction; call it to choose the GType name, or use
 * GObject.registerClass() for GObject properties and signals.
 *
 * @param {Function} klass - a subclass of Actor
 * @param {object} [info] - GObject.registerClass() metadata; the GTypeName defaults to the
 *   class name, if no other type has it
 * @returns {Function} klass
 */
export function registerActor(klass, info = {}) {
    if (Object.hasOwn(klass, '$gtype'))
        return klass;
    if (!(klass.prototype instanceof Actor))
        throw new TypeError(`${klass.name} does not extend Actor`);
    registerActor(Object.getPrototypeOf(klass), {});
    return GObject.registerClass({GTypeName: typeNameFor(klass), ...info}, klass);
}

function actorName(actor) {
    return actor.to_string();
}

function noAttribute(actor, name) {
    return pykkaError(Pykka.Error.NO_SUCH_ATTRIBUTE, `${actorName(actor)} has no attribute '${name}'`);
}

function camelize(name) {
    return name.replace(/[-_]+([a-zA-Z0-9])/g, (match, c) => c.toUpperCase());
}

// Whether `name` is a public member of `object` (an actor: only what its own classes define,
// not Actor's, Pykka.Actor's or GObject's; another object: anything but Object's).
function exposes(object, name, actor) {
    if (name.startsWith('_') || name.startsWith('vfunc_') || HIDDEN_NAMES.has(name))
        return false;
    const stop = object === actor ? Actor.prototype : null;
    for (let o = object; o !== null && o !== stop; o = Object.getPrototypeOf(o)) {
        if (o === Object.prototype || o === Function.prototype || o === GObject.Object.prototype)
            return false;
        if (Object.hasOwn(o, name))
            return true;
    }
    return false;
}

// Finds the JS member for a name from any language: as given, or camelCased (`add_one` and
// `add-one` reach `addOne`).
function memberName(object, name, actor) {
    if (name.startsWith('_'))
        return null;
    if (exposes(object, name, actor))
        return name;
    const camel = camelize(name);
    if (camel !== name && exposes(object, camel, actor))
        return camel;
    return null;
}

// Walks `path` to the object holding its last name: {owner, name (JS), last (as given)}.
function resolvePath(actor, path) {
    const parts = path.split('.');
    if (parts.some(part => part === ''))
        throw pykkaError(Pykka.Error.INVALID_ARGUMENT, `“${path}” is not a valid attribute path`);
    let owner = actor;
    for (const part of parts.slice(0, -1)) {
        const name = memberName(owner, part, actor);
        if (name === null)
            throw noAttribute(actor, part);
        const next = owner[name];
        if (!isTraversable(next)) {
            throw pykkaError(Pykka.Error.NOT_TRAVERSABLE,
                `Attribute '${part}' of ${actorName(actor)} is not traversable`);
        }
        owner = next;
    }
    const last = parts[parts.length - 1];
    return {owner, name: memberName(owner, last, actor), last};
}

// What a handler's result becomes: a promise turns into a Pykka.Future completed when it
// settles (the caller gets a future of a future; toPromise() flattens it).
function reply(actor, result) {
    if (!isThenable(result))
        return toGValue(result);
    const future = new Pykka.Future();
    Promise.resolve(result).then(value => {
        try {
            future.set(toGValue(value));
        } catch (error) {
            future.set_error(toGError(error));
        }
    }, error => {
        const gerror = toGError(error);
        log(GLib.LogLevelFlags.LEVEL_INFO,
            `Exception returned from ${actorName(actor)} to caller: ${describeError(gerror)}`);
        future.set_error(gerror);
    });
    return future;
}

// A hook's promise has no caller to answer: a rejection is logged like an unhandled error.
function settleHook(actor, result, stopOnError) {
    if (!isThenable(result))
        return;
    Promise.resolve(result).catch(error => {
        log(GLib.LogLevelFlags.LEVEL_WARNING,
            `Unhandled exception in ${actorName(actor)}: ${describeError(toGError(error))}`);
        if (stopOnError && actor.actor_ref.is_alive()) {
            try {
                actor.stop();
            } catch {
                // stopped meanwhile
            }
        }
    });
}

function guard(func) {
    try {
        return func();
    } catch (error) {
        throw toGError(error);
    }
}

/**
 * The base class of JS actors. Subclass it with plain methods; there is no need to call
 * GObject.registerClass() (it is done on the first construction), but it is allowed, for
 * example to declare GObject properties.
 *
 * Hooks, all optional, run on the main thread one message at a time:
 * - `onStart()`: before the first message; throwing stops the actor;
 * - `onStop()`: when the actor is stopped;
 * - `onFailure(error)`: after a told message (or a deferred call) failed and stopped the actor;
 * - `onReceive(message)`: a message sent with tell/ask; its return value is the reply. Without
 *   it, Pykka's default logs "Unexpected message received by …" and replies null.
 *
 * A hook or method that returns a Promise is not waited for: the actor goes on with its next
 * message meanwhile (as asyncio code does), and the caller's future completes when the promise
 * settles.
 *
 * Constructor arguments are the subclass's own; pass GObject construct properties (such as
 * `registry`) to `super({registry})`.
 */
export const Actor = GObject.registerClass({
    GTypeName: 'PykkaJsActor',
    GTypeFlags: GObject.TypeFlags.ABSTRACT,
}, class Actor extends Pykka.Actor {
    constructor(props = {}) {
        registerActor(new.target);
        super(props);
    }

    /**
     * Constructs the actor with `args` and starts it on the thread-default main context
     * (Pykka's `Actor.start(*args)`).
     *
     * @param {...*} args - constructor arguments
     * @returns {ActorRef} the ref of the running actor
     */
    static start(...args) {
        return new this(...args).start();
    }

    /**
     * Starts this actor on a main context (the thread-default one by default); JS actors can
     * run nowhere else.
     *
     * @param {GLib.MainContext|null} [context] - the context, which must be iterated on the
     *   main thread
     * @returns {ActorRef} the ref of the running actor
     * @throws {GLib.Error} `Pykka.Error.ALREADY_STARTED`
     */
    start(context = null) {
        return ActorRef.wrap(this.start_in_context(context));
    }

    start_in_pool() {
        throw pykkaError(Pykka.Error.INVALID_ARGUMENT,
            'JavaScript actors run on a main context only: use start()');
    }

    /** @type {ActorRef} the actor's own ref (`actor_ref` is the Pykka.ActorRef) */
    get actorRef() {
        return ActorRef.wrap(this.actor_ref);
    }

    toString() {
        return this.to_string();
    }

    vfunc_on_start() {
        if (typeof this.onStart === 'function')
            settleHook(this, guard(() => this.onStart()), true);
    }

    vfunc_on_stop() {
        if (typeof this.onStop === 'function')
            settleHook(this, guard(() => this.onStop()), false);
    }

    vfunc_on_failure(failure) {
        if (typeof this.onFailure === 'function')
            settleHook(this, guard(() => this.onFailure(failure)), false);
    }

    vfunc_on_receive(message) {
        if (typeof this.onReceive !== 'function') {
            // Pykka's default. Not a chain-up: the C default leaves the reply GValue unset,
            // which gjs 1.74 cannot convert back (see README.md).
            log(GLib.LogLevelFlags.LEVEL_WARNING,
                `Unexpected message received by ${actorName(this)}: ${describeValue(message)}`);
            return null;
        }
        return guard(() => reply(this, this.onReceive(fromGValue(message))));
    }

    vfunc_call(path, args) {
        return guard(() => {
            const {owner, name, last} = resolvePath(this, path);
            if (name === null)
                throw noAttribute(this, last);
            const method = owner[name];
            if (typeof method !== 'function') {
                throw pykkaError(Pykka.Error.INVALID_ARGUMENT,
                    `Attribute “${last}” is not a method`);
            }
            return reply(this, method.apply(owner, (args ?? []).map(fromGValue)));
        });
    }

    vfunc_get_attr(path) {
        return guard(() => {
            const {owner, name, last} = resolvePath(this, path);
            if (name === null)
                throw noAttribute(this, last);
            const value = owner[name];
            if (typeof value === 'function' && !proxyTargets.has(value)) {
                throw pykkaError(Pykka.Error.INVALID_ARGUMENT,
                    `Attribute “${last}” cannot be read`);
            }
            const target = proxyTargets.get(value);
            if (target !== undefined && target.raw.get_actor_ref().equal(this.actor_ref)) {
                log(GLib.LogLevelFlags.LEVEL_WARNING,
                    `${actorName(this)} attribute '${path}' is a proxy to itself. ` +
                    'Consider making it private.');
                throw noAttribute(this, last);
            }
            return toGValue(value);
        });
    }

    vfunc_set_attr(path, value) {
        guard(() => {
            const {owner, name, last} = resolvePath(this, path);
            const key = name ?? last;
            // A new attribute may be made, but nothing hidden or inherited may be replaced.
            if (name === null && (key.startsWith('_') || key in owner))
                throw noAttribute(this, last);
            if (name !== null) {
                let descriptor;
                for (let o = owner; o !== null && descriptor === undefined; o = Object.getPrototypeOf(o))
                    descriptor = Object.getOwnPropertyDescriptor(o, name);
                if (typeof owner[name] === 'function' ||
                    (descriptor && !descriptor.set && !descriptor.writable)) {
                    throw pykkaError(Pykka.Error.NO_SUCH_ATTRIBUTE,
                        `Attribute “${last}” of ${actorName(this)} cannot be set`);
                }
            }
            owner[key] = fromGValue(value);
        });
    }
});

// The registry ------------------------------------------------------------------------------

function registryOf(registry) {
    return registry ?? Pykka.ActorRegistry.get_default();
}

function gtypeOf(klass) {
    if (klass === undefined || klass === null)
        return Pykka.Actor.$gtype;
    if (typeof klass === 'function') {
        if (!Object.hasOwn(klass, '$gtype') && klass.prototype instanceof Actor)
            registerActor(klass);
        return klass.$gtype;
    }
    return klass;
}

/**
 * The running actors, as Pykka's `ActorRegistry`. Every function takes an optional
 * `Pykka.ActorRegistry` last; the default registry otherwise.
 */
export const ActorRegistry = {
    /** @returns {ActorRef[]} every running actor, in start order */
    getAll(registry = null) {
        return registryOf(registry).get_all().map(ref => ActorRef.wrap(ref));
    },

    /** @returns {ActorRef[]} the actors of a class (an Actor subclass or a GType) or subclasses */
    getByClass(klass, registry = null) {
        return registryOf(registry).get_by_type(gtypeOf(klass)).map(ref => ActorRef.wrap(ref));
    },

    /** @returns {ActorRef|null} the actor with this URN */
    getByUrn(urn, registry = null) {
        const ref = registryOf(registry).get_by_urn(urn);
        return ref ? ActorRef.wrap(ref) : null;
    },

    /** Tells `message` to every actor, or to those of a class. */
    broadcast(message, klass = null, registry = null) {
        registryOf(registry).broadcast(toGValue(message), gtypeOf(klass));
    },

    /**
     * Stops every actor, last started first, each after the previous one has stopped,
     * without blocking the main thread.
     *
     * @param {object} [options] - `timeout` (seconds, for each actor) and `registry`
     * @returns {Promise<boolean[]>} the result of each stop, in stop order
     */
    async stopAll({timeout = null, registry = null} = {}) {
        const refs = registryOf(registry).get_all().reverse();
        const results = [];
        for (const ref of refs)
            results.push(await toPromise(ref.stop_future(), {timeout}));
        return results;
    },
};
