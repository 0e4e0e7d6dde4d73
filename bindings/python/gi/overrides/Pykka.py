# SPDX-FileCopyrightText: 2026 The pykka-glib authors
# SPDX-License-Identifier: LGPL-2.1-or-later
"""PyGObject override for pykka-glib: Pykka's own Python API on top of the Pykka-1 typelib.

Loaded automatically by ``from gi.repository import Pykka``. Code written for Pykka runs with
its import changed to::

    import gi
    gi.require_version("Pykka", "1")
    from gi.repository import Pykka as pykka

What this module provides, and how it maps onto the C library:

* ``Actor`` / ``ThreadingActor``: subclass with plain Python methods and attributes, override
  ``on_start``, ``on_stop``, ``on_failure(exception_type, exception_value, traceback)`` and
  ``on_receive(message)``. ``MyActor.start(*args, **kwargs)`` constructs the actor on the
  caller's thread, registers it (``pykka_actor_start_hosted``) and runs it
  (``pykka_actor_run``) on a ``threading.Thread`` named ``"{ClassName}-{n}"``. Such a thread
  keeps its Python thread state, so calls from the C loop into Python are cheap (a C thread
  would create and destroy a thread state for every call). ``use_daemon_thread = True`` gives
  a daemon thread, as in Pykka. ``actor.start()`` on an instance starts that instance.
* ``ActorRef``: ``tell``, ``ask(message, block=True, timeout=None)``,
  ``stop(block=True, timeout=None)``, ``proxy()``, ``is_alive()``, ``actor_urn``,
  ``actor_class``. Timeouts are float seconds, ``None`` waits forever.
* ``ActorProxy`` / ``CallableProxy``: Pykka's proxies. The actor's attributes are introspected
  in the caller's thread without running property getters; a method call or attribute read
  returns a ``Future``, an assignment blocks until the actor has done it, ``.defer()`` calls
  with tell semantics, attributes marked with ``traversable`` give nested proxies.
  (The C class of the same name stays reachable as ``ActorRef.proxy`` of the introspection
  module; Python code gets this one.)
* ``Future`` (= ``ThreadingFuture``): ``get(timeout=None)``, ``set``, ``set_exception``,
  ``set_get_hook``, ``map``, ``filter``, ``reduce``, ``join`` (computed lazily, once, in
  Python), ``await future`` (waits on a helper thread, never blocks the asyncio loop), and
  ``get_all(futures, timeout=None)``.
* ``ActorRegistry``: ``broadcast``, ``get_all``, ``get_by_class``, ``get_by_class_name``,
  ``get_by_urn``, ``register``, ``unregister``, ``stop_all`` work on the class (the default
  registry, as in Pykka) and on any registry instance.
* Exceptions. Anything raised by actor code reaches the asker as the *original exception
  object*, re-raised with its original traceback (Pykka does the same). On its way through C
  it travels as a ``GLib.Error`` in ``Pykka.Error``'s domain (``UNHANDLED``, or ``FATAL`` for a
  ``BaseException`` that is not an ``Exception``, which stops every actor as in Pykka) whose
  message is ``"{Type}: {message}"``, the formatted traceback and a tag line; C code, other
  languages and the log see that text. A ``GLib.Error`` raised by actor code keeps its own
  domain and code. Where the original object is not available (the error came from another
  language, or was never claimed and aged out of the bounded table that keeps originals)
  ``ActorError`` carries the type name, message and traceback text instead. Failures of the
  library map to Pykka's classes: ``ActorDeadError``, ``Timeout`` and the others below, all
  subclasses of ``GLib.Error`` with ``domain == "pykka-error-quark"`` and the
  ``Pykka.Error`` code, so both ``except Pykka.ActorDeadError`` and
  ``e.matches(Pykka.error_quark(), Pykka.Error.ACTOR_DEAD)`` work.
* Values. Messages, replies, arguments and attribute values that GValue cannot carry as they
  are (ints beyond 32 bits, tuples, ``None``, exception objects) are wrapped on the way in and
  unwrapped on the way out, so Python actors exchange any Python object unchanged and by
  reference (dicts, lists and other objects travel as GLib's ``PyObject`` boxed type). Ints
  that fit 64 bits travel as ``gint64``/``guint64`` so that C and JS actors can read them.
* Logging. Records of the C library's ``"pykka"`` log domain go to Python's ``logging``
  logger ``"pykka"`` (which has a ``NullHandler``, as in Pykka) with Pykka's levels and
  strings, including ``exc_info`` for actor failures. The module adds ``pykka`` to
  ``G_MESSAGES_DEBUG`` so that the library emits its DEBUG and INFO records;
  ``set_python_logging(False)`` gives the domain back to GLib's default handler.

Blocking calls from the thread that runs an actor on itself (``self.actor_ref.ask(...)`` in a
handler) fail at once with ``DeadlockError`` instead of hanging.
"""

import asyncio
import collections
import functools
import itertools
import logging
import os
import queue
import re
import sys
import threading
import time
import traceback as _traceback
import types
import weakref

from gi.repository import GLib, GObject

from ..module import get_introspection_module
from ..overrides import override

Pykka = get_introspection_module("Pykka")

__all__ = []

logger = logging.getLogger("pykka")
logger.addHandler(logging.NullHandler())

_DOMAIN = GLib.quark_to_string(Pykka.error_quark())
_TYPE_INT64 = GObject.TYPE_INT64
_TYPE_UINT64 = GObject.TYPE_UINT64
_INT32_MIN, _INT32_MAX = -(2 ** 31), 2 ** 31 - 1
_INT64_MIN, _INT64_MAX = -(2 ** 63), 2 ** 63 - 1
_UINT64_MAX = 2 ** 64 - 1

__version__ = "%d.%d.%d" % (
    Pykka.get_major_version(),
    Pykka.get_minor_version(),
    Pykka.get_micro_version(),
)
__all__.append("__version__")


# --------------------------------------------------------------------------------------------
# Values


class _Box:
    """Carries a Python value that PyGObject would otherwise convert with a loss (a tuple
    returned from a vfunc becomes a list of out values, an int beyond 64 bits overflows, a
    GLib.Error loses its Python class). It travels as a PyObject boxed value and is unwrapped
    on the other side."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return "Pykka._Box(%r)" % (self.value,)


class _Kwargs:
    """Keyword arguments of a proxy call: the last element of the argument array."""

    __slots__ = ("kwargs",)

    def __init__(self, kwargs):
        self.kwargs = kwargs


_NONE = GObject.Value(GObject.TYPE_POINTER, None)
# Attributes of gi.repository modules are looked up anew on every access (microseconds):
# keep the ones used for every message.
_GLibError = GLib.Error
_PtrArray = GLib.PtrArray
_Value = GObject.Value


def _to_gvalue(value):
    """Returns what to hand PyGObject for a GValue so that @value arrives unchanged."""
    kind = type(value)
    if kind is str or kind is float or kind is bool:
        return value
    if kind is int:
        if _INT32_MIN <= value <= _INT32_MAX:
            return value
        if _INT64_MIN <= value <= _INT64_MAX:
            return _Value(_TYPE_INT64, value)
        if 0 <= value <= _UINT64_MAX:
            return _Value(_TYPE_UINT64, value)
        return _Box(value)
    if value is None:
        return _NONE
    if kind is tuple or isinstance(value, _GLibError):
        return _Box(value)
    return value


def _from_gvalue(value):
    """The inverse of _to_gvalue for what PyGObject made of a GValue."""
    kind = type(value)
    if kind is _Box:
        return value.value
    if kind is _PtrArray:
        # A list made by C (pykka_value_init_list): a GPtrArray of GValues. PyGObject hands
        # it over unconverted; the future or message it came from still owns it here.
        gvalue = GObject.Value(GObject.type_from_name("GPtrArray"), value)
        return [_from_gvalue(item) for item in Pykka.value_get_list(gvalue)]
    return value


def _timeout_us(timeout):
    if timeout is None:
        return -1
    if timeout <= 0:
        return 0
    return int(timeout * 1_000_000)


# Only the main thread handles signals, and not while it waits inside a C call. So that
# Ctrl-C (KeyboardInterrupt) still ends a long Future.get() there, as in Pykka, the main
# thread waits inside C for a short while only (most replies come by then), and then on a
# threading.Event that the await helper thread sets when the future is completed.
_MAIN_THREAD = threading.main_thread()
_FAST_WAIT = 0.05
# Which future the main thread is reading, with the caller's timeout: a get hook that the C
# library calls during the short wait sees that timeout instead (Pykka passes the caller's
# timeout on).
_reading = threading.local()


def _waits_interruptibly(timeout):
    return threading.current_thread() is _MAIN_THREAD and (timeout is None or
                                                            timeout > _FAST_WAIT)


# --------------------------------------------------------------------------------------------
# Exceptions


class _PykkaError(GLib.Error):
    """A GLib.Error of the Pykka.Error domain with Pykka's str()."""

    _code = Pykka.Error.UNHANDLED

    def __init__(self, message="", *args):
        super().__init__(str(message), _DOMAIN, int(self._code))
        self.args = (message,) + args

    def __str__(self):
        return self.message

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self.message)

    # GLib.Error pickles with (message, domain, code); keep our own signature instead.
    def __reduce__(self):
        return (type(self), (self.message,))


class ActorDeadError(_PykkaError):
    """The actor is not alive (Pykka.Error.ACTOR_DEAD)."""

    _code = Pykka.Error.ACTOR_DEAD


class Timeout(_PykkaError):
    """A get or a blocking ask ran past its timeout (Pykka.Error.TIMEOUT)."""

    _code = Pykka.Error.TIMEOUT


class DeadlockError(_PykkaError):
    """A blocking wait could never end, e.g. an actor waiting on itself (Pykka.Error.DEADLOCK)."""

    _code = Pykka.Error.DEADLOCK


class ProxyAttributeError(_PykkaError, AttributeError):
    """A proxy path names nothing the actor exposes (NO_SUCH_ATTRIBUTE or NOT_TRAVERSABLE)."""

    _code = Pykka.Error.NO_SUCH_ATTRIBUTE


class InvalidArgumentError(_PykkaError, TypeError):
    """Wrong arguments for a method of a C actor, or a malformed path (INVALID_ARGUMENT)."""

    _code = Pykka.Error.INVALID_ARGUMENT


class NotIterableError(_PykkaError, TypeError):
    """filter or reduce of a C future whose value is not a list (NOT_ITERABLE)."""

    _code = Pykka.Error.NOT_ITERABLE


class AlreadySetError(_PykkaError, queue.Full):
    """A second set, set_exception or set_get_hook on a future (ALREADY_SET); Pykka raises
    queue.Full there, and this is one."""

    _code = Pykka.Error.ALREADY_SET


class ActorError(_PykkaError):
    """An exception raised by actor code that cannot be re-raised as the original object:
    it came from another language, or its original is no longer kept. ``type_name`` is the
    original type's name, ``traceback_text`` what the error carried."""

    def __init__(self, message="", type_name=None, traceback_text=None, code=None):
        if code is not None:
            self._code = code
        super().__init__(message)
        self.type_name = type_name
        self.traceback_text = traceback_text


__all__ += [
    "ActorDeadError", "Timeout", "DeadlockError", "ProxyAttributeError",
    "InvalidArgumentError", "NotIterableError", "AlreadySetError", "ActorError",
]

_ERROR_CLASSES = {
    int(Pykka.Error.ACTOR_DEAD): ActorDeadError,
    int(Pykka.Error.TIMEOUT): Timeout,
    int(Pykka.Error.DEADLOCK): DeadlockError,
    int(Pykka.Error.NO_SUCH_ATTRIBUTE): ProxyAttributeError,
    int(Pykka.Error.NOT_TRAVERSABLE): ProxyAttributeError,
    int(Pykka.Error.INVALID_ARGUMENT): InvalidArgumentError,
    int(Pykka.Error.NOT_ITERABLE): NotIterableError,
    int(Pykka.Error.ALREADY_SET): AlreadySetError,
}

# Original exceptions raised by Python actor code, until the asker, on_failure or the log
# claims them. Bounded: an error nobody ever reads ages out (then ActorError stands in).
_MAX_KEPT_FAILURES = 1000
_failures = collections.OrderedDict()
_failures_lock = threading.Lock()
_failure_keys = itertools.count(1)
_TAG_RE = re.compile(r"\n\[pykka-python-exception (\d+)\]\s*\Z")
_ERROR_TAIL_RE = re.compile(r"(?s)\A(.*) \(([^,()]+), (-?\d+)\)\Z")


def _keep_failure(key, exc, tb):
    with _failures_lock:
        _failures[key] = (exc, tb)
        _failures.move_to_end(key)
        while len(_failures) > _MAX_KEPT_FAILURES:
            _failures.popitem(last=False)


def _failure_key(error):
    match = _TAG_RE.search(error.message or "")
    if match is not None:
        return int(match.group(1))
    return ("g", error.domain, error.code, error.message)


def _peek_failure(key):
    with _failures_lock:
        return _failures.get(key)


def _claim_failure(error):
    """The original (exception, traceback) behind @error, or None."""
    with _failures_lock:
        return _failures.pop(_failure_key(error), None)


def _gerror_for(exc, tb=None):
    """Turns an exception raised by Python actor code into what may leave a vfunc: a
    GLib.Error (PyGObject passes exactly those on to C). The original is kept for whoever
    reads the error in this process."""
    if tb is None:
        tb = exc.__traceback__
    if isinstance(exc, GLib.Error):
        # Keeps its own domain and code (the contract: errors pass through unchanged).
        _keep_failure(("g", exc.domain, exc.code, exc.message), exc, tb)
        return exc
    key = next(_failure_keys)
    code = Pykka.Error.UNHANDLED if isinstance(exc, Exception) else Pykka.Error.FATAL
    summary = "".join(_traceback.format_exception_only(type(exc), exc)).strip()
    text = "".join(_traceback.format_exception(type(exc), exc, tb))
    _keep_failure(key, exc, tb)
    return GLib.Error("%s\n\n%s\n[pykka-python-exception %d]" % (summary, text.rstrip(), key),
                      _DOMAIN, int(code))


def _exception_from_gerror(error):
    """A Python exception for a GLib.Error that has no original in this process."""
    if error.domain == _DOMAIN:
        cls = _ERROR_CLASSES.get(error.code)
        if cls is not None:
            return cls(_pythonize(error.message))
        if error.code in (int(Pykka.Error.UNHANDLED), int(Pykka.Error.FATAL)):
            message = _TAG_RE.sub("", error.message or "")
            first = message.split("\n", 1)[0]
            type_name, _, _ = first.partition(": ")
            return ActorError(_pythonize(message), type_name=type_name or None,
                              traceback_text=message, code=error.code)
    return error


def _failure_of(error):
    """(exception, traceback) to raise for @error."""
    kept = _claim_failure(error)
    if kept is not None:
        return kept
    return _exception_from_gerror(error), None


def _raise_failure(failure):
    exc, tb = failure
    try:
        if tb is not None:
            raise exc.with_traceback(tb)
        raise exc
    finally:
        exc = tb = failure = None


def _timeout_error(timeout):
    return Timeout("%s seconds" % (timeout,))


# Python class names in the library's strings. The C library names an actor by its GType,
# which for Python classes is the class name when that was free, or PyGObject's
# "module+Class" otherwise; Pykka users see "{ClassName} ({urn})".
_DESCRIBE_RE = re.compile(
    r"([^\s()<>',]+) \((urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\)")
_python_names = {}


def _python_name_of_gtype_name(name):
    cached = _python_names.get(name)
    if cached is None:
        cached = name
        try:
            pytype = GObject.type_from_name(name).pytype
        except RuntimeError:
            pytype = None
        if pytype is not None and issubclass(pytype, Actor):
            cached = pytype.__name__
        _python_names[name] = cached
    return cached


def _pythonize(text):
    if not text or "urn:uuid:" not in text:
        return text
    return _DESCRIBE_RE.sub(
        lambda m: "%s (%s)" % (_python_name_of_gtype_name(m.group(1)), m.group(2)), text)


def _call_translating(func, *args):
    """Calls a C function; a GLib.Error from it is raised as the matching Python exception
    (and not chained to the GLib.Error)."""
    try:
        return func(*args)
    except GLib.Error as error:
        failure = _failure_of(error)
    _raise_failure(failure)


# --------------------------------------------------------------------------------------------
# Logging: the C library's "pykka" log domain → logging.getLogger("pykka")

_UNHANDLED_RE = re.compile(r"(?s)\AUnhandled exception in (.+? \(urn:uuid:[0-9a-f-]{36}\)): (.*)\Z")
_RETURNED_RE = re.compile(
    r"(?s)\AException returned from (.+? \(urn:uuid:[0-9a-f-]{36}\)) to caller: (.*)\Z")
_FATAL_RE = re.compile(r"(?s)\A(.*) in (\S+ \(urn:uuid:[0-9a-f-]{36}\))\. Stopping all actors\.\Z")


def _kept_failure_in_log_text(error_text):
    match = _ERROR_TAIL_RE.match(error_text)
    if match is None:
        return None
    message, domain, code = match.group(1), match.group(2), int(match.group(3))
    tag = _TAG_RE.search(message)
    key = int(tag.group(1)) if tag is not None else ("g", domain, code, message)
    return _peek_failure(key)


def _python_log_record(level, message):
    """(level, message, exc_info) that Pykka would log for a record of the C library."""
    if level <= logging.WARNING:
        match = _UNHANDLED_RE.match(message)
        if match is not None:
            kept = _kept_failure_in_log_text(match.group(2))
            if kept is not None:
                exc, tb = kept
                return (logging.ERROR, "Unhandled exception in %s:" % _pythonize(match.group(1)),
                        (type(exc), exc, tb))
            return logging.ERROR, _pythonize(message), None
    if level == logging.INFO:
        match = _RETURNED_RE.match(message)
        if match is not None:
            kept = _kept_failure_in_log_text(match.group(2))
            if kept is not None:
                exc, tb = kept
                return (logging.INFO,
                        "Exception returned from %s to caller:" % _pythonize(match.group(1)),
                        (type(exc), exc, tb))
    if level == logging.DEBUG:
        match = _FATAL_RE.match(message)
        if match is not None:
            kept = _kept_failure_in_log_text(match.group(1))
            if kept is not None:
                return (logging.DEBUG, "%r in %s. Stopping all actors." % (
                    kept[0], _pythonize(match.group(2))), None)
    return level, _pythonize(message), None


_GLIB_TO_PYTHON_LEVEL = (
    (GLib.LogLevelFlags.LEVEL_ERROR, logging.CRITICAL),
    (GLib.LogLevelFlags.LEVEL_CRITICAL, logging.CRITICAL),
    (GLib.LogLevelFlags.LEVEL_WARNING, logging.WARNING),
    (GLib.LogLevelFlags.LEVEL_MESSAGE, logging.INFO),
    (GLib.LogLevelFlags.LEVEL_INFO, logging.INFO),
    (GLib.LogLevelFlags.LEVEL_DEBUG, logging.DEBUG),
)


def _on_glib_log(domain, level_flags, message, *user_data):
    try:
        level = logging.DEBUG
        for flag, python_level in _GLIB_TO_PYTHON_LEVEL:
            if level_flags & flag:
                level = python_level
                break
        level, text, exc_info = _python_log_record(level, message)
        if logger.isEnabledFor(level):
            logger.log(level, "%s", text, exc_info=exc_info)
    except Exception:  # never raise into the C library's logging
        pass


_log_handler_id = None


def set_python_logging(enabled=True):
    """Routes the C library's "pykka" log records to logging.getLogger("pykka") (the default
    once this module is imported), or back to GLib's default handler."""
    global _log_handler_id
    if enabled and _log_handler_id is None:
        _log_handler_id = GLib.log_set_handler(
            "pykka",
            GLib.LogLevelFlags.LEVEL_MASK | GLib.LogLevelFlags.FLAG_FATAL
            | GLib.LogLevelFlags.FLAG_RECURSION,
            _on_glib_log)
    elif not enabled and _log_handler_id is not None:
        GLib.log_remove_handler("pykka", _log_handler_id)
        _log_handler_id = None


__all__.append("set_python_logging")


def _enable_library_debug_records():
    # The library only formats DEBUG/INFO records that GLib's default writer would not drop
    # (it looks at G_MESSAGES_DEBUG when it first logs); Pykka's logger gets them all, so
    # ask for them before that.
    current = os.environ.get("G_MESSAGES_DEBUG", "")
    domains = current.replace(",", " ").split()
    if "all" not in domains and "pykka" not in domains:
        os.environ["G_MESSAGES_DEBUG"] = " ".join(domains + ["pykka"])


_enable_library_debug_records()
set_python_logging(True)


# --------------------------------------------------------------------------------------------
# Actors

_GIActor = Pykka.Actor
_GIActorRef = Pykka.ActorRef
_GIFuture = Pykka.Future
_GIRegistry = Pykka.ActorRegistry

# Actor threads by actor URN, so that actor_stopped.wait() can join them.
_actor_threads = {}
_actor_threads_lock = threading.Lock()
_thread_counter = itertools.count(1)


def _new_thread_name(cls):
    template = cls.__name__ + "-%d"
    newname = getattr(threading, "_newname", None)
    if newname is not None:
        try:
            # Python's own thread counter, as Pykka 2's "{ClassName}-{n}" names.
            return newname(template)
        except TypeError:
            pass
    return template % next(_thread_counter)


def _vfunc(func):
    func._pykka_vfunc = True
    return func


@_vfunc
def _vf_on_start(self):
    try:
        self.on_start()
    except BaseException as exc:
        raise _gerror_for(exc)


@_vfunc
def _vf_on_stop(self):
    try:
        self.on_stop()
    except BaseException as exc:
        raise _gerror_for(exc)


@_vfunc
def _vf_on_failure(self, failure):
    try:
        exc, tb = _failure_of(failure)
        self.on_failure(type(exc), exc, tb)
    except BaseException as exc:
        raise _gerror_for(exc)
    finally:
        exc = tb = None


@_vfunc
def _vf_on_receive(self, message):
    try:
        return _to_gvalue(self.on_receive(_from_gvalue(message)))
    except BaseException as exc:
        raise _gerror_for(exc)


def _resolve(obj, attr_path):
    for name in attr_path.split("."):
        obj = getattr(obj, name)
    return obj


@_vfunc
def _vf_call(self, attr_path, args, n_args=None):
    try:
        args = [_from_gvalue(arg) for arg in args] if args else []
        kwargs = {}
        if args and type(args[-1]) is _Kwargs:
            kwargs = args.pop().kwargs
        return _to_gvalue(_resolve(self, attr_path)(*args, **kwargs))
    except BaseException as exc:
        raise _gerror_for(exc)


@_vfunc
def _vf_get_attr(self, attr_path):
    try:
        return _to_gvalue(_resolve(self, attr_path))
    except BaseException as exc:
        raise _gerror_for(exc)


@_vfunc
def _vf_set_attr(self, attr_path, value):
    try:
        parent, _, name = attr_path.rpartition(".")
        setattr(_resolve(self, parent) if parent else self, name, _from_gvalue(value))
    except BaseException as exc:
        raise _gerror_for(exc)


_VFUNCS = {
    "do_on_start": _vf_on_start,
    "do_on_stop": _vf_on_stop,
    "do_on_failure": _vf_on_failure,
    "do_on_receive": _vf_on_receive,
    "do_call": _vf_call,
    "do_get_attr": _vf_get_attr,
    "do_set_attr": _vf_set_attr,
}


def _wrap_user_vfunc(func):
    """A do_* written by the user (GI style): exceptions still reach C as GLib.Errors."""
    @functools.wraps(func)
    def wrapper(self, *args):
        try:
            return func(self, *args)
        except BaseException as exc:
            raise _gerror_for(exc)

    wrapper._pykka_vfunc = True
    return wrapper


def _gtype_name_is_free(name):
    if len(name) < 3:
        return False
    try:
        GObject.type_from_name(name)
    except RuntimeError:
        return True
    return False


class _StartMethod:
    """``Cls.start(*args, **kwargs)`` constructs and starts (Pykka); ``actor.start()`` starts
    that instance. Either way the actor runs on a Python thread of its own."""

    def __get__(self, obj, cls):
        if obj is None:
            return cls._pykka_start_class
        return obj._pykka_start_instance


class _ActorStoppedEvent:
    """Pykka's ``actor_stopped`` event, read-only: set once the actor is dead."""

    def __init__(self, ref):
        self._ref = ref

    def is_set(self):
        return not self._ref.is_alive()

    def wait(self, timeout=None):
        with _actor_threads_lock:
            thread = _actor_threads.get(self._ref.get_actor_urn())
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
        if self.is_set() or thread is not None:
            return self.is_set()
        # Not hosted by this module (e.g. started in a pool or context): poll.
        event = threading.Event()
        deadline = None if timeout is None else time.monotonic() + timeout
        while not self.is_set():
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                break
            event.wait(0.005 if remaining is None else min(0.005, remaining))
        return self.is_set()


class Actor(Pykka.Actor):
    """Base class of actors written in Python (Pykka's ``Actor``).

    Subclass it, give it plain methods and attributes, override the hooks below, and start it
    with ``MyActor.start(*args, **kwargs)``. ``Pykka.Actor`` itself is abstract, like Pykka's;
    ``ThreadingActor`` is a concrete class with nothing added.
    """

    #: Run the actor on a daemon thread (which does not keep the program alive).
    use_daemon_thread = False

    start = _StartMethod()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        # GType name: the Python class name when it is free, so that the C library and other
        # languages name the actor as Python does.
        if "__gtype_name__" not in cls.__dict__ and _gtype_name_is_free(cls.__name__):
            cls.__gtype_name__ = cls.__name__
        # Hook the vfuncs before GObjectMeta registers the class (it looks at cls.__dict__).
        installed = any(getattr(base, "_pykka_vfuncs_installed", False) for base in cls.__mro__[1:])
        for name, impl in _VFUNCS.items():
            own = cls.__dict__.get(name)
            if own is not None:
                if getattr(own, "_pykka_vfunc", False) is not True:
                    setattr(cls, name, _wrap_user_vfunc(own))
            elif not installed:
                setattr(cls, name, impl)
        cls._pykka_vfuncs_installed = True

    def __init__(self, *args, **kwargs):
        # Pykka ignores constructor arguments: they belong to the subclass.
        _GIActor.__init__(self)
        self._pykka_initialized = True

    @classmethod
    def _pykka_start_class(cls, *args, **kwargs):
        return cls(*args, **kwargs)._pykka_start_instance()

    def _pykka_start_instance(self):
        if not self.__dict__.get("_pykka_initialized", False):
            raise RuntimeError(
                "Actor.__init__() have not been called. "
                "Did you forget to call super() in your override?")
        ref = _call_translating(_GIActor.start_hosted, self)
        thread = threading.Thread(target=self._pykka_run, name=_new_thread_name(type(self)),
                                  daemon=bool(self.use_daemon_thread))
        urn = ref.get_actor_urn()
        with _actor_threads_lock:
            _actor_threads[urn] = thread
        try:
            thread.start()
        except BaseException:
            with _actor_threads_lock:
                _actor_threads.pop(urn, None)
            _GIRegistry.unregister(_GIActor.get_registry(self), ref)
            raise
        return ref

    def _pykka_run(self):
        urn = _GIActor.get_actor_urn(self)
        try:
            _GIActor.run(self)
        finally:
            with _actor_threads_lock:
                _actor_threads.pop(urn, None)

    @property
    def actor_ref(self):
        """The actor's own ActorRef (exists from construction)."""
        return _GIActor.get_actor_ref(self)

    @property
    def actor_urn(self):
        """The actor's URN, ``urn:uuid:`` and a random UUID."""
        return _GIActor.get_actor_urn(self)

    @property
    def actor_stopped(self):
        """An event-like object: ``is_set()`` once the actor is dead, ``wait(timeout)``."""
        return _ActorStoppedEvent(self.actor_ref)

    def stop(self):
        """Stops the actor from inside: queues a stop behind what is already in the inbox.
        Raises ActorDeadError if the actor is not alive (e.g. in on_failure)."""
        _call_translating(_GIActor.stop, self)

    def on_start(self):
        """Runs on the actor's thread before the first message. An exception stops the actor
        (without on_stop or on_failure) and is logged."""

    def on_stop(self):
        """Runs on the actor's thread when it is stopped by a stop message."""

    def on_failure(self, exception_type, exception_value, traceback):
        """Runs on the actor's thread after a told message (or deferred call) raised and
        stopped the actor."""

    def on_receive(self, message):
        """Handles a message that is not a proxy call; the return value answers an ask. The
        default logs a warning and answers None."""
        logger.warning("Unexpected message received by %s: %s", self, message)

    def __str__(self):
        return "%s (%s)" % (type(self).__name__, _GIActor.get_actor_urn(self))


Actor = override(Actor)
__all__.append("Actor")


class ThreadingActor(Actor):
    """A concrete actor class with nothing added (Pykka's ThreadingActor): every Python actor
    runs on a thread of its own."""

    # Registered as its own GType (classes of an override module are not, by default).
    __module__ = "pykka_glib"
    __gtype_name__ = "PykkaThreadingActor"


ThreadingActor.__module__ = "gi.repository.Pykka"
__all__.append("ThreadingActor")


# --------------------------------------------------------------------------------------------
# Refs


class ActorRef(Pykka.ActorRef):
    """A reference to a running actor (Pykka's ActorRef). Equality is identity of the actor;
    refs are hashable."""

    @property
    def actor_urn(self):
        return _GIActorRef.get_actor_urn(self)

    @property
    def actor_class(self):
        gtype = _GIActorRef.get_actor_type(self)
        return gtype.pytype or gtype

    @property
    def actor_stopped(self):
        return _ActorStoppedEvent(self)

    def tell(self, message):
        """Sends @message without waiting. Raises ActorDeadError if the actor is dead."""
        _call_translating(_GIActorRef.tell, self, _to_gvalue(message))

    def ask(self, message, block=True, timeout=None):
        """Sends @message and returns the reply (or, with block=False, a Future of it). Raises
        what the actor raised, Timeout, or ActorDeadError."""
        if not block:
            return _GIActorRef.ask(self, _to_gvalue(message))
        # One C call that sends and waits: the GIL is released once, so the actor's handler
        # never waits for it (an ask() and then a get() would leave the asker holding the GIL
        # just when the actor wants it). The price: on the main thread, Ctrl-C is handled
        # only once the reply (or the timeout) is there; ask(block=False).get() waits
        # interruptibly.
        try:
            return _from_gvalue(
                _GIActorRef.ask_sync(self, _to_gvalue(message), _timeout_us(timeout)))
        except GLib.Error as error:
            if error.matches(Pykka.error_quark(), Pykka.Error.TIMEOUT):
                failure = (_timeout_error(timeout), None)
            else:
                failure = _failure_of(error)
        _raise_failure(failure)

    def stop(self, block=True, timeout=None):
        """Stops the actor after the messages already queued. Returns True if it was alive,
        False if it was dead already; with block=False, a Future of that."""
        if not block:
            return _GIActorRef.stop_future(self)
        if _waits_interruptibly(timeout) and self.is_alive():
            return _GIActorRef.stop_future(self).get(timeout)
        try:
            return _GIActorRef.stop(self, _timeout_us(timeout))
        except GLib.Error as error:
            if error.matches(Pykka.error_quark(), Pykka.Error.TIMEOUT):
                failure = (_timeout_error(timeout), None)
            else:
                failure = _failure_of(error)
        _raise_failure(failure)

    def proxy(self):
        """An ActorProxy for the actor. Raises ActorDeadError if it is dead."""
        return ActorProxy(self)

    def __str__(self):
        cls = self.actor_class
        name = cls.__name__ if isinstance(cls, type) else cls.name
        return "%s (%s)" % (name, self.actor_urn)

    def __repr__(self):
        return "<ActorRef for %s>" % (self,)


ActorRef = override(ActorRef)
__all__.append("ActorRef")


# --------------------------------------------------------------------------------------------
# Futures


class _AwaitHelper:
    """One thread iterating a private GMainContext: futures that are awaited (or waited for
    by the main thread) are watched there with pykka_future_get_async(); once one is
    completed the helper calls back (e.g. call_soon_threadsafe() of the asyncio loop)."""

    def __init__(self):
        self._context = GLib.MainContext.new()
        self._loop = GLib.MainLoop.new(self._context, False)
        self._thread = threading.Thread(target=self._run, name="pykka-await", daemon=True)
        self._thread.start()

    def _run(self):
        self._context.push_thread_default()
        self._loop.run()

    def watch(self, future, callback):
        """Calls @callback() on the helper thread once @future is completed."""
        source = GLib.idle_source_new()
        source.set_callback(self._start, (future, callback))
        source.attach(self._context)

    def _start(self, data):
        _GIFuture.get_async(data[0], None, self._finished, data[1])
        return GLib.SOURCE_REMOVE

    @staticmethod
    def _finished(future, result, callback):
        try:
            _GIFuture.get_finish(future, result)
        except GLib.Error:
            pass  # whoever waits reads the outcome with get()
        try:
            callback()
        except Exception:
            pass


def _wake_asyncio_waiter(loop, waiter):
    try:
        loop.call_soon_threadsafe(_wake_waiter, waiter)
    except RuntimeError:  # the loop was closed meanwhile
        pass


def _wake_waiter(waiter):
    if not waiter.done():
        waiter.set_result(None)


_await_helper = None
_await_helper_lock = threading.Lock()


def _get_await_helper():
    global _await_helper
    with _await_helper_lock:
        if _await_helper is None:
            _await_helper = _AwaitHelper()
        return _await_helper


class Future(Pykka.Future):
    """A value or an exception that arrives later (Pykka's Future and ThreadingFuture).

    ``get(timeout=None)`` waits for it; every get returns the same value or raises the same
    exception object. ``await future`` waits without blocking the asyncio event loop.
    """

    def get(self, timeout=None):
        """Returns the value, waiting at most @timeout seconds (None: forever). Raises the
        exception the future holds, or Timeout."""
        if _waits_interruptibly(timeout):
            return self._pykka_get_interruptibly(timeout)
        try:
            value = _GIFuture.get(self, _timeout_us(timeout))
        except GLib.Error as error:
            failure = self._pykka_failure(error, timeout)
        else:
            return _from_gvalue(value)
        _raise_failure(failure)

    def _pykka_get_interruptibly(self, timeout):
        deadline = None if timeout is None else time.monotonic() + timeout
        outer = getattr(_reading, "current", None)
        _reading.current = (hash(self), timeout)
        try:
            try:
                return _from_gvalue(_GIFuture.get(self, _timeout_us(_FAST_WAIT)))
            except GLib.Error as error:
                if not (error.domain == _DOMAIN and error.code == int(Pykka.Error.TIMEOUT)):
                    failure = self._pykka_failure(error, timeout)
                elif deadline is not None and time.monotonic() >= deadline:
                    failure = (_timeout_error(timeout), None)
                else:
                    failure = None
            if failure is None:
                completed = threading.Event()
                _get_await_helper().watch(self, completed.set)
                # In steps: a signal that another thread received is only handled once this
                # thread runs Python code again.
                while True:
                    remaining = None if deadline is None else deadline - time.monotonic()
                    if remaining is not None and remaining <= 0:
                        done = completed.is_set()
                        break
                    if completed.wait(0.1 if remaining is None else min(0.1, remaining)):
                        done = True
                        break
                if not done:
                    failure = (_timeout_error(timeout), None)
                else:
                    try:
                        return _from_gvalue(_GIFuture.get(self, 0))
                    except GLib.Error as error:
                        failure = self._pykka_failure(error, timeout)
        finally:
            _reading.current = outer
        _raise_failure(failure)

    def _pykka_failure(self, error, timeout):
        if error.domain == _DOMAIN and error.code in (int(Pykka.Error.TIMEOUT),
                                                      int(Pykka.Error.DEADLOCK)):
            if error.code == int(Pykka.Error.TIMEOUT):
                return _timeout_error(timeout), None
            return DeadlockError(_pythonize(error.message)), None
        # The future holds this error for good: read the original once, keep it here so that
        # every get raises the same object.
        with _failures_lock:
            failure = self.__dict__.get("_pykka_exception")
        if failure is not None:
            return failure
        claimed = _failure_of(error)
        with _failures_lock:
            failure = self.__dict__.setdefault("_pykka_exception", claimed)
        return failure

    def set(self, value=None):
        """Completes the future with @value. A second completion raises AlreadySetError
        (a queue.Full)."""
        _call_translating(_GIFuture.set, self, _to_gvalue(value))

    def set_exception(self, exc_info=None):
        """Completes the future with an exception: an exception object, an exc_info tuple,
        or (None) the exception being handled."""
        if isinstance(exc_info, BaseException):
            exc, tb = exc_info, exc_info.__traceback__
        else:
            if exc_info is None:
                exc_info = sys.exc_info()
            exc, tb = exc_info[1], exc_info[2]
        if exc is None:
            raise TypeError("set_exception() needs an exception")
        error = _gerror_for(exc, tb)
        try:
            _GIFuture.set_error(self, error)
        except GLib.Error as set_error:
            _claim_failure(error)
            failure = _failure_of(set_error)
        else:
            with _failures_lock:
                self.__dict__.setdefault("_pykka_exception", (exc, tb))
            _claim_failure(error)
            return
        _raise_failure(failure)

    def set_get_hook(self, func):
        """Makes the future compute its value lazily with ``func(timeout)`` on the thread of
        the first get; the outcome is kept (a Timeout is not: the next get tries again)."""
        _call_translating(_GIFuture.set_get_hook, self, _get_hook(func, hash(self)))

    def filter(self, func):
        """A future of the items of this future's (iterable) value for which @func is true."""
        future = type(self)()
        future.set_get_hook(lambda timeout: list(filter(func, self.get(timeout))))
        return future

    def join(self, *futures):
        """A future of the list of the values of this future and @futures, in order."""
        future = type(self)()
        future.set_get_hook(
            lambda timeout: [f.get(timeout) for f in (self,) + tuple(futures)])
        return future

    def map(self, func):
        """A future of ``func(value)``."""
        future = type(self)()
        future.set_get_hook(lambda timeout: func(self.get(timeout)))
        return future

    def reduce(self, func, *args):
        """A future of ``functools.reduce(func, value, *args)``."""
        future = type(self)()
        future.set_get_hook(lambda timeout: functools.reduce(func, self.get(timeout), *args))
        return future

    @staticmethod
    def get_all(futures, timeout=None):
        """The values of @futures, in order (@timeout applies to each)."""
        return get_all(futures, timeout=timeout)

    def __await__(self):
        if not _GIFuture.is_done(self):
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                loop = None
            if loop is not None:
                waiter = loop.create_future()
                _get_await_helper().watch(
                    self, functools.partial(_wake_asyncio_waiter, loop, waiter))
                yield from waiter
            else:
                # Iterated outside asyncio (yield from): Pykka's behaviour, a blocking get.
                yield
        return self.get()

    __iter__ = __await__


def _get_hook(func, future_key):
    def hook(timeout_us, *user_data):
        try:
            reading = getattr(_reading, "current", None)
            if reading is not None and reading[0] == future_key:
                timeout = reading[1]  # the caller's, not the slice's
            else:
                timeout = None if timeout_us < 0 else timeout_us / 1_000_000
            return _to_gvalue(func(timeout))
        except BaseException as exc:
            raise _gerror_for(exc)

    return hook


Future = override(Future)
ThreadingFuture = Future
__all__ += ["Future", "ThreadingFuture"]


def get_all(futures, timeout=None):
    """Collects the values of @futures, in order; @timeout (seconds, None: forever) applies
    to each future."""
    return [future.get(timeout=timeout) for future in futures]


__all__.append("get_all")


# --------------------------------------------------------------------------------------------
# Registry


class _RegistryMethod:
    """Pykka's ActorRegistry methods are class methods on the default registry; here they
    also work on any registry instance."""

    def __init__(self, func):
        self._func = func
        functools.update_wrapper(self, func)

    def __get__(self, obj, cls):
        if obj is None:
            obj = cls.get_default()
        return types.MethodType(self._func, obj)


class ActorRegistry(Pykka.ActorRegistry):
    """The registry of running actors. ``ActorRegistry.get_all()`` etc. use the default
    registry, as Pykka's class methods do."""

    @_RegistryMethod
    def broadcast(self, message, target_class=None):
        """Tells @message to every running actor, or to those of @target_class (a class, or a
        class name)."""
        if target_class is None:
            _GIRegistry.broadcast(self, _to_gvalue(message), _GIActor.__gtype__)
        elif isinstance(target_class, str):
            for ref in self.get_by_class_name(target_class):
                ref.tell(message)
        else:
            _GIRegistry.broadcast(self, _to_gvalue(message), target_class.__gtype__)

    @_RegistryMethod
    def get_all(self):
        """The refs of all running actors, in start order."""
        return list(_GIRegistry.get_all(self))

    @_RegistryMethod
    def get_by_class(self, actor_class):
        """The refs of the running actors of @actor_class and its subclasses."""
        return list(_GIRegistry.get_by_type(self, actor_class.__gtype__))

    @_RegistryMethod
    def get_by_class_name(self, actor_class_name):
        """The refs of the running actors whose class is named @actor_class_name (exactly)."""
        result = []
        for ref in _GIRegistry.get_all(self):
            cls = ref.actor_class
            name = cls.__name__ if isinstance(cls, type) else cls.name
            if name == actor_class_name:
                result.append(ref)
        return result

    @_RegistryMethod
    def get_by_urn(self, actor_urn):
        """The ref of the running actor with @actor_urn, or None."""
        return _GIRegistry.get_by_urn(self, actor_urn)

    @_RegistryMethod
    def register(self, actor_ref):
        _GIRegistry.register(self, actor_ref)

    @_RegistryMethod
    def unregister(self, actor_ref):
        _GIRegistry.unregister(self, actor_ref)

    @_RegistryMethod
    def stop_all(self, block=True, timeout=None):
        """Stops every running actor, last started first; with block=True each stop waits for
        the previous one. Returns the list of what each stop() returned."""
        return [ref.stop(block=block, timeout=timeout) for ref in reversed(self.get_all())]


ActorRegistry = override(ActorRegistry)
__all__.append("ActorRegistry")


# --------------------------------------------------------------------------------------------
# Proxies


def traversable(obj):
    """Marks an actor attribute (an object, or a class: all its instances) as traversable:
    proxies then reach its attributes and methods. GObjects are also marked for the C
    library."""
    if hasattr(obj, "__slots__"):
        raise ValueError(
            "pykka.traversable() cannot be used to mark an object using slots as traversable.")
    obj._pykka_traversable = True
    if isinstance(obj, GObject.Object):
        Pykka.traversable(obj)
    elif isinstance(obj, type) and issubclass(obj, GObject.Object):
        Pykka.traversable_type(obj.__gtype__)
    return obj


__all__.append("traversable")

_AttrInfo = collections.namedtuple("_AttrInfo", ["callable", "traversable"])

# Classes whose attributes proxies never expose: GObject's machinery and the introspected
# C class. The Pykka API (start, stop, on_*, actor_ref, ...) is defined by Actor and stays.
_HIDDEN_OWNERS = set(_GIActor.__mro__)


def _failed_future(error):
    future = Future()
    _GIFuture.set_error(future, error)
    return future


class ActorProxy:
    """Pykka's ActorProxy: an actor's methods and attributes through messages.

    ``proxy.method(*args, **kwargs)`` returns a Future of the result, ``proxy.method.defer()``
    calls without a future, ``proxy.attr`` returns a Future of the value, ``proxy.attr = v``
    blocks until the actor has set it, and ``proxy.nested`` is a proxy when ``nested`` is
    marked traversable.
    """

    actor_ref = None

    def __init__(self, actor_ref, attr_path=None, *, _native=None):
        if not actor_ref.is_alive():
            raise ActorDeadError("%s not found" % (actor_ref,))
        self.actor_ref = actor_ref
        self._attr_path = tuple(attr_path or ())
        if _native is None:
            _native = _call_translating(_GIActorRef.proxy, actor_ref)
        self._native = _native
        actor = actor_ref.dup_actor()
        if actor is None:
            raise ActorDeadError("%s not found" % (actor_ref,))
        # Weakly, as Pykka 4.4.2 does: a proxy does not keep a stopped actor's memory alive.
        self._actor_weakref = weakref.ref(actor)
        self._python_actor = isinstance(actor, Actor)
        self._actor_proxies = {}
        self._callable_proxies = {}
        self._known_attrs = self._introspect_attributes()

    @property
    def _actor(self):
        actor = self._actor_weakref()
        if actor is None:
            raise ActorDeadError("%s's actor weakref has been deallocated" % (self.actor_ref,))
        return actor

    # Introspection (Pykka's rules: never run a getter, skip "_" names, flag self-proxies).

    def _introspect_attributes(self):
        if not self._python_actor:
            return self._introspect_native_attributes()
        result = {}
        merged = {}
        actor = self._actor
        paths = [(name,) for name in dir(actor)]
        while paths:
            path = paths.pop(0)
            name = path[-1]
            if name.startswith("_"):
                continue
            found = self._raw_attribute(actor, path, merged)
            if found is _MISSING:
                continue
            if self._is_self_proxy(found):
                logger.warning(
                    "%s attribute %r is a proxy to itself. Consider making it private by "
                    "renaming it to %r.", actor, ".".join(path), "_" + name)
                continue
            info = _AttrInfo(callable=callable(found), traversable=_is_traversable(found))
            result[path] = info
            if info.traversable:
                paths.extend(path + (sub,) for sub in dir(found))
        return result

    @staticmethod
    def _raw_attribute(actor, path, merged):
        """The attribute at @path as stored (from the merged __dict__s), or _MISSING."""
        parent_path = path[:-1]
        attrs = merged.get(parent_path)
        if attrs is None:
            try:
                parent = actor
                for name in parent_path:
                    parent = getattr(parent, name)
            except Exception:
                return _MISSING
            attrs = {}
            for cls in reversed(type(parent).__mro__):
                if parent_path == () and cls in _HIDDEN_OWNERS:
                    continue
                attrs.update(cls.__dict__)
            instance_dict = getattr(parent, "__dict__", None)
            if isinstance(instance_dict, dict):
                attrs.update(instance_dict)
            merged[parent_path] = attrs
        value = attrs.get(path[-1], _MISSING)
        if parent_path == () and getattr(value, "_pykka_vfunc", False) is True:
            return _MISSING
        return value

    def _is_self_proxy(self, attr):
        return isinstance(attr, ActorProxy) and self == attr

    def _introspect_native_attributes(self):
        """An actor not written in Python: what the C proxy exposes (action signals are
        methods, properties are attributes, object-typed properties may be traversed)."""
        result = {}
        gtype = _GIActorRef.get_actor_type(self.actor_ref)
        for path, kind in _native_attributes(gtype, ()):
            result[path] = kind
        return result

    # Pykka's ActorProxy protocol.

    def __eq__(self, other):
        if not isinstance(other, ActorProxy):
            return False
        # One ref per actor: comparing refs compares actors.
        return self.actor_ref == other.actor_ref and self._attr_path == other._attr_path

    def __hash__(self):
        return hash((self.actor_ref, self._attr_path))

    def __repr__(self):
        return "<ActorProxy for %s, attr_path=%r>" % (self.actor_ref, self._attr_path)

    def __dir__(self):
        result = ["__class__"]
        result += list(type(self).__dict__.keys())
        result += list(self.__dict__.keys())
        # Pykka lists the first element of every known path, which for a nested proxy are
        # the actor's names; list the names at this proxy's own path instead.
        depth = len(self._attr_path)
        result += [path[depth] for path in self._known_attrs.keys()
                   if len(path) > depth and path[:depth] == self._attr_path]
        return sorted(set(result))

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        if name.startswith("_"):
            # Never exposed (Pykka's rule), so no need to look again.
            raise ProxyAttributeError("%s has no attribute %r" % (self, name))
        attr_path = self._attr_path + (name,)
        if attr_path not in self._known_attrs:
            self._known_attrs = self._introspect_attributes()
        info = self._known_attrs.get(attr_path)
        if info is None:
            raise ProxyAttributeError("%s has no attribute %r" % (self, name))
        if info.callable:
            proxy = self._callable_proxies.get(attr_path)
            if proxy is None:
                proxy = CallableProxy(self.actor_ref, attr_path, _native=self._native)
                self._callable_proxies[attr_path] = proxy
            return proxy
        if info.traversable:
            proxy = self._actor_proxies.get(attr_path)
            if proxy is None:
                proxy = ActorProxy(self.actor_ref, attr_path, _native=self._native)
                self._actor_proxies[attr_path] = proxy
            return proxy
        try:
            return _GIActorProxy.get_attr(self._native, ".".join(attr_path))
        except GLib.Error as error:
            return _failed_future(error)

    def __setattr__(self, name, value):
        if name == "actor_ref" or name.startswith("_"):
            return super().__setattr__(name, value)
        attr_path = ".".join(self._attr_path + (name,))
        _call_translating(_GIActorProxy.set_attr, self._native, attr_path, _to_gvalue(value))


_MISSING = object()
_GIActorProxy = Pykka.ActorProxy


def _is_traversable(attr):
    return (getattr(attr, "_pykka_traversable", False) is True
            or getattr(attr, "pykka_traversable", False) is True)


def _native_attributes(gtype, prefix, seen_types=()):
    """(path, _AttrInfo) for what a C actor type exposes, following object properties."""
    if gtype in seen_types or len(seen_types) > 4:
        return
    seen_types += (gtype,)
    base_types = {_GIActor.__gtype__, GObject.Object.__gtype__}
    seen = set()
    for signal_id in GObject.signal_list_ids(gtype):
        query = GObject.signal_query(signal_id)
        if query is None or query.signal_flags & GObject.SignalFlags.ACTION == 0:
            continue
        if query.itype in base_types:
            continue
        name = query.signal_name.replace("-", "_")
        if name not in seen:
            seen.add(name)
            yield prefix + (name,), _AttrInfo(callable=True, traversable=False)
    klass = gtype.pytype
    pspecs = GObject.list_properties(gtype) if klass is None else klass.list_properties()
    for pspec in pspecs:
        if pspec.owner_type in base_types:
            continue
        name = pspec.name.replace("-", "_")
        if name in seen:
            continue
        seen.add(name)
        value_type = pspec.value_type
        is_object = value_type.is_a(GObject.Object.__gtype__) and not value_type.is_a(
            _GIActorProxy.__gtype__)
        if value_type.is_a(_GIActorProxy.__gtype__):
            continue
        yield prefix + (name,), _AttrInfo(callable=False, traversable=is_object)
        if is_object:
            yield from _native_attributes(value_type, prefix + (name,), seen_types)


class CallableProxy:
    """A method of an actor, reached through a proxy: call it for a Future of the result
    (ask semantics), or ``defer()`` it (tell semantics: a failure goes to on_failure)."""

    def __init__(self, actor_ref, attr_path, *, _native=None):
        self.actor_ref = actor_ref
        self._attr_path = tuple(attr_path)
        if _native is None:
            _native = _call_translating(_GIActorRef.proxy, actor_ref)
        self._native = _native

    def _args(self, args, kwargs):
        values = [_to_gvalue(arg) for arg in args]
        if kwargs:
            values.append(_Kwargs(kwargs))
        return values

    def __call__(self, *args, **kwargs):
        try:
            return _GIActorProxy.call(self._native, ".".join(self._attr_path),
                                      self._args(args, kwargs))
        except GLib.Error as error:
            return _failed_future(error)

    def defer(self, *args, **kwargs):
        _call_translating(_GIActorProxy.defer, self._native, ".".join(self._attr_path),
                          self._args(args, kwargs))

    def __eq__(self, other):
        if not isinstance(other, CallableProxy):
            return False
        return self.actor_ref == other.actor_ref and self._attr_path == other._attr_path

    def __hash__(self):
        return hash((self.actor_ref, self._attr_path))

    def __repr__(self):
        return "<CallableProxy for %s, attr_path=%r>" % (self.actor_ref, self._attr_path)


__all__ += ["ActorProxy", "CallableProxy"]
