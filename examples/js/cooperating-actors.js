// cooperating-actors.js: one actor asking another for help, in JavaScript (gjs)
//
// A port of Pykka's "Multiple cooperating actors" example; it prints what
// examples/cooperating-actors.c prints. An Adder adds one to a number. A Bookkeeper is given a
// proxy to the Adder when it is made, and counts to a target by asking the Adder for every
// next number.
//
// JavaScript actors all run on the main thread, so the Bookkeeper cannot block on the Adder's
// answer as Pykka's does: count_to() is an async method that awaits each answer, and its
// caller's promise settles when the counting is done.
//
// Run it in the source tree with the typelib and library of a build directory:
//   GI_TYPELIB_PATH=build/pykka-glib LD_LIBRARY_PATH=build/pykka-glib \
//     gjs -m examples/js/cooperating-actors.js
// Installed, import the module from ${datadir}/pykka-glib-1/gjs/pykka.js instead.
//
// SPDX-FileCopyrightText: 2026 The pykka-glib authors
// SPDX-License-Identifier: LGPL-2.1-or-later

import System from 'system';

import * as pykka from '../../bindings/gjs/pykka.js';

class Adder extends pykka.Actor {
    addOne(i) {
        print(`${this.constructor.name} is increasing ${i}`);
        return i + 1;
    }
}

class Bookkeeper extends pykka.Actor {
    constructor(adder) {
        super();
        this.adder = adder;
    }

    async countTo(target) {
        let i = 0;
        while (i < target) {
            i = await this.adder.addOne(i);
            print(`${this.constructor.name} got ${i} back`);
        }
    }
}

// Pykka's Actor.start().proxy(); the actors run on the main context, which gjs iterates
// while this module awaits.
const adder = Adder.start().proxy();
const bookkeeper = Bookkeeper.start(adder).proxy();

try {
    await bookkeeper.countTo(10);
} catch (error) {
    printerr(`count_to failed: ${error.message}`);
    await pykka.ActorRegistry.stopAll();
    System.exit(1);
}

await pykka.ActorRegistry.stopAll();
