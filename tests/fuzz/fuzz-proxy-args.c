/* fuzz-proxy-args.c: libFuzzer target for the conversion of proxy arguments
 *
 * The input picks a method or property of FuzzActor and makes up to three GValues of any
 * type (see fuzz-common.h). They go through the conversion to every parameter type the actor
 * uses, the caller-side check of a call, the call itself on the running actor, the same call
 * sent as a PykkaProxyCall message without the check, and a property write. A call that the
 * caller-side check lets through must not fail for its arguments on the actor's side.
 *
 * SPDX-FileCopyrightText: 2026 The pykka-glib authors
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdio.h>

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char * const methods[] = {
  "take_int", "take_uint64", "take_double", "take_bool", "take_float", "take_string",
  "take_object", "take_nested", "take_strv", "take_bytes", "take_variant", "take_enum",
  "take_char", "take_two", "fail", "child.hello",
};

static const char * const properties[] = {
  "number", "text", "flag", "ratio", "strv", "child", "child.value",
};

static GType
param_type (guint i)
{
  GType types[] = {
    G_TYPE_INT, G_TYPE_UINT64, G_TYPE_DOUBLE, G_TYPE_BOOLEAN, G_TYPE_FLOAT, G_TYPE_STRING,
    G_TYPE_OBJECT, FUZZ_TYPE_NESTED_THING, G_TYPE_STRV, G_TYPE_BYTES, G_TYPE_VARIANT,
    PYKKA_TYPE_ERROR, G_TYPE_CHAR, G_TYPE_POINTER, G_TYPE_PTR_ARRAY, G_TYPE_UINT, G_TYPE_INT64,
  };

  return types[i % G_N_ELEMENTS (types)];
}

/* Every conversion either gives a value of the type or fails with INVALID_ARGUMENT. */
static void
check_conversions (const GValue *value)
{
  for (guint i = 0; i < 17; i++)
    {
      GValue dest = G_VALUE_INIT;
      GError *error = NULL;
      GType type = param_type (i);

      if (_pykka_value_convert (value, type, &dest, &error))
        {
          fuzz_check (error == NULL);
          fuzz_check (G_VALUE_HOLDS (&dest, type));
          g_value_unset (&dest);
        }
      else
        {
          fuzz_check (g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT));
          fuzz_check (!G_IS_VALUE (&dest));
          g_error_free (error);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  FuzzSession *session = fuzz_session_get ();
  FuzzInput in = { data, size, 0 };
  GValue args[3] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
  const char *method;
  const char *property;
  guint n_args;
  gboolean checked = FALSE;
  gboolean called = FALSE;
  GError *error = NULL;

  if (size == 0)
    return 0;
  method = methods[fuzz_u8 (&in) % G_N_ELEMENTS (methods)];
  property = properties[fuzz_u8 (&in) % G_N_ELEMENTS (properties)];
  n_args = fuzz_u8 (&in) % 4;
  for (guint i = 0; i < n_args; i++)
    fuzz_value (&in, &args[i], 0, FALSE);

  for (guint i = 0; i < n_args; i++)
    check_conversions (&args[i]);

  /* The caller-side check by itself (for methods of the actor itself). */
  if (strchr (method, '.') == NULL)
    {
      PykkaAttr attr;

      fuzz_check (_pykka_attr_lookup (FUZZ_TYPE_ACTOR, method, &attr));
      fuzz_check (attr.kind == PYKKA_ATTR_METHOD);
      checked = _pykka_attr_check_args (&attr, method, args, n_args, &error);
      if (!checked)
        fuzz_check (g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT));
      g_clear_error (&error);
    }

  /* The call through the proxy: refused at once exactly when the check refuses it, and once
   * let through, never refused for its arguments by the actor. */
  {
    PykkaFuture *future = pykka_actor_proxy_call (session->proxy, method, args, n_args, &error);

    if (future == NULL)
      {
        fuzz_check (g_error_matches (error, PYKKA_ERROR, PYKKA_ERROR_INVALID_ARGUMENT));
        g_clear_error (&error);
      }
    else
      {
        called = TRUE;
        error = fuzz_future_error (future, NULL);
        if (error != NULL)
          fuzz_check (g_error_matches (error, FUZZ_ERROR, 1));
        g_clear_error (&error);
      }
    if (strchr (method, '.') == NULL)
      fuzz_check (called == checked);
  }

  /* The same call as a message: the actor checks it itself. */
  {
    GValue message = G_VALUE_INIT;
    PykkaFuture *future;

    g_value_init (&message, PYKKA_TYPE_PROXY_CALL);
    g_value_take_boxed (&message, pykka_proxy_call_new (method, args, n_args));
    future = pykka_actor_ref_ask (session->ref, &message);
    error = fuzz_future_error (future, NULL);
    if (error != NULL)
      fuzz_check (fuzz_is_access_error (error));
    if (called)
      fuzz_check (error == NULL || g_error_matches (error, FUZZ_ERROR, 1));
    g_clear_error (&error);
    g_value_unset (&message);
  }

  /* A property write of the first value; once written, it reads back with the type. */
  if (n_args > 0)
    {
      if (pykka_actor_proxy_set_attr (session->proxy, property, &args[0], &error))
        {
          PykkaFuture *future = pykka_actor_proxy_get_attr (session->proxy, property, &error);
          GValue value = G_VALUE_INIT;

          fuzz_check (future != NULL);
          error = fuzz_future_error (future, &value);
          fuzz_check (error == NULL);
          g_value_unset (&value);
        }
      else
        {
          fuzz_check (fuzz_is_access_error (error));
          g_clear_error (&error);
        }
    }

  for (guint i = 0; i < n_args; i++)
    g_value_unset (&args[i]);
  return 0;
}
