/* test-vala.vala: the pykka-glib-1 VAPI from Vala
 *
 * Subclasses of Pykka.Actor written in Vala: virtual methods (on_start, on_stop, on_failure,
 * on_receive), action-signal methods and properties reached through proxies, errors of Vala
 * error domains, and the async API with `yield` on a main loop.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

public errordomain CalcError {
    NEGATIVE,
    NOT_A_NUMBER
}

/* Records what happens to it; replies to messages. */
public class Recorder : Pykka.Actor {
    public AsyncQueue<string> events = new AsyncQueue<string> ();

    public override void on_start () throws GLib.Error {
        events.push ("start");
    }

    public override void on_stop () throws GLib.Error {
        events.push ("stop");
    }

    public override void on_failure (GLib.Error failure) throws GLib.Error {
        events.push ("failure: %s %d %s".printf (failure.domain.to_string (), failure.code,
                                                 failure.message));
    }

    public override GLib.Value on_receive (GLib.Value message) throws GLib.Error {
        if (message.holds (typeof (string))) {
            unowned string text = message.get_string ();
            if (text == "fail")
                throw new CalcError.NOT_A_NUMBER ("“%s” is not a number", text);
            return "Hi there, %s!".printf (text);
        }
        if (message.holds (typeof (int)))
            return message.get_int () * 2;
        return Pykka.value_init_none ();
    }
}

/* A calculator with methods (action signals) and attributes (properties). */
public class Calculator : Pykka.Actor {
    public int counter { get; set; default = 0; }
    public string name { get; construct; }
    public int doubled { get { return counter * 2; } }

    public Calculator (string name) {
        Object (name: name);
    }

    /* Method add(a: int, b: int) -> int */
    [Signal (action = true)]
    public virtual signal int add (int a, int b) {
        return a + b;
    }

    /* Method increment() -> int */
    [Signal (action = true)]
    public virtual signal int increment () {
        counter++;
        return counter;
    }

    /* Method square_root(x: double) -> double, which can fail: the library passes a
     * GError ** in the last pointer parameter, which the caller does not pass. */
    [Signal (action = true)]
    public virtual signal double square_root (double x, void *error) {
        if (x < 0) {
            *((GLib.Error **) error) = new CalcError.NEGATIVE ("%g is negative", x);
            return 0;
        }
        return Math.sqrt (x);
    }
}

const int64 SECOND = 1000000;

static string? pop_event (Recorder actor) {
    return actor.events.timeout_pop (5 * SECOND);
}

static Pykka.ActorProxy start_calculator (string name) throws GLib.Error {
    return new Calculator (name).start ().proxy ();
}

static void stop_all () {
    try {
        Pykka.ActorRegistry.get_default ().stop_all (Pykka.FOREVER);
    } catch (GLib.Error e) {
        assert_no_error (e);
    }
}

static void test_on_receive () {
    try {
        var actor = new Recorder ();
        var @ref = actor.start ();
        Value reply;

        assert_cmpstr (pop_event (actor), CompareOperator.EQ, "start");
        @ref.ask_sync ("Bob", Pykka.FOREVER, out reply);
        assert_cmpstr (reply.get_string (), CompareOperator.EQ, "Hi there, Bob!");
        @ref.ask_sync (21, Pykka.FOREVER, out reply);
        assert_cmpint (reply.get_int (), CompareOperator.EQ, 42);
        @ref.ask_sync (2.5, Pykka.FOREVER, out reply);
        assert_true (Pykka.value_is_none (reply));

        assert_true (@ref.stop (Pykka.FOREVER));
        assert_cmpstr (pop_event (actor), CompareOperator.EQ, "stop");
        assert_false (@ref.is_alive ());
    } catch (GLib.Error e) {
        assert_no_error (e);
    }
}

static void test_errors () {
    try {
        var actor = new Recorder ();
        var @ref = actor.start ();
        Value reply;

        try {
            @ref.ask_sync ("fail", Pykka.FOREVER, out reply);
            assert_not_reached ();
        } catch (CalcError e) {
            /* A Vala error domain passes through the library unchanged. */
            assert_true (e is CalcError.NOT_A_NUMBER);
            assert_cmpstr (e.message, CompareOperator.EQ, "“fail” is not a number");
        }
        assert_true (@ref.is_alive ());

        /* A failing tell stops the actor and runs on_failure. */
        Test.expect_message ("pykka", LogLevelFlags.LEVEL_WARNING,
                             "Unhandled exception in Recorder (urn:uuid:*): *is not a number (calc-error-quark, 1)");
        @ref.tell ("fail");
        assert_cmpstr (pop_event (actor), CompareOperator.EQ, "start");
        var failure = pop_event (actor);
        assert_nonnull (failure);
        assert_true (failure.has_prefix ("failure: calc-error-quark 1 "));
        Test.assert_expected_messages ();

        try {
            @ref.tell ("again");
            assert_not_reached ();
        } catch (Pykka.Error e) {
            assert_true (e is Pykka.Error.ACTOR_DEAD);
        }
        try {
            actor.start ();
            assert_not_reached ();
        } catch (Pykka.Error e) {
            assert_true (e is Pykka.Error.ALREADY_STARTED);
        }
    } catch (GLib.Error e) {
        assert_no_error (e);
    }
}

static void test_proxy_methods () {
    try {
        var proxy = start_calculator ("calc");
        Value result;

        proxy.call ("add", { 3, 4 }).@get (Pykka.FOREVER, out result);
        assert_cmpint (result.get_int (), CompareOperator.EQ, 7);
        proxy.call ("increment", null).@get (Pykka.FOREVER, out result);
        proxy.call ("increment", null).@get (Pykka.FOREVER, out result);
        assert_cmpint (result.get_int (), CompareOperator.EQ, 2);
        proxy.call ("square_root", { 16.0 }).@get (Pykka.FOREVER, out result);
        assert_cmpfloat (result.get_double (), CompareOperator.EQ, 4.0);

        try {
            proxy.call ("square_root", { -1.0 }).@get (Pykka.FOREVER, out result);
            assert_not_reached ();
        } catch (CalcError e) {
            assert_true (e is CalcError.NEGATIVE);
            assert_cmpstr (e.message, CompareOperator.EQ, "-1 is negative");
        }
        try {
            proxy.call ("nope", null);
            assert_not_reached ();
        } catch (Pykka.Error e) {
            assert_true (e is Pykka.Error.NO_SUCH_ATTRIBUTE);
        }
        try {
            proxy.call ("add", { 1 });
            assert_not_reached ();
        } catch (Pykka.Error e) {
            assert_true (e is Pykka.Error.INVALID_ARGUMENT);
        }

        /* What dir(proxy) shows: the methods and properties the subclass adds. */
        var attrs = string.joinv (",", proxy.list_attrs ());
        assert_cmpstr (attrs, CompareOperator.EQ, "add,counter,doubled,increment,name,square_root");
        stop_all ();
    } catch (GLib.Error e) {
        assert_no_error (e);
    }
}

static void test_proxy_attributes () {
    try {
        var proxy = start_calculator ("attrs");
        Value result;

        proxy.get_attr ("name").@get (Pykka.FOREVER, out result);
        assert_cmpstr (result.get_string (), CompareOperator.EQ, "attrs");
        assert_true (proxy.set_attr ("counter", 5));
        proxy.get_attr ("counter").@get (Pykka.FOREVER, out result);
        assert_cmpint (result.get_int (), CompareOperator.EQ, 5);
        proxy.get_attr ("doubled").@get (Pykka.FOREVER, out result);
        assert_cmpint (result.get_int (), CompareOperator.EQ, 10);
        /* Values are converted to the type of the property. */
        assert_true (proxy.set_attr ("counter", 7.0));
        proxy.call ("increment", null).@get (Pykka.FOREVER, out result);
        assert_cmpint (result.get_int (), CompareOperator.EQ, 8);

        try {
            proxy.set_attr ("doubled", 1);
            assert_not_reached ();
        } catch (Pykka.Error e) {
            assert_true (e is Pykka.Error.NO_SUCH_ATTRIBUTE);
        }
        try {
            proxy.set_attr ("name", "renamed");
            assert_not_reached ();
        } catch (Pykka.Error e) {
            assert_true (e is Pykka.Error.NO_SUCH_ATTRIBUTE);
        }
        stop_all ();
    } catch (GLib.Error e) {
        assert_no_error (e);
    }
}

/* The async API, on a main loop: yield on futures, asks and proxy calls. */
static async void exercise_async (MainLoop loop) {
    try {
        var recorder = new Recorder ();
        var @ref = recorder.start ();
        var proxy = start_calculator ("async");
        Value value;

        var future = proxy.call ("add", { 20, 22 });
        yield future.get_async (null, out value);
        assert_cmpint (value.get_int (), CompareOperator.EQ, 42);

        yield @ref.ask_async ("Alice", null, out value);
        assert_cmpstr (value.get_string (), CompareOperator.EQ, "Hi there, Alice!");

        yield proxy.call_async ("add", { 1, 2 }, null, out value);
        assert_cmpint (value.get_int (), CompareOperator.EQ, 3);

        try {
            yield @ref.ask_async ("fail", null, out value);
            assert_not_reached ();
        } catch (CalcError e) {
            assert_true (e is CalcError.NOT_A_NUMBER);
        }
        try {
            yield proxy.call_async ("nope", null, null, out value);
            assert_not_reached ();
        } catch (Pykka.Error e) {
            assert_true (e is Pykka.Error.NO_SUCH_ATTRIBUTE);
        }

        /* A future completed later, by another thread. */
        var later = new Pykka.Future ();
        new Thread<bool> ("setter", () => {
            try {
                later.@set ("from a thread");
            } catch (GLib.Error e) {
                assert_no_error (e);
            }
            return true;
        });
        yield later.get_async (null, out value);
        assert_cmpstr (value.get_string (), CompareOperator.EQ, "from a thread");

        /* Cancelling ends the wait with G_IO_ERROR_CANCELLED. */
        var never = new Pykka.Future ();
        var cancellable = new Cancellable ();
        cancellable.cancel ();
        try {
            yield never.get_async (cancellable, out value);
            assert_not_reached ();
        } catch (IOError e) {
            assert_true (e is IOError.CANCELLED);
        }

        /* A dead actor's future fails with ACTOR_DEAD. */
        @ref.stop (Pykka.FOREVER);
        try {
            yield @ref.ask (1).get_async (null, out value);
            assert_not_reached ();
        } catch (Pykka.Error e) {
            assert_true (e is Pykka.Error.ACTOR_DEAD);
        }
        stop_all ();
    } catch (GLib.Error e) {
        assert_no_error (e);
    }
    loop.quit ();
}

static void test_async () {
    var loop = new MainLoop (null, false);
    exercise_async.begin (loop);
    loop.run ();
}

/* A Vala actor on the main context, talked to with yield from the same thread. */
static async void exercise_in_context (MainLoop loop) {
    try {
        var actor = new Recorder ();
        var @ref = actor.start_in_context (null);
        Value value;

        assert_null (actor.get_thread_name ());
        yield @ref.ask_async ("context", null, out value);
        assert_cmpstr (value.get_string (), CompareOperator.EQ, "Hi there, context!");

        var stopped = @ref.stop_future ();
        yield stopped.get_async (null, out value);
        assert_true (value.get_boolean ());
        assert_false (@ref.is_alive ());
    } catch (GLib.Error e) {
        assert_no_error (e);
    }
    loop.quit ();
}

static void test_in_context () {
    var loop = new MainLoop (null, false);
    exercise_in_context.begin (loop);
    loop.run ();
}

static void test_future_callbacks () {
    try {
        var source = new Pykka.Future ();
        var doubled = source.map ((v, out result) => {
            result = v.get_int () * 2;
        });
        var failing = source.map ((v, out result) => {
            result = Pykka.value_init_none ();
            throw new CalcError.NEGATIVE ("mapped to an error");
        });
        source.@set (21);

        Value value;
        doubled.@get (Pykka.FOREVER, out value);
        assert_cmpint (value.get_int (), CompareOperator.EQ, 42);
        try {
            failing.@get (Pykka.FOREVER, out value);
            assert_not_reached ();
        } catch (CalcError e) {
            assert_true (e is CalcError.NEGATIVE);
        }

        try {
            new Pykka.Future ().@get (0, out value);
            assert_not_reached ();
        } catch (Pykka.Error e) {
            assert_true (e is Pykka.Error.TIMEOUT);
        }
    } catch (GLib.Error e) {
        assert_no_error (e);
    }
}

static void test_registry () {
    try {
        var registry = new Pykka.ActorRegistry ();
        var a = (Recorder) Object.@new (typeof (Recorder), registry: registry);
        var b = (Calculator) Object.@new (typeof (Calculator), registry: registry, name: "b");
        var ref_a = a.start ();
        var ref_b = b.start ();

        var all = registry.get_all ();
        assert_cmpuint (all.length, CompareOperator.EQ, 2);
        assert_true (all[0] == ref_a && all[1] == ref_b);
        assert_cmpuint (registry.get_by_type (typeof (Calculator)).length, CompareOperator.EQ, 1);
        assert_true (registry.get_by_urn (ref_b.get_actor_urn ()) == ref_b);
        assert_cmpstr (ref_a.to_string (), CompareOperator.EQ,
                       "Recorder (%s)".printf (a.get_actor_urn ()));

        assert_true (registry.stop_all (Pykka.FOREVER));
        assert_cmpuint (registry.get_all ().length, CompareOperator.EQ, 0);
        assert_false (ref_b.is_alive ());
    } catch (GLib.Error e) {
        assert_no_error (e);
    }
}

int main (string[] args) {
    Test.init (ref args);
    Test.add_func ("/vala/actor/on-receive", test_on_receive);
    Test.add_func ("/vala/actor/errors", test_errors);
    Test.add_func ("/vala/proxy/methods", test_proxy_methods);
    Test.add_func ("/vala/proxy/attributes", test_proxy_attributes);
    Test.add_func ("/vala/async/yield", test_async);
    Test.add_func ("/vala/async/in-context", test_in_context);
    Test.add_func ("/vala/future/callbacks", test_future_callbacks);
    Test.add_func ("/vala/registry", test_registry);
    return Test.run ();
}
