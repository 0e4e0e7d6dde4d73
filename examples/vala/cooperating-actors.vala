/* cooperating-actors.vala: one actor asking another for help, in Vala
 *
 * A port of Pykka's "Multiple cooperating actors" example; it prints what
 * examples/cooperating-actors.c prints. An Adder adds one to a number. A Bookkeeper is given a
 * proxy to the Adder when it is made, and counts to a target by asking the Adder for every
 * next number: inside its own method it calls the Adder's method through the proxy and blocks
 * on the future until the Adder answers. Each actor runs on a thread of its own.
 *
 * Methods are action signals; attributes are properties. count_to() has a last pointer
 * parameter that the caller does not pass: the library gives it a GError ** there, so that
 * an error from the Adder becomes the error of count_to()'s future.
 *
 * Build: valac --pkg pykka-glib-1 cooperating-actors.vala
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

public class Adder : Pykka.Actor {
    /* Method add_one(i: int) -> int */
    [Signal (action = true)]
    public virtual signal int add_one (int i) {
        print ("%s is increasing %d\n", get_type ().name (), i);
        return i + 1;
    }
}

public class Bookkeeper : Pykka.Actor {
    /* Attribute adder: a proxy to the Adder, given at construction */
    public Pykka.ActorProxy adder { get; construct; }

    public Bookkeeper (Pykka.ActorProxy adder) {
        Object (adder: adder);
    }

    /* Method count_to(target: int) -> None, which can fail */
    [Signal (action = true)]
    public virtual signal void count_to (int target, void *error) {
        int i = 0;

        try {
            while (i < target) {
                Value value;
                adder.call ("add_one", { i }).get (Pykka.FOREVER, out value);
                i = value.get_int ();
                print ("%s got %d back\n", get_type ().name (), i);
            }
        } catch (GLib.Error e) {
            *((GLib.Error **) error) = (owned) e;
        }
    }
}

/* Pykka's Actor.start().proxy() */
static Pykka.ActorProxy start_and_proxy (Pykka.Actor actor) {
    try {
        return actor.start ().proxy ();
    } catch (GLib.Error e) {
        error ("%s", e.message);
    }
}

int main () {
    var adder = start_and_proxy (new Adder ());
    var bookkeeper = start_and_proxy (new Bookkeeper (adder));

    try {
        Value none;
        bookkeeper.call ("count_to", { 10 }).get (Pykka.FOREVER, out none);
    } catch (GLib.Error e) {
        printerr ("count_to failed: %s\n", e.message);
        try {
            Pykka.ActorRegistry.get_default ().stop_all (Pykka.FOREVER);
        } catch (GLib.Error e2) {
        }
        return 1;
    }

    try {
        Pykka.ActorRegistry.get_default ().stop_all (Pykka.FOREVER);
    } catch (GLib.Error e) {
        printerr ("stop_all failed: %s\n", e.message);
        return 1;
    }
    return 0;
}
