/* fuzz-common.h: what the libFuzzer targets of pykka-glib share
 *
 * An input reader, a decoder that turns bytes into GValues of many types (numbers, strings
 * with any bytes, None, objects, lists, bytes, variants, enums, string arrays, proxy
 * messages), and FuzzActor: an actor whose methods take parameters of those types and whose
 * properties hold values and traversable objects. One FuzzActor runs on a thread of its own
 * for the whole fuzzing session.
 *
 * The targets use the library's private functions too (they link the library's objects,
 * built with -fsanitize=fuzzer-no-link). Anything unexpected calls abort (), which libFuzzer
 * reports with the input: a critical (made fatal), an error code that the documented
 * semantics do not allow, a wrong result.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pykka-glib.h"
#include "pykka-attribute-path-private.h"

#define FUZZ_WAIT_US (20 * G_TIME_SPAN_SECOND)

#define FUZZ_ERROR (fuzz_error_quark ())
static inline GQuark
fuzz_error_quark (void)
{
  return g_quark_from_static_string ("fuzz-error-quark");
}

/* Fails the run (libFuzzer saves the input). */
#define fuzz_check(cond) \
  G_STMT_START { \
    if G_UNLIKELY (!(cond)) \
      { \
        fprintf (stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
        abort (); \
      } \
  } G_STMT_END

/* ------------------------------------------------------------------------------------------ */
/* Reading the input */

typedef struct
{
  const uint8_t *data;
  size_t size;
  size_t pos;
} FuzzInput;

static inline gboolean
fuzz_input_empty (FuzzInput *in)
{
  return in->pos >= in->size;
}

static inline guint8
fuzz_u8 (FuzzInput *in)
{
  return in->pos < in->size ? in->data[in->pos++] : 0;
}

static inline guint32
fuzz_u32 (FuzzInput *in)
{
  guint32 value = 0;

  for (guint i = 0; i < 4; i++)
    value = (value << 8) | fuzz_u8 (in);
  return value;
}

static inline guint64
fuzz_u64 (FuzzInput *in)
{
  return ((guint64) fuzz_u32 (in) << 32) | fuzz_u32 (in);
}

/* Up to @max bytes (the length is the next byte), NUL-terminated; any other bytes. */
static inline char *
fuzz_string (FuzzInput *in,
             gsize      max)
{
  gsize length = MIN ((gsize) fuzz_u8 (in), max);
  char *text;

  length = MIN (length, in->size - MIN (in->pos, in->size));
  text = g_malloc (length + 1);
  if (length > 0)
    memcpy (text, in->data + in->pos, length);
  text[length] = '\0';
  in->pos += length;
  return text;
}

/* ------------------------------------------------------------------------------------------ */
/* NestedThing and FuzzActor */

#define FUZZ_TYPE_NESTED_THING (fuzz_nested_thing_get_type ())
G_DECLARE_FINAL_TYPE (FuzzNestedThing, fuzz_nested_thing, FUZZ, NESTED_THING, GObject)

struct _FuzzNestedThing
{
  GObject parent_instance;
  char *value;
  FuzzNestedThing *inner;       /* NULL, or a traversable child */
};

G_DEFINE_FINAL_TYPE (FuzzNestedThing, fuzz_nested_thing, G_TYPE_OBJECT)

static char *
fuzz_nested_thing_hello (FuzzNestedThing *self,
                         gpointer         user_data)
{
  return g_strdup ("hello");
}

static void
fuzz_nested_thing_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FuzzNestedThing *self = FUZZ_NESTED_THING (object);

  if (prop_id == 1)
    g_value_set_string (value, self->value);
  else
    g_value_set_object (value, self->inner);
}

static void
fuzz_nested_thing_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FuzzNestedThing *self = FUZZ_NESTED_THING (object);

  g_free (self->value);
  self->value = g_value_dup_string (value);
}

static void
fuzz_nested_thing_finalize (GObject *object)
{
  FuzzNestedThing *self = FUZZ_NESTED_THING (object);

  g_free (self->value);
  g_clear_object (&self->inner);
  G_OBJECT_CLASS (fuzz_nested_thing_parent_class)->finalize (object);
}

static void
fuzz_nested_thing_class_init (FuzzNestedThingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = fuzz_nested_thing_get_property;
  object_class->set_property = fuzz_nested_thing_set_property;
  object_class->finalize = fuzz_nested_thing_finalize;
  g_object_class_install_property (object_class, 1,
    g_param_spec_string ("value", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, 2,
    g_param_spec_object ("inner", NULL, NULL, FUZZ_TYPE_NESTED_THING,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_signal_new_class_handler ("hello", G_TYPE_FROM_CLASS (klass),
                              G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                              G_CALLBACK (fuzz_nested_thing_hello), NULL, NULL, NULL,
                              G_TYPE_STRING, 0);
}

static void
fuzz_nested_thing_init (FuzzNestedThing *self)
{
}

#define FUZZ_TYPE_ACTOR (fuzz_actor_get_type ())
G_DECLARE_FINAL_TYPE (FuzzActor, fuzz_actor, FUZZ, ACTOR, PykkaActor)

struct _FuzzActor
{
  PykkaActor parent_instance;
  int number;
  char *text;
  gboolean flag;
  double ratio;
  char **strv;
  FuzzNestedThing *child;       /* traversable, with a traversable inner child */
  FuzzNestedThing *untraversed; /* not marked */
};

G_DEFINE_FINAL_TYPE (FuzzActor, fuzz_actor, PYKKA_TYPE_ACTOR)

enum
{
  FUZZ_PROP_0,
  FUZZ_PROP_NUMBER,
  FUZZ_PROP_TEXT,
  FUZZ_PROP_FLAG,
  FUZZ_PROP_RATIO,
  FUZZ_PROP_STRV,
  FUZZ_PROP_CHILD,
  FUZZ_PROP_UNTRAVERSED,
};

static int fuzz_take_int (FuzzActor *s, int v, gpointer d) { return v; }
static guint64 fuzz_take_uint64 (FuzzActor *s, guint64 v, gpointer d) { return v; }
static double fuzz_take_double (FuzzActor *s, double v, gpointer d) { return v; }
static gboolean fuzz_take_bool (FuzzActor *s, gboolean v, gpointer d) { return v; }
static float fuzz_take_float (FuzzActor *s, float v, gpointer d) { return v; }
static char *fuzz_take_string (FuzzActor *s, const char *v, gpointer d) { return g_strdup (v); }
static gboolean fuzz_take_object (FuzzActor *s, GObject *v, gpointer d) { return v != NULL; }
static gboolean fuzz_take_nested (FuzzActor *s, FuzzNestedThing *v, gpointer d) { return v != NULL; }
static guint fuzz_take_strv (FuzzActor *s, char **v, gpointer d) { return v ? g_strv_length (v) : 0; }
static guint64 fuzz_take_bytes (FuzzActor *s, GBytes *v, gpointer d) { return v ? g_bytes_get_size (v) : 0; }
static int fuzz_take_enum (FuzzActor *s, int v, gpointer d) { return v; }
static int fuzz_take_char (FuzzActor *s, gint8 v, gpointer d) { return v; }

static char *
fuzz_take_variant (FuzzActor *self,
                   GVariant  *variant,
                   gpointer   user_data)
{
  return variant != NULL ? g_variant_print (variant, TRUE) : g_strdup ("NULL");
}

static char *
fuzz_take_two (FuzzActor  *self,
               int         number,
               const char *text,
               gpointer    user_data)
{
  return g_strdup_printf ("%d:%s", number, text != NULL ? text : "(null)");
}

static void
fuzz_fail (FuzzActor  *self,
           GError    **error,
           gpointer    user_data)
{
  g_set_error_literal (error, FUZZ_ERROR, 1, "failed on purpose");
}

/* Messages that are not proxy messages come back as they are (an echo). */
static void
fuzz_actor_on_receive (PykkaActor    *actor,
                       const GValue  *message,
                       GValue        *reply,
                       GError       **error)
{
  g_value_init (reply, G_VALUE_TYPE (message));
  g_value_copy (message, reply);
}

static void
fuzz_actor_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FuzzActor *self = FUZZ_ACTOR (object);

  switch (prop_id)
    {
    case FUZZ_PROP_NUMBER: g_value_set_int (value, self->number); break;
    case FUZZ_PROP_TEXT: g_value_set_string (value, self->text); break;
    case FUZZ_PROP_FLAG: g_value_set_boolean (value, self->flag); break;
    case FUZZ_PROP_RATIO: g_value_set_double (value, self->ratio); break;
    case FUZZ_PROP_STRV: g_value_set_boxed (value, self->strv); break;
    case FUZZ_PROP_CHILD: g_value_set_object (value, self->child); break;
    case FUZZ_PROP_UNTRAVERSED: g_value_set_object (value, self->untraversed); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fuzz_actor_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FuzzActor *self = FUZZ_ACTOR (object);

  switch (prop_id)
    {
    case FUZZ_PROP_NUMBER: self->number = g_value_get_int (value); break;
    case FUZZ_PROP_TEXT: g_free (self->text); self->text = g_value_dup_string (value); break;
    case FUZZ_PROP_FLAG: self->flag = g_value_get_boolean (value); break;
    case FUZZ_PROP_RATIO: self->ratio = g_value_get_double (value); break;
    case FUZZ_PROP_STRV: g_strfreev (self->strv); self->strv = g_value_dup_boxed (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fuzz_actor_finalize (GObject *object)
{
  FuzzActor *self = FUZZ_ACTOR (object);

  g_free (self->text);
  g_strfreev (self->strv);
  g_clear_object (&self->child);
  g_clear_object (&self->untraversed);
  G_OBJECT_CLASS (fuzz_actor_parent_class)->finalize (object);
}

static void
fuzz_actor_class_init (FuzzActorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GType type = G_TYPE_FROM_CLASS (klass);
  GSignalFlags flags = G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION;

  object_class->get_property = fuzz_actor_get_property;
  object_class->set_property = fuzz_actor_set_property;
  object_class->finalize = fuzz_actor_finalize;
  PYKKA_ACTOR_CLASS (klass)->on_receive = fuzz_actor_on_receive;

  g_object_class_install_property (object_class, FUZZ_PROP_NUMBER,
    g_param_spec_int ("number", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, FUZZ_PROP_TEXT,
    g_param_spec_string ("text", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, FUZZ_PROP_FLAG,
    g_param_spec_boolean ("flag", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, FUZZ_PROP_RATIO,
    g_param_spec_double ("ratio", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, FUZZ_PROP_STRV,
    g_param_spec_boxed ("strv", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, FUZZ_PROP_CHILD,
    g_param_spec_object ("child", NULL, NULL, FUZZ_TYPE_NESTED_THING,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, FUZZ_PROP_UNTRAVERSED,
    g_param_spec_object ("untraversed", NULL, NULL, FUZZ_TYPE_NESTED_THING,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

#define METHOD(name, func, ret, ...) \
  g_signal_new_class_handler (name, type, flags, G_CALLBACK (func), NULL, NULL, NULL, \
                              ret, __VA_ARGS__)
  METHOD ("take-int", fuzz_take_int, G_TYPE_INT, 1, G_TYPE_INT);
  METHOD ("take-uint64", fuzz_take_uint64, G_TYPE_UINT64, 1, G_TYPE_UINT64);
  METHOD ("take-double", fuzz_take_double, G_TYPE_DOUBLE, 1, G_TYPE_DOUBLE);
  METHOD ("take-bool", fuzz_take_bool, G_TYPE_BOOLEAN, 1, G_TYPE_BOOLEAN);
  METHOD ("take-float", fuzz_take_float, G_TYPE_FLOAT, 1, G_TYPE_FLOAT);
  METHOD ("take-string", fuzz_take_string, G_TYPE_STRING, 1, G_TYPE_STRING);
  METHOD ("take-object", fuzz_take_object, G_TYPE_BOOLEAN, 1, G_TYPE_OBJECT);
  METHOD ("take-nested", fuzz_take_nested, G_TYPE_BOOLEAN, 1, FUZZ_TYPE_NESTED_THING);
  METHOD ("take-strv", fuzz_take_strv, G_TYPE_UINT, 1, G_TYPE_STRV);
  METHOD ("take-bytes", fuzz_take_bytes, G_TYPE_UINT64, 1, G_TYPE_BYTES);
  METHOD ("take-variant", fuzz_take_variant, G_TYPE_STRING, 1, G_TYPE_VARIANT);
  METHOD ("take-enum", fuzz_take_enum, G_TYPE_INT, 1, PYKKA_TYPE_ERROR);
  METHOD ("take-char", fuzz_take_char, G_TYPE_INT, 1, G_TYPE_CHAR);
  METHOD ("take-two", fuzz_take_two, G_TYPE_STRING, 2, G_TYPE_INT, G_TYPE_STRING);
  METHOD ("fail", fuzz_fail, G_TYPE_NONE, 1, G_TYPE_POINTER);
#undef METHOD
}

static void
fuzz_actor_init (FuzzActor *self)
{
  self->child = g_object_new (FUZZ_TYPE_NESTED_THING, NULL);
  self->child->inner = g_object_new (FUZZ_TYPE_NESTED_THING, NULL);
  pykka_traversable (G_OBJECT (self->child));
  pykka_traversable (G_OBJECT (self->child->inner));
  self->untraversed = g_object_new (FUZZ_TYPE_NESTED_THING, NULL);
}

/* Names a fuzz input may pick (the rest it spells itself). */
static const char * const fuzz_names[] = {
  "take_int", "take-uint64", "take_double", "take_bool", "take_float", "take_string",
  "take_object", "take_nested", "take_strv", "take_bytes", "take_variant", "take_enum",
  "take_char", "take_two", "fail", "number", "text", "flag", "ratio", "strv", "child",
  "untraversed", "child.hello", "child.value", "child.inner", "child.inner.hello",
  "child.inner.inner", "untraversed.hello", "untraversed.value", "nope", "actor_urn",
  "registry", "notify",
};

/* ------------------------------------------------------------------------------------------ */
/* The session: library set up once, one FuzzActor running */

typedef struct
{
  FuzzActor *actor;             /* started */
  PykkaActorRef *ref;
  PykkaActorProxy *proxy;
  FuzzActor *idle;              /* never started: for walks on objects */
  GObject *object;              /* a plain GObject */
} FuzzSession;

static FuzzSession fuzz_session;

static GLogWriterOutput
fuzz_quiet_writer (GLogLevelFlags   level,
                   const GLogField *fields,
                   gsize            n_fields,
                   gpointer         user_data)
{
  /* The actor's INFO records of returned errors would flood the output; anything worse
   * than a warning is fatal (always_fatal), so it still stops the run. */
  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) != 0)
    return g_log_writer_default (level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

static inline FuzzSession *
fuzz_session_get (void)
{
  if (fuzz_session.actor == NULL)
    {
      GError *error = NULL;

      g_log_set_writer_func (fuzz_quiet_writer, NULL, NULL);
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR);
      pykka_init ();
      fuzz_session.actor = g_object_new (FUZZ_TYPE_ACTOR, NULL);
      fuzz_session.ref = pykka_actor_start (PYKKA_ACTOR (fuzz_session.actor), &error);
      fuzz_check (fuzz_session.ref != NULL);
      fuzz_session.proxy = pykka_actor_ref_proxy (fuzz_session.ref, &error);
      fuzz_check (fuzz_session.proxy != NULL);
      fuzz_session.idle = g_object_new (FUZZ_TYPE_ACTOR, NULL);
      fuzz_session.object = g_object_new (G_TYPE_OBJECT, NULL);
    }
  return &fuzz_session;
}

/* ------------------------------------------------------------------------------------------ */
/* GValues from bytes */

static const char fuzz_static_target = 'p';

/* Initialises @value from the input. @allow_pointer: whether a non-NULL G_TYPE_POINTER may be
 * made (never for method arguments: a method's last G_TYPE_POINTER receives a GError **). */
static inline void
fuzz_value (FuzzInput *in,
            GValue    *value,
            guint      depth,
            gboolean   allow_pointer)
{
  switch (fuzz_u8 (in) % 20)
    {
    case 0:
      g_value_init (value, G_TYPE_INT);
      g_value_set_int (value, (int) fuzz_u32 (in));
      break;
    case 1:
      g_value_init (value, G_TYPE_UINT);
      g_value_set_uint (value, fuzz_u32 (in));
      break;
    case 2:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, (gint64) fuzz_u64 (in));
      break;
    case 3:
      {
        guint64 bits = fuzz_u64 (in);
        double number;

        memcpy (&number, &bits, sizeof number);
        g_value_init (value, G_TYPE_DOUBLE);
        g_value_set_double (value, number);
      }
      break;
    case 4:
      g_value_init (value, G_TYPE_BOOLEAN);
      g_value_set_boolean (value, fuzz_u8 (in) & 1);
      break;
    case 5:
      g_value_init (value, G_TYPE_STRING);
      g_value_take_string (value, fuzz_string (in, 255));
      break;
    case 6:
      pykka_value_init_none (value);
      break;
    case 7:
      g_value_init (value, G_TYPE_OBJECT);
      g_value_set_object (value, fuzz_session.object);
      break;
    case 8:
      g_value_init (value, FUZZ_TYPE_NESTED_THING);
      g_value_set_object (value, fuzz_session.actor->child);
      break;
    case 9:
      {
        GPtrArray *list = pykka_value_list_new ();
        guint n = depth < 3 ? fuzz_u8 (in) % 4 : 0;

        for (guint i = 0; i < n; i++)
          {
            GValue item = G_VALUE_INIT;

            fuzz_value (in, &item, depth + 1, allow_pointer);
            pykka_value_list_append (list, &item);
            g_value_unset (&item);
          }
        pykka_value_init_list (value, list);
        g_ptr_array_unref (list);
      }
      break;
    case 10:
      {
        char *bytes = fuzz_string (in, 255);

        g_value_init (value, G_TYPE_BYTES);
        g_value_take_boxed (value, g_bytes_new_take (bytes, strlen (bytes)));
      }
      break;
    case 11:
      g_value_init (value, G_TYPE_CHAR);
      g_value_set_schar (value, (gint8) fuzz_u8 (in));
      break;
    case 12:
      {
        guint32 bits = fuzz_u32 (in);
        float number;

        memcpy (&number, &bits, sizeof number);
        g_value_init (value, G_TYPE_FLOAT);
        g_value_set_float (value, number);
      }
      break;
    case 13:
      g_value_init (value, G_TYPE_UINT64);
      g_value_set_uint64 (value, fuzz_u64 (in));
      break;
    case 14:
      g_value_init (value, G_TYPE_GTYPE);
      g_value_set_gtype (value, fuzz_u8 (in) % 2 ? G_TYPE_INT : FUZZ_TYPE_ACTOR);
      break;
    case 15:
      {
        char *path = fuzz_string (in, 64);
        GValue args[2] = { G_VALUE_INIT, G_VALUE_INIT };
        guint n = depth < 2 ? fuzz_u8 (in) % 3 : 0;

        for (guint i = 0; i < n; i++)
          fuzz_value (in, &args[i], depth + 1, FALSE);
        g_value_init (value, PYKKA_TYPE_PROXY_CALL);
        g_value_take_boxed (value, pykka_proxy_call_new (path, args, n));
        for (guint i = 0; i < n; i++)
          g_value_unset (&args[i]);
        g_free (path);
      }
      break;
    case 16:
      g_value_init (value, G_TYPE_POINTER);
      g_value_set_pointer (value, allow_pointer && (fuzz_u8 (in) & 1)
                                  ? (gpointer) &fuzz_static_target : NULL);
      break;
    case 17:
      g_value_init (value, G_TYPE_VARIANT);
      if (fuzz_u8 (in) & 1)
        g_value_take_variant (value, g_variant_ref_sink (g_variant_new_int32 ((gint32) fuzz_u32 (in))));
      else
        {
          char *text = fuzz_string (in, 64);

          if (g_utf8_validate (text, -1, NULL))
            g_value_take_variant (value, g_variant_ref_sink (g_variant_new_string (text)));
          g_free (text);
        }
      break;
    case 18:
      g_value_init (value, PYKKA_TYPE_ERROR);
      g_value_set_enum (value, (int) fuzz_u32 (in));
      break;
    default:
      {
        guint n = fuzz_u8 (in) % 4;
        char **strv = g_new0 (char *, n + 1);

        for (guint i = 0; i < n; i++)
          strv[i] = fuzz_string (in, 32);
        g_value_init (value, G_TYPE_STRV);
        g_value_take_boxed (value, strv);
      }
      break;
    }
}

/* Waits for @future (consumed); returns its error, NULL on success. */
static inline GError *
fuzz_future_error (PykkaFuture *future,
                   GValue      *value)
{
  GValue local = G_VALUE_INIT;
  GError *error = NULL;

  if (value == NULL)
    value = &local;
  if (!pykka_future_get (future, FUZZ_WAIT_US, value, &error))
    fuzz_check (!g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_TIMEOUT));
  if (G_IS_VALUE (&local))
    g_value_unset (&local);
  g_object_unref (future);
  return error;
}

/* Whether @error is one that a proxy access may end with. */
static inline gboolean
fuzz_is_access_error (const GError *error)
{
  return g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT) ||
         g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_NO_SUCH_ATTRIBUTE) ||
         g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_NOT_TRAVERSABLE) ||
         g_error_matches (error, FUZZ_ERROR, 1);
}
